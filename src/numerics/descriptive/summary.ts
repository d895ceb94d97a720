import { accurateSum, accurateSumOf } from './accurate-sum.js';
import { sortedQuantileType2 } from './quantile.js';

/** Summary statistics of one group (SAP §3): every field but n is null when there is no value. */
export interface Summary {
  readonly n: number;
  readonly mean: number | null;
  /** Sample SD with divisor n − 1; null when n < 2. */
  readonly sd: number | null;
  readonly median: number | null;
  /** Quartiles by `quantileType2` (R type 2 = SAS PCTLDEF=5). */
  readonly q1: number | null;
  readonly q3: number | null;
  readonly min: number | null;
  readonly max: number | null;
}

/**
 * n, mean, SD, median, quartiles, min and max of the non-missing values (null = missing).
 *
 * Mean and SD are two-pass with compensated sums (the mean is corrected by the mean of the
 * residuals, as R's `mean` does in long double; the SD sums squared deviations from that mean, as
 * R's `var`), so they agree with R to ~1e-15 relative even for data with a large common offset,
 * where the one-pass formula Σx² − n·x̄² loses most digits.
 */
export function summarize(values: readonly (number | null)[]): Summary {
  return summarizeEach(values.length, (i) => values[i] as number | null);
}

/**
 * `summarize` of the values `valueAt(0)` … `valueAt(count − 1)`, without an array of them: a caller
 * reading a group's values from its records (20,000 subjects: an array of 20,000 values, most of them
 * boxed numbers, per group, visit and parameter) passes how to read the i-th.
 */
export function summarizeEach(count: number, valueAt: (i: number) => number | null): Summary {
  const x = ascendingValues(count, valueAt);
  const n = x.length;
  if (n === 0) return { n, mean: null, sd: null, median: null, q1: null, q3: null, min: null, max: null };
  const mean = accurateMean(x);
  return {
    n,
    mean,
    // The sums of x.map(…), term by term, without the array.
    sd: n > 1 ? Math.sqrt(accurateSumOf(n, (i) => ((x[i] as number) - mean) ** 2) / (n - 1)) : null,
    median: sortedQuantileType2(x, 0.5),
    q1: sortedQuantileType2(x, 0.25),
    q3: sortedQuantileType2(x, 0.75),
    min: x[0] as number,
    max: x[n - 1] as number,
  };
}

/**
 * Where the values are sorted: one buffer, grown as needed and reused by every call (a new typed
 * array per summary was memory outside the heap made and dropped ~10,000 times a run, each of which
 * counts towards a collection).
 */
let scratch = new Float64Array(1024);

/**
 * The non-missing values in ascending order, in the shared buffer (valid until the next call). A typed
 * array's own sort (numeric, in C++) where sorting an array with a comparator called back into
 * JavaScript for each comparison (a third of the time of the by-visit summaries). The two orders differ
 * only in where −0 goes among zeros (the typed sort puts it first, the comparator keeps the input
 * order), which the sums and quartiles would show: values with a −0 are sorted with the comparator.
 */
export function ascendingValues(count: number, valueAt: (i: number) => number | null): Float64Array {
  if (scratch.length < count) scratch = new Float64Array(Math.max(count, 2 * scratch.length));
  const x = scratch;
  let n = 0;
  let negativeZero = false;
  for (let i = 0; i < count; i++) {
    const v = valueAt(i);
    if (v === null) continue;
    if (!Number.isFinite(v)) throw new RangeError(`summarize: non-finite value ${v}`);
    if (Object.is(v, -0)) negativeZero = true;
    x[n++] = v;
  }
  const present = x.subarray(0, n);
  if (!negativeZero) return present.sort();
  present.set(Array.from(present).sort((a, b) => a - b));
  return present;
}

function accurateMean(x: Float64Array): number {
  const first = accurateSum(x) / x.length;
  return first + accurateSumOf(x.length, (i) => (x[i] as number) - first) / x.length;
}
