/**
 * L-16.2.8.x, laboratory values by subject and visit (ADLB values: the analysis value with its
 * qualifier, the record's own reference range, baseline flag and change): .1 haematology (LBCAT
 * HEMATOLOGY; safety, sorted by arm infused), .2 the other tests (complement C3/C4, anti-dsDNA, UPCR;
 * efficacy biomarkers, sorted by arm randomized). L/H flags compare the value with its own range, as
 * the biomarker flags do (`compareWithLimit`: a `<x` / `>x` result lies just below / above x).
 */
import type { AdslRecord } from '../../derive/adsl.js';
import { computeRangeIndicator } from '../../derive/lab-range.js';
import type { LabRecord } from '../../derive/lab-results.js';
import type { LbRow } from '../../lock/types.js';
import type { ListingSource } from '../../render/listing.js';
import type { TlfContext } from '../context.js';
import {
  DAY_FOOTNOTE,
  armFootnotes,
  indexAdsl,
  subjectBlocksOnDemand,
  subjectColumns,
  text,
  withDay,
  type ArmBasis,
} from './common.js';

import { HAEMATOLOGY_CATEGORY } from '../../derive/lab-panels.js';

/** `L` below the record's lower limit, `H` above its upper limit, else empty (also when unknown). */
export function rangeFlag(r: Pick<LabRecord, 'AVAL' | 'AVALQUAL' | 'ANRLO' | 'ANRHI'>): string {
  const ind = computeRangeIndicator(r);
  return ind === 'LOW' ? 'L' : ind === 'HIGH' ? 'H' : '';
}

/** The value as collected: qualifier, then the number at its collected decimals. */
export function labValueText(r: Pick<LabRecord, 'AVAL' | 'AVALQUAL' | 'AVALDEC'>): string {
  if (r.AVAL === null) return '';
  return `${r.AVALQUAL ?? ''}${r.AVAL.toFixed(r.AVALDEC ?? 0)}`;
}

/** A change from baseline at the larger of the two values' decimals, without floating-point noise. */
function changeText(r: LabRecord, baseDecimals: number | undefined): string {
  if (r.CHG === null) return '';
  return r.CHG.toFixed(Math.max(r.AVALDEC ?? 0, baseDecimals ?? 0));
}

/** The change from baseline, or `Baseline` on the baseline record (a change there, which ADLB never has, below it). */
export function changeCell(baseline: boolean, change: string): string {
  if (!baseline) return change;
  return change === '' ? 'Baseline' : `Baseline\n${change}`;
}

/** `lo-hi`, or a one-sided range `<=hi` / `>=lo`. */
export function rangeText(lo: number | null, hi: number | null): string {
  if (lo === null) return hi === null ? '' : `<=${hi}`;
  return hi === null ? `>=${lo}` : `${lo}-${hi}`;
}

interface LabSubListing {
  readonly id: string;
  readonly title: string;
  readonly basis: ArmBasis;
  readonly population: string;
  readonly select: (lb: LbRow) => boolean;
  readonly emptyText: string;
}

export const LAB_LISTINGS: readonly LabSubListing[] = [
  {
    id: 'L-16.2.8.1',
    title: 'Laboratory values: haematology',
    basis: 'infused',
    population: 'All enrolled subjects',
    select: (lb) => lb.LBCAT === HAEMATOLOGY_CATEGORY,
    emptyText: 'No haematology result in LB.',
  },
  {
    id: 'L-16.2.8.2',
    title: 'Laboratory values: complement, anti-dsDNA and urine protein/creatinine',
    basis: 'randomized',
    population: 'All enrolled subjects',
    select: (lb) => lb.LBCAT !== HAEMATOLOGY_CATEGORY,
    emptyText: 'No laboratory result in LB.',
  },
];

/**
 * What both lab listings look up: LB rows by subject, then LBSEQ (a map a subject rather than one key
 * string a row: a large lock has hundreds of thousands of LB rows), the tests in order of first
 * appearance in LB (the lock's own order of the panel), and each subject's baseline decimals by test.
 * Made in one pass over each, once for the two listings (patientListingSpecs).
 */
export interface LabListingIndex {
  readonly lbBySubject: ReadonlyMap<string, ReadonlyMap<number, LbRow>>;
  readonly testOrder: ReadonlyMap<string, number>;
  readonly baseDecimals: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

export function labListingIndex(labs: readonly LabRecord[], lb: readonly LbRow[]): LabListingIndex {
  const lbBySubject = new Map<string, Map<number, LbRow>>();
  const testOrder = new Map<string, number>();
  for (const r of lb) {
    let rows = lbBySubject.get(r.USUBJID);
    if (rows === undefined) lbBySubject.set(r.USUBJID, (rows = new Map()));
    rows.set(r.LBSEQ, r);
    if (!testOrder.has(r.LBTESTCD)) testOrder.set(r.LBTESTCD, testOrder.size);
  }
  const baseDecimals = new Map<string, Map<string, number>>();
  for (const r of labs) {
    if (r.ABLFL !== 'Y' || r.AVALDEC === null) continue;
    let bySubject = baseDecimals.get(r.USUBJID);
    if (bySubject === undefined) baseDecimals.set(r.USUBJID, (bySubject = new Map()));
    bySubject.set(r.PARAMCD, r.AVALDEC);
  }
  return { lbBySubject, testOrder, baseDecimals };
}

export function labListingSpec(
  sub: LabSubListing,
  labs: readonly LabRecord[],
  lb: readonly LbRow[],
  adsl: readonly AdslRecord[],
  ctx: TlfContext,
  index: LabListingIndex = labListingIndex(labs, lb),
): ListingSource {
  const { lbBySubject, testOrder, baseDecimals } = index;
  const sourceOf = (r: LabRecord): LbRow | undefined => lbBySubject.get(r.USUBJID)?.get(r.LBSEQ);
  const records = labs
    .filter((r) => {
      const s = sourceOf(r);
      return s !== undefined && sub.select(s);
    })
    .sort(
      (a, b) =>
        (a.USUBJID < b.USUBJID ? -1 : a.USUBJID > b.USUBJID ? 1 : 0) ||
        (a.ADT < b.ADT ? -1 : a.ADT > b.ADT ? 1 : 0) ||
        a.VISITNUM - b.VISITNUM ||
        (testOrder.get(a.PARAMCD) ?? 0) - (testOrder.get(b.PARAMCD) ?? 0) ||
        a.LBSEQ - b.LBSEQ,
    );
  return {
    id: sub.id,
    titles: [sub.title],
    populationLabel: sub.population,
    columns: [
      ...subjectColumns(ctx),
      'Visit (Day)',
      'Date',
      'Test',
      'Value (flag)',
      'Unit',
      'Normal range',
      'Change from baseline',
    ],
    // Made anew in each pass of the streamed rendering: ~1.5M rows a lab listing at 20,000 subjects.
    blocks: subjectBlocksOnDemand(records, indexAdsl(adsl), sub.basis, ctx, (r) => {
      const s = sourceOf(r);
      const value = r.AVAL === null ? text(s?.LBSTAT ?? s?.LBSTRESC) : labValueText(r);
      const flag = rangeFlag(r);
      return [
        withDay(r.VISIT, r.ADY),
        r.ADT,
        text(s?.LBTEST),
        flag === '' ? value : `${value} ${flag}`,
        text(s?.LBSTRESU),
        rangeText(r.ANRLO, r.ANRHI),
        changeCell(r.ABLFL === 'Y', changeText(r, baseDecimals.get(r.USUBJID)?.get(r.PARAMCD))),
      ];
    }),
    footnotes: [
      ...armFootnotes(ctx, sub.basis),
      "Value: the analysis value (a text result <x or >x as given); flag L below, H above the record's own normal range (ADLB ANRLO, ANRHI).",
      'Change from baseline: at scheduled post-baseline visits; Baseline marks the baseline record (SAP Section 4.2).',
      DAY_FOOTNOTE,
    ],
    emptyText: sub.emptyText,
  };
}
