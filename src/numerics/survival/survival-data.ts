/** Right-censored data as R's Surv(time, status): status 1 = event, 0 = censored. */
export interface SurvivalData {
  readonly time: readonly number[];
  readonly status: readonly number[];
}

export function checkSurvivalData(
  data: SurvivalData,
  extra?: { readonly name: string; readonly length: number },
): void {
  const { time, status } = data;
  if (status.length !== time.length) throw new Error(`status has ${status.length} values for ${time.length} times`);
  if (extra && extra.length !== time.length)
    throw new Error(`${extra.name} has ${extra.length} values for ${time.length} times`);
  if (!time.every(Number.isFinite)) throw new Error('survival time must be finite');
  if (!status.every((s) => s === 0 || s === 1)) throw new Error('status must be 0 (censored) or 1 (event)');
}

/** Indices sorted by time (stable). */
export function orderByTime(time: readonly number[]): number[] {
  return time.map((_, i) => i).sort((a, b) => time[a]! - time[b]! || a - b);
}
