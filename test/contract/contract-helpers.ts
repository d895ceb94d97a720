/**
 * Helpers of the contract audit (test/contract/): the CLI run in-process with a chosen terminal flag and
 * environment (test/helpers/cli.ts always says "no terminal, NO_COLOR"), and a folder read as bytes.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { main } from '../../src/cli/main.js';
import { comparableFile } from '../helpers/output-tree.js';

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runMain(
  argv: readonly string[],
  cwd: string,
  opts: { env?: NodeJS.ProcessEnv; tty?: boolean } = {},
): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    env: opts.env ?? {},
    cwd,
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    stderrIsTty: opts.tty ?? false,
  });
  return { code, stdout, stderr };
}

/**
 * Every file under `dir` by `/`-separated relative path, as bytes, in code-unit order; log.txt as what two
 * runs on the same inputs must agree on (without its timings and command line: src/output/run-log.ts).
 */
export function readTree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p).split(sep).join('/'), comparableFile(name, readFileSync(p)));
    }
  };
  walk(dir);
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** True when two trees hold the same paths with the same bytes. */
export function sameTree(a: ReadonlyMap<string, Buffer>, b: ReadonlyMap<string, Buffer>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (!b.get(k)?.equals(v)) return false;
  return true;
}

/** Arm codes and names of randomization.md as they could appear in any output (the e2e test's list). */
export const ARM_TOKENS = [
  'PBO',
  'MSC1E6',
  'MSC5E6',
  'Placebo',
  'MSC 1x10^6',
  'MSC 5x10^6',
  'MSC 1\u00d710\u2076',
  'MSC 5\u00d710\u2076',
  '\u00d710\u2076',
  'cells/kg',
] as const;

/** ANSI SGR escape (colour). */
export const ANSI = /\u001b\[/;
