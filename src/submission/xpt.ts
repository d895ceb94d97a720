/**
 * SAS transport version 5 (XPORT, SAS technical note TS-140): the file format regulators accept for
 * submitted datasets. No maintained JavaScript writer exists, so it is written here from TS-140:
 *
 *   library header   3 records of 80 bytes (header text; SAS/SASLIB/version/OS + created; modified)
 *   member header    5 records (MEMBER, DSCRPTR, two data records with name/label/datetimes, NAMESTR)
 *   NAMESTR          one 140-byte descriptor per variable, packed, padded with blanks to 80 bytes
 *   OBS header       1 record, then the observations packed, padded with blanks to 80 bytes
 *
 * Numbers are 8-byte IBM doubles (./ibm-float.ts, which documents range and rounding), missing `.`;
 * text is blank-padded ASCII of the longest value's length (1–200); dates (`YYYY-MM-DD`) are SAS date
 * numbers (days since 1960-01-01) with the metadata's display format (DATE9., E8601DA.). The header
 * datetimes are the lock date (`lockedAt`), never the clock, so the same input gives the same bytes.
 * Each piece is one Buffer filled in place: no per-byte or per-row string concatenation.
 */
import type { DatasetMeta } from '../derive/dataset-metadata.js';
import type { Cell, CellTable } from '../output/cell-table.js';
import {
  cellTableOf,
  columnSpecs,
  lockDateTime,
  parseDisplayFormat,
  sasDate,
  SubmissionError,
  type ColumnSpec,
  type SubmissionCells,
} from './columns.js';
import { PIECE_BYTES } from '../output/text-bytes.js';
import { fitsIbmDouble, SAS_MISSING, writeIbmDouble } from './ibm-float.js';

export interface XptContext {
  /** `YYYY-MM-DD` of lock.json: written as the creation and modification datetime. */
  readonly lockedAt: string;
  /** Written in the 8-byte SAS version field (e.g. the tool's version). */
  readonly version: string;
  /** Written in the 8-byte operating-system field (e.g. the tool's name). */
  readonly system: string;
}

const RECORD = 80;
const NAMESTR = 140;
const BLANK = 0x20;
const HEADER_PREFIX = 'HEADER RECORD*******';
const ZEROS_30 = '0'.repeat(30);

/**
 * The XPT v5 bytes of one dataset (member), named `meta.name`: writeXptPieces joined. Throws
 * SubmissionError on bad input. `specs` are the rows' column specs when the caller has them already
 * (columnSpecs of the same rows).
 */
export function writeXpt(
  meta: DatasetMeta,
  rows: SubmissionCells,
  ctx: XptContext,
  specs: readonly ColumnSpec[] = columnSpecs(xptName(meta), meta, rows),
): Uint8Array {
  return Buffer.concat([...writeXptPieces(meta, rows, ctx, specs)]);
}

/**
 * writeXpt's bytes in pieces, made as they are written: the headers, then the observations in pieces of
 * about PIECE_BYTES (the last padded with blanks to a whole record). A large dataset's XPT (~0.5 GB for
 * 20,000 subjects' PRO records) is then never one buffer. The input is checked before the first piece.
 * With `reusePieces`, every observation piece is a view of one buffer, overwritten by the next piece (for
 * a consumer that uses each piece before asking for the next): a new 64 KiB buffer per piece made V8
 * collect its young generation every ~30 MB of them (external memory), ~1,000 times for a 20,000-subject
 * lock, and shrink it, so that the datasets stage then collected every 1 MB it allocated.
 */
export function* writeXptPieces(
  meta: DatasetMeta,
  rows: SubmissionCells,
  ctx: XptContext,
  specs: readonly ColumnSpec[] = columnSpecs(xptName(meta), meta, rows),
  reusePieces = false,
): Generator<Uint8Array> {
  const file = xptName(meta);
  const stamp = sasDateTime(lockDateTime(ctx.lockedAt));
  const layout = observationLayout(specs);
  const table = cellTableOf(meta, rows);
  checkIbmRange(file, layout, table);
  yield headers(meta, ctx, specs, layout, stamp);
  yield* observationPieces(layout, table, reusePieces);
}

/**
 * The observations in pieces of perPiece rows (whatever the table's blocks), the last padded with
 * blanks to a whole record.
 */
function* observationPieces(layout: ObservationLayout, table: CellTable, reusePieces: boolean): Generator<Uint8Array> {
  const n = table.length;
  if (n === 0) return;
  const { obsLength } = layout;
  const perPiece = Math.max(1, Math.floor(PIECE_BYTES / obsLength));
  const days = new Map<string, number>(); // dates repeat: parse each once
  // The largest piece: perPiece rows, or the last one with its padding (less than one record more).
  const reused = reusePieces ? Buffer.allocUnsafeSlow(perPiece * obsLength + RECORD) : null;
  const pieceAt = (start: number): Buffer => {
    const end = Math.min(n, start + perPiece);
    const bytes = end === n ? padded(n * obsLength) - start * obsLength : (end - start) * obsLength;
    return reused === null ? Buffer.alloc(bytes, BLANK) : reused.subarray(0, bytes).fill(BLANK);
  };
  let pieceStart = 0;
  let out = pieceAt(0);
  for (const block of table.blocks()) {
    for (let k = 0; k < block.length;) {
      // Rows of this block that go into the current piece.
      const r = block.start + k;
      const count = Math.min(block.length - k, pieceStart + perPiece - r);
      writeObservations(out, (r - pieceStart) * obsLength, layout, block.columns, k, k + count, days);
      k += count;
      if (r + count === Math.min(n, pieceStart + perPiece)) {
        yield out;
        pieceStart += perPiece;
        if (pieceStart < n) out = pieceAt(pieceStart);
      }
    }
  }
}

/** The library, member and NAMESTR headers, the NAMESTRs and the OBS header: everything before the rows. */
function headers(
  meta: DatasetMeta,
  ctx: XptContext,
  specs: readonly ColumnSpec[],
  layout: ObservationLayout,
  stamp: string,
): Buffer {
  const namestrBytes = padded(specs.length * NAMESTR);
  const out = Buffer.alloc(RECORD * 8 + namestrBytes + RECORD, BLANK);
  let at = 0;
  const record = (text: string): void => {
    out.write(fixed(text, RECORD), at, 'latin1');
    at += RECORD;
  };
  record(`${HEADER_PREFIX}LIBRARY HEADER RECORD!!!!!!!${ZEROS_30}`);
  record(`SAS     SAS     SASLIB  ${fixed(ctx.version, 8)}${fixed(ctx.system, 8)}${' '.repeat(24)}${stamp}`);
  record(stamp);
  record(`${HEADER_PREFIX}MEMBER  HEADER RECORD!!!!!!!000000000000000001600000000${NAMESTR}`);
  record(`${HEADER_PREFIX}DSCRPTR HEADER RECORD!!!!!!!${ZEROS_30}`);
  record(
    `SAS     ${fixed(meta.name, 8)}SASDATA ${fixed(ctx.version, 8)}${fixed(ctx.system, 8)}${' '.repeat(24)}${stamp}`,
  );
  record(`${stamp}${' '.repeat(16)}${fixed(meta.label, 40)}${' '.repeat(8)}`);
  record(`${HEADER_PREFIX}NAMESTR HEADER RECORD!!!!!!!000000${String(specs.length).padStart(4, '0')}${'0'.repeat(20)}`);
  specs.forEach((s, i) => writeNamestr(out, at + i * NAMESTR, s, layout.positions[i] as number));
  at += namestrBytes;
  record(`${HEADER_PREFIX}OBS     HEADER RECORD!!!!!!!${ZEROS_30}`);
  return out;
}

function xptName(meta: DatasetMeta): string {
  return `${meta.name.toLowerCase()}.xpt`;
}

/** Bytes rounded up to whole 80-byte records. */
function padded(bytes: number): number {
  return Math.ceil(bytes / RECORD) * RECORD;
}

/** Text cut or blank-padded to `width` (every caller has checked it is ASCII and short enough). */
function fixed(text: string, width: number): string {
  return text.length >= width ? text.slice(0, width) : text + ' '.repeat(width - text.length);
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** `2027-01-15T00:00:00` → `15JAN27:00:00:00` (the 16-character datetime of the headers). */
function sasDateTime(iso: string): string {
  const month = MONTHS[Number(iso.slice(5, 7)) - 1] as string;
  return `${iso.slice(8, 10)}${month}${iso.slice(2, 4)}:${iso.slice(11, 19)}`;
}

/** How each variable is stored in an observation: its name, kind and start offset, and the observation length. */
interface ObservationLayout {
  readonly names: readonly string[];
  readonly kinds: readonly Kind[];
  readonly positions: readonly number[];
  readonly obsLength: number;
}

/** Text (blank-padded ASCII), number (IBM double) or date (IBM double of the SAS date). */
const enum Kind {
  Text,
  Number,
  Date,
}

function observationLayout(specs: readonly ColumnSpec[]): ObservationLayout {
  const positions = [0];
  for (const s of specs) positions.push((positions.at(-1) as number) + s.length);
  return {
    names: specs.map((s) => s.meta.name),
    kinds: specs.map((s) => (s.meta.type === 'text' ? Kind.Text : s.meta.type === 'date' ? Kind.Date : Kind.Number)),
    positions,
    obsLength: positions.at(-1) as number,
  };
}

/** A number an IBM double cannot hold is refused before any byte is written, naming row and variable. */
function checkIbmRange(file: string, layout: ObservationLayout, table: CellTable): void {
  // Listed variable by variable, each in row order.
  const problems = layout.names.map((): string[] => []);
  for (const { start, length, columns } of table.blocks())
    layout.names.forEach((name, c) => {
      if (layout.kinds[c] !== Kind.Number) return;
      const cells = columns[c] as readonly Cell[];
      for (let k = 0; k < length; k++) {
        const x = cells[k];
        if (typeof x === 'number' && !fitsIbmDouble(x))
          (problems[c] as string[]).push(
            `${file}: row ${start + k + 1}, ${name}: ${x} is beyond the range of SAS transport numbers (|x| < 7.2e75)`,
          );
      }
    });
  const all = problems.flat();
  if (all.length > 0) throw new SubmissionError(all.slice(0, 20));
}

/** One NAMESTR: big-endian shorts, blank-padded names, zeros in the 52 reserved bytes. */
function writeNamestr(out: Buffer, o: number, s: ColumnSpec, position: number): void {
  const numeric = s.meta.type !== 'text';
  const format = s.meta.displayFormat === undefined ? undefined : parseDisplayFormat(s.meta.displayFormat);
  out.writeInt16BE(numeric ? 1 : 2, o); // ntype
  out.writeInt16BE(0, o + 2); // nhfun
  out.writeInt16BE(s.length, o + 4); // nlng
  out.writeInt16BE(s.order, o + 6); // nvar0
  out.write(fixed(s.meta.name, 8), o + 8, 'latin1');
  out.write(fixed(s.meta.label, 40), o + 16, 'latin1');
  out.write(fixed(format?.name ?? '', 8), o + 56, 'latin1'); // nform
  out.writeInt16BE(format?.width ?? 0, o + 64); // nfl
  out.writeInt16BE(format?.decimals ?? 0, o + 66); // nfd
  out.writeInt16BE(numeric ? 1 : 0, o + 68); // nfj: numbers right-justified
  out.fill(0, o + 70, o + 72); // nfill
  out.write(fixed('', 8), o + 72, 'latin1'); // niform
  out.writeInt16BE(0, o + 80); // nifl
  out.writeInt16BE(0, o + 82); // nifd
  out.writeInt32BE(position, o + 84); // npos
  out.fill(0, o + 88, o + NAMESTR); // rest
}

/** Rows `from`…`to − 1` of a block's columns into `out` (filled with blanks), from byte `at`. */
function writeObservations(
  out: Buffer,
  at: number,
  layout: ObservationLayout,
  columns: readonly (readonly Cell[])[],
  from: number,
  to: number,
  days: Map<string, number>,
): void {
  const { names, kinds, positions, obsLength } = layout;
  const width = names.length;
  for (let k = from; k < to; k++) {
    const base = at + (k - from) * obsLength;
    for (let c = 0; c < width; c++) {
      const o = base + (positions[c] as number);
      const v = (columns[c] as readonly Cell[])[k] ?? null;
      const kind = kinds[c];
      if (kind === Kind.Text) {
        if (v !== null) writeAscii(out, o, v as string); // blanks already fill the rest
      } else if (v === null) out.set(SAS_MISSING, o);
      else {
        const x = kind === Kind.Date ? cachedSasDate(days, v as string) : (v as number);
        if (!writeIbmDouble(x, out, o))
          throw new Error(`${names[c]}: ${x} passed checkIbmRange but is not an IBM double`);
      }
    }
  }
}

/**
 * Checked printable ASCII, one byte per character. A loop over char codes: for values this short it is
 * about 20 times faster than Buffer#write, which crosses into C++ on every call.
 */
function writeAscii(out: Buffer, o: number, text: string): void {
  for (let k = 0; k < text.length; k++) out[o + k] = text.charCodeAt(k);
}

function cachedSasDate(days: Map<string, number>, iso: string): number {
  let d = days.get(iso);
  if (d === undefined) {
    d = sasDate(iso);
    days.set(iso, d);
  }
  return d;
}
