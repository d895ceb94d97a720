/**
 * What every ICH E3 16.2 listing shares: the arm column of an unblinded run (none in a blinded run, so a
 * blinded listing cannot depend on the randomization file), the order (arm, then subject), the protocol
 * day of a date (Day 0 = infusion, ADSL TRTSDT) and the rendering to `listings/<id>.{rtf,html,txt}`
 * through the table renderers.
 *
 * Page fit, as SAS and r2rtf CSR listings do it: every listing fits the landscape page with columns set
 * to their text (render/listing.ts fits them, wrapping texts at word boundaries), so values that belong
 * together share a cell: the arm as its code (decoded in a footnote), a date with its protocol day
 * (`2025-03-17 (D29)`), a visit with its day, related values stacked on lines of one cell.
 */
import { protocolDay, type IsoDate } from '../../core/dates.js';
import type { AdslRecord } from '../../derive/adsl.js';
import type { ArmCode } from '../../lock/types.js';
import type { CatalogEntry } from '../../render/index-page.js';
import { renderHtmlPieces } from '../../render/html.js';
import { streamListingPrintForm, type CountedBlocks, type ListingSource } from '../../render/listing.js';
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
  return code === null ? '' : (ctx.armLabels[code as Arm] ?? code);
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

/** Header of the arm column: the arm's code, decoded in a footnote (armFootnote). */
export const ARM_HEADER = 'Arm';

/** The leading columns of a subject's rows: `Subject` and, unblinded, the arm (its code). */
export function subjectColumns(ctx: TlfContext): string[] {
  return isBlinded(ctx) ? ['Subject'] : ['Subject', ARM_HEADER];
}

/** The arm's code (`PBO`), short enough for a listing column; empty for none (not randomized / not infused). */
export function armCodeText(s: AdslRecord | undefined, basis: ArmBasis): string {
  return armCodeOf(s, basis) ?? '';
}

export function subjectCells(
  id: string,
  adslById: ReadonlyMap<string, AdslRecord>,
  basis: ArmBasis,
  ctx: TlfContext,
): string[] {
  return isBlinded(ctx) ? [id] : [id, armCodeText(adslById.get(id), basis)];
}

/**
 * One leading column for listings whose rows take several lines anyway: the subject, and unblinded the
 * arm's code on the line below it.
 */
export function stackedSubjectColumn(ctx: TlfContext): string {
  return isBlinded(ctx) ? 'Subject' : `Subject/ ${ARM_HEADER}`;
}

export function stackedSubjectCell(
  id: string,
  adslById: ReadonlyMap<string, AdslRecord>,
  basis: ArmBasis,
  ctx: TlfContext,
): string {
  return subjectCells(id, adslById, basis, ctx)
    .filter((t, i) => i === 0 || t !== '')
    .join('\n');
}

const BASIS_TEXT: Readonly<Record<ArmBasis, string>> = { randomized: 'the arm randomized', infused: 'the arm infused' };

/** The decode of the arm codes (unblinded runs only: a blinded listing names no arm). */
export function armFootnotes(ctx: TlfContext, basis: ArmBasis): string[] {
  if (isBlinded(ctx)) return [];
  const decode = ARMS.map((a) => `${a} = ${armLabel(a, ctx)}`).join(', ');
  return [`${ARM_HEADER}: ${BASIS_TEXT[basis]} (${decode}); empty if none.`];
}

/** armFootnotes for a listing whose arm sits under the subject (stackedSubjectColumn). */
export function stackedArmFootnotes(ctx: TlfContext, basis: ArmBasis): string[] {
  return armFootnotes(ctx, basis).map((f) => f.replace(`${ARM_HEADER}:`, `${ARM_HEADER} (under the subject):`));
}

/** Protocol day of a full date (Day 0 = infusion); empty when there is no date or no infusion. */
export function dayText(date: IsoDate | null, day0: IsoDate | null): string {
  if (date === null || day0 === null || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return '';
  return String(protocolDay(date, day0));
}

/** A date (or visit) with its protocol day, `2025-03-17 (D29)`; the text alone without a day. */
export function withDay(text: string | null, day: string | number | null): string {
  const t = text ?? '';
  const d = day === null ? '' : String(day);
  if (d === '') return t;
  return t === '' ? `(D${d})` : `${t} (D${d})`;
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

/** The records grouped by subject, and the subjects in listing order. */
function subjectsInOrder<T extends { readonly USUBJID: string }>(
  records: readonly T[],
  adslById: ReadonlyMap<string, AdslRecord>,
  basis: ArmBasis,
  ctx: TlfContext,
): { readonly order: string[]; readonly bySubject: ReadonlyMap<string, T[]> } {
  const bySubject = groupRecords(records);
  return { order: orderSubjects([...bySubject.keys()], adslById, basis, ctx), bySubject };
}

/** One subject's block: each row its lead cells, then its own. */
function subjectBlock<T>(records: readonly T[], lead: readonly string[], cells: (r: T) => string[]): string[][] {
  // concat, not a spread: an array of exactly its cells (a spread leaves ~90 bytes of spare room in a
  // row of nine, and a lab listing of a large lock has ~1.5M rows).
  return records.map((r) => lead.concat(cells(r)));
}

/**
 * One block per subject in listing order, each row led by one cell: the subject and, below it, the arm
 * (stackedSubjectColumn).
 */
export function stackedSubjectBlocks<T extends { readonly USUBJID: string }>(
  records: readonly T[],
  adslById: ReadonlyMap<string, AdslRecord>,
  basis: ArmBasis,
  ctx: TlfContext,
  cells: (r: T) => string[],
): string[][][] {
  const { order, bySubject } = subjectsInOrder(records, adslById, basis, ctx);
  return order.map((id) =>
    subjectBlock(bySubject.get(id) ?? [], [stackedSubjectCell(id, adslById, basis, ctx)], cells),
  );
}

/**
 * One block per subject in listing order, each row led by the subject (and arm) cells, made anew each
 * time they are iterated, a subject at a time: render/listing.ts streams a listing, reading its blocks
 * once per pass, so only the records grouped by subject are held, never the rows' texts (a lab listing of
 * a large lock has ~1.5M rows).
 */
export function subjectBlocksOnDemand<T extends { readonly USUBJID: string }>(
  records: readonly T[],
  adslById: ReadonlyMap<string, AdslRecord>,
  basis: ArmBasis,
  ctx: TlfContext,
  cells: (r: T) => string[],
): CountedBlocks {
  const { order, bySubject } = subjectsInOrder(records, adslById, basis, ctx);
  return {
    // A row a record: the streamed rendering then holds none of a large listing's rows (render/listing.ts holdsBlocks).
    rowCount: records.length,
    *[Symbol.iterator]() {
      for (const id of order)
        yield subjectBlock(bySubject.get(id) ?? [], subjectCells(id, adslById, basis, ctx), cells);
    },
  };
}

export const DAY_FOOTNOTE =
  '(Dn): protocol day n relative to the infusion (Day 0 = date of infusion, ADSL TRTSDT); none if not infused or the date is partial.';

/** `listings/<id>.{rtf,html,txt}` of one listing. */
export function renderListingFiles(spec: ListingSource, ctx: TlfContext): Map<string, string> {
  return new Map([...renderListingFilePieces(spec, ctx)].map(([path, pieces]) => [path, [...pieces].join('')]));
}

/**
 * renderListingFiles's files, each as pieces (a page, or a thousand HTML rows) rendered while it is
 * written: a listing of a large lock is larger than one string may be (ARCHITECTURE.md, memory).
 */
export function renderListingFilePieces(spec: ListingSource, ctx: TlfContext): Map<string, Iterable<string>> {
  // Streamed: each file is drawn page by page from the spec's blocks, the listing never whole (memory).
  const form = streamListingPrintForm(spec, { flags: printFlagsOf(ctx), linesPerPage: LINES_PER_PAGE });
  return new Map([
    [`listings/${spec.id}.rtf`, renderRtfPieces(form)],
    [`listings/${spec.id}.html`, renderHtmlPieces(form)],
    [`listings/${spec.id}.txt`, renderTextPieces(form)],
  ]);
}

/** The entry page's line for a listing (as run-pipeline.ts makes it for the flare listing). */
export function listingCatalogEntry(spec: Pick<ListingSource, 'id' | 'titles'>): CatalogEntry {
  return {
    id: spec.id,
    title: spec.titles.join(' \u2014 '),
    kind: 'listing',
    files: ['html', 'rtf', 'txt'].map((ext) => `listings/${spec.id}.${ext}`),
  };
}
