/**
 * `sle-msc simulate --seed S --n N --out DIR`: writes a synthetic lock to `DIR/lock/` and its
 * randomization file to `DIR/randomization.csv` (beside the lock, never inside it).
 *
 * Files are streamed subject by subject into a temporary folder inside DIR (hashing as they go, so a
 * large n never sits in memory as one string), then moved into place; a failed run leaves DIR's
 * previous `lock/` and `randomization.csv` as they were. Other content of DIR (e.g. a README) is kept.
 * An existing `DIR/lock` that holds anything but lock files is refused (exit 73).
 */
import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXIT, RunError } from '../core/exit-codes.js';
import { LOCK_FILE_NAMES, lockJson } from '../simulate/lock-files.js';
import type { LockFileName } from '../simulate/lock-files.js';
import { simulateTrialStream } from '../simulate/simulate-trial.js';
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
    throw new RunError(EXIT.CANTCREAT, `${lockDir} holds files that are not part of a lock (${foreign.slice(0, 3).join(', ')}); not replacing it`);
  }
}

/** Streams the lock's files into `dir`; returns the SHA-256 of each. */
function writeLockFiles(dir: string, opts: SimulateCommandOptions): { hashes: Record<string, string>; randomizationCsv: string } {
  const stream = simulateTrialStream({ seed: opts.seed, n: opts.n });
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

export async function runSimulateCommand(opts: SimulateCommandOptions, io: CliIo): Promise<void> {
  const outDir = resolve(io.cwd, opts.out);
  const lockDir = join(outDir, 'lock');
  const randFile = join(outDir, 'randomization.csv');
  // Unique per process and call; no clock, so nothing in the output depends on when it ran.
  const tag = `${process.pid}-${Math.floor(Math.random() * 1e9)}`;
  const tmp = join(outDir, `.simulate-${tag}`);
  const old = join(outDir, `.simulate-old-${tag}`);
  try {
    mkdirSync(outDir, { recursive: true });
    assertReplaceableLock(lockDir);
    mkdirSync(join(tmp, 'lock'), { recursive: true });
    const { hashes, randomizationCsv } = writeLockFiles(join(tmp, 'lock'), opts);
    writeFileSync(join(tmp, 'lock', 'lock.json'), lockJson(hashes));
    writeFileSync(join(tmp, 'randomization.csv'), randomizationCsv);
    if (existsSync(lockDir)) renameSync(lockDir, old);
    renameSync(join(tmp, 'lock'), lockDir);
    renameSync(join(tmp, 'randomization.csv'), randFile);
  } catch (e) {
    if (e instanceof RunError) throw e;
    // Put a previous lock back if the swap failed half-way.
    quietly(() => existsSync(old) && !existsSync(lockDir) && renameSync(old, lockDir));
    throw new RunError(EXIT.CANTCREAT, `cannot write the simulated lock to ${outDir}: ${(e as Error).message}`);
  } finally {
    quietly(() => rmSync(tmp, { recursive: true, force: true }));
    quietly(() => rmSync(old, { recursive: true, force: true }));
  }
  io.stdout(`simulated ${opts.n} subjects (seed ${opts.seed}): ${lockDir} and ${randFile}\n`);
}
