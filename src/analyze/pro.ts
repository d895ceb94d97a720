/**
 * Patient-reported outcomes by visit (SAP synopsis §5 "PRO changes", §5.1, §5.2; ard.md endpoint
 * `PRO`), FAS, for every score of the settings (ten SF-36 v2, fourteen LupusPRO, three PROMIS
 * T-scores, LIT): descriptives of `<code>:AVAL` at BASELINE and at the PRO visits (Weeks 12, 24, 52) and
 * of `<code>:CHG` at those weeks, per group; in an unblinded run the MMRM of `<code>:CHG` at those weeks
 * (one fit per score).
 */
import type { ArdRow } from '../ard/types.js';
import type { AdslRecord } from '../derive/adsl.js';
import type { ProRecord } from '../derive/pro.js';
import type { SapSettings } from '../sap/index.js';
import { baselineVisitId, byVisitDescriptiveRows, postBaselineVisitIds } from './by-visit-descriptives.js';
import { analysisGroups } from './groups.js';
import { analyzeChangeMmrm } from './mmrm-analysis.js';
import { ignoreIssues, type IssueSink } from './analysis-issues.js';

export const PRO_ENDPOINT = 'PRO';

/** Score codes in ARD order: SF-36 v2, LupusPRO, PROMIS, LIT. */
export function proScoreCodes(settings: SapSettings): string[] {
  const p = settings.pro;
  return [
    ...p.sf36.scores.map((s) => s.code),
    ...p.lupuspro.scores.map((s) => s.code),
    ...p.promis.map((f) => f.code),
    p.lit.code,
  ];
}

export function analyzePros(
  adsl: readonly AdslRecord[],
  pro: readonly ProRecord[],
  settings: SapSettings,
  blinded: boolean,
  report: IssueSink = ignoreIssues,
): ArdRow[] {
  const groups = analysisGroups(adsl, 'FAS', blinded);
  const visits = postBaselineVisitIds(settings, settings.pro.visitnums);
  const baselineVisit = baselineVisitId(settings);
  const byScore = new Map<string, ProRecord[]>();
  for (const r of pro) {
    let list = byScore.get(r.PARAMCD);
    if (!list) byScore.set(r.PARAMCD, (list = []));
    list.push(r);
  }
  return proScoreCodes(settings).flatMap((code) => {
    const records = byScore.get(code) ?? [];
    const rows = byVisitDescriptiveRows(groups, records, {
      endpoint: PRO_ENDPOINT,
      population: 'FAS',
      avalParam: `${code}:AVAL`,
      chgParam: `${code}:CHG`,
      baselineVisit,
      postBaselineVisits: visits,
    });
    if (blinded) return rows;
    return rows.concat(
      analyzeChangeMmrm(
        adsl,
        records,
        { endpoint: PRO_ENDPOINT, param: `${code}:CHG`, population: 'FAS' },
        visits,
        settings,
        report,
      ),
    );
  });
}
