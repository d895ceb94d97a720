/**
 * `sle-msc check LOCKDIR [--randomization FILE] [--format text|json]` (cli.md): validates a lock (and a
 * randomization file) against every rule of the data transfer specification without analysing it, for
 * data managers before the lock. Exit 0 when no rule is broken (warnings allowed), 65 otherwise; a path
 * that cannot be read is 66. `--format json` prints one JSON array of every issue on stdout.
 */
import { resolve } from 'node:path';
import { EXIT, RunError, type ExitCode } from '../core/exit-codes.js';
import { formatIssue, hasErrors, type Issue } from '../core/issues.js';
import { printIssues } from './diagnostics.js';
import type { CliIo } from './io.js';
import { loadRunInputs } from './load-inputs.js';

export interface CheckCommandOptions {
  readonly lockDir: string;
  readonly randomization: string | null;
  readonly format: 'text' | 'json';
  /** Check a folder whose lock.json is missing or does not match (before the lock). */
  readonly draft: boolean;
  readonly maxErrors: number;
}

/** One issue as `check --format json` prints it. */
export interface IssueJson {
  readonly file: string;
  readonly line: number | null;
  readonly column: string | null;
  readonly rule: string;
  readonly message: string;
  readonly severity: Issue['severity'];
}

export function issueJson(i: Issue): IssueJson {
  return {
    file: i.file,
    line: i.line ?? null,
    column: i.column ?? null,
    rule: i.rule,
    message: formatIssue(i),
    severity: i.severity,
  };
}

export async function runCheckCommand(opts: CheckCommandOptions, io: CliIo): Promise<ExitCode> {
  const lockDir = resolve(io.cwd, opts.lockDir);
  const randomization = opts.randomization === null ? null : resolve(io.cwd, opts.randomization);
  let issues: readonly Issue[];
  let subjects: number | null = null;
  try {
    const inputs = await loadRunInputs(lockDir, randomization, opts.draft);
    issues = inputs.issues;
    subjects = inputs.lock.dm.length;
  } catch (e) {
    // A path that cannot be read stays 66 (and prints as usual); broken rules are the check's result.
    if (!(e instanceof RunError) || e.exitCode !== EXIT.DATAERR) throw e;
    issues = e.issues;
  }
  const failed = hasErrors(issues) || subjects === null;
  if (opts.format === 'json') {
    io.stdout(`${JSON.stringify(issues.map(issueJson), null, 2)}\n`);
  } else {
    printIssues(io, issues, opts.maxErrors);
  }
  if (!io.quiet || failed) {
    const errors = issues.filter((i) => i.severity === 'error').length;
    const warnings = issues.length - errors;
    io.stderr(
      failed
        ? `sle-msc: ${opts.lockDir} breaks the data transfer specification (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} or notice${warnings === 1 ? '' : 's'})\n`
        : `sle-msc: ${opts.lockDir} conforms to the data transfer specification (${subjects} subjects${randomization === null ? '' : ', randomization file included'}; ${warnings} warning${warnings === 1 ? '' : 's'} or notice${warnings === 1 ? '' : 's'})\n`,
    );
  }
  return failed ? EXIT.DATAERR : EXIT.OK;
}
