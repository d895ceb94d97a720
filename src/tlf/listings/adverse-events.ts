/**
 * L-16.2.7.x, adverse events by subject (ADAE, SAP §7): every AE, then the serious ones, those with a
 * fatal outcome and those that led to withdrawal, each a sub-listing with the same columns. Sorted by
 * the arm infused (safety analyses use it, SAP §3; unblinded runs only), subject, start date, AESEQ.
 * Every AE of the lock is listed, treatment-emergent or not (column TEAE).
 */
import type { AdaeRecord } from '../../derive/adae.js';
import type { AdslRecord } from '../../derive/adsl.js';
import type { ListingSpec } from '../../render/listing.js';
import type { TlfContext } from '../context.js';
import {
  DAY_FOOTNOTE,
  indexAdsl,
  stackedArmFootnotes,
  stackedSubjectBlocks,
  stackedSubjectColumn,
  text,
  withDay,
} from './common.js';

interface AeSubListing {
  readonly id: string;
  readonly title: string;
  readonly select: (r: AdaeRecord) => boolean;
  readonly emptyText: string;
}

export const AE_LISTINGS: readonly AeSubListing[] = [
  { id: 'L-16.2.7.1', title: 'Adverse events', select: () => true, emptyText: 'No adverse event.' },
  {
    id: 'L-16.2.7.2',
    title: 'Serious adverse events',
    select: (r) => r.AESERFL === 'Y',
    emptyText: 'No serious adverse event.',
  },
  {
    id: 'L-16.2.7.3',
    title: 'Adverse events with a fatal outcome (deaths)',
    select: (r) => r.AEDTHFL === 'Y',
    emptyText: 'No adverse event with a fatal outcome.',
  },
  {
    id: 'L-16.2.7.4',
    title: 'Adverse events leading to withdrawal from the study',
    select: (r) => r.AEDISCFL === 'Y',
    emptyText: 'No adverse event led to withdrawal.',
  },
];

/** Start date (as collected, so partial dates sort by their known part), then AESEQ. */
function aeOrder(a: AdaeRecord, b: AdaeRecord): number {
  return a.AESTDTC < b.AESTDTC ? -1 : a.AESTDTC > b.AESTDTC ? 1 : a.AESEQ - b.AESEQ;
}

const SERIOUS: Readonly<Record<AdaeRecord['AESER'], string>> = { Y: 'Serious', N: 'Not serious' };

/**
 * An AE's cells, related values stacked in one cell (a row takes three lines for SOC, PT and term
 * anyway): number over TEAE flag; SOC, PT, reported term; start with its day over end; severity,
 * seriousness, relationship; action taken over outcome.
 */
function aeCells(r: AdaeRecord): string[] {
  return [
    `${r.AESEQ}\n${text(r.TRTEMFL)}`,
    `${r.AEBODSYS}\n${r.AEDECOD}\n${r.AETERM}`,
    `${withDay(r.AESTDTC, r.ASTDY)}\n${text(r.AEENDTC)}`,
    `${r.AESEV}\n${SERIOUS[r.AESER]}\n${r.AEREL}`,
    `${text(r.AEACN)}\n${text(r.AEOUT)}`,
  ];
}

export function aeListingSpec(
  sub: AeSubListing,
  adae: readonly AdaeRecord[],
  adsl: readonly AdslRecord[],
  ctx: TlfContext,
): ListingSpec {
  const byId = indexAdsl(adsl);
  const records = adae
    .filter(sub.select)
    .sort((a, b) => (a.USUBJID < b.USUBJID ? -1 : a.USUBJID > b.USUBJID ? 1 : aeOrder(a, b)));
  return {
    id: sub.id,
    titles: [sub.title],
    populationLabel: 'All enrolled subjects',
    columns: [
      stackedSubjectColumn(ctx),
      'AE no./ TEAE',
      'System organ class/ Preferred term/ Reported term',
      'Start (Day)/ End',
      'Severity/ Seriousness/ Relationship',
      'Action taken/ Outcome',
    ],
    blocks: stackedSubjectBlocks(records, byId, 'infused', ctx, aeCells),
    footnotes: [
      ...stackedArmFootnotes(ctx, 'infused'),
      'Dates as collected (possibly partial). TEAE: Y if treatment-emergent (starting on or after Day 0, SAP Section 7.1), N if not; empty if never infused.',
      DAY_FOOTNOTE,
    ],
    emptyText: sub.emptyText,
  };
}
