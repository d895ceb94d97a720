/**
 * Errors are data (as in zod): every defect found in the input is an `Issue` with a location,
 * collected before the run stops and worded in one place (`formatIssue`).
 */
export type IssueSeverity = 'error' | 'warning' | 'notice';

export interface Issue {
  readonly severity: IssueSeverity;
  /** File name as the user knows it, relative to the lock folder (e.g. `dm.csv`) or as given on the command line. */
  readonly file: string;
  /** Physical line in the file (header = 1); absent for file-level rules. */
  readonly line?: number;
  /** Column name (upper case, as in the header); absent for row- or file-level rules. */
  readonly column?: string;
  /** The rule broken, in words a data manager understands. */
  readonly rule: string;
}

export function issue(
  severity: IssueSeverity,
  file: string,
  rule: string,
  line?: number,
  column?: string,
): Issue {
  return {
    severity,
    file,
    rule,
    ...(line === undefined ? {} : { line }),
    ...(column === undefined ? {} : { column }),
  };
}

/** `file:line:COLUMN: rule`, with the parts that are known (the contract of cli.md). */
export function formatIssue(i: Issue): string {
  let loc = i.file;
  if (i.line !== undefined) loc += `:${i.line}`;
  if (i.column !== undefined) loc += `:${i.column}`;
  return `${loc}: ${i.rule}`;
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
