/**
 * Titles and footnotes a sponsor words without a code change (SAP §10; settings `display.shells`): the
 * program's specs keep their numbers, rows and footnote letters, and a shell replaces only the wording
 * around them. Applied to table, listing and figure specs alike before they are rendered, so the
 * entry page, the RTF header and the text file all carry the same words.
 */
import { issue, type Issue } from '../core/issues.js';

export interface OutputShell {
  /** Replace the program's title lines (the `Table 14.x` line and the population stay). */
  readonly titles?: readonly string[] | undefined;
  /** Printed after the program's own footnotes. */
  readonly footnotes?: readonly string[] | undefined;
}

export type OutputShells = Readonly<Record<string, OutputShell>>;

interface WordedSpec {
  readonly id: string;
  readonly titles: readonly string[];
  readonly footnotes: readonly string[];
}

/**
 * `spec` in the sponsor's words. `fixedTitles` leading title lines are the program's and stay (a figure's
 * first title is its `Figure F-14.x` line, drawn into the picture).
 */
export function applyShell<T extends WordedSpec>(spec: T, shells: OutputShells, fixedTitles = 0): T {
  const shell = Object.hasOwn(shells, spec.id) ? shells[spec.id] : undefined;
  if (shell === undefined) return spec;
  return {
    ...spec,
    titles: shell.titles === undefined ? spec.titles : [...spec.titles.slice(0, fixedTitles), ...shell.titles],
    footnotes: shell.footnotes === undefined ? spec.footnotes : [...spec.footnotes, ...shell.footnotes],
  };
}

/**
 * A shell naming no output of this run is a notice, not an error: outputs that compare arms exist only in
 * unblinded runs, so one settings file serves both (the notice names no arm and does not depend on the
 * randomization file).
 */
export function unusedShellNotices(shells: OutputShells, producedIds: ReadonlySet<string>): Issue[] {
  return Object.keys(shells)
    .filter((id) => !producedIds.has(id))
    .sort()
    .map((id) =>
      issue('notice', 'sap/settings.json', `display.shells.${id}: this run has no output ${id}; its shell is not used`),
    );
}
