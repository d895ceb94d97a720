/**
 * `sle-msc simulate`: a synthetic SLEMSC01 database lock and its randomization file from a seed.
 * Same seed and n, same bytes. Generation streams subject by subject (`simulateTrialStream`), so a
 * large n is written without holding every row in memory; `simulateTrial` collects the same chunks
 * into strings, which V8 caps at 2^29 − 24 characters: qs.csv passes that near n = 9,000 (about 57 kB
 * per subject), so larger simulations must use the stream (as `sle-msc simulate` does).
 */
import type { PlannedSubject } from './trial-plan.js';
import { planTrial } from './trial-plan.js';
import { headerLine, LOCK_FILE_NAMES, lockJson, sha256Hex, subjectChunk } from './lock-files.js';
import type { LockFileName } from './lock-files.js';
import { randomizationCsv } from './randomization.js';
import { simulateSubject } from './subject-records.js';

export interface SimulateOptions {
  /** Any text; a number given on the command line is used as its decimal text. */
  readonly seed: string;
  /** Subjects randomized. */
  readonly n: number;
}

export interface SimulatedTrial {
  /** File name → CSV text, plus `lock.json`. */
  readonly lockFiles: Map<string, string>;
  readonly randomizationCsv: string;
}

export interface TrialChunk {
  readonly file: LockFileName;
  readonly text: string;
}

export interface TrialStream {
  /** Chunks of the lock's CSV files (each file's first chunk is its header), in writing order. */
  readonly chunks: Iterable<TrialChunk>;
  readonly randomizationCsv: string;
}

const byUsubjid = (a: PlannedSubject, b: PlannedSubject): number =>
  a.usubjid < b.usubjid ? -1 : a.usubjid > b.usubjid ? 1 : 0;

function* chunksOf(seed: string, subjects: readonly PlannedSubject[]): Generator<TrialChunk> {
  for (const file of LOCK_FILE_NAMES) yield { file, text: headerLine(file) };
  for (const plan of [...subjects].sort(byUsubjid)) {
    const records = simulateSubject(seed, plan);
    for (const file of LOCK_FILE_NAMES) {
      const text = subjectChunk(file, records);
      if (text !== '') yield { file, text };
    }
  }
}

export function simulateTrialStream(opts: SimulateOptions): TrialStream {
  const plan = planTrial(opts.seed, opts.n);
  return { chunks: chunksOf(opts.seed, plan.subjects), randomizationCsv: randomizationCsv(plan.subjects) };
}

export function simulateTrial(opts: SimulateOptions): SimulatedTrial {
  const stream = simulateTrialStream(opts);
  const parts = new Map<LockFileName, string[]>(LOCK_FILE_NAMES.map((f) => [f, []]));
  for (const c of stream.chunks) parts.get(c.file)?.push(c.text);
  const lockFiles = new Map<string, string>();
  const hashes: Record<string, string> = {};
  for (const f of LOCK_FILE_NAMES) {
    const text = (parts.get(f) ?? []).join('');
    lockFiles.set(f, text);
    hashes[f] = sha256Hex(text);
  }
  lockFiles.set('lock.json', lockJson(hashes));
  return { lockFiles, randomizationCsv: stream.randomizationCsv };
}
