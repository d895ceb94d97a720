/**
 * Errors are data (as in zod): every defect found in the input is an `Issue` with a location,
 * collected before the run stops and worded in one place (`formatIssue`).
 */
export type IssueSeverity = 'error' | 'warning' | 'notice';

/**
 * What kind of finding a warning is, for programs that read the manifest (the text stays the
 * `file:line:COLUMN: rule` of cli.md): an MMRM that fell back to a later covariance structure, a
 * negative binomial rate model replaced by Poisson, an effect that is not estimable, any other model
 * warning, a randomization stratum that disagrees with screening.
 */
export type IssueCode = 'MMRM_FALLBACK' | 'NB_POISSON' | 'NOT_ESTIMABLE' | 'MODEL_WARNING' | 'STRATUM_DEVIATION';

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
  /** The kind of finding, where it has one (analysis warnings, deviations). */
  readonly code?: IssueCode;
}

/**
 * An issue; its text (file, rule, column) with every control and bidirectional formatting character
 * escaped, JSON style (`\u001b`, `\n`): a rule may quote a cell of the input, and an escape sequence
 * in it must not act on the terminal that prints the diagnostics (issue 13).
 */
export function issue(
  severity: IssueSeverity,
  file: string,
  rule: string,
  line?: number,
  column?: string,
  code?: IssueCode,
): Issue {
  return {
    severity,
    file: escapeControls(file),
    rule: escapeControls(rule),
    ...(line === undefined ? {} : { line }),
    ...(column === undefined ? {} : { column: escapeControls(column) }),
    ...(code === undefined ? {} : { code }),
  };
}

/** C0 and C1 controls, DEL, and the bidirectional overrides and isolates. */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `text` with each control or bidirectional formatting character written as a JSON-style escape. */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, (c) => SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
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
