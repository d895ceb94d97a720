/**
 * Reads a parsed CSV table against its declarative schema (`schema.ts`): header rules (upper-case names,
 * every non-optional column present, duplicates), then every cell (placeholder, required, type, terms,
 * range). The result holds one row per record, a broken cell set to null, and per row whether any of its
 * cells broke a rule, so that the multi-column rules run only on rows whose cells are sound (one defect,
 * one issue).
 */
import { issue, type Issue } from '../core/issues.js';
import { FieldDictionary, type CsvFields, type CsvTable } from './csv.js';
import {
  characterRule,
  decimalsWritten,
  isoDatePart,
  isPlaceholder,
  magnitudeRule,
  parsePlainNumber,
  parseWholeNumber,
  partialDateText,
  roundedToSignificant,
  trimCell,
  withoutForbiddenCharacters,
  yearRule,
} from './cells.js';
import type { ColumnSpec, Loose, TableSchema } from './schema.js';
import { rowsOfArray, type RowsByPosition, type SourceRef } from './types.js';

export interface TableRead<R> {
  /** The rows: in the `columns` layout new views (a new array) on each read, as `rowsAgain()`. */
  readonly rows: readonly Loose<R>[];
  /** Same order as `rows`: true when every cell of that row passed its column's rules. */
  readonly sound: readonly boolean[];
  /** Columns of the schema present in the header. */
  readonly present: ReadonlySet<string>;
  /** False when a non-optional column is missing: rules that need it must not run. */
  readonly complete: boolean;
  /**
   * The rows again, as `rows` holds them: the same array in the `objects` layout, new views of the
   * columns (a new array) on each call in the `columns` layout, so that a holder of the table keeps
   * its columns and not 10M views (`Lock.qs`).
   */
  readonly rowsAgain: () => readonly Loose<R>[];
  /** The rows one at a time by position: `rowsAt.at(i)` is `rowsAgain()[i]` without making the others. */
  readonly rowsAt: RowsByPosition<Loose<R>>;
}

interface Bound {
  readonly name: string;
  /** Position in the schema's columns (the column's arrays in a `ColumnStore`). */
  readonly slot: number;
  /** `<name>_DEC` when the column records its decimals, else null. */
  readonly decName: string | null;
  readonly spec: ColumnSpec;
  /** Index in the record, or -1 when the column is absent. */
  readonly index: number;
  readonly terms: ReadonlySet<string> | null;
  /**
   * Valid texts seen in this column and their values. A 1M-row file repeats a few thousand values:
   * each is checked once, and each text value is one shared string (a string per cell would double the
   * memory a lock takes and the time spent collecting garbage). Looked up from the record's bytes, so
   * a text seen before is never made into a string again.
   */
  readonly valid: FieldDictionary<Cell>;
  /** Cells read rounded to 15 significant digits: how many, and the first (for one notice per column). */
  readonly rounded: { count: number; line: number; text: string; value: number };
}

interface Cell {
  /** Null for a cell of ASCII spaces only (padding around nothing: missing). */
  readonly value: string | number | null;
  readonly decimals: number | null;
  /** Read rounded to 15 significant digits. */
  readonly rounded: boolean;
  /** A text value's index in its column's strings in a `ColumnStore`: 0 for null, -1 until stored. */
  code: number;
}

/** A header column the schema does not know: kept and ignored, but its cells obey the character rule. */
interface Extra {
  readonly name: string;
  readonly index: number;
}

/** Checks that run on one sound row; `report(column, rule)` files an issue on that row. */
export type RowRule<R> = (row: Loose<R>, report: (column: string, rule: string) => void) => void;

/**
 * How the rows are kept. `objects`: one plain object per row (the small domains, which callers copy and
 * spread). `columns`: the values in one array per column (codes into the column's distinct values, or
 * doubles for a numeric column of many distinct values: `ColumnStore`) and each row a view of one index
 * whose fields are getters (the large domains: a QS row takes ~20 bytes of columns instead of ~250, and
 * reading makes no per-row garbage).
 */
export type RowLayout = 'objects' | 'columns';

export function readTable<R>(
  schema: TableSchema<R>,
  table: CsvTable,
  issues: Issue[],
  rule?: RowRule<R>,
  layout: RowLayout = 'objects',
): TableRead<R> {
  const { file } = schema;
  const columns = bindColumns(schema, table, issues);
  const extras = extraColumns(schema, table);
  const complete = columns.every((c) => c.index !== -1 || c.spec.req === 'O');
  const store: RowStore =
    layout === 'columns' ? new ColumnStore(columns, file, table.maxRecords()) : new ObjectStore(columns, file);
  // Rows with a broken cell, by position (few): a boolean per row was an array of 10.8M for a 20,000-subject QS.
  const broken: number[] = [];
  let count = 0;
  // Loops by index, here and in the per-row code below: a `for…of` makes an iterator result per cell
  // until V8 optimizes the callback, and a small lock's read is over before it does.
  table.visit((rec) => {
    store.begin(rec.line);
    let ok = true;
    for (let k = 0; k < columns.length; k++) {
      const c = columns[k] as Bound;
      const cell = c.index === -1 ? MISSING : readCell(c, rec);
      if (typeof cell === 'string') {
        ok = false;
        store.put(c, MISSING);
        issues.push(issue('error', file, cell, rec.line, c.name));
      } else store.put(c, cell);
    }
    for (let k = 0; k < extras.length; k++) {
      const x = extras[k] as Extra;
      const bad = rec.isEmpty(x.index) ? null : characterRule(rec.field(x.index));
      if (bad !== null) issues.push(issue('error', file, bad, rec.line, x.name));
    }
    if (!ok) broken.push(count);
    count++;
  });
  const rowsAgain = store.rows() as () => Loose<R>[];
  const rowsAt = store.rowsAt() as RowsByPosition<Loose<R>>;
  // After every cell, in row order: issues of one line keep the order cells, extras, row rule.
  if (rule !== undefined) applyRowRule(rowsAt, broken, rule, file, issues);
  for (const c of columns) if (c.rounded.count > 0) issues.push(roundingNotice(file, c));
  const present = new Set(columns.filter((c) => c.index !== -1).map((c) => c.name));
  const soundRows = () => {
    const sound = new Array<boolean>(count).fill(true);
    for (let b = 0; b < broken.length; b++) sound[broken[b] as number] = false;
    return sound;
  };
  if (layout === 'objects') return { rows: rowsAgain(), sound: soundRows(), present, complete, rowsAgain, rowsAt };
  // Columns: new views on each read of `rows`, so that the table itself holds none (a pass over the
  // rows that needs no array takes them from `rowsAt`, `eachRow`); `sound` is made when read.
  return {
    get rows() {
      return rowsAgain();
    },
    get sound() {
      return soundRows();
    },
    present,
    complete,
    rowsAgain,
    rowsAt,
  };
}

/**
 * The row rule on every row without a broken cell (`broken`: their positions, ascending), in row order.
 * The read's one hot loop after the cells, in a function of its own: V8 compiles this loop alone, where
 * it compiled all of readTable around it (on-stack replacement), twice a run.
 */
function applyRowRule<R>(
  rowsAt: RowsByPosition<Loose<R>>,
  broken: readonly number[],
  rule: RowRule<R>,
  file: string,
  issues: Issue[],
): void {
  // One report function for all rows (a closure per row was garbage for every row of a 1M-row file).
  let row: Loose<R> | undefined;
  const report = (column: string, r: string) =>
    issues.push(issue('error', file, r, (row as { readonly src: SourceRef }).src.line, column));
  for (let i = 0, b = 0; i < rowsAt.length; i++) {
    if (broken[b] === i) {
      b++;
      continue;
    }
    row = rowsAt.at(i);
    rule(row, report);
  }
}

/** The rows one at a time, each made when reached (a view of the columns kept by nobody once passed). */
export function* eachRow<R>(rows: RowsByPosition<R>): Generator<R> {
  for (let i = 0; i < rows.length; i++) yield rows.at(i);
}

/**
 * Where `readTable` puts the cells of each record: `begin` a row, `put` each column's cell once; at the
 * end, `rows` gives what hands out the rows (each call: the rows, see `TableRead.rowsAgain`), `rowsAt`
 * the rows one at a time (`TableRead.rowsAt`).
 */
interface RowStore {
  begin(line: number): void;
  put(c: Bound, cell: Cell): void;
  rows(): () => readonly object[];
  rowsAt(): RowsByPosition<object>;
}

/** One plain object per row, cloned from a template so that every row has the same fixed shape. */
class ObjectStore implements RowStore {
  private readonly template: Record<string, unknown>;
  private readonly list: Record<string, unknown>[] = [];
  private row: Record<string, unknown> = {};

  constructor(
    columns: readonly Bound[],
    private readonly file: string,
  ) {
    this.template = rowTemplate(columns);
  }

  begin(line: number): void {
    this.row = { ...this.template };
    this.row.src = { file: this.file, line };
    this.list.push(this.row);
  }

  put(c: Bound, cell: Cell): void {
    this.row[c.name] = cell.value;
    if (c.decName !== null) this.row[c.decName] = cell.decimals;
  }

  rows(): () => readonly object[] {
    const list = this.list;
    return () => list;
  }

  rowsAt(): RowsByPosition<object> {
    return rowsOfArray(this.list);
  }
}

/** A column's codes: as narrow as its count of distinct values allows (most columns: one byte). */
type Codes = Uint8Array | Uint16Array | Uint32Array;

/**
 * Distinct values a numeric column keeps as codes (two bytes a cell at most); one more and the column
 * is stored as doubles (a continuous lab result with a value per row gains nothing from a dictionary).
 */
const MAX_NUMBER_CODES = 0xffff;

/**
 * One typed array per column, growing by doubling; `rows()` trims them and hands out views. Text is
 * stored as an index into the column's distinct strings (a JS array of 1M strings costs more to grow
 * than the cells take to read), in one byte per cell until the column has 256 distinct values, then
 * two, then four (a QS row's eleven text columns: ~16 bytes instead of 44; USUBJID and the dates are the
 * wide ones). Numbers are coded the same way, value and decimals together, while the column has at most
 * 65,535 distinct texts (QSSEQ, QSSTRESN, VISITNUM: one or two bytes instead of 8 or 16); past that the
 * column turns into doubles (values and decimals) with NaN for null: a value is always finite
 * (lock.md), and a Float64Array keeps -0 and every integer below 1e15 exactly.
 */
class ColumnStore implements RowStore {
  private n = -1;
  private capacity: number;
  private readonly lines = new LineRuns();
  private readonly numbers: (Float64Array | null)[];
  private readonly decimals: (Float64Array | null)[];
  private readonly codes: (Codes | null)[];
  /** Per coded column its distinct values, null first (code 0): strings, or numbers. */
  private readonly values: (string | number | null)[][];
  /** Per coded numeric column with decimals, the decimals of each value (null first). */
  private readonly valueDecimals: (number | null)[][];

  constructor(
    private readonly columns: readonly Bound[],
    private readonly file: string,
    /** The most records the table can have: the columns are allocated once (grown only past it). */
    capacity: number,
  ) {
    const size = Math.max(1, capacity);
    this.capacity = size;
    this.numbers = columns.map(() => null);
    this.decimals = columns.map(() => null);
    this.codes = columns.map(() => new Uint8Array(size));
    this.values = columns.map(() => [null]);
    this.valueDecimals = columns.map(() => [null]);
  }

  begin(line: number): void {
    this.n++;
    if (this.n === this.capacity) this.grow();
    this.lines.add(this.n, line);
  }

  put(c: Bound, cell: Cell): void {
    const n = this.n;
    // `code` may widen the column's codes or turn it into doubles: the arrays are read after it.
    if (this.codes[c.slot] != null && this.code(c, cell)) {
      (this.codes[c.slot] as Codes)[n] = cell.code;
      return;
    }
    (this.numbers[c.slot] as Float64Array)[n] = cell.value === null ? NaN : (cell.value as number);
    const decimals = this.decimals[c.slot];
    if (decimals != null) decimals[n] = cell.decimals ?? NaN;
  }

  /** Gives the cell its code in its column (adding a value seen for the first time); false when none. */
  private code(c: Bound, cell: Cell): boolean {
    if (cell.code >= 0) return true;
    const values = this.values[c.slot] as (string | number | null)[];
    const numeric = isNumeric(c);
    if (numeric && values.length > MAX_NUMBER_CODES) {
      this.toDoubles(c);
      return false;
    }
    cell.code = values.length;
    values.push(cell.value);
    if (numeric) (this.valueDecimals[c.slot] as (number | null)[]).push(cell.decimals);
    const codes = this.codes[c.slot] as Codes;
    if (cell.code > maxCode(codes)) this.codes[c.slot] = widerCodes(codes, this.n);
    return true;
  }

  /** A numeric column's codes so far as doubles (values, and decimals when it records them). */
  private toDoubles(c: Bound): void {
    const codes = this.codes[c.slot] as Codes;
    const values = this.values[c.slot] as (number | null)[];
    const decimals = this.valueDecimals[c.slot] as (number | null)[];
    const numbers = new Float64Array(codes.length);
    const decs = c.decName === null ? null : new Float64Array(codes.length);
    for (let i = 0; i < this.n; i++) {
      const code = codes[i] as number;
      numbers[i] = values[code] ?? NaN;
      if (decs !== null) decs[i] = decimals[code] ?? NaN;
    }
    this.numbers[c.slot] = numbers;
    this.decimals[c.slot] = decs;
    this.codes[c.slot] = null;
    this.values[c.slot] = [];
    this.valueDecimals[c.slot] = [];
  }

  rows(): () => readonly object[] {
    const { length, at } = this.rowsAt();
    return () => {
      const rows = new Array<object>(length);
      for (let i = 0; i < length; i++) rows[i] = at(i);
      return rows;
    };
  }

  /** The views' class is made once: every view of the table has the same shape. */
  private views: RowsByPosition<object> | null = null;

  rowsAt(): RowsByPosition<object> {
    if (this.views !== null) return this.views;
    const count = this.n + 1;
    // Views, not copies: the columns were sized by the line count, so at most a few slots are unused.
    const View = viewClass(
      this.columns,
      this.file,
      this.lines.lineOf(),
      this.numbers.map((a) => a?.subarray(0, count) ?? null),
      this.decimals.map((a) => a?.subarray(0, count) ?? null),
      this.codes.map((a) => a?.subarray(0, count) ?? null),
      this.values,
      this.valueDecimals,
    );
    this.views = { length: count, at: (i) => new View(i) };
    return this.views;
  }

  private grow(): void {
    const capacity = 2 * this.capacity;
    this.capacity = capacity;
    const wider = <A extends Float64Array | Codes>(a: A | null): A | null => {
      if (a === null) return null;
      const b = new (a.constructor as new (n: number) => A)(capacity);
      b.set(a);
      return b;
    };
    this.numbers.forEach((a, k) => (this.numbers[k] = wider(a)));
    this.decimals.forEach((a, k) => (this.decimals[k] = wider(a)));
    this.codes.forEach((a, k) => (this.codes[k] = wider(a)));
  }
}

/**
 * The line of each row, kept as runs of rows on consecutive lines: a row's line is its position plus
 * its run's offset. A lock file has one run (no blank lines, no record over several lines), so the
 * lines take no memory, where an Int32Array of them took 43 MB of a 20,000-subject QS for the whole run.
 */
class LineRuns {
  /** First row of each run. */
  private starts = new Int32Array(4);
  /** Line minus position of the rows of each run. */
  private offsets = new Int32Array(4);
  private runs = 0;

  /** Row `i` (rows come in order) is on `line`. */
  add(i: number, line: number): void {
    if (this.runs > 0 && line - i === this.offsets[this.runs - 1]) return;
    if (this.runs === this.starts.length) {
      this.starts = grown(this.starts);
      this.offsets = grown(this.offsets);
    }
    this.starts[this.runs] = i;
    this.offsets[this.runs] = line - i;
    this.runs++;
  }

  /** The line of row i, for the rows added so far. */
  lineOf(): (i: number) => number {
    const runs = this.runs;
    const starts = this.starts.slice(0, runs);
    const offsets = this.offsets.slice(0, runs);
    if (runs <= 1) {
      const offset = offsets[0] ?? 0;
      return (i) => i + offset;
    }
    return (i) => {
      // The last run starting at or before i.
      let lo = 0;
      let hi = runs - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((starts[mid] as number) <= i) lo = mid;
        else hi = mid - 1;
      }
      return i + (offsets[lo] as number);
    };
  }
}

function grown(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(2 * a.length);
  b.set(a);
  return b;
}

function maxCode(codes: Codes): number {
  return codes instanceof Uint8Array ? 0xff : codes instanceof Uint16Array ? 0xffff : 0xffffffff;
}

/**
 * The codes of the first `filled` rows in the next wider array (same length; the rest zero, as unwritten
 * cells are). Copying the whole length converted ~10M cells of zeros per widening of a 20,000-subject QS
 * column sized by its line count, where the column widens after a few hundred rows.
 */
function widerCodes(codes: Codes, filled: number): Codes {
  const wider = codes instanceof Uint8Array ? new Uint16Array(codes.length) : new Uint32Array(codes.length);
  wider.set(codes.subarray(0, filled));
  return wider;
}

function isNumeric(c: Bound): boolean {
  return c.spec.type === 'num' || c.spec.type === 'int';
}

/**
 * A class whose instances are rows of the stored columns: one own field (the row's index), and on the
 * prototype an enumerable getter per column, `<name>_DEC` companions and `src`, each reading its own
 * column (so that each getter site sees one array type).
 */
function viewClass(
  columns: readonly Bound[],
  file: string,
  lineOf: (i: number) => number,
  numbers: readonly (Float64Array | null)[],
  decimals: readonly (Float64Array | null)[],
  codes: readonly (Codes | null)[],
  values: readonly (readonly (string | number | null)[])[],
  valueDecimals: readonly (readonly (number | null)[])[],
): new (i: number) => object {
  class RowView {
    // Assigned, not declared as a class field: a field is defined on each instance before the constructor
    // runs (a slower store), and a view is made for every row of every pass.
    declare readonly i: number;
    constructor(i: number) {
      this.i = i;
    }
  }
  const define = (name: string, get: (this: RowView) => unknown) =>
    Object.defineProperty(RowView.prototype, name, { get, enumerable: true, configurable: false });
  define('src', function () {
    return { file, line: lineOf(this.i) };
  });
  for (const c of columns) {
    const code = codes[c.slot];
    const num = numbers[c.slot];
    const dec = decimals[c.slot];
    if (code != null) {
      const value = values[c.slot] as readonly (string | number | null)[];
      define(c.name, function () {
        return value[code[this.i] as number];
      });
      const decs = valueDecimals[c.slot] as readonly (number | null)[];
      if (c.decName !== null)
        define(c.decName, function () {
          return decs[code[this.i] as number];
        });
    }
    if (num != null)
      define(c.name, function () {
        return orNull(num[this.i] as number);
      });
    if (dec != null && c.decName !== null)
      define(c.decName, function () {
        return orNull(dec[this.i] as number);
      });
  }
  return RowView;
}

function orNull(v: number): number | null {
  return Number.isNaN(v) ? null : v;
}

/**
 * An object with every field of a row, cloned per row: a row that grows by 17 computed-name stores
 * turns into a hash table in V8 (~900 bytes instead of ~200 for a 1M-row QS file).
 */
function rowTemplate(columns: readonly Bound[]): Record<string, unknown> {
  const template: Record<string, unknown> = { src: null };
  for (const c of columns) {
    template[c.name] = null;
    if (c.decName !== null) template[c.decName] = null;
  }
  // Built by computed-name stores, the template itself is a hash table; JSON.parse gives it a fixed shape
  // that the per-row spread copies cheaply.
  return JSON.parse(JSON.stringify(template)) as Record<string, unknown>;
}

/**
 * One notice per column for the values read rounded to 15 significant digits (lock.md §File format),
 * at the first of them: a file exported with full doubles has one in nearly every cell.
 */
function roundingNotice(file: string, c: Bound): Issue {
  const { count, line, text, value } = c.rounded;
  const values = count === 1 ? 'value' : `${count} values`;
  const rule = `${values} written with more than 15 significant digits, read rounded to 15 (first: ${text} read as ${value})`;
  return issue('notice', file, rule, line, c.name);
}

/**
 * The schema column a header name stands for: ASCII padding trimmed, upper-cased (the case is checked
 * apart), and the characters `characterRule` refuses dropped, so that a name with a stray control or
 * no-break space is reported once, for its character, and its column still read.
 */
function headerName(raw: string): string {
  return trimCell(withoutForbiddenCharacters(raw)).toUpperCase();
}

function extraColumns<R>(schema: TableSchema<R>, table: CsvTable): Extra[] {
  const extras: Extra[] = [];
  table.header.forEach((raw, index) => {
    if (!(headerName(raw) in schema.columns)) extras.push({ name: trimCell(raw), index });
  });
  return extras;
}

function bindColumns<R>(schema: TableSchema<R>, table: CsvTable, issues: Issue[]): Bound[] {
  const { file } = schema;
  const line = table.headerLine;
  const where = new Map<string, number>();
  table.header.forEach((raw, i) => {
    const broken = characterRule(raw);
    if (broken !== null) issues.push(issue('error', file, `column name: ${broken}`, line, raw));
    const name = headerName(raw);
    if (!(name in schema.columns)) return;
    if (broken === null && trimCell(raw) !== name)
      issues.push(issue('error', file, `column name must be upper case: ${name}`, line, raw));
    if (where.has(name)) {
      issues.push(issue('error', file, `column ${name} appears twice in the header`, line, raw));
      return;
    }
    where.set(name, i);
  });
  return Object.entries(schema.columns as Record<string, ColumnSpec>).map(([name, spec], slot) => {
    const index = where.get(name) ?? -1;
    if (index === -1 && spec.req !== 'O')
      issues.push(issue('error', file, `required column ${name} is missing`, line, name));
    const decName = spec.decimals === true ? `${name}_DEC` : null;
    const terms = spec.terms === undefined ? null : new Set(spec.terms);
    return {
      name,
      slot,
      decName,
      spec,
      index,
      terms,
      valid: new FieldDictionary<Cell>(),
      rounded: { count: 0, line: 0, text: '', value: 0 },
    };
  });
}

/** The cell of the record in column `c` (`MISSING` for an empty one), or the rule it breaks. */
function readCell(c: Bound, rec: CsvFields): Cell | string {
  if (rec.isEmpty(c.index)) return c.spec.req === 'Y' ? 'required value is missing' : MISSING;
  let cell = c.valid.get(rec, c.index);
  if (cell === undefined) {
    const parsed = parseCell(c, rec.field(c.index));
    if (typeof parsed === 'string') return parsed;
    c.valid.set(rec, c.index, (cell = parsed));
  }
  if (cell.value === null) return c.spec.req === 'Y' ? 'required value is missing' : MISSING;
  if (cell.rounded && c.rounded.count++ === 0) {
    Object.assign(c.rounded, { line: rec.line, text: trimCell(rec.field(c.index)), value: cell.value });
  }
  return cell;
}

/** An empty cell, an absent column, or a broken cell: null (and null decimals). */
const MISSING: Cell = { value: null, decimals: null, rounded: false, code: 0 };

/** The value of a non-empty cell (its ASCII padding trimmed), or the rule it breaks. */
function parseCell(c: Bound, raw: string): Cell | string {
  const { name, spec } = c;
  const broken = characterRule(raw);
  if (broken !== null) return broken;
  const text = trimCell(raw);
  if (text === '') return MISSING;
  let rounded: { readonly value: number; readonly decimals: number } | null = null;
  if (isPlaceholder(text)) return `'${text}' is a placeholder: a missing value must be the empty field`;
  let value: string | number;
  switch (spec.type) {
    case 'char':
      value = text;
      break;
    case 'num': {
      const v = parsePlainNumber(text);
      if (v === null) return `'${text}' is not a plain decimal number (e.g. 12, 0.35, -1.5e-3)`;
      const size = magnitudeRule(text, v);
      if (size !== null) return size;
      rounded = roundedToSignificant(text, v);
      value = rounded?.value ?? v;
      break;
    }
    case 'int': {
      const v = parseWholeNumber(text);
      if (v === null) return `'${text}' is not a whole number`;
      const size = magnitudeRule(text, v);
      if (size !== null) return size;
      value = v;
      break;
    }
    case 'date': {
      const d = isoDatePart(text);
      if (d === null) {
        return partialDateText(text) === null
          ? `'${text}' is not an ISO date (YYYY-MM-DD, optionally with Thh:mm or Thh:mm:ss)`
          : `'${text}' is a partial date, not allowed in ${name}`;
      }
      const years = yearRule(d);
      if (years !== null) return years;
      value = d;
      break;
    }
    case 'pdate': {
      const d = partialDateText(text);
      if (d === null) return `'${text}' is not an ISO date or partial date (YYYY-MM-DD, YYYY-MM, YYYY)`;
      const years = yearRule(d);
      if (years !== null) return years;
      value = d;
      break;
    }
  }
  const rule = checkValue(c, text, value);
  if (rule !== null) return rule;
  const decimals = c.decName === null ? null : (rounded?.decimals ?? decimalsWritten(text));
  return { value, decimals, rounded: rounded !== null, code: -1 };
}

function checkValue(c: Bound, text: string, value: unknown): string | null {
  const { spec } = c;
  if (c.terms !== null && !c.terms.has(text)) {
    return `'${text}' is not one of the controlled terms: ${[...c.terms].join(', ')}`;
  }
  if (typeof value === 'number') {
    if ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max)) {
      return `${text} is outside the range ${spec.min ?? '−∞'} to ${spec.max ?? '∞'}`;
    }
  }
  return null;
}

/** Subjects with at least one row that has a broken cell: rules about what they lack must not guess. */
export function subjectsWithBrokenRows<R extends { readonly USUBJID: string }>(read: TableRead<R>): Set<string> {
  const out = new Set<string>();
  read.rows.forEach((row, i) => {
    if (!read.sound[i] && row.USUBJID !== null) out.add(row.USUBJID);
  });
  return out;
}
