/** Ranks with ties, and the sizes of the tie groups that the variance corrections need. */
export interface Midranks {
  /** Rank of each value in input order; tied values share the mean of the ranks they occupy. */
  readonly ranks: readonly number[];
  /** Size of every group of equal values (1 for an untied value), in ascending order of value. */
  readonly tieSizes: readonly number[];
}

/**
 * Mid-ranks ("average" ties, R `rank(ties.method = "average")`). Values tie only when they are equal
 * doubles (`===`, as R compares them); round beforehand when values that should tie may differ in
 * the last bits (e.g. sums of doses). Ranks are exact: k + (t − 1)/2 for a group of t starting at k.
 */
export function midranks(values: readonly number[]): Midranks {
  for (const v of values) if (Number.isNaN(v)) throw new RangeError('midranks: NaN in values');
  const order = values.map((_, i) => i).sort((i, j) => (values[i] as number) - (values[j] as number));
  const ranks = new Array<number>(values.length);
  const tieSizes: number[] = [];
  let start = 0;
  while (start < order.length) {
    const value = values[order[start] as number] as number;
    let end = start + 1;
    while (end < order.length && values[order[end] as number] === value) end++;
    const rank = (start + 1 + end) / 2; // mean of the ranks start+1 … end
    for (let k = start; k < end; k++) ranks[order[k] as number] = rank;
    tieSizes.push(end - start);
    start = end;
  }
  return { ranks, tieSizes };
}
