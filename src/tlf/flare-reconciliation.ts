/**
 * The note that reconciles T-14.2.5 (subjects with a flare at or before Week 52: a window closed by the
 * subject's own Week 52 visit, SAP §4.5, crude proportion of N) with T-14.2.6 (Kaplan–Meier estimate at
 * day 364, SAP §6.6), which a reviewer otherwise reads as two answers to one question. Added to the
 * T-14.2.5 spec as its last footnote, leaving flares.ts as it is.
 */
import type { TableSpec } from '../render/table-spec.js';
import { FLARE_TABLE_ID } from './flares.js';

export const WEEK52_RECONCILIATION_FOOTNOTE =
  'Week 52 here and day 364 in T-14.2.6 differ by design: this table counts flares at assessments up to the Week 52 visit date (day 364 only without that visit), ' +
  'so a late Week 52 visit can add flares after day 364, and a subject who left early without a flare counts as not having flared (percentages of N); ' +
  'the Kaplan-Meier estimate at day 364 in T-14.2.6 (percentage free of flare: 100 minus it is the comparable figure) stops at day 364 and censors subjects at their last BILAG-2004 assessment.';

/** T-14.2.5 with the reconciliation note; every other spec unchanged. */
export function withWeek52Reconciliation(spec: TableSpec): TableSpec {
  return spec.id === FLARE_TABLE_ID
    ? { ...spec, footnotes: [...spec.footnotes, WEEK52_RECONCILIATION_FOOTNOTE] }
    : spec;
}
