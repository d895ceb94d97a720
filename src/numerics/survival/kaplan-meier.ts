/**
 * Kaplan–Meier estimate as R's survfit(Surv(time, status) ~ 1) (survival 3.5): one row per distinct
 * time (events and censorings), S(t) = Π (1 − dⱼ/nⱼ), Greenwood's standard error of log S,
 * σ(t) = √Σ dⱼ / (nⱼ(nⱼ − dⱼ)), and the CI on the log scale (survfit's default conf.type = "log"):
 * S·exp(∓ z σ), the upper bound capped at 1, both null where S = 0.
 *
 * `survivalAt` reads the curve at a day t as summary.survfit(times = t): the estimate after the last
 * event at or before t, with SE = S·σ and the same CI. The SAP adds the rule for t past the group's
 * largest observed time: only an estimate that has reached 0 is carried forward (its SE and CI null);
 * otherwise everything is null (summary.survfit(extend = TRUE) would carry any value forward).
 */
import { twoSidedNormalCritical } from '../distributions.js';
import { checkSurvivalData, orderByTime, type SurvivalData } from './survival-data.js';

export interface KaplanMeierCurve {
  /** Subjects in the group. */
  readonly n: number;
  readonly time: readonly number[];
  readonly nRisk: readonly number[];
  readonly nEvent: readonly number[];
  readonly nCensor: readonly number[];
  readonly survival: readonly number[];
  /** Greenwood SE of S (summary.survfit's std.err); null where S = 0. */
  readonly stdErr: readonly (number | null)[];
  /** Greenwood SE of log S (survfit's $std.err); null where S = 0. */
  readonly stdErrLog: readonly (number | null)[];
  readonly lower: readonly (number | null)[];
  readonly upper: readonly (number | null)[];
  readonly confidenceLevel: number;
}

export interface SurvivalEstimate {
  readonly time: number;
  readonly survival: number | null;
  readonly stdErr: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

export function kaplanMeier(data: SurvivalData, confidenceLevel = 0.95): KaplanMeierCurve {
  checkSurvivalData(data);
  const z = twoSidedNormalCritical(1 - confidenceLevel);
  const order = orderByTime(data.time);
  const n = order.length;
  const curve = {
    time: [] as number[],
    nRisk: [] as number[],
    nEvent: [] as number[],
    nCensor: [] as number[],
    survival: [] as number[],
    stdErr: [] as (number | null)[],
    stdErrLog: [] as (number | null)[],
    lower: [] as (number | null)[],
    upper: [] as (number | null)[],
  };
  let s = 1;
  let greenwood = 0;
  for (let k = 0; k < n;) {
    const t = data.time[order[k]!]!;
    let d = 0;
    let c = 0;
    let m = k;
    for (; m < n && data.time[order[m]!] === t; m++) data.status[order[m]!] === 1 ? d++ : c++;
    const atRisk = n - k;
    s *= 1 - d / atRisk;
    greenwood += d === 0 ? 0 : atRisk === d ? Infinity : d / (atRisk * (atRisk - d));
    const sigma = Math.sqrt(greenwood);
    const positive = s > 0 && Number.isFinite(sigma);
    curve.time.push(t);
    curve.nRisk.push(atRisk);
    curve.nEvent.push(d);
    curve.nCensor.push(c);
    curve.survival.push(s);
    curve.stdErrLog.push(positive ? sigma : null);
    curve.stdErr.push(positive ? s * sigma : null);
    curve.lower.push(positive ? Math.exp(Math.log(s) - z * sigma) : null);
    curve.upper.push(positive ? Math.min(1, Math.exp(Math.log(s) + z * sigma)) : null);
    k = m;
  }
  return { n, ...curve, confidenceLevel };
}

/** Kaplan–Meier curve of each group, in order of first appearance of the group label. */
export function kaplanMeierByGroup(
  data: SurvivalData,
  group: readonly string[],
  confidenceLevel = 0.95,
): { readonly group: string; readonly curve: KaplanMeierCurve }[] {
  checkSurvivalData(data, { name: 'group', length: group.length });
  const labels = [...new Set(group)];
  return labels.map((label) => {
    const idx = group.flatMap((g, i) => (g === label ? [i] : []));
    const subset = { time: idx.map((i) => data.time[i]!), status: idx.map((i) => data.status[i]!) };
    return { group: label, curve: kaplanMeier(subset, confidenceLevel) };
  });
}

/** The estimate at day t (see the module comment for the rule past the largest observed time). */
export function survivalAt(curve: KaplanMeierCurve, t: number): SurvivalEstimate {
  const last = curve.time.length - 1;
  if (last < 0) return { time: t, survival: null, stdErr: null, lower: null, upper: null };
  if (t > curve.time[last]!) {
    return curve.survival[last] === 0
      ? { time: t, survival: 0, stdErr: null, lower: null, upper: null }
      : { time: t, survival: null, stdErr: null, lower: null, upper: null };
  }
  let j = -1;
  while (j + 1 <= last && curve.time[j + 1]! <= t) j++;
  if (j < 0) return { time: t, survival: 1, stdErr: 0, lower: 1, upper: 1 };
  return {
    time: t,
    survival: curve.survival[j]!,
    stdErr: curve.stdErr[j]!,
    lower: curve.lower[j]!,
    upper: curve.upper[j]!,
  };
}
