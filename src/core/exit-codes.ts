/** Exit codes of the command-line contract (../shared/cli.md), sysexits.h names. */
export const EXIT = {
  OK: 0,
  /** `compare`: the two output folders differ (diff(1) convention). */
  DIFFERENT: 1,
  USAGE: 64,
  DATAERR: 65,
  NOINPUT: 66,
  SOFTWARE: 70,
  CANTCREAT: 73,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * An expected failure with its exit code and the issues that explain it. Anything else thrown is a
 * bug (exit 70, the only case that prints a stack trace).
 */
export class RunError extends Error {
  readonly exitCode: ExitCode;
  readonly issues: readonly import('./issues.js').Issue[];
  constructor(exitCode: ExitCode, message: string, issues: readonly import('./issues.js').Issue[] = []) {
    super(message);
    this.name = 'RunError';
    this.exitCode = exitCode;
    this.issues = issues;
  }
}
