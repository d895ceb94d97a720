/**
 * Subject disposition in the ENR population, by randomized arm and TOTAL (SAP §7.3; synopsis §5.3;
 * ard.md endpoint `DISPOSITION`). Per group and `param`: `n` subjects, with `N` (ENR subjects of the
 * group) and `prop` = n/N beside it for the table's percentages.
 *
 * Params: `RANDOMIZED` (the RANDOMIZED milestone), `INFUSED` (EXOCCUR = Y), `COMPLETED`,
 * `DISCONTINUED` (any disposition event other than COMPLETED; not in ard.md's list, added so that the
 * table's "discontinued" line comes from the ARD), and `DISC:<DSDECOD>` for every discontinuation
 * reason that occurs among the ENR subjects, in every group (0 where none). A subject still in the
 * study at the lock has no disposition event and is counted in neither (SAP §12 C12).
 */
import type { ArdRow } from '../ard/types.js';
import type { AdslRecord } from '../derive/adsl.js';
import { proportionRows, type RowIdentity } from './ard-rows.js';
import { analysisGroups } from './groups.js';

const identity = (param: string): RowIdentity => ({ endpoint: 'DISPOSITION', param, visit: '', population: 'ENR' });

/** Fixed disposition params and the subjects each counts. */
const STATUS_PARAMS: readonly (readonly [string, (s: AdslRecord) => boolean])[] = [
  ['RANDOMIZED', (s) => s.RANDFL === 'Y'],
  ['INFUSED', (s) => s.INFFL === 'Y'],
  ['COMPLETED', (s) => s.EOSSTT === 'COMPLETED'],
  ['DISCONTINUED', (s) => s.EOSSTT === 'DISCONTINUED'],
];

/** Discontinuation reasons occurring among `subjects`, sorted by UTF-16 code units. */
export function discontinuationReasons(subjects: readonly AdslRecord[]): string[] {
  const reasons = subjects.flatMap((s) => (s.EOSSTT === 'DISCONTINUED' && s.DCSREAS !== null ? [s.DCSREAS] : []));
  return [...new Set(reasons)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function analyzeDisposition(adsl: readonly AdslRecord[], blinded: boolean): ArdRow[] {
  const groups = analysisGroups(adsl, 'ENR', blinded);
  const reasons = discontinuationReasons(groups.find((g) => g.group === 'TOTAL')?.subjects ?? []);
  return groups.flatMap(({ group, subjects }) => {
    const bigN = subjects.length;
    const count = (keep: (s: AdslRecord) => boolean) => subjects.filter(keep).length;
    return [
      ...STATUS_PARAMS.flatMap(([param, keep]) => proportionRows(identity(param), group, count(keep), bigN)),
      ...reasons.flatMap((r) =>
        proportionRows(
          identity(`DISC:${r}`),
          group,
          count((s) => s.EOSSTT === 'DISCONTINUED' && s.DCSREAS === r),
          bigN,
        ),
      ),
    ];
  });
}
