/**
 * The inputs a command names on its command line, read together: the lock folder and, when given,
 * the randomization file. Every defect of both is collected before the run stops (cli.md), so a broken
 * lock does not hide the randomization file's own defects; the file's rules that need the lock (its
 * subjects, who was infused) are checked only once the lock is sound.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { EXIT, RunError } from '../core/exit-codes.js';
import type { Issue } from '../core/issues.js';
import { readLock, readRandomization } from '../lock/index.js';
import type { Lock, RandomizationRow } from '../lock/types.js';

export interface RunInputs {
  readonly lock: Lock;
  /** Rows of the randomization file, null when none was given. */
  readonly randomization: readonly RandomizationRow[] | null;
  /** Warnings and notices of both files (errors stop the run). */
  readonly issues: readonly Issue[];
}

const errorCount = (issues: readonly Issue[]) => issues.filter((i) => i.severity === 'error').length;
const plural = (n: number) => `${n} error${n === 1 ? '' : 's'}`;

/**
 * Reads `lockDir` and, unless null, `randomizationFile`. Throws RunError(NOINPUT) when either cannot be
 * read (carrying the lock's issues found so far, so they are printed too), RunError(DATAERR) with the
 * issues of both when either breaks the data transfer specification.
 */
export async function loadRunInputs(
  lockDir: string,
  randomizationFile: string | null,
  draft: boolean,
): Promise<RunInputs> {
  const { lock, issues: lockIssues } = await readLock(lockDir, { draft });
  let rand: Awaited<ReturnType<typeof readRandomization>> | null = null;
  if (randomizationFile !== null) {
    try {
      rand = await readRandomization(randomizationFile, lock);
    } catch (e) {
      if (e instanceof RunError) throw new RunError(e.exitCode, e.message, [...lockIssues, ...e.issues]);
      throw e;
    }
  }
  const issues = [...lockIssues, ...(rand?.issues ?? [])];
  const lockErrors = errorCount(lockIssues);
  const randErrors = errorCount(rand?.issues ?? []);
  if (lock === null || randErrors > 0) {
    const parts = [
      ...(lockErrors > 0
        ? [`the lock in ${lockDir} breaks the data transfer specification (${plural(lockErrors)})`]
        : []),
      ...(randErrors > 0
        ? [
            `the randomization file ${randomizationFile ?? ''} breaks the data transfer specification (${plural(randErrors)})`,
          ]
        : []),
    ];
    throw new RunError(EXIT.DATAERR, parts.join('; '), issues);
  }
  return { lock, randomization: rand?.rows ?? null, issues };
}

/** A file named on the command line must exist and be readable: exit 66 otherwise (cli.md). */
export function assertReadableFile(path: string, what: string): void {
  try {
    if (!statSync(path).isFile()) throw new RunError(EXIT.NOINPUT, `${what} ${path} is not a file`);
    accessSync(path, constants.R_OK);
  } catch (e) {
    if (e instanceof RunError) throw e;
    throw new RunError(EXIT.NOINPUT, `cannot read ${what} ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}
