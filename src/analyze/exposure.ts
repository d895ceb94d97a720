/**
 * Exposure (SAP §7.4; synopsis §5.5; ard.md `EXPOSURE`): summary statistics of the infused volume
 * `EXVOL` (mL) of the infusion, SAF by arm actually infused and TOTAL (TOTAL only when blinded), over
 * the subjects who have one recorded.
 */
import type { ArdRow } from '../ard/types.js';
import type { AdslRecord } from '../derive/adsl.js';
import type { RowIdentity } from './ard-rows.js';
import { descriptiveRows } from './descriptives.js';
import { analysisGroups } from './groups.js';

const EXVOL: RowIdentity = { endpoint: 'EXPOSURE', param: 'EXVOL', visit: '', population: 'SAF' };

export function analyzeExposure(adsl: readonly AdslRecord[], blinded: boolean): ArdRow[] {
  return analysisGroups(adsl, 'SAF', blinded).flatMap(({ group, subjects }) =>
    descriptiveRows(
      EXVOL,
      group,
      subjects.map((s) => s.EXVOL),
    ),
  );
}
