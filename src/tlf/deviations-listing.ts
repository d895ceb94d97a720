/**
 * Listing L-16.2.2, protocol deviations derived from the data (SAP synopsis §5.5): every enrolled
 * subject with at least one deviation, one row per deviation, with the values behind it — the
 * randomized and the screening-SLEDAI-2K stratum with the screening total, the randomized and the
 * infused arm. Sorted by randomized arm (display order) then subject; one block per subject. The same
 * deviations are counted in T-14.1.3. Unblinded runs only (it shows the randomization; a blinded
 * context is refused). Rendered as RTF, HTML and text through the table renderers, under `listings/`.
 */
import type { AdslRecord } from '../derive/adsl.js';
import { renderHtml } from '../render/html.js';
import { buildListingPrintForm, type ListingSpec } from '../render/listing.js';
import { renderRtf } from '../render/rtf.js';
import { renderText } from '../render/text.js';
import { ARMS, isBlinded, printFlagsOf, type Arm, type TlfContext } from './context.js';

export const DEVIATION_LISTING_ID = 'L-16.2.2';

export type DeviationKind = 'STRATUM' | 'ARM' | 'NOTINFUSED';

/** What the listing reads of a subject. */
export type DeviationSubject = Pick<AdslRecord, 'USUBJID' | 'ARMCD' | 'ACTARMCD' | 'INFFL' | 'RANDSTR' | 'STRATUM' | 'SCRSLED'>;

/** The deviations of one subject, in the order of `DEVIATION_LABELS`. */
export type DeviationsOf = (subject: DeviationSubject) => readonly DeviationKind[];

export const DEVIATION_LABELS: Readonly<Record<DeviationKind, string>> = {
  STRATUM: 'Randomized in the wrong stratum',
  ARM: 'Infused with another arm than randomized',
  NOTINFUSED: 'Never infused',
};

const KIND_ORDER: readonly DeviationKind[] = ['STRATUM', 'ARM', 'NOTINFUSED'];

/**
 * SAP synopsis §5.5 read off ADSL: `STRATUM` when the randomization stratum differs from the
 * screening-SLEDAI-2K stratum or that stratum is missing; `ARM` when infused with an arm other than
 * the randomized one; `NOTINFUSED` when never infused.
 */
export function adslDeviations(s: DeviationSubject): DeviationKind[] {
  const out: DeviationKind[] = [];
  if (s.RANDSTR !== null && s.STRATUM !== s.RANDSTR) out.push('STRATUM');
  if (s.INFFL === 'Y' && s.ACTARMCD !== null && s.ACTARMCD !== s.ARMCD) out.push('ARM');
  if (s.INFFL === 'N') out.push('NOTINFUSED');
  return out;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Display position of a randomized arm; subjects without one come last. */
function armRank(arm: Arm | null): number {
  return arm === null ? ARMS.length : ARMS.indexOf(arm);
}

export function deviationListingSpec(ctx: TlfContext, adsl: readonly DeviationSubject[], deviationsOf: DeviationsOf = adslDeviations): ListingSpec {
  if (isBlinded(ctx)) throw new Error(`${DEVIATION_LISTING_ID} shows the randomization and is not produced in a blinded run`);
  const armText = (arm: Arm | null, none: string) => (arm === null ? none : ctx.armLabels[arm]);
  const subjects = adsl
    .map((s) => ({ s, kinds: KIND_ORDER.filter((k) => deviationsOf(s).includes(k)) }))
    .filter((d) => d.kinds.length > 0)
    .sort((a, b) => armRank(a.s.ARMCD) - armRank(b.s.ARMCD) || byString(a.s.USUBJID, b.s.USUBJID));
  return {
    id: DEVIATION_LISTING_ID,
    titles: ['Protocol Deviations Derived from the Data'],
    populationLabel: 'All Enrolled Subjects',
    columns: ['Randomized arm', 'Subject', 'Deviation', 'Randomized stratum', 'Screening SLEDAI-2K', 'Screening stratum', 'Arm infused'],
    blocks: subjects.map(({ s, kinds }) =>
      kinds.map((k) => [
        armText(s.ARMCD, 'Not randomized'),
        s.USUBJID,
        DEVIATION_LABELS[k],
        s.RANDSTR ?? '',
        s.SCRSLED === null ? 'Missing' : String(s.SCRSLED),
        s.STRATUM ?? 'Missing',
        s.INFFL === 'N' ? 'Not infused' : armText(s.ACTARMCD, ''),
      ]),
    ),
    footnotes: [
      'Randomized in the wrong stratum: the stratum of the randomization file differs from the stratum of the screening SLEDAI-2K total (< 10 / >= 10), or the screening total is missing. Subjects are analysed as randomized (efficacy) and as infused (safety).',
      'One row per deviation; a subject with several deviations has several rows. Counts by randomized arm: Table T-14.1.3.',
    ],
    emptyText: 'No protocol deviation derived from the data.',
  };
}

/** Lines on a landscape letter page at 9 pt, as for the tables. */
const LINES_PER_PAGE = 46;

/** `listings/L-16.2.2.{rtf,html,txt}`; nothing in a blinded run. */
export function renderDeviationListing(ctx: TlfContext, adsl: readonly DeviationSubject[], deviationsOf: DeviationsOf = adslDeviations): Map<string, string> {
  if (isBlinded(ctx)) return new Map();
  const form = buildListingPrintForm(deviationListingSpec(ctx, adsl, deviationsOf), { flags: printFlagsOf(ctx), linesPerPage: LINES_PER_PAGE });
  return new Map([
    [`listings/${DEVIATION_LISTING_ID}.rtf`, renderRtf(form)],
    [`listings/${DEVIATION_LISTING_ID}.html`, renderHtml(form)],
    [`listings/${DEVIATION_LISTING_ID}.txt`, renderText(form)],
  ]);
}
