/**
 * SLEDAI-2K by visit and its change from baseline (SAP synopsis §5 "SLEDAI-2K change", §5.1; ard.md
 * endpoint `SLEDAI`), FAS: descriptives of `AVAL` at BASELINE (the baseline value) and at each
 * scheduled post-baseline visit and of `CHG` at those visits, per group; in an unblinded run the MMRM of
 * the change at all scheduled post-baseline visits (Weeks 4–52), LS means per arm and differences vs
 * PBO at each visit.
 */
import type { ArdRow } from '../ard/types.js';
import type { AdslRecord } from '../derive/adsl.js';
import type { SledaiRecord } from '../derive/sledai.js';
import type { SapSettings } from '../sap/index.js';
import { baselineVisitId, byVisitDescriptiveRows, postBaselineVisitIds } from './by-visit-descriptives.js';
import { analysisGroups } from './groups.js';
import { analyzeChangeMmrm } from './mmrm-analysis.js';
import { ignoreIssues, type IssueSink } from './analysis-issues.js';

export const SLEDAI_ENDPOINT = 'SLEDAI';

export function analyzeSledaiChange(
  adsl: readonly AdslRecord[],
  sledai: readonly SledaiRecord[],
  settings: SapSettings,
  blinded: boolean,
  report: IssueSink = ignoreIssues,
): ArdRow[] {
  const visits = postBaselineVisitIds(settings);
  const rows = byVisitDescriptiveRows(analysisGroups(adsl, 'FAS', blinded), sledai, {
    endpoint: SLEDAI_ENDPOINT,
    population: 'FAS',
    avalParam: 'AVAL',
    chgParam: 'CHG',
    baselineVisit: baselineVisitId(settings),
    postBaselineVisits: visits,
  });
  if (blinded) return rows;
  return rows.concat(
    analyzeChangeMmrm(
      adsl,
      sledai,
      { endpoint: SLEDAI_ENDPOINT, param: 'CHG', population: 'FAS' },
      visits,
      settings,
      report,
    ),
  );
}
