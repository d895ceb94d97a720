/**
 * Listing L-16.2.2, protocol deviations derived from the data (SAP synopsis §5.5; the `addv` flags of
 * src/derive/deviations.ts, so the listing and the `DEVIATION` counts of T-14.1.3 cannot disagree): every
 * enrolled subject with at least one deviation, one row per deviation, with the values behind it — the
 * randomized and the screening-SLEDAI-2K stratum with the screening total, the randomized and the
 * infused arm. Sorted by randomized arm (display order) then subject; one block per subject. The same
 * deviations are counted in T-14.1.3. Unblinded runs only (it shows the randomization; a blinded
 * context is refused). Rendered as RTF, HTML and text through the table renderers, under `listings/`.
 */
import type { DeviationRecord } from '../derive/deviations.js';
import type { ListingSpec } from '../render/listing.js';
import { ARMS, isBlinded, type TlfContext } from './context.js';

export const DEVIATION_LISTING_ID = 'L-16.2.2';
const DEVIATION_LISTING_TITLE = 'Protocol Deviations Derived from the Data';

type Flag = 'DVSTRFL' | 'DVARMFL' | 'DVNINFFL';

/** The kinds of deviation in listing order, each with the `addv` flag that says it and its row text. */
export const DEVIATION_LISTING_KINDS: readonly { readonly flag: Flag; readonly label: string }[] = [
  { flag: 'DVSTRFL', label: 'Wrong stratum' },
  { flag: 'DVARMFL', label: 'Other arm infused' },
  { flag: 'DVNINFFL', label: 'Never infused' },
];

/**
 * The values behind one deviation, in one cell (the page has room for four columns of this width,
 * not for one column per value): the randomized and screening strata with the screening total, the
 * arm infused (the randomized arm is the row's first column), or that no infusion is recorded.
 */
export function deviationValues(ctx: TlfContext, r: DeviationRecord, flag: Flag): string {
  switch (flag) {
    case 'DVSTRFL':
      return `randomized ${r.RANDSTR}; screening SLEDAI-2K ${r.SCRSLED === null ? 'missing' : `${r.SCRSLED} (${r.STRATUM ?? 'no stratum'})`}`;
    case 'DVARMFL':
      return `infused ${r.ACTARMCD === null ? 'unknown' : ctx.armLabels[r.ACTARMCD]}`;
    case 'DVNINFFL':
      return 'no infusion recorded';
  }
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The derived deviations (src/derive/deviations.ts, `addv`) of every enrolled subject of an unblinded run. */
export function deviationListingSpec(ctx: TlfContext, records: readonly DeviationRecord[]): ListingSpec {
  if (isBlinded(ctx))
    throw new Error(`${DEVIATION_LISTING_ID} shows the randomization and is not produced in a blinded run`);
  const subjects = records
    .map((s) => ({ s, kinds: DEVIATION_LISTING_KINDS.filter((k) => s[k.flag] === 'Y') }))
    .filter((d) => d.kinds.length > 0)
    .sort((a, b) => ARMS.indexOf(a.s.ARMCD) - ARMS.indexOf(b.s.ARMCD) || byString(a.s.USUBJID, b.s.USUBJID));
  return {
    id: DEVIATION_LISTING_ID,
    titles: [DEVIATION_LISTING_TITLE],
    populationLabel: 'All Enrolled Subjects',
    columns: ['Randomized arm', 'Subject', 'Deviation', 'Values behind the deviation'],
    blocks: subjects.map(({ s, kinds }) =>
      kinds.map((k) => [ctx.armLabels[s.ARMCD], s.USUBJID, k.label, deviationValues(ctx, s, k.flag)]),
    ),
    footnotes: [
      'Wrong stratum: the stratum of the randomization file differs from the stratum of the screening SLEDAI-2K total (< 10 / >= 10, in parentheses), or the screening total is missing. Other arm infused: the arm actually infused is not the randomized arm. Subjects are analysed as randomized (efficacy) and as infused (safety).',
      'One row per deviation; a subject with several deviations has several rows. Counts by randomized arm: Table T-14.1.3.',
    ],
    emptyText: 'No protocol deviation derived from the data.',
  };
}
