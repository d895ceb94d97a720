/**
 * Medication at Day 0 (SAP §7.4; synopsis §5.5; ard.md `CONMED`), SAF by arm actually infused and
 * TOTAL (TOTAL only when blinded), visit `BASELINE`: per group N, n (subjects with at least one CM row
 * taken at Day 0), prop, for each category of the settings (`<CMCAT>`, always all) and for each
 * `<CMCAT>:<CMDECOD>` taken at Day 0 by a SAF subject (in every group, 0 where none).
 */
import type { ArdRow } from '../ard/types.js';
import type { AdslRecord } from '../derive/adsl.js';
import type { ConmedRecord } from '../derive/conmed.js';
import type { SapSettings } from '../sap/index.js';
import { proportionRows, type RowIdentity } from './ard-rows.js';
import { analysisGroups, inPopulation } from './groups.js';

const identity = (param: string): RowIdentity => ({ endpoint: 'CONMED', param, visit: 'BASELINE', population: 'SAF' });

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Subjects taking each param's medication at Day 0: param → USUBJIDs (category and category:decod). */
export function subjectsAtDay0(conmed: readonly ConmedRecord[]): ReadonlyMap<string, ReadonlySet<string>> {
  const out = new Map<string, Set<string>>();
  const add = (param: string, usubjid: string) => {
    const set = out.get(param) ?? new Set<string>();
    set.add(usubjid);
    out.set(param, set);
  };
  for (const r of conmed) {
    if (r.D0FL !== 'Y') continue;
    add(r.CMCAT, r.USUBJID);
    add(`${r.CMCAT}:${r.CMDECOD}`, r.USUBJID);
  }
  return out;
}

export function analyzeConmed(
  adsl: readonly AdslRecord[],
  conmed: readonly ConmedRecord[],
  settings: SapSettings,
  blinded: boolean,
): ArdRow[] {
  const saf = new Set(adsl.filter((s) => inPopulation(s, 'SAF')).map((s) => s.USUBJID));
  const taking = subjectsAtDay0(conmed.filter((r) => saf.has(r.USUBJID)));
  const categories = new Set(settings.conmed.categories);
  const medications = [...taking.keys()].filter((p) => !categories.has(p)).sort(byCodeUnits);
  const params = [...settings.conmed.categories, ...medications];
  return analysisGroups(adsl, 'SAF', blinded).flatMap(({ group, subjects }) =>
    params.flatMap((param) => {
      const users = taking.get(param);
      const n = users === undefined ? 0 : subjects.filter((s) => users.has(s.USUBJID)).length;
      return proportionRows(identity(param), group, n, subjects.length);
    }),
  );
}
