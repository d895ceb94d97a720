/**
 * The in-process sample run's result shared by the test workers of one test run, through a file under
 * the run's temporary root (test/setup/temp-root.ts): the first worker that needs it analyses the sample
 * and writes the result (v8 serialization); the others wait for that file and read it instead of
 * analysing the sample again (each worker did, ~6 CPU-seconds apiece). Only plain data is shared
 * (objects, arrays, Maps, Sets, strings, numbers, byte arrays): `derivations` holds row views and class
 * instances, so each reading worker derives it again on first use; and when anything else in the result
 * is not plain data (a class instance would lose its methods), nothing is shared and every worker
 * analyses the sample itself, as before. Outside a vitest run (no temporary root) it just computes.
 * `sharedResult` does the same for any value (the sample's analyzeAll result: sampleAnalysis in
 * sample-run.ts).
 */
import { existsSync, openSync, closeSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { deriveAll } from '../../src/derive/derive-all.js';
import type { Lock, Unblinding } from '../../src/lock/types.js';
import type { PipelineResult } from '../../src/pipeline/run-pipeline.js';
import type { SapSettings } from '../../src/sap/index.js';

const PLAIN_PROTOTYPES = new Set<unknown>([Object.prototype, Array.prototype, Map.prototype, Set.prototype, null]);

/** True when `value` survives v8 serialization unchanged: no class instance, function or symbol in it. */
export function isPlainData(value: unknown, seen = new Set<unknown>()): boolean {
  if (typeof value === 'function' || typeof value === 'symbol') return false;
  if (value === null || typeof value !== 'object' || seen.has(value)) return true;
  seen.add(value);
  if (ArrayBuffer.isView(value)) return true;
  if (!PLAIN_PROTOTYPES.has(Object.getPrototypeOf(value))) return false;
  if (value instanceof Map) return [...value].every(([k, v]) => isPlainData(k, seen) && isPlainData(v, seen));
  if (value instanceof Set) return [...value].every((v) => isPlainData(v, seen));
  return Object.values(value).every((v) => isPlainData(v, seen));
}

interface Inputs {
  readonly lock: Lock;
  readonly settings: SapSettings;
  readonly unblinding: Unblinding;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How long a worker waits for another one's result before analysing the sample itself. */
const WAIT_MS = 300_000;

/** `compute()`'s result, computed once per test run for `name` when it is plain data (see above). */
export function sharedSampleResult<R extends PipelineResult>(
  name: string,
  inputs: Inputs,
  compute: () => R,
): Promise<R> {
  return sharedResult(
    `sample-result-${name}`,
    compute,
    ({ derivations: _derivations, ...rest }) => rest,
    (rest) => fromShared(rest as Omit<R, 'derivations'>, inputs),
  );
}

/**
 * `compute()`'s value, computed once per test run for `name`: the first worker to ask computes it and
 * writes `share(value)` (when plain data); the others wait for that file and `revive` what it holds.
 */
export async function sharedResult<T>(
  name: string,
  compute: () => T,
  share: (value: T) => unknown = (value) => value,
  revive: (shared: unknown) => T = (shared) => shared as T,
): Promise<T> {
  const root = process.env['SLE_MSC_TEST_TMP'];
  if (root === undefined) return compute();
  const file = join(root, `${name}.v8`);
  const unshared = `${file}.unshared`;
  try {
    closeSync(openSync(`${file}.claimed`, 'wx'));
  } catch {
    // Another worker computes it: wait for its file.
    for (let waited = 0; waited < WAIT_MS; waited += 100) {
      if (existsSync(file)) return revive(deserialize(readFileSync(file)));
      if (existsSync(unshared)) break;
      await sleep(100);
    }
    return compute();
  }
  let value: T;
  try {
    value = compute();
  } catch (e) {
    writeFileSync(unshared, ''); // the waiting workers compute (and fail) themselves
    throw e;
  }
  const shared = share(value);
  let bytes: Buffer | undefined;
  try {
    if (isPlainData(shared)) bytes = serialize(shared);
  } catch {
    // Not serializable after all (e.g. a Proxy inside): not shared, as for a class instance.
  }
  if (bytes !== undefined) {
    writeFileSync(`${file}.part`, bytes);
    renameSync(`${file}.part`, file);
  } else {
    writeFileSync(unshared, '');
  }
  return value;
}

/** The shared result with `derivations` derived again from the same inputs on first use. */
function fromShared<R extends PipelineResult>(rest: Omit<R, 'derivations'>, { lock, unblinding, settings }: Inputs): R {
  let derivations: PipelineResult['derivations'] | undefined;
  return Object.defineProperty({ ...rest }, 'derivations', {
    enumerable: true,
    get: () => (derivations ??= deriveAll(lock, unblinding, settings).primary),
  }) as R;
}
