/**
 * Protocol deviations derived from the data (SAP §7.4; synopsis §5.5; ard.md `DEVIATION`): ENR by
 * randomized arm and TOTAL, unblinded runs only (the derivation is empty in a blinded run): per group
 * N, n, prop of `STRATUM`, `ARM`, `NOTINFUSED` and `ANY`.
 */
import type { ArdRow } from '../ard/types.js';
import type { AdslRecord } from '../derive/adsl.js';
import type { DeviationRecord } from '../derive/deviations.js';
import { proportionRows, type RowIdentity } from './ard-rows.js';
import { analysisGroups } from './groups.js';

const PARAMS = [
  ['STRATUM', 'DVSTRFL'],
  ['ARM', 'DVARMFL'],
  ['NOTINFUSED', 'DVNINFFL'],
  ['ANY', 'DVANYFL'],
] as const;

const identity = (param: string): RowIdentity => ({ endpoint: 'DEVIATION', param, visit: '', population: 'ENR' });

export function analyzeDeviations(
  adsl: readonly AdslRecord[],
  deviations: readonly DeviationRecord[],
  blinded: boolean,
): ArdRow[] {
  if (blinded) return [];
  const bySubject = new Map(deviations.map((d) => [d.USUBJID, d]));
  const recordOf = (s: AdslRecord): DeviationRecord => {
    const d = bySubject.get(s.USUBJID);
    if (!d) throw new Error(`deviation record missing for ENR subject ${s.USUBJID}`);
    return d;
  };
  return analysisGroups(adsl, 'ENR', false).flatMap(({ group, subjects }) =>
    PARAMS.flatMap(([param, field]) =>
      proportionRows(
        identity(param),
        group,
        subjects.filter((s) => recordOf(s)[field] === 'Y').length,
        subjects.length,
      ),
    ),
  );
}
