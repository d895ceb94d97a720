/**
 * What the submission writers (XPT, Dataset-JSON, Define-XML) share: the checks a dataset's metadata
 * and rows must pass before any byte is written, and the per-variable facts every format states the
 * same way (character length from the data, key sequence, SAS date numbers, the display format split
 * into name, width and decimals). Trial-agnostic: it knows DatasetMeta, not lupus.
 */
import { dayNumber, isValidIsoDate } from '../core/dates.js';
import type { DatasetMeta, VariableMeta } from '../derive/dataset-metadata.js';
import { tableOfRows, type Cell, type CellTable } from '../output/cell-table.js';

export type SubmissionValue = string | number | null;
export type SubmissionRow = Readonly<Record<string, SubmissionValue>>;

/** A dataset as the submission writers take it: its metadata and its rows (the CSV's rows). */
export interface SubmissionDataset {
  readonly meta: DatasetMeta;
  readonly rows: readonly SubmissionRow[];
  /** The same cells column by column (the metadata's variables in order), read instead of `rows` when given. */
  readonly table?: CellTable;
}

/** A dataset's rows, or its cells as a table of the metadata's variables (src/output/cell-table.ts). */
export type SubmissionCells = readonly SubmissionRow[] | CellTable;

/** The cells as a table of the metadata's variables, in order (rows are read by name). */
export function cellTableOf(meta: DatasetMeta, cells: SubmissionCells): CellTable {
  const names = meta.variables.map((v) => v.name);
  if (isRows(cells)) return tableOfRows(names, cells);
  if (cells.names.length !== names.length || cells.names.some((n, j) => n !== names[j]))
    throw new Error(`dataset ${meta.name}: the table's columns are not the metadata's variables`);
  return cells;
}

function isRows(cells: SubmissionCells): cells is readonly SubmissionRow[] {
  return Array.isArray(cells);
}

/** SAS V5 transport limits (also the FDA's for submitted datasets). */
export const MAX_NAME = 8;
export const MAX_LABEL = 40;
export const MAX_TEXT_LENGTH = 200;
/** A numeric is stored in 8 bytes (IBM double) in the XPT and has Length 8 in Define-XML. */
export const NUMERIC_LENGTH = 8;

/** A dataset or metadata the writers refuse; the message names the file, row and variable. */
export class SubmissionError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.length === 1 ? problems[0] : `${problems.length} problems:\n${problems.join('\n')}`);
    this.name = 'SubmissionError';
  }
}

/** One variable as every format writes it. */
export interface ColumnSpec {
  readonly meta: VariableMeta;
  /** 1-based position in the dataset. */
  readonly order: number;
  /** Bytes: the longest value for text (at least 1), 8 for numbers and dates. */
  readonly length: number;
  /** 1-based position among the dataset's keys, if a key. */
  readonly keySequence?: number;
}

const NAME = /^[A-Z][A-Z0-9_]*$/;
const ASCII_PRINTABLE = /^[\x20-\x7e]*$/;

/** Problems of the metadata alone: names, labels, keys (what a SAS V5 file and Define-XML require). */
export function metaProblems(meta: DatasetMeta): string[] {
  const where = `dataset ${meta.name}`;
  const problems: string[] = [];
  problems.push(...nameProblems(where, meta.name), ...labelProblems(where, meta.label));
  const seen = new Set<string>();
  for (const v of meta.variables) {
    const at = `${meta.name}.${v.name}`;
    problems.push(...nameProblems(at, v.name), ...labelProblems(at, v.label));
    if (seen.has(v.name)) problems.push(`${at}: variable listed twice`);
    seen.add(v.name);
    if (v.displayFormat !== undefined && parseDisplayFormat(v.displayFormat) === undefined)
      problems.push(`${at}: display format ${JSON.stringify(v.displayFormat)} is not a SAS format (NAMEw.d)`);
    if (v.length !== undefined && (!Number.isInteger(v.length) || v.length < 1 || v.length > MAX_TEXT_LENGTH))
      problems.push(`${at}: length ${v.length} outside 1–${MAX_TEXT_LENGTH}`);
  }
  if (meta.variables.length === 0) problems.push(`${where}: no variables`);
  for (const k of meta.keys) if (!seen.has(k)) problems.push(`${where}: key ${k} is not one of its variables`);
  return problems;
}

function nameProblems(where: string, name: string): string[] {
  if (name.length > MAX_NAME || !NAME.test(name))
    return [
      `${where}: name ${JSON.stringify(name)} must be 1–${MAX_NAME} upper-case letters, digits or _, starting with a letter`,
    ];
  return [];
}

function labelProblems(where: string, label: string): string[] {
  if (label.length > MAX_LABEL)
    return [`${where}: label longer than ${MAX_LABEL} characters: ${JSON.stringify(label)}`];
  if (!ASCII_PRINTABLE.test(label)) return [`${where}: label must be printable ASCII: ${JSON.stringify(label)}`];
  return [];
}

/** At most this many problems are listed: a systematic error would otherwise repeat on every row. */
const MAX_PROBLEMS = 20;

/**
 * The column specs of a dataset, after checking every cell against its variable's type: text is a
 * string of printable ASCII of at most 200 bytes (or null), integer a whole number, float a finite
 * number, date a valid `YYYY-MM-DD` string. Throws a SubmissionError naming `file`, row (1-based) and
 * variable otherwise — the rows come from the derivations, so such an error is a bug upstream.
 */
export function columnSpecs(file: string, meta: DatasetMeta, cells: SubmissionCells): ColumnSpec[] {
  const metaErrors = metaProblems(meta).map((p) => `${file}: ${p}`);
  if (metaErrors.length > 0) throw new SubmissionError(metaErrors);
  const table = cellTableOf(meta, cells);
  const checks = meta.variables.map((v) => (v.type === 'text' ? new TextCheck(file, v) : new NumberCheck(file, v)));
  for (const { start, length, columns } of table.blocks())
    for (let j = 0; j < checks.length; j++)
      (checks[j] as ColumnCheck).add(columns[j] as readonly Cell[], start, length);
  // Listed variable by variable, each in row order.
  const problems: string[] = [];
  const specs = meta.variables.map((v, i) => {
    const keyAt = meta.keys.indexOf(v.name);
    const check = checks[i] as ColumnCheck;
    problems.push(...check.problems);
    const longest = check.longest;
    if (v.type === 'text' && v.length !== undefined && longest > v.length)
      problems.push(`${file}: ${v.name}: a value of ${longest} bytes exceeds the metadata length ${v.length}`);
    const spec: ColumnSpec = {
      meta: v,
      order: i + 1,
      length: v.type === 'text' ? Math.max(1, longest) : NUMERIC_LENGTH,
      ...(keyAt >= 0 ? { keySequence: keyAt + 1 } : {}),
    };
    return spec;
  });
  if (problems.length > 0) throw new SubmissionError(capped(problems));
  return specs;
}

function capped(problems: string[]): string[] {
  return problems.length <= MAX_PROBLEMS
    ? problems
    : [...problems.slice(0, MAX_PROBLEMS), `… and ${problems.length - MAX_PROBLEMS} more`];
}

/** The checks of one variable's cells, block by block: its problems, in row order, and its longest value. */
interface ColumnCheck {
  readonly problems: string[];
  /** Bytes of the longest value (text); NUMERIC_LENGTH for the other types. */
  readonly longest: number;
  /** Cells of rows `start` … `start + length − 1`. */
  add(cells: readonly Cell[], start: number, length: number): void;
}

/** Longest value in bytes (ASCII, so characters), recording values that are not printable ASCII or too long. */
class TextCheck implements ColumnCheck {
  readonly problems: string[] = [];
  longest = 0;
  private readonly valid = new Set<string>(); // values repeat (codes, visits): check each once

  constructor(
    private readonly file: string,
    private readonly v: VariableMeta,
  ) {}

  add(cells: readonly Cell[], start: number, length: number): void {
    const { valid } = this;
    let longest = this.longest;
    let last: Cell = null; // the cell before, when valid: values come in runs (a subject's, a parameter's)
    for (let k = 0; k < length; k++) {
      const x = cells[k] as Cell;
      if (x === null || x === last) continue;
      if (typeof x !== 'string') {
        this.problems.push(`${this.file}: row ${start + k + 1}, ${this.v.name}: a text variable holds ${describe(x)}`);
        continue;
      }
      if (valid.has(x) || this.checkNew(x, start + k)) last = x;
      if (x.length > longest) longest = x.length;
    }
    this.longest = longest;
  }

  /** Checks a value not seen valid before; true (and remembered) when valid. */
  private checkNew(x: string, r: number): boolean {
    const { file, v } = this;
    if (!ASCII_PRINTABLE.test(x))
      this.problems.push(
        `${file}: row ${r + 1}, ${v.name}: ${JSON.stringify(x)} is not printable ASCII (SAS V5 transport has no encoding)`,
      );
    else if (x.length > MAX_TEXT_LENGTH)
      this.problems.push(
        `${file}: row ${r + 1}, ${v.name}: ${x.length} characters, more than the ${MAX_TEXT_LENGTH} a submitted variable may hold`,
      );
    else {
      this.valid.add(x);
      return true;
    }
    return false;
  }
}

class NumberCheck implements ColumnCheck {
  readonly problems: string[] = [];
  readonly longest = NUMERIC_LENGTH;
  private readonly validDates = new Set<string>(); // dates repeat: check each once
  private readonly fits: (x: number) => boolean;

  constructor(
    private readonly file: string,
    private readonly v: VariableMeta,
  ) {
    this.fits = v.type === 'integer' ? Number.isInteger : v.type === 'float' ? Number.isFinite : () => false;
  }

  add(cells: readonly Cell[], start: number, length: number): void {
    const { fits, validDates, v } = this;
    for (let k = 0; k < length; k++) {
      const x = cells[k] as Cell;
      // The common cells pass without building a message: null, a fitting number, a date seen before.
      if (x === null || (typeof x === 'number' ? fits(x) : typeof x === 'string' && validDates.has(x))) continue;
      const bad = cellProblem(v, x);
      if (bad === undefined && typeof x === 'string') validDates.add(x);
      if (bad !== undefined) this.problems.push(`${this.file}: row ${start + k + 1}, ${v.name}: ${bad}`);
    }
  }
}

function cellProblem(v: VariableMeta, x: string | number | undefined): string | undefined {
  if (v.type === 'date')
    return typeof x === 'string' && isValidIsoDate(x)
      ? undefined
      : `a date variable holds ${describe(x)}, not YYYY-MM-DD`;
  if (typeof x !== 'number' || !Number.isFinite(x)) return `a ${v.type} variable holds ${describe(x)}`;
  if (v.type === 'integer' && !Number.isInteger(x)) return `an integer variable holds ${x}`;
  return undefined;
}

function describe(x: unknown): string {
  if (x === undefined) return 'nothing (the row lacks the column)';
  return typeof x === 'string' ? `the text ${JSON.stringify(x)}` : `${typeof x} ${String(x)}`;
}

/** Day 0 of SAS dates. */
const SAS_EPOCH = dayNumber('1960-01-01');

/** SAS date number (days since 1960-01-01) of a valid ISO date. */
export function sasDate(iso: string): number {
  return dayNumber(iso) - SAS_EPOCH;
}

/** A SAS display format split as the XPT NAMESTR stores it: `DATE9.` → DATE, 9, 0; `8.1` → '', 8, 1. */
export interface DisplayFormat {
  readonly name: string;
  readonly width: number;
  readonly decimals: number;
}

const FORMAT = /^(\$?[A-Z_](?:[A-Z0-9_]*[A-Z_])?)?(\d*)\.(\d*)$/;

export function parseDisplayFormat(text: string): DisplayFormat | undefined {
  const m = FORMAT.exec(text);
  if (m === null) return undefined;
  const name = m[1] ?? '';
  if (name.length > MAX_NAME || (name === '' && m[2] === '')) return undefined;
  return { name, width: m[2] === '' ? 0 : Number(m[2]), decimals: m[3] === '' ? 0 : Number(m[3]) };
}

/** `YYYY-MM-DDT00:00:00`: the only time the writers state is the lock's date (never the clock). */
export function lockDateTime(lockedAt: string): string {
  if (!isValidIsoDate(lockedAt))
    throw new SubmissionError([`lockedAt must be an ISO date (YYYY-MM-DD), not ${JSON.stringify(lockedAt)}`]);
  return `${lockedAt}T00:00:00`;
}
