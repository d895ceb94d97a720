/**
 * Listing L-16.2.6.5, BILAG-2004 domain flares (SAP.md §5.5, §10.3): one row per domain transition that
 * is a severe, moderate or mild flare, FAS subjects, by subject then date and VISITNUM and the settings'
 * domain order: subject, assessment, date, protocol day, domain, previous and current grade, severity.
 * No arm column, so the listing is the same blinded or not. Rendered as RTF, HTML and text through the
 * table renderers (src/render/listing.ts), under `listings/`.
 */
import type { AdslRecord } from '../derive/adsl.js';
import type { FlareTransitionRecord } from '../derive/bilag-flare.js';
import type { ListingSpec } from '../render/listing.js';

export const FLARE_LISTING_ID = 'L-16.2.6.5';
const FLARE_LISTING_TITLE = 'BILAG-2004 domain flares';

const SEVERITY_LABEL: Readonly<Record<FlareTransitionRecord['FLRSEV'], string>> = {
  SEVERE: 'Severe',
  MODERATE: 'Moderate',
  MILD: 'Mild',
};

export function flareListingSpec(
  transitions: readonly FlareTransitionRecord[],
  adsl: readonly AdslRecord[],
): ListingSpec {
  const fas = new Set(adsl.filter((s) => s.FASFL === 'Y').map((s) => s.USUBJID));
  const bySubject = new Map<string, FlareTransitionRecord[]>();
  for (const t of transitions) {
    if (!fas.has(t.USUBJID)) continue;
    const list = bySubject.get(t.USUBJID);
    if (list) list.push(t);
    else bySubject.set(t.USUBJID, [t]);
  }
  // Transitions arrive per subject in assessment order and settings' domain order (bilag-flare.ts).
  const subjects = [...bySubject.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    id: FLARE_LISTING_ID,
    titles: [FLARE_LISTING_TITLE],
    populationLabel: 'Full Analysis Set',
    columns: ['Subject', 'Assessment', 'Date', 'Day', 'Domain', 'Previous grade', 'Grade', 'Flare severity'],
    blocks: subjects.map((s) =>
      (bySubject.get(s) ?? []).map((t) => [
        t.USUBJID,
        t.VISIT,
        t.ADT,
        t.ADY === null ? '' : String(t.ADY),
        t.PARAM,
        t.PREVC,
        t.AVALC,
        SEVERITY_LABEL[t.FLRSEV],
      ]),
    ),
    footnotes: [
      'Each BILAG-2004 domain graded at a post-baseline assessment (scheduled or unscheduled) is compared with its most recent earlier grade (baseline for the first).',
      'Severe: A from B-E; moderate: B from C-E; mild: C from D-E. Severe and moderate domain flares count as flares; mild flares are listed only.',
      'Day: protocol day (Day 0 = infusion).',
    ],
    emptyText: 'No BILAG-2004 domain flare.',
  };
}
