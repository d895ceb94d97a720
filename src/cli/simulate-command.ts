/**
 * `sle-msc simulate --seed S --n N --out DIR`: writes a synthetic lock to `DIR/lock/` and its
 * randomization file to `DIR/randomization.csv` (beside the lock, never inside it).
 *
 * Files are streamed subject by subject into a temporary folder inside DIR (hashing as they go, so a
 * large n never sits in memory as one string), then moved into place; a failed run leaves DIR's
 * previous `lock/` and `randomization.csv` as they were. Other content of DIR (e.g. a README) is kept.
 * An existing `DIR/lock` that holds anything but lock files is refused (exit 73).
 *
 * n is 1 to MAX_SIMULATED_SUBJECTS (100,000); anything else is a usage error (64) before anything is
 * created. The temporary folder is removed on every failure; one left by a killed run (its process no
 * longer exists) is removed by the next run into the same DIR.
 */
import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { EXIT, RunError } from '../core/exit-codes.js';
import { LOCK_FILE_NAMES, lockJson } from '../simulate/lock-files.js';
import type { LockFileName } from '../simulate/lock-files.js';
import { simulateTrialStream } from '../simulate/simulate-trial.js';
import { MAX_SIMULATED_SUBJECTS } from '../simulate/trial-plan.js';
import type { CliIo } from './io.js';

export interface SimulateCommandOptions {
  readonly seed: string;
  readonly n: number;
  readonly out: string;
}

const LOCK_CONTENT: ReadonlySet<string> = new Set([...LOCK_FILE_NAMES, 'lock.json']);

function assertReplaceableLock(lockDir: string): void {
  if (!existsSync(lockDir)) return;
  if (!statSync(lockDir).isDirectory()) throw new RunError(EXIT.CANTCREAT, `${lockDir} exists and is not a folder`);
  const foreign = readdirSync(lockDir).filter((f) => !LOCK_CONTENT.has(f));
  if (foreign.length > 0) {
    throw new RunError(
      EXIT.CANTCREAT,
      `${lockDir} holds files that are not part of a lock (${foreign.slice(0, 3).join(', ')}); not replacing it`,
    );
  }
}

/** Streams the lock's files into `dir`; returns the SHA-256 of each. */
function writeLockFiles(
  dir: string,
  opts: SimulateCommandOptions,
  simulate: typeof simulateTrialStream,
): { hashes: Record<string, string>; randomizationCsv: string } {
  const stream = simulate({ seed: opts.seed, n: opts.n });
  const fds = new Map<LockFileName, number>();
  const hashes = new Map<LockFileName, Hash>();
  try {
    for (const f of LOCK_FILE_NAMES) {
      fds.set(f, openSync(join(dir, f), 'w'));
      hashes.set(f, createHash('sha256'));
    }
    for (const chunk of stream.chunks) {
      writeSync(fds.get(chunk.file) as number, chunk.text, null, 'utf8');
      hashes.get(chunk.file)?.update(chunk.text, 'utf8');
    }
  } finally {
    for (const fd of fds.values()) closeSync(fd);
  }
  const hex: Record<string, string> = {};
  for (const [f, h] of hashes) hex[f] = h.digest('hex');
  return { hashes: hex, randomizationCsv: stream.randomizationCsv };
}

/** Clean-up that must not hide the error being reported (e.g. a temp folder that was never made). */
function quietly(f: () => unknown): void {
  try {
    f();
  } catch {
    // nothing to undo
  }
}

/** cli.md: a bad option value is a usage error, refused before anything is written. */
function assertSubjectCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 1 || n > MAX_SIMULATED_SUBJECTS)
    throw new RunError(
      EXIT.USAGE,
      `--n ${n}: must be a whole number from 1 to ${MAX_SIMULATED_SUBJECTS.toLocaleString('en-US')}`,
    );
}

const TEMP_NAME = /^\.simulate-(?:old-)?(\d+)-\d+$/;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Temporary folders of earlier runs into DIR whose process is gone (killed before its clean-up). A
 * previous lock set aside (`.simulate-old-*`) by a run killed mid-swap goes back to DIR/lock first.
 */
function removeStaleTemporaries(outDir: string, lockDir: string): void {
  const stale = readdirSync(outDir)
    .filter((name) => {
      const m = TEMP_NAME.exec(name);
      return m !== null && !processAlive(Number(m[1]));
    })
    .sort((a, b) => Number(b.startsWith('.simulate-old-')) - Number(a.startsWith('.simulate-old-')));
  for (const name of stale) {
    const path = join(outDir, name);
    if (name.startsWith('.simulate-old-') && !existsSync(lockDir)) quietly(() => renameSync(path, lockDir));
    else quietly(() => rmSync(path, { recursive: true, force: true }));
  }
}

/** DIR/randomization.csv may be absent or a file (replaced); anything else is refused before writing. */
function assertReplaceableFile(file: string): void {
  if (existsSync(file) && !statSync(file).isFile())
    throw new RunError(EXIT.CANTCREAT, `${file} exists and is not a file`);
}

/**
 * `simulate` (injectable: tests replace the generator by one that fails part-way, as a full disk would).
 */
export async function runSimulateCommand(
  opts: SimulateCommandOptions,
  io: CliIo,
  simulate: typeof simulateTrialStream = simulateTrialStream,
): Promise<void> {
  assertSubjectCount(opts.n);
  const outDir = resolve(io.cwd, opts.out);
  const lockDir = join(outDir, 'lock');
  const randFile = join(outDir, 'randomization.csv');
  // Unique per process and call; no clock, so nothing in the output depends on when it ran.
  const tag = `${process.pid}-${Math.floor(Math.random() * 1e9)}`;
  const tmp = join(outDir, `.simulate-${tag}`);
  const old = join(outDir, `.simulate-old-${tag}`);
  const createdOutDir = !existsSync(outDir);
  let swapped = false;
  try {
    mkdirSync(outDir, { recursive: true });
    removeStaleTemporaries(outDir, lockDir);
    assertReplaceableLock(lockDir);
    assertReplaceableFile(randFile);
    mkdirSync(join(tmp, 'lock'), { recursive: true });
    const { hashes, randomizationCsv } = writeLockFiles(join(tmp, 'lock'), opts, simulate);
    writeFileSync(join(tmp, 'lock', 'lock.json'), lockJson(hashes));
    writeFileSync(join(tmp, 'randomization.csv'), randomizationCsv);
    if (existsSync(lockDir)) renameSync(lockDir, old);
    renameSync(join(tmp, 'lock'), lockDir);
    swapped = true;
    renameSync(join(tmp, 'randomization.csv'), randFile);
  } catch (e) {
    // Put a previous lock back if the swap failed half-way (the new lock goes with the temporary files).
    if (swapped) quietly(() => renameSync(lockDir, join(tmp, 'lock')));
    quietly(() => existsSync(old) && !existsSync(lockDir) && renameSync(old, lockDir));
    quietly(() => rmSync(tmp, { recursive: true, force: true }));
    if (createdOutDir) quietly(() => readdirSync(outDir).length === 0 && rmSync(outDir, { recursive: true }));
    if (e instanceof RunError) throw e;
    throw new RunError(EXIT.CANTCREAT, `cannot write the simulated lock to ${outDir}: ${(e as Error).message}`);
  } finally {
    quietly(() => rmSync(tmp, { recursive: true, force: true }));
    quietly(() => rmSync(old, { recursive: true, force: true }));
  }
  io.stdout(`simulated ${opts.n} subjects (seed ${opts.seed}): ${lockDir} and ${randFile}\n`);
}
