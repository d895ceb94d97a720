/**
 * TEAEs by system organ class and preferred term, broken down (SAP §7.2; tables T-14.3.3–T-14.3.5),
 * SAF by arm actually infused and TOTAL. Three endpoints, with the terms (SOC/PT) of the `AE` endpoint:
 *
 * - `AESEV`, param `<severity>|TEAE`, `<severity>|SOC:<AEBODSYS>`, `<severity>|PT:<AEDECOD>`: `N`, `n`
 *   (subjects whose worst TEAE in the term has that severity: each subject once per term), `prop`;
 * - `AEREL`, param `RELATED|…` / `NOT RELATED|…` (same terms): `n` = subjects with at least one related
 *   TEAE in the term under RELATED, the others with a TEAE in the term under NOT RELATED; `N`, `prop`;
 * - `AESER`, param `TEAE`, `SOC:…`, `PT:…` of the serious TEAEs (terms with at least one serious TEAE in
 *   the SAF, written in every group): `N`, `n`, `prop`, `events`.
 * Descriptive only; a blinded run has TOTAL alone, with the same terms.
 */
import type { ArdRow } from '../ard/types.js';
import type { ArdEndpoint } from '../ard/vocabulary.js';
import type { AdaeRecord } from '../derive/adae.js';
import type { AdslRecord } from '../derive/adsl.js';
import { computeWorstSeverity } from '../derive/teae-severity.js';
import type { SapSettings } from '../sap/index.js';
import { groupRow, proportionRows, type RowIdentity } from './ard-rows.js';
import { analysisGroups } from './groups.js';

export const RELATIONSHIP_CATEGORIES = ['RELATED', 'NOT RELATED'] as const;

const identity = (endpoint: ArdEndpoint, param: string): RowIdentity => ({
  endpoint,
  param,
  visit: '',
  population: 'SAF',
});

/** A term of the breakdown: its param suffix and which TEAEs belong to it. */
interface Term {
  readonly param: string;
  readonly has: (e: AdaeRecord) => boolean;
}

const sortText = (xs: Iterable<string>): string[] => [...new Set(xs)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** Any TEAE, each SOC, each PT among `teaes` (sorted by UTF-16 code units, as the `AE` rows). */
function termsOf(teaes: readonly AdaeRecord[]): Term[] {
  return [
    { param: 'TEAE', has: () => true },
    ...sortText(teaes.map((e) => e.AEBODSYS)).map((soc) => ({
      param: `SOC:${soc}`,
      has: (e: AdaeRecord) => e.AEBODSYS === soc,
    })),
    ...sortText(teaes.map((e) => e.AEDECOD)).map((pt) => ({
      param: `PT:${pt}`,
      has: (e: AdaeRecord) => e.AEDECOD === pt,
    })),
  ];
}

function bySubject(events: readonly AdaeRecord[]): Map<string, AdaeRecord[]> {
  const m = new Map<string, AdaeRecord[]>();
  for (const e of events) {
    const mine = m.get(e.USUBJID);
    if (mine === undefined) m.set(e.USUBJID, [e]);
    else mine.push(e);
  }
  return m;
}

/** `AESEV` rows of one group and term: subjects by the worst severity of their TEAEs in the term. */
function severityRows(
  group: ArdRow['group'],
  bigN: number,
  term: Term,
  mine: readonly AdaeRecord[],
  severities: readonly string[],
): ArdRow[] {
  const worst = [...bySubject(mine.filter(term.has)).values()].map((es) =>
    computeWorstSeverity(
      es.map((e) => e.AESEV),
      severities,
    ),
  );
  return severities.flatMap((sev) =>
    proportionRows(identity('AESEV', `${sev}|${term.param}`), group, worst.filter((w) => w === sev).length, bigN),
  );
}

/** `AEREL` rows of one group and term: related if any TEAE in the term is (AERELFL), else not related. */
function relationshipRows(group: ArdRow['group'], bigN: number, term: Term, mine: readonly AdaeRecord[]): ArdRow[] {
  const subjects = [...bySubject(mine.filter(term.has)).values()];
  const related = subjects.filter((es) => es.some((e) => e.AERELFL === 'Y')).length;
  return [
    ...proportionRows(identity('AEREL', `RELATED|${term.param}`), group, related, bigN),
    ...proportionRows(identity('AEREL', `NOT RELATED|${term.param}`), group, subjects.length - related, bigN),
  ];
}

/** `AESER` rows of one group and term: subjects with a serious TEAE in the term, and those events. */
function seriousRows(group: ArdRow['group'], bigN: number, term: Term, serious: readonly AdaeRecord[]): ArdRow[] {
  const events = serious.filter(term.has);
  const id = identity('AESER', term.param);
  return [
    ...proportionRows(id, group, new Set(events.map((e) => e.USUBJID)).size, bigN),
    groupRow(id, group, 'events', events.length),
  ];
}

export function analyzeSafetyDetail(
  adsl: readonly AdslRecord[],
  adae: readonly AdaeRecord[],
  settings: SapSettings,
  blinded: boolean,
): ArdRow[] {
  const groups = analysisGroups(adsl, 'SAF', blinded);
  const saf = new Set(groups.find((g) => g.group === 'TOTAL')?.subjects.map((s) => s.USUBJID));
  const teaes = adae.filter((e) => e.TRTEMFL === 'Y' && saf.has(e.USUBJID));
  const terms = termsOf(teaes);
  const seriousTerms = termsOf(teaes.filter((e) => e.AESERFL === 'Y'));
  const rows: ArdRow[] = [];
  for (const { group, subjects } of groups) {
    const members = new Set(subjects.map((s) => s.USUBJID));
    const mine = teaes.filter((e) => members.has(e.USUBJID));
    const bigN = subjects.length;
    for (const term of terms)
      rows.push(
        ...severityRows(group, bigN, term, mine, settings.safety.severities),
        ...relationshipRows(group, bigN, term, mine),
      );
    const serious = mine.filter((e) => e.AESERFL === 'Y');
    for (const term of seriousTerms) rows.push(...seriousRows(group, bigN, term, serious));
  }
  return rows;
}
