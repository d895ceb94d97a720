/**
 * Prints issues as the command-line contract wants them: `file:line:COLUMN: rule` on stderr, the first
 * `maxErrors` errors then `… and N more`; warnings and notices after, unless --quiet. Colour only when
 * the CliIo says so (terminal and no NO_COLOR).
 */
import { Chalk } from 'chalk';
import { formatIssue, type Issue } from '../core/issues.js';
import type { CliIo } from './io.js';

export function printIssues(io: CliIo, issues: readonly Issue[], maxErrors: number): void {
  const chalk = new Chalk({ level: io.color ? 1 : 0 });
  const errors = issues.filter((i) => i.severity === 'error');
  const others = issues.filter((i) => i.severity !== 'error');
  const shown = errors.slice(0, maxErrors);
  for (const e of shown) io.stderr(`${chalk.red('error')} ${formatIssue(e)}\n`);
  if (errors.length > shown.length) io.stderr(`… and ${errors.length - shown.length} more\n`);
  if (io.quiet) return;
  for (const w of others) {
    const tag = w.severity === 'warning' ? chalk.yellow('warning') : chalk.cyan('notice');
    io.stderr(`${tag} ${formatIssue(w)}\n`);
  }
}

/** Colour on a terminal only, never with NO_COLOR; FORCE_COLOR (non-empty, not 0) forces it. */
export function colorWanted(env: NodeJS.ProcessEnv, isTty: boolean): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true;
  return isTty;
}
