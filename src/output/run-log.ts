/**
 * `log.txt`, the run's log (cli.md "Output folder"): what ran, on what, what it read, every warning and
 * notice, the model each analysis used, and how long each stage took — what a SAS log gives a
 * statistician, in plain text.
 *
 * Everything above the `## Timings` section is a function of the inputs, the tool and the machine's
 * Node.js; the timings are the only clock-dependent part, so `sle-msc compare` ignores that section (and
 * the command line, which names the output folder) and the manifest lists log.txt without a hash
 * (output-folder reruns stay byte-identical everywhere else).
 */
import type { ArdRow } from '../ard/types.js';
import { escapeControls, formatIssue, type Issue } from '../core/issues.js';
import { compareCodeUnits } from './paths.js';

export const RUN_LOG_FILE = 'log.txt';
export const TIMINGS_HEADING = '## Timings';
const COMMAND_PREFIX = 'command: ';

export interface RunLogInput {
  readonly toolVersion: string;
  readonly sapVersion: string;
  /** `process.version`, e.g. `v20.20.2`. */
  readonly nodeVersion: string;
  /** `${process.platform} ${process.arch}`. */
  readonly platform: string;
  /** The arguments after `sle-msc`, as given. */
  readonly commandLine: readonly string[];
  readonly lockId: string | null;
  readonly draft: boolean;
  /** `blinded`, `randomization`, `dummy (seed S)`. */
  readonly blinding: string;
  /** Every input read, with its SHA-256 (where it was read from is in the command line). */
  readonly inputs: readonly { readonly name: string; readonly sha256: string }[];
  /** Warnings and notices of the lock, the randomization file and the analysis. */
  readonly issues: readonly Issue[];
  readonly ard: readonly ArdRow[];
  /** Stage name and wall time in milliseconds, in run order. */
  readonly timings: readonly { readonly stage: string; readonly ms: number }[];
}

/** A command-line word as a POSIX shell would need it quoted to mean the same. */
function shellWord(w: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(w) ? w : `'${w.replaceAll("'", `'\\''`)}'`;
}

/**
 * The method of each model-based analysis, from the ARD (the single source): for MMRM the covariance
 * structure the SAP's fallback chose (`MMRM-<COV>-<DF>`), for flare rates NEGBIN or POISSON, and so on.
 */
export function modelsUsed(ard: readonly ArdRow[]): string[] {
  const MODEL_STATS = new Set(['lsmean', 'rr', 'or', 'hr']);
  const seen = new Map<string, Set<string>>();
  for (const r of ard) {
    if (r.method === '' || !MODEL_STATS.has(r.stat)) continue;
    const key = [r.endpoint, r.param].filter((x) => x !== '').join(' ');
    const methods = seen.get(key) ?? new Set<string>();
    methods.add(r.method);
    seen.set(key, methods);
  }
  return [...seen.entries()]
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .map(([key, methods]) => `${key}: ${[...methods].sort(compareCodeUnits).join(', ')}`);
}

export function buildRunLog(input: RunLogInput): string {
  const lines: string[] = ['# sle-msc run log', ''];
  lines.push('## Run');
  lines.push(`tool: sle-msc ${input.toolVersion}`);
  lines.push(`SAP settings version: ${input.sapVersion}`);
  lines.push(`Node.js: ${input.nodeVersion} (${input.platform})`);
  lines.push(`${COMMAND_PREFIX}sle-msc ${input.commandLine.map(shellWord).join(' ')}`);
  lines.push(
    `lock: ${input.lockId ?? '(none: draft)'}${input.draft ? ' DRAFT (lock.json missing or not matching)' : ''}`,
  );
  lines.push(`blinding: ${input.blinding}`);
  lines.push('');
  lines.push('## Inputs (SHA-256)');
  for (const i of [...input.inputs].sort((a, b) => compareCodeUnits(a.name, b.name)))
    lines.push(`${i.sha256}  ${i.name}`);
  lines.push('');
  const warnings = input.issues.filter((i) => i.severity === 'warning');
  const notices = input.issues.filter((i) => i.severity === 'notice');
  lines.push(`## Warnings (${warnings.length})`);
  for (const w of warnings) lines.push(formatIssue(w));
  lines.push('');
  lines.push(`## Notices (${notices.length})`);
  for (const n of notices) lines.push(formatIssue(n));
  lines.push('');
  const models = modelsUsed(input.ard);
  lines.push(`## Models (${models.length})`);
  lines.push(...models);
  lines.push('');
  lines.push(`${TIMINGS_HEADING} (wall clock; the only part that differs between reruns)`);
  for (const t of input.timings) lines.push(`${t.stage}: ${Math.round(t.ms)} ms`);
  // Input text (issues, the command line) never reaches the log raw.
  return `${lines.map(escapeControls).join('\n')}\n`;
}

/** The log without its timings section. */
export function withoutTimings(text: string): string {
  const at = text.indexOf(`\n${TIMINGS_HEADING}`);
  return at < 0 ? text : text.slice(0, at + 1);
}

/**
 * What two runs on the same inputs must agree on: the log without its timings and without the command
 * line (which names the output folder, different for the two runs `compare` is given).
 */
export function comparableLogText(text: string): string {
  return withoutTimings(text)
    .split('\n')
    .filter((l) => !l.startsWith(COMMAND_PREFIX))
    .join('\n');
}
