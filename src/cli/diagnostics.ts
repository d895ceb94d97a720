/**
 * Prints issues as the command-line contract wants them (../shared/cli.md): each on its own stderr line
 * starting with `file:line:COLUMN: ` so that editors and CI can parse it. An error is exactly
 * `file:line:COLUMN: rule`; a warning or notice says so right after the location
 * (`file:line:COLUMN: warning: rule`, the GCC convention). The first `maxErrors` errors are printed,
 * then `… and N more`; warnings and notices after them, unless --quiet. Colour only when the CliIo
 * says so (terminal and no NO_COLOR).
 */
import { Chalk } from 'chalk';
import { formatIssue, type Issue } from '../core/issues.js';
import type { CliIo } from './io.js';

export function printIssues(io: CliIo, issues: readonly Issue[], maxErrors: number): void {
  const chalk = new Chalk({ level: io.color ? 1 : 0 });
  const errors = issues.filter((i) => i.severity === 'error');
  const others = issues.filter((i) => i.severity !== 'error');
  const shown = errors.slice(0, maxErrors);
  for (const e of shown) io.stderr(`${chalk.red(formatIssue(e))}\n`);
  if (errors.length > shown.length) io.stderr(`… and ${errors.length - shown.length} more\n`);
  if (io.quiet) return;
  for (const w of others) {
    const tag = w.severity === 'warning' ? chalk.yellow('warning:') : chalk.cyan('notice:');
    io.stderr(`${formatIssue({ ...w, rule: `${tag} ${w.rule}` })}\n`);
  }
}

/**
 * Colour only on a terminal and never when NO_COLOR is set (cli.md), whatever its value: the contract
 * says "set", so an empty NO_COLOR counts too. FORCE_COLOR is deliberately not honoured: it would put
 * escape codes into a file or pipe, which the contract rules out.
 */
export function colorWanted(env: NodeJS.ProcessEnv, isTty: boolean): boolean {
  if (env.NO_COLOR !== undefined) return false;
  return isTty;
}
