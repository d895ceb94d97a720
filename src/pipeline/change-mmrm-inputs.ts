/**
 * The change MMRMs an unblinded run's analyses fit (analyze/sledai-change.ts, analyze/pro.ts), listed
 * in the order they fit them, so that the command line's figure thread can fit them meanwhile
 * (cli/thread-fits.ts). Only a head start: the fitter checks each fit asked for against this list and
 * fits anything else itself, so a list out of step costs time, never bytes.
 */
import { postBaselineVisitIds } from '../analyze/by-visit-descriptives.js';
import { selectMmrmObservations, type ChangeMmrmInput } from '../analyze/mmrm-analysis.js';
import { proScoreCodes } from '../analyze/pro.js';
import type { Derived } from '../derive/derive-all.js';
import type { ProRecord } from '../derive/pro.js';
import type { SapSettings } from '../sap/index.js';

/** SLEDAI-2K's, then each PRO score's (analyze-all.ts's order); none in a blinded run. */
export function changeMmrmInputs(d: Derived, settings: SapSettings, blinded: boolean): ChangeMmrmInput[] {
  if (blinded) return [];
  const { adsl } = d.primary;
  const sledaiVisits = postBaselineVisitIds(settings);
  const proVisits = postBaselineVisitIds(settings, settings.pro.visitnums);
  const byScore = recordsByScore(d.pro);
  return [
    { observations: selectMmrmObservations(adsl, d.primary.sledai, sledaiVisits), visits: sledaiVisits },
    ...proScoreCodes(settings).map((code) => ({
      observations: selectMmrmObservations(adsl, byScore.get(code) ?? [], proVisits),
      visits: proVisits,
    })),
  ];
}

function recordsByScore(pro: readonly ProRecord[]): Map<string, ProRecord[]> {
  const byScore = new Map<string, ProRecord[]>();
  for (const r of pro) {
    let list = byScore.get(r.PARAMCD);
    if (!list) byScore.set(r.PARAMCD, (list = []));
    list.push(r);
  }
  return byScore;
}
