/**
 * The SAP's MMRM of a change from baseline (SAP synopsis §5 "SLEDAI-2K change", "PRO changes", §5.1;
 * SAP §6.4), as an adapter from analysis records to the engine in src/numerics/mmrm:
 *
 *   CHG ~ ARM + AVISIT + ARM×AVISIT + BASE + BASE×AVISIT, unstructured Σ over the model's visits, REML,
 *   Kenward–Roger (SAS PROC MIXED DDFM=KR), falling back to TOEPH → ARH(1) → CS when a structure does not
 *   converge (the settings' `mmrmCovarianceOrder`);
 *
 * fitted once on the FAS subjects of all three arms (PBO reference) who have a baseline and a change at
 * one or more of the model's visits; each missing change is dropped. LS means per arm × visit (BASE at
 * its mean over the observations in the fit, class effects with equal weights: SAS LSMEANS, emmeans
 * defaults) and differences vs PBO at each visit with KR SE, df, t-based CI and two-sided p.
 * ARD rows: `lsmean`, `lsmean_se`, `lsmean_lcl`, `lsmean_ucl` per arm and `diff`, `diff_se`,
 * `diff_lcl`, `diff_ucl`, `df`, `p` vs PBO, all with the method of the structure used
 * (`MMRM-US-KR` …). If no structure converges (or there are no data), every value is empty and the
 * method is the first structure's (`MMRM-US-KR`). Unblinded runs only: the caller never calls this in
 * a blinded run.
 */
import type { ArdRow, Population } from '../ard/types.js';
import { ardMmrmMethod, type ArdEndpoint, type ArdMmrmMethod } from '../ard/vocabulary.js';
import type { AdslRecord } from '../derive/adsl.js';
import { ARM_CODES, type ArmCode } from '../lock/types.js';
import type { DataRow } from '../numerics/model/variables.js';
import {
  fitMmrmWithFallback,
  mmrmLsMeans,
  mmrmMethodName,
  ModelInputError,
  type CovarianceType,
  type MmrmAttempt,
  type MmrmEstimate,
} from '../numerics/mmrm/index.js';
import type { SapSettings } from '../sap/index.js';
import {
  ignoreIssues,
  mmrmFailureWarning,
  mmrmFallbackWarnings,
  modelWarning,
  reportWarnings,
  type AnalysisWarning,
  type IssueSink,
} from './analysis-issues.js';
import { comparisonRow, groupRow, type RowIdentity } from './ard-rows.js';
import { COMPARED_ARMS, REFERENCE_ARM } from './groups.js';
import { subjectIndexOf } from './subject-index.js';

/** A record of the analysed parameter (only these fields are read). */
export interface ChangeRecord {
  readonly USUBJID: string;
  readonly AVISIT: string | null;
  readonly BASE: number | null;
  readonly CHG: number | null;
}

/**
 * One observation of the model: a type, not an interface, so that it is a data row of the engine as it
 * is (no copy of each observation).
 */
export type MmrmObservation = {
  readonly USUBJID: string;
  readonly ARMCD: ArmCode;
  readonly AVISIT: string;
  readonly BASE: number;
  readonly CHG: number;
};

export const MMRM_FORMULA = 'CHG ~ ARMCD*AVISIT + BASE*AVISIT';

const NOT_ESTIMABLE: MmrmEstimate = { estimate: null, se: null, df: null, t: null, p: null, lower: null, upper: null };

/**
 * The observations of the model: FAS subjects with an arm, at the model's `visits`, with BASE and CHG
 * present (a subject without a baseline has no change, so enters only with a baseline).
 */
export function selectMmrmObservations(
  adsl: readonly AdslRecord[],
  records: readonly ChangeRecord[],
  visits: readonly string[],
): MmrmObservation[] {
  const subjects = subjectIndexOf(adsl);
  const arms = fasArmsOf(adsl);
  const modelVisits = new Set(visits);
  const out: MmrmObservation[] = [];
  for (let k = 0; k < records.length; k++) {
    const r = records[k] as ChangeRecord;
    const p = subjects.positionOf(r.USUBJID);
    const arm = p < 0 ? null : (arms[p] as ArmCode | null);
    if (arm === null || r.AVISIT === null || !modelVisits.has(r.AVISIT) || r.BASE === null || r.CHG === null) continue;
    out.push({ USUBJID: r.USUBJID, ARMCD: arm, AVISIT: r.AVISIT, BASE: r.BASE, CHG: r.CHG });
  }
  return out;
}

const fasArms = new WeakMap<readonly AdslRecord[], readonly (ArmCode | null)[]>();

/**
 * The randomized arm of each FAS subject by position in `subjectIndexOf(adsl)`, null for a subject
 * outside the FAS or without an arm (of a USUBJID listed twice, the last FAS record's arm, as a map
 * would keep). Made once per ADSL: each MMRM (SLEDAI-2K, 28 PROs) made a map of its own.
 */
export function fasArmsOf(adsl: readonly AdslRecord[]): readonly (ArmCode | null)[] {
  let arms = fasArms.get(adsl);
  if (arms !== undefined) return arms;
  const subjects = subjectIndexOf(adsl);
  const made: (ArmCode | null)[] = [];
  for (let p = 0; p < subjects.size; p++) made.push(null);
  for (const s of adsl) if (s.FASFL === 'Y' && s.ARMCD !== null) made[subjects.positionOf(s.USUBJID)] = s.ARMCD;
  fasArms.set(adsl, (arms = made));
  return arms;
}

export interface MmrmChangeResult {
  /** `MMRM-US-KR`, `MMRM-TOEPH-KR`, … (the first structure's when all failed). */
  readonly method: ArdMmrmMethod;
  readonly converged: boolean;
  readonly attempts: readonly MmrmAttempt[];
  readonly nObs: number;
  readonly nSubjects: number;
  /** By `${arm}|${visit}`. */
  readonly lsmeans: ReadonlyMap<string, MmrmEstimate>;
  /** By `${arm}|${visit}`, arm minus PBO. */
  readonly differences: ReadonlyMap<string, MmrmEstimate>;
  /** The covariance fallback, not-estimable fits and the engine's warnings, typed. */
  readonly warnings: readonly AnalysisWarning[];
}

const cellKey = (arm: string, visit: string): string => `${arm}|${visit}`;

function failedResult(
  order: readonly CovarianceType[],
  attempts: readonly MmrmAttempt[],
  nObs: number,
  nSubjects: number,
  warning: string,
): MmrmChangeResult {
  return {
    method: ardMmrmMethod(mmrmMethodName(order[0]!, 'kr')),
    converged: false,
    attempts,
    nObs,
    nSubjects,
    lsmeans: new Map(),
    differences: new Map(),
    warnings: [mmrmFailureWarning(warning, attempts)],
  };
}

/**
 * Fits the model with the SAP's fallback and computes LS means and differences vs PBO. A data set the
 * engine cannot use (no observation, one arm only …) is "not estimable", not an error.
 */
export function fitChangeMmrm(
  observations: readonly MmrmObservation[],
  visits: readonly string[],
  settings: SapSettings,
): MmrmChangeResult {
  const order = settings.analysis.mmrmCovarianceOrder;
  // Counted only for a failed fit (a fit counts its own subjects).
  const nSubjects = () => new Set(observations.map((o) => o.USUBJID)).size;
  if (observations.length === 0) return failedResult(order, [], 0, 0, 'no observation to fit');
  const hasReference = observations.some((o) => o.ARMCD === REFERENCE_ARM);
  const data: readonly DataRow[] = observations;
  let fallback;
  try {
    fallback = fitMmrmWithFallback(
      data,
      {
        formula: MMRM_FORMULA,
        subject: 'USUBJID',
        visit: 'AVISIT',
        visitLevels: visits,
        estimation: 'reml',
        df: 'kr',
        ...(hasReference ? { reference: { ARMCD: REFERENCE_ARM } } : {}),
      },
      order,
    );
  } catch (e) {
    if (e instanceof ModelInputError && e.kind === 'data')
      return failedResult(order, [], observations.length, nSubjects(), e.message);
    throw e;
  }
  const fit = fallback.fit;
  if (fit === null) {
    return failedResult(
      order,
      fallback.attempts,
      observations.length,
      nSubjects(),
      'no covariance structure converged',
    );
  }
  // The ARD has no p-value of an LS mean (against 0), only of the differences.
  const ls = mmrmLsMeans(fit, 'ARMCD*AVISIT', { alpha: settings.analysis.alpha, lsmeanPValues: false });
  const lsmeans = new Map<string, MmrmEstimate>();
  for (const m of ls.lsmeans) lsmeans.set(cellKey(m.levels['ARMCD']!, m.levels['AVISIT']!), m);
  const differences = new Map<string, MmrmEstimate>();
  if (hasReference) {
    for (const d of ls.differences) differences.set(cellKey(d.levels['ARMCD']!, d.levels['AVISIT']!), d);
  }
  return {
    method: ardMmrmMethod(fallback.method),
    converged: true,
    attempts: fallback.attempts,
    nObs: fit.nObs,
    nSubjects: fit.nSubjects,
    lsmeans,
    differences,
    warnings: [...mmrmFallbackWarnings(fallback.attempts), ...fit.warnings.map(modelWarning)],
  };
}

/** ARD rows of one fit at each of `visits`: every arm × visit and comparison row, empty where not estimable. */
export function mmrmChangeRows(
  identity: { readonly endpoint: ArdEndpoint; readonly param: string; readonly population: Population },
  visits: readonly string[],
  result: MmrmChangeResult,
): ArdRow[] {
  const rows: ArdRow[] = [];
  const method = result.method;
  for (const visit of visits) {
    // Field by field, not `{ ...identity, visit }`: that spread, once optimized, gave every identity a
    // map of its own (V8 11), and the ARD row makers reading it went megamorphic.
    const id: RowIdentity = {
      endpoint: identity.endpoint,
      param: identity.param,
      visit,
      population: identity.population,
    };
    for (const arm of ARM_CODES) {
      const m = result.lsmeans.get(cellKey(arm, visit)) ?? NOT_ESTIMABLE;
      rows.push(
        groupRow(id, arm, 'lsmean', m.estimate, method),
        groupRow(id, arm, 'lsmean_se', m.se, method),
        groupRow(id, arm, 'lsmean_lcl', m.lower, method),
        groupRow(id, arm, 'lsmean_ucl', m.upper, method),
      );
    }
    for (const arm of COMPARED_ARMS) {
      const d = result.differences.get(cellKey(arm, visit)) ?? NOT_ESTIMABLE;
      rows.push(
        comparisonRow(id, arm, 'diff', method, d.estimate),
        comparisonRow(id, arm, 'diff_se', method, d.se),
        comparisonRow(id, arm, 'diff_lcl', method, d.lower),
        comparisonRow(id, arm, 'diff_ucl', method, d.upper),
        comparisonRow(id, arm, 'df', method, d.df),
        comparisonRow(id, arm, 'p', method, d.p),
      );
    }
  }
  return rows;
}

/** Observations → fit → ARD rows, for one parameter. */
export function analyzeChangeMmrm(
  adsl: readonly AdslRecord[],
  records: readonly ChangeRecord[],
  identity: { readonly endpoint: ArdEndpoint; readonly param: string; readonly population: Population },
  visits: readonly string[],
  settings: SapSettings,
  report: IssueSink = ignoreIssues,
): ArdRow[] {
  const result = fitChangeMmrm(selectMmrmObservations(adsl, records, visits), visits, settings);
  reportWarnings(report, `${identity.endpoint} ${identity.param} MMRM`, result.warnings);
  return mmrmChangeRows(identity, visits, result);
}
