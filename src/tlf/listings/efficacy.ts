/**
 * L-16.2.6.1–4, individual efficacy data of the FAS (ADSRI4, ADSLED, ADBILAG, ADPGA values as the
 * analyses use them): the SRI-4 components at Week 24 with the values judged, then SLEDAI-2K, BILAG-2004
 * grades and PGA at every assessment (scheduled or not). The flare listing is L-16.2.6.5.
 * Sorted by randomized arm (unblinded runs) then subject, then assessment.
 */
import type { AdslRecord } from '../../derive/adsl.js';
import type { BilagGradeRecord, BilagVisitRecord } from '../../derive/bilag.js';
import type { AssessmentTiming } from '../../derive/assessment-timing.js';
import type { PgaRecord } from '../../derive/pga.js';
import type { SledaiRecord } from '../../derive/sledai.js';
import type { ComponentStatus, Sri4Record } from '../../derive/sri4.js';
import type { ListingSource, ListingSpec } from '../../render/listing.js';
import type { SapSettings } from '../../sap/index.js';
import type { TlfContext } from '../context.js';
import {
  DAY_FOOTNOTE,
  armFootnotes,
  indexAdsl,
  stackedArmFootnotes,
  stackedSubjectBlocks,
  stackedSubjectColumn,
  subjectBlocksOnDemand,
  subjectColumns,
  text,
  withDay,
} from './common.js';

const FAS = 'Full Analysis Set';

/** Hundredths as a decimal with two places (PGA is kept in hundredths to compare exactly, SAP §5.4). */
export function hundredthsText(h: number | null): string {
  if (h === null) return '';
  const sign = h < 0 ? '-' : '';
  const a = Math.abs(h);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

const STATUS: Readonly<Record<ComponentStatus, string>> = { MET: 'Met', 'NOT MET': 'Not met', MISSING: 'Missing' };

function fasOnly<T extends { readonly USUBJID: string }>(records: readonly T[], adsl: readonly AdslRecord[]): T[] {
  const fas = new Set(adsl.filter((s) => s.FASFL === 'Y').map((s) => s.USUBJID));
  return records.filter((r) => fas.has(r.USUBJID));
}

/** Assessments in time order: date, then VISITNUM (an unscheduled visit on the day of a scheduled one after it). */
function byAssessment<T extends Pick<AssessmentTiming, 'USUBJID' | 'ADT' | 'VISITNUM'>>(records: readonly T[]): T[] {
  return [...records].sort((a, b) => (a.ADT < b.ADT ? -1 : a.ADT > b.ADT ? 1 : a.VISITNUM - b.VISITNUM));
}

/** A BILAG listing row: the assessment's timing and its grades by domain. */
function gradeRow(
  r: AssessmentTiming,
  grade: Map<string, string | null>,
): AssessmentTiming & { grade: Map<string, string | null> } {
  return { USUBJID: r.USUBJID, VISITNUM: r.VISITNUM, VISIT: r.VISIT, AVISIT: r.AVISIT, ADT: r.ADT, ADY: r.ADY, grade };
}

/** The visit with its protocol day, `WEEK 4 (D29)`, then the date. */
const timing = (r: AssessmentTiming): string[] => [withDay(r.VISIT, r.ADY), r.ADT];
const TIMING_COLUMNS = ['Visit (Day)', 'Date'];

/** `10/2/-8`: baseline, Week 24 and change of a component, blank parts kept in place. */
const triple = (a: string, b: string, c: string): string => `${a}/${b}/${c}`;

/** L-16.2.6.1: the SRI-4 response at Week 24 and its components, with the values each was judged on. */
export function sri4ListingSpec(
  sri4: readonly Sri4Record[],
  adsl: readonly AdslRecord[],
  ctx: TlfContext,
): ListingSpec {
  const byId = indexAdsl(adsl);
  return {
    id: 'L-16.2.6.1',
    titles: ['SRI-4 response and its components at Week 24'],
    populationLabel: FAS,
    columns: [
      stackedSubjectColumn(ctx),
      'Week 24 date',
      'SLEDAI-2K\nbase/\nWk 24/\nchange',
      'BILAG-2004\nnew A/B',
      'PGA\nbase/\nWk 24/\nchange',
      'Max prednisone (mg/day)',
      'Withdrawn before Wk 24',
      'SRI-4 response/ reason',
    ],
    blocks: stackedSubjectBlocks(fasOnly(sri4, adsl), byId, 'randomized', ctx, (r) => [
      text(r.W24DT),
      `${triple(text(r.SLEDBASE), text(r.SLEDAVAL), text(r.SLEDCHG))}\n${STATUS[r.SLEDSTAT]}`,
      `${text(r.BLGNEWA)}/${text(r.BLGNEWB)}\n${STATUS[r.BLGSTAT]}`,
      `${triple(hundredthsText(r.PGABASEH), hundredthsText(r.PGAAVALH), hundredthsText(r.PGACHGH))}\n${STATUS[r.PGASTAT]}`,
      `${text(r.CSMAXDOS)}\n${STATUS[r.CSSTAT]}`,
      r.WDBFW24,
      r.NRREAS === null ? r.SRI4FL : `${r.SRI4FL}\n${r.NRREAS}`,
    ]),
    footnotes: [
      ...stackedArmFootnotes(ctx, 'randomized'),
      'Components (SAP Section 5.4): SLEDAI-2K reduction of at least 4; no new BILAG-2004 A and at most one new B; PGA worsening below the limit; prednisone-equivalent dose in the Week 20-24 window within the limit.',
      'Each component: its values (baseline/Week 24/change; new A/new B; the maximum dose), the component met or not below them.',
      'Values as in adam/adsri4.csv. Missing component: non-responder. Reason (under the response): why a subject is a non-responder.',
    ],
    emptyText: 'No FAS subject.',
  };
}

/** L-16.2.6.2: SLEDAI-2K total at every assessment. */
export function sledaiListingSpec(
  sledai: readonly SledaiRecord[],
  adsl: readonly AdslRecord[],
  ctx: TlfContext,
): ListingSource {
  return {
    id: 'L-16.2.6.2',
    titles: ['SLEDAI-2K total by visit'],
    populationLabel: FAS,
    columns: [
      ...subjectColumns(ctx),
      ...TIMING_COLUMNS,
      'SLEDAI-2K total',
      'Baseline',
      'Change from baseline',
      'Missing descriptors',
    ],
    blocks: subjectBlocksOnDemand(byAssessment(fasOnly(sledai, adsl)), indexAdsl(adsl), 'randomized', ctx, (r) => [
      ...timing(r),
      text(r.AVAL),
      r.ABLFL === 'Y' ? 'Y' : '',
      text(r.CHG),
      r.MISSDESC.join(' '),
    ]),
    footnotes: [
      ...armFootnotes(ctx, 'randomized'),
      'Baseline: Y on the baseline record (SAP Section 4.2). Change at scheduled post-baseline visits. Missing descriptors make the total missing.',
      DAY_FOOTNOTE,
    ],
    emptyText: 'No SLEDAI-2K assessment.',
  };
}

/**
 * BILAG-2004 domain column headers: the first three letters of each name (`Con` for Constitutional),
 * decoded in a footnote; the full names if three letters would not tell two domains apart.
 */
export function domainHeaders(names: readonly string[]): string[] {
  const short = names.map((n) => n.slice(0, 3));
  return new Set(short).size === short.length ? short : [...names];
}

/** L-16.2.6.3: BILAG-2004 domain grades at every assessment, with new A / new B against baseline. */
export function bilagListingSpec(
  grades: readonly BilagGradeRecord[],
  visits: readonly BilagVisitRecord[],
  adsl: readonly AdslRecord[],
  settings: SapSettings,
  ctx: TlfContext,
): ListingSource {
  const domains = settings.bilag.domains;
  const key = (r: { USUBJID: string; VISITNUM: number }): string => `${r.USUBJID}\u0000${r.VISITNUM}`;
  const assessments = new Map<string, { first: BilagGradeRecord; grade: Map<string, string | null> }>();
  for (const g of fasOnly(grades, adsl)) {
    // One key a grade record (a dozen domains an assessment): made once, set when first seen.
    const k = key(g);
    let a = assessments.get(k);
    if (a === undefined) assessments.set(k, (a = { first: g, grade: new Map<string, string | null>() }));
    a.grade.set(g.PARAMCD, g.AVALC);
  }
  const newGrades = new Map(visits.map((v) => [key(v), v]));
  // The timing fields by name, not a spread: the run's grade records are views (src/derive/record-columns.ts),
  // and a spread with a field added, once optimized, gave every row a map of its own (V8 11).
  const rows = byAssessment([...assessments.values()].map((a) => gradeRow(a.first, a.grade)));
  const headers = domainHeaders(domains.map((d) => d.name));
  const decode = domains
    .map((d, i) => `${headers[i] ?? ''} ${d.name}`)
    .filter((_, i) => headers[i] !== domains[i]?.name);
  return {
    id: 'L-16.2.6.3',
    titles: ['BILAG-2004 domain grades by visit'],
    populationLabel: FAS,
    columns: [...subjectColumns(ctx), ...TIMING_COLUMNS, ...headers, 'New A/B'],
    blocks: subjectBlocksOnDemand(rows, indexAdsl(adsl), 'randomized', ctx, (r) => {
      const n = newGrades.get(key(r));
      const newAB = n === undefined || (n.NEWA === null && n.NEWB === null) ? '' : `${text(n.NEWA)}/${text(n.NEWB)}`;
      return [...timing(r), ...domains.map((d) => text(r.grade.get(d.code))), newAB];
    }),
    footnotes: [
      ...armFootnotes(ctx, 'randomized'),
      ...(decode.length === 0 ? [] : [`Domains: ${decode.join(', ')}.`]),
      'Grades A (most active) to E (never involved); empty: not graded. New A/B: number of domains worse than at baseline and now A / B (SAP Section 5.2), post-baseline assessments.',
      DAY_FOOTNOTE,
    ],
    emptyText: 'No BILAG-2004 assessment.',
  };
}

/** L-16.2.6.4: Physician's Global Assessment at every assessment. */
export function pgaListingSpec(pga: readonly PgaRecord[], adsl: readonly AdslRecord[], ctx: TlfContext): ListingSource {
  return {
    id: 'L-16.2.6.4',
    titles: ["Physician's Global Assessment by visit"],
    populationLabel: FAS,
    columns: [...subjectColumns(ctx), ...TIMING_COLUMNS, 'PGA', 'Baseline', 'Change from baseline'],
    blocks: subjectBlocksOnDemand(byAssessment(fasOnly(pga, adsl)), indexAdsl(adsl), 'randomized', ctx, (r) => [
      ...timing(r),
      hundredthsText(r.AVALH),
      r.ABLFL === 'Y' ? 'Y' : '',
      hundredthsText(r.CHGH),
    ]),
    footnotes: [
      ...armFootnotes(ctx, 'randomized'),
      'PGA on a 0-3 scale, shown to two decimals. Change at scheduled post-baseline visits.',
      DAY_FOOTNOTE,
    ],
    emptyText: 'No PGA assessment.',
  };
}
