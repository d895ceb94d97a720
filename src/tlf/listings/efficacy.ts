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
import type { ListingSpec } from '../../render/listing.js';
import type { SapSettings } from '../../sap/index.js';
import type { TlfContext } from '../context.js';
import { DAY_FOOTNOTE, indexAdsl, subjectBlocks, subjectColumns, text } from './common.js';

const ARM = 'Arm randomized';
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

const timing = (r: AssessmentTiming): string[] => [r.VISIT, r.ADT, text(r.ADY)];

/** L-16.2.6.1: the SRI-4 response at Week 24 and its components, with the values each was judged on. */
export function sri4ListingSpec(sri4: readonly Sri4Record[], adsl: readonly AdslRecord[], ctx: TlfContext): ListingSpec {
  const byId = indexAdsl(adsl);
  return {
    id: 'L-16.2.6.1',
    titles: ['SRI-4 response and its components at Week 24'],
    populationLabel: FAS,
    columns: [
      ...subjectColumns(ctx, ARM), 'Week 24 date', 'SLEDAI-2K base', 'Wk 24', 'Change', 'SLEDAI-2K', 'New A', 'New B', 'BILAG-2004',
      'PGA base', 'Wk 24', 'Change', 'PGA', 'Max prednisone (mg/day)', 'Steroid', 'Withdrawn before Wk 24', 'SRI-4 response', 'Reason',
    ],
    blocks: subjectBlocks(fasOnly(sri4, adsl), byId, 'randomized', ctx, (r) => [
      text(r.W24DT), text(r.SLEDBASE), text(r.SLEDAVAL), text(r.SLEDCHG), STATUS[r.SLEDSTAT], text(r.BLGNEWA), text(r.BLGNEWB), STATUS[r.BLGSTAT],
      hundredthsText(r.PGABASEH), hundredthsText(r.PGAAVALH), hundredthsText(r.PGACHGH), STATUS[r.PGASTAT], text(r.CSMAXDOS), STATUS[r.CSSTAT],
      r.WDBFW24, r.SRI4FL, text(r.NRREAS),
    ]),
    footnotes: [
      'Components (SAP Section 5.4): SLEDAI-2K reduction of at least 4; no new BILAG-2004 A and at most one new B; PGA worsening below the limit; prednisone-equivalent dose in the Week 20-24 window within the limit.',
      'Values as in adam/adsri4.csv. Missing component: non-responder. Reason: why a subject is a non-responder.',
    ],
    emptyText: 'No FAS subject.',
  };
}

/** L-16.2.6.2: SLEDAI-2K total at every assessment. */
export function sledaiListingSpec(sledai: readonly SledaiRecord[], adsl: readonly AdslRecord[], ctx: TlfContext): ListingSpec {
  return {
    id: 'L-16.2.6.2',
    titles: ['SLEDAI-2K total by visit'],
    populationLabel: FAS,
    columns: [...subjectColumns(ctx, ARM), 'Visit', 'Date', 'Day', 'SLEDAI-2K total', 'Baseline', 'Change from baseline', 'Missing descriptors'],
    blocks: subjectBlocks(byAssessment(fasOnly(sledai, adsl)), indexAdsl(adsl), 'randomized', ctx, (r) => [
      ...timing(r), text(r.AVAL), r.ABLFL === 'Y' ? 'Y' : '', text(r.CHG), r.MISSDESC.join(' '),
    ]),
    footnotes: ['Baseline: Y on the baseline record (SAP Section 4.2). Change at scheduled post-baseline visits. Missing descriptors make the total missing.', DAY_FOOTNOTE],
    emptyText: 'No SLEDAI-2K assessment.',
  };
}

/** L-16.2.6.3: BILAG-2004 domain grades at every assessment, with new A / new B against baseline. */
export function bilagListingSpec(
  grades: readonly BilagGradeRecord[],
  visits: readonly BilagVisitRecord[],
  adsl: readonly AdslRecord[],
  settings: SapSettings,
  ctx: TlfContext,
): ListingSpec {
  const domains = settings.bilag.domains;
  const key = (r: { USUBJID: string; VISITNUM: number }): string => `${r.USUBJID}\u0000${r.VISITNUM}`;
  const assessments = new Map<string, { first: BilagGradeRecord; grade: Map<string, string | null> }>();
  for (const g of fasOnly(grades, adsl)) {
    const a = assessments.get(key(g)) ?? { first: g, grade: new Map<string, string | null>() };
    a.grade.set(g.PARAMCD, g.AVALC);
    assessments.set(key(g), a);
  }
  const newGrades = new Map(visits.map((v) => [key(v), v]));
  const rows = byAssessment([...assessments.values()].map((a) => ({ ...a.first, grade: a.grade })));
  return {
    id: 'L-16.2.6.3',
    titles: ['BILAG-2004 domain grades by visit'],
    populationLabel: FAS,
    columns: [...subjectColumns(ctx, ARM), 'Visit', 'Date', 'Day', ...domains.map((d) => d.name), 'New A', 'New B'],
    blocks: subjectBlocks(rows, indexAdsl(adsl), 'randomized', ctx, (r) => {
      const n = newGrades.get(key(r));
      return [...timing(r), ...domains.map((d) => text(r.grade.get(d.code))), text(n?.NEWA), text(n?.NEWB)];
    }),
    footnotes: [
      'Grades A (most active) to E (never involved); empty: not graded. New A / new B: domains worse than at baseline and now A / B (SAP Section 5.2), post-baseline assessments.',
      DAY_FOOTNOTE,
    ],
    emptyText: 'No BILAG-2004 assessment.',
  };
}

/** L-16.2.6.4: Physician's Global Assessment at every assessment. */
export function pgaListingSpec(pga: readonly PgaRecord[], adsl: readonly AdslRecord[], ctx: TlfContext): ListingSpec {
  return {
    id: 'L-16.2.6.4',
    titles: ["Physician's Global Assessment by visit"],
    populationLabel: FAS,
    columns: [...subjectColumns(ctx, ARM), 'Visit', 'Date', 'Day', 'PGA', 'Baseline', 'Change from baseline'],
    blocks: subjectBlocks(byAssessment(fasOnly(pga, adsl)), indexAdsl(adsl), 'randomized', ctx, (r) => [
      ...timing(r), hundredthsText(r.AVALH), r.ABLFL === 'Y' ? 'Y' : '', hundredthsText(r.CHGH),
    ]),
    footnotes: ['PGA on a 0-3 scale, shown to two decimals. Change at scheduled post-baseline visits.', DAY_FOOTNOTE],
    emptyText: 'No PGA assessment.',
  };
}
