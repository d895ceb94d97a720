/**
 * What every ICH E3 16.2 listing shares: the arm column of an unblinded run (none in a blinded run, so a
 * blinded listing cannot depend on the randomization file), the order (arm, then subject), the protocol
 * day of a date (Day 0 = infusion, ADSL TRTSDT) and the rendering to `listings/<id>.{rtf,html,txt}`
 * through the table renderers.
 */
import { protocolDay, type IsoDate } from '../../core/dates.js';
import type { AdslRecord } from '../../derive/adsl.js';
import type { ArmCode } from '../../lock/types.js';
import type { CatalogEntry } from '../../render/index-page.js';
import { renderHtmlPieces } from '../../render/html.js';
import { buildListingPrintForm, type ListingSpec } from '../../render/listing.js';
import { renderRtfPieces } from '../../render/rtf.js';
import { renderTextPieces } from '../../render/text.js';
import { ARMS, isBlinded, printFlagsOf, type Arm, type TlfContext } from '../context.js';

/** Lines on a landscape letter page at 9 pt, as for the tables and the flare listing. */
const LINES_PER_PAGE = 46;

/** Which of the subject's arms a listing sorts and labels by: randomized (efficacy) or infused (safety). */
export type ArmBasis = 'randomized' | 'infused';

export function armCodeOf(s: AdslRecord | undefined, basis: ArmBasis): ArmCode | null {
  if (s === undefined) return null;
  return basis === 'randomized' ? s.ARMCD : s.ACTARMCD;
}

/** Display label of an arm code; empty for none (not randomized / not infused). */
export function armLabel(code: ArmCode | null, ctx: TlfContext): string {
  return code === null ? '' : ctx.armLabels[code as Arm] ?? code;
}

/** Arm order of the tables; subjects without an arm last. */
function armRank(code: ArmCode | null): number {
  const i = code === null ? -1 : ARMS.indexOf(code as Arm);
  return i < 0 ? ARMS.length : i;
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Subjects in listing order: by arm (unblinded runs only: a blinded run must not reveal the arm through
 * the order) then USUBJID.
 */
export function orderSubjects(
  subjects: readonly string[],
  adslById: ReadonlyMap<string, AdslRecord>,
  basis: ArmBasis,
  ctx: TlfContext,
): string[] {
  const blinded = isBlinded(ctx);
  const rank = (id: string): number => (blinded ? 0 : armRank(armCodeOf(adslById.get(id), basis)));
  return [...new Set(subjects)].sort((a, b) => rank(a) - rank(b) || compareText(a, b));
}

/** The leading columns of a subject's rows: `Subject` and, unblinded, the arm. */
export function subjectColumns(ctx: TlfContext, armHeader: string): string[] {
  return isBlinded(ctx) ? ['Subject'] : ['Subject', armHeader];
}

export function subjectCells(id: string, adslById: ReadonlyMap<string, AdslRecord>, basis: ArmBasis, ctx: TlfContext): string[] {
  return isBlinded(ctx) ? [id] : [id, armLabel(armCodeOf(adslById.get(id), basis), ctx)];
}

/** Protocol day of a full date (Day 0 = infusion); empty when there is no date or no infusion. */
export function dayText(date: IsoDate | null, day0: IsoDate | null): string {
  if (date === null || day0 === null || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return '';
  return String(protocolDay(date, day0));
}

export const text = (v: string | number | null | undefined): string => (v === null || v === undefined ? '' : String(v));

export function indexAdsl(adsl: readonly AdslRecord[]): Map<string, AdslRecord> {
  return new Map(adsl.map((s) => [s.USUBJID, s]));
}

/** Records grouped by subject, each group in its original order. */
export function groupRecords<T extends { readonly USUBJID: string }>(records: readonly T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of records) {
    const list = m.get(r.USUBJID);
    if (list) list.push(r);
    else m.set(r.USUBJID, [r]);
  }
  return m;
}

/** One block per subject in listing order, each row led by the subject (and arm) cells. */
export function subjectBlocks<T extends { readonly USUBJID: string }>(
  records: readonly T[],
  adslById: ReadonlyMap<string, AdslRecord>,
  basis: ArmBasis,
  ctx: TlfContext,
  cells: (r: T) => string[],
): string[][][] {
  const bySubject = groupRecords(records);
  return orderSubjects([...bySubject.keys()], adslById, basis, ctx).map((id) =>
    (bySubject.get(id) ?? []).map((r) => [...subjectCells(id, adslById, basis, ctx), ...cells(r)]),
  );
}

export const DAY_FOOTNOTE = 'Day: protocol day relative to the infusion (Day 0 = date of infusion, ADSL TRTSDT); empty if not infused or the date is partial.';

/** `listings/<id>.{rtf,html,txt}` of one listing. */
export function renderListingFiles(spec: ListingSpec, ctx: TlfContext): Map<string, string> {
  return new Map([...renderListingFilePieces(spec, ctx)].map(([path, pieces]) => [path, [...pieces].join('')]));
}

/**
 * renderListingFiles's files, each as pieces (a page, or a thousand HTML rows) rendered while it is
 * written: a listing of a large lock is larger than one string may be (ARCHITECTURE.md, memory).
 */
export function renderListingFilePieces(spec: ListingSpec, ctx: TlfContext): Map<string, Iterable<string>> {
  const form = buildListingPrintForm(spec, { flags: printFlagsOf(ctx), linesPerPage: LINES_PER_PAGE });
  return new Map([
    [`listings/${spec.id}.rtf`, renderRtfPieces(form)],
    [`listings/${spec.id}.html`, renderHtmlPieces(form)],
    [`listings/${spec.id}.txt`, renderTextPieces(form)],
  ]);
}

/** The entry page's line for a listing (as run-pipeline.ts makes it for the flare listing). */
export function listingCatalogEntry(spec: Pick<ListingSpec, 'id' | 'titles'>): CatalogEntry {
  return { id: spec.id, title: spec.titles.join(' \u2014 '), kind: 'listing', files: ['html', 'rtf', 'txt'].map((ext) => `listings/${spec.id}.${ext}`) };
}
