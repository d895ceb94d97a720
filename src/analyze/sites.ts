/**
 * Subjects by site and analysis population (SAP §3, §7.3; table T-14.1.6), ENR by randomized arm and
 * TOTAL. Endpoint `SITE`, population `ENR`, param `<SITEID>:<set>` for each site (sorted by code) and
 * `ALL:<set>`, set ∈ ENR (enrolled), FAS, SAF: `N` (enrolled subjects of the group), `n` (those of the
 * site in the set), `prop` = n/N. Every site is written in every group, 0 where it has none.
 */
import type { ArdRow } from '../ard/types.js';
import type { AdslRecord } from '../derive/adsl.js';
import { proportionRows } from './ard-rows.js';
import { analysisGroups } from './groups.js';

export const SITE_SETS = [
  ['ENR', (s: AdslRecord) => s.ENRFL === 'Y'],
  ['FAS', (s: AdslRecord) => s.FASFL === 'Y'],
  ['SAF', (s: AdslRecord) => s.SAFFL === 'Y'],
] as const;

export function siteCodes(adsl: readonly AdslRecord[]): string[] {
  return [...new Set(adsl.map((s) => s.SITEID))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function analyzeSites(adsl: readonly AdslRecord[], blinded: boolean): ArdRow[] {
  const sites = siteCodes(adsl);
  const rows: ArdRow[] = [];
  for (const { group, subjects } of analysisGroups(adsl, 'ENR', blinded)) {
    for (const site of [...sites, 'ALL']) {
      const here = site === 'ALL' ? subjects : subjects.filter((s) => s.SITEID === site);
      for (const [set, isIn] of SITE_SETS) {
        rows.push(
          ...proportionRows(
            { endpoint: 'SITE', param: `${site}:${set}`, visit: '', population: 'ENR' },
            group,
            here.filter(isIn).length,
            subjects.length,
          ),
        );
      }
    }
  }
  return rows;
}
