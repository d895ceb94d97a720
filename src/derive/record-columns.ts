/**
 * Derived records held as columns between the derivation that makes them and the consumers that read
 * them (the analyses, the dataset writers, the listings). A run keeps ~100 derived records a subject
 * (PRO scores, lab results, BILAG grades, biomarker flags, PGA, SLEDAI-2K); as objects they took
 * ~100 KB a subject of the heap to the end of the run (2 GB at 20,000 subjects, and V8 lets the heap
 * grow to several times what it holds before collecting). As columns a record takes ~20–40 bytes,
 * outside the heap (typed arrays): each field a code into the field's distinct values (one or two
 * bytes for a visit, a parameter, a date or a subject), or a double when a numeric field has too many
 * distinct values to code, and `src` (SourceLines) as its file and line run.
 *
 * `rows()` gives the records back as views: objects whose fields are getters on their prototype, each
 * reading its column. Read them by name (`r.AVAL`, `'AVAL' in r`): `{ ...r }`, `Object.keys(r)` and JSON
 * see no field. Each call makes new views (none is kept), so a consumer takes them once per pass and
 * compares records by their values, not by identity across calls.
 */
import { SourceLines } from './source-lines.js';

type Codes = Uint8Array | Uint16Array | Uint32Array;

/** How one field of the records is stored. */
type Column =
  /** Codes into the distinct values (strings, numbers, null, booleans, undefined). */
  | { readonly kind: 'coded'; readonly codes: Codes; readonly values: readonly unknown[] }
  /** Numbers and nulls, null as NaN (a numeric field with more distinct values than codes are worth). */
  | { readonly kind: 'doubles'; readonly values: Float64Array }
  /** SourceLines of one run each as file code, first and last line; the others as they are. */
  | {
      readonly kind: 'lines';
      readonly files: Codes;
      readonly fileNames: readonly string[];
      readonly first: Int32Array;
      readonly last: Int32Array;
      readonly others: ReadonlyMap<number, SourceLines>;
    }
  /**
   * Source references `{ file, line }` (one lock row each) and nulls: the file as a code (0 for null,
   * else its index in `fileNames` + 1) and the line; each read makes a new `{ file, line }`.
   */
  | { readonly kind: 'refs'; readonly files: Codes; readonly fileNames: readonly string[]; readonly lines: Int32Array }
  /** Anything else (objects, arrays): the values themselves. */
  | { readonly kind: 'values'; readonly values: readonly unknown[] };

/**
 * Numeric values a field codes at most (two bytes a record); past that it is stored as doubles (a lab
 * result with a value per record gains nothing from a dictionary).
 */
const MAX_NUMBER_CODES = 0xffff;

/** No value of a record: what `ColumnBuilder.last` starts as. */
const NOT_A_VALUE: unique symbol = Symbol('no value');

/** The view's index, under a symbol so that it is neither a field nor in `Object.keys`. */
const INDEX: unique symbol = Symbol('record index');

export class RecordColumns<R extends object> {
  private constructor(
    /** Records held. */
    readonly length: number,
    private readonly View: new (i: number) => R,
  ) {}

  /**
   * The records as columns, or null when they cannot be held so: none, a record that is not a plain
   * object, or records whose fields differ (a field absent from some records would be present in every
   * view).
   */
  static of<R extends object>(records: readonly R[]): RecordColumns<R> | null {
    const first = records[0];
    if (first === undefined) return null;
    const builder = new RecordColumnsBuilder<R>(records.length, first);
    for (let i = 0; i < records.length; i++) if (!builder.add(i, records[i] as R)) return null;
    return builder.finish();
  }

  /** Columns of `fields` made by the builder (RecordColumnsBuilder.finish). */
  static fromColumns<R extends object>(
    length: number,
    fields: readonly string[],
    columns: readonly Column[],
  ): RecordColumns<R> {
    return new RecordColumns<R>(length, viewClass(fields, columns) as new (i: number) => R);
  }

  /** The records as new views, in the order they were given. */
  rows(): R[] {
    const rows = new Array<R>(this.length);
    for (let i = 0; i < this.length; i++) rows[i] = new this.View(i);
    return rows;
  }
}

/**
 * Records put into columns one at a time, each as soon as it is made (`add`, record `i` of `length`),
 * so that they never all exist as objects: every record must have the fields of `first`, in order.
 */
export class RecordColumnsBuilder<R extends object> {
  private readonly fields: readonly string[];
  private readonly builders: ColumnBuilder[];

  constructor(
    private readonly length: number,
    first: R,
  ) {
    this.fields = Object.keys(first);
    this.builders = this.fields.map(() => new ColumnBuilder(length));
  }

  /** Adds record i; false (nothing added) when it is not a plain object with exactly the first's fields. */
  add(i: number, record: R): boolean {
    if (!hasFields(record, this.fields)) return false;
    // Its values in field order (Object.values: no keyed load per field).
    const values = Object.values(record);
    for (let k = 0; k < this.builders.length; k++) (this.builders[k] as ColumnBuilder).add(i, values[k]);
    return true;
  }

  finish(): RecordColumns<R> {
    return RecordColumns.fromColumns<R>(
      this.length,
      this.fields,
      this.builders.map((b) => b.column()),
    );
  }
}

/**
 * How derived records are held from their derivation to their consumers: as the array itself (the
 * default; what a test of one derivation compares), or as columns (`holdAsColumns`; a run holds a large
 * lock's record sets so, `holdLargeAsColumns`).
 */
export interface HoldRecords {
  <R extends object>(records: readonly R[]): () => readonly R[];
  /**
   * Records made one at a time (`make(i)` for i < length) held without an array of them ever existing
   * (columns: each record put in as it is made); absent, `holdEach` makes the array and holds it.
   */
  readonly each?: <R extends object>(length: number, make: (i: number) => R) => () => readonly R[];
}

export const holdAsArray: HoldRecords = (records) => () => records;

/** The records `make(0)` … `make(length - 1)` as `hold` holds them, made one at a time when it can. */
export function holdEach<R extends object>(
  hold: HoldRecords,
  length: number,
  make: (i: number) => R,
): () => readonly R[] {
  return hold.each === undefined ? hold(Array.from({ length }, (_, i) => make(i))) : hold.each(length, make);
}

/** Columns when the records allow it (`RecordColumns.of`), else the array. */
function holdColumns<R extends object>(records: readonly R[]): () => readonly R[] {
  const columns = RecordColumns.of(records);
  return columns === null ? holdAsArray(records) : readColumns(columns);
}

/**
 * holdColumns of the records `make` makes, each put into the columns as soon as it is made (a 20,000-
 * subject lock's ~3M lab results as objects took ~0.75 GB before they were columns). `make` is pure:
 * should a record not fit the columns, the records are made again as an array and held as that.
 */
function holdEachAsColumns<R extends object>(length: number, make: (i: number) => R): () => readonly R[] {
  if (length === 0) return holdAsArray([]);
  const first = make(0);
  const builder = new RecordColumnsBuilder<R>(length, first);
  for (let i = 0; i < length; i++) {
    if (!builder.add(i, i === 0 ? first : make(i))) return holdAsArray(Array.from({ length }, (_, j) => make(j)));
  }
  return readColumns(builder.finish());
}

export const holdAsColumns: HoldRecords = Object.assign(holdColumns, { each: holdEachAsColumns });

/**
 * Record sets of at least this many records are held as columns by `holdLargeAsColumns`. Below it the
 * columns save a few MB at most and cost time: every record is coded into them and read back through
 * getters by the analyses, datasets and listings (the sample, 81 subjects, whose largest set has ~8,100
 * records: ~60–70 ms of the derive stage). From 100,000 (as makeDataset's COLUMN_ROWS) a 2,000-subject
 * run peaked ~60 MB higher (its ~20,000-record SLEDAI-2K, BILAG and conmed sets as objects).
 */
export const HOLD_AS_COLUMNS_FROM = 10_000;

/** `holdAsColumns` for record sets of at least `from` records, the array itself for smaller ones. */
export function holdAsColumnsFrom(from: number): HoldRecords {
  const small = (length: number) => length < from;
  return Object.assign(
    <R extends object>(records: readonly R[]) => (small(records.length) ? holdAsArray(records) : holdColumns(records)),
    {
      each: <R extends object>(length: number, make: (i: number) => R) =>
        small(length) ? holdAsArray(Array.from({ length }, (_, i) => make(i))) : holdEachAsColumns(length, make),
    },
  );
}

/** What a run holds its derived records with: columns for a large lock's record sets (memory). */
export const holdLargeAsColumns: HoldRecords = holdAsColumnsFrom(HOLD_AS_COLUMNS_FROM);

/**
 * A reader of the columns alone: a closure made beside one that returns `records` would share its scope
 * with it, and keep the records alive.
 */
function readColumns<R extends object>(columns: RecordColumns<R>): () => readonly R[] {
  return () => columns.rows();
}

/** A plain object with exactly `fields`, in that order. */
function hasFields(r: object, fields: readonly string[]): boolean {
  if (Object.getPrototypeOf(r) !== Object.prototype) return false;
  const keys = Object.keys(r);
  if (keys.length !== fields.length) return false;
  for (let k = 0; k < keys.length; k++) if (keys[k] !== fields[k]) return false;
  return true;
}

/**
 * One column as its values are added, in record order: codes while the values are primitives (and,
 * for numbers, few enough), then doubles for a numeric column past MAX_NUMBER_CODES, the values
 * themselves once one is an object or NaN is among many numbers; SourceLines while every value is one.
 */
class ColumnBuilder {
  private mode: 'lines' | 'coded' | 'doubles' | 'refs' | 'values' = 'lines';
  /**
   * One byte a record while there are at most 256 distinct values, widened (copied) as more come: a
   * run's ~7M derived records of ~20 fields each took 4 bytes a code until the column was finished.
   */
  private codes: Codes;
  private readonly codeOf = new Map<unknown, number>();
  private readonly distinct: unknown[] = [];
  /** The code of -0 (Map keys compare -0 equal to 0, and -0 must come back as -0); -1 while none. */
  private negativeZero = -1;
  private numbers = 0;
  /** The last value coded and its code: neighbouring records share most values. */
  private last: unknown = NOT_A_VALUE;
  private lastCode = -1;
  private doubles: Float64Array | null = null;
  private values: unknown[] | null = null;
  /**
   * Made when the first value is SourceLines, not before: its three 4-byte arrays of the column's
   * length, made for every column and dropped at once by most, were ~0.7 GB of array buffers for one
   * 2.4M-row dataset, and V8 answers each 64 MB of them with a full collection (external memory).
   */
  private lines: LinesBuilder | null = null;
  private refs: RefsBuilder | null = null;

  constructor(private readonly length: number) {
    this.codes = new Uint8Array(length);
  }

  add(i: number, v: unknown): void {
    if (this.mode === 'coded') this.code(i, v);
    else if (this.mode === 'lines') this.addLines(i, v);
    else if (this.mode === 'doubles') this.addDouble(i, v);
    else if (this.mode === 'refs') this.addRef(i, v);
    else (this.values as unknown[])[i] = v;
  }

  column(): Column {
    switch (this.mode) {
      case 'coded':
        // Widened only as far as the distinct values need: already the narrowest array that holds them.
        return { kind: 'coded', codes: this.codes, values: this.distinct };
      case 'lines':
        return (this.lines ??= new LinesBuilder(this.length)).column();
      case 'doubles':
        return { kind: 'doubles', values: this.doubles as Float64Array };
      case 'refs':
        return (this.refs as RefsBuilder).column();
      case 'values':
        return { kind: 'values', values: this.values as unknown[] };
    }
  }

  private addLines(i: number, v: unknown): void {
    if (v instanceof SourceLines) {
      (this.lines ??= new LinesBuilder(this.length)).add(i, v);
      return;
    }
    if (i === 0 && isSourceRef(v)) {
      this.lines = null;
      this.toRefs();
      this.addRef(i, v);
      return;
    }
    // Not every value is SourceLines: the ones so far are kept as they are, and the rest as coded.
    if (i > 0) {
      this.toValues((this.lines as LinesBuilder).values(i));
      this.lines = null;
      (this.values as unknown[])[i] = v;
      return;
    }
    this.lines = null;
    this.mode = 'coded';
    this.code(i, v);
  }

  private code(i: number, v: unknown): void {
    // -0 is never `last` (it would equal 0), so `===` is enough.
    if (v === this.last) {
      this.codes[i] = this.lastCode;
      return;
    }
    if (v !== null && (typeof v === 'object' || typeof v === 'function' || typeof v === 'symbol')) {
      // Source references after nothing but nulls (a BILAG grade's row, or none): as references.
      if (isSourceRef(v) && this.distinct.every((d) => d === null)) {
        this.toRefs();
        this.addRef(i, v);
        return;
      }
      this.toValues(this.decoded(i));
      (this.values as unknown[])[i] = v;
      return;
    }
    let code = Object.is(v, -0) ? this.negativeZero : this.codeOf.get(v);
    if (code === undefined || code === -1) {
      if (typeof v === 'number' && ++this.numbers > MAX_NUMBER_CODES) {
        this.toDoubles(i);
        this.add(i, v);
        return;
      }
      code = this.distinct.push(v) - 1;
      this.codes = widened(this.codes, code);
      if (Object.is(v, -0)) this.negativeZero = code;
      else this.codeOf.set(v, code);
    }
    this.codes[i] = code;
    this.last = Object.is(v, -0) ? NOT_A_VALUE : v;
    this.lastCode = code;
  }

  private addRef(i: number, v: unknown): void {
    const refs = this.refs as RefsBuilder;
    if (v === null || isSourceRef(v)) {
      refs.add(i, v);
      return;
    }
    const values: unknown[] = new Array(this.length);
    for (let j = 0; j < i; j++) values[j] = refs.get(j);
    this.refs = null;
    this.toValues(values);
    (this.values as unknown[])[i] = v;
  }

  /** Records 0..i-1 (every value so far null) as references. */
  private toRefs(): void {
    this.refs = new RefsBuilder(this.length);
    this.mode = 'refs';
    this.release();
  }

  private addDouble(i: number, v: unknown): void {
    const doubles = this.doubles as Float64Array;
    if (v === null) doubles[i] = NaN;
    else if (typeof v === 'number' && !Number.isNaN(v)) doubles[i] = v;
    else {
      const values: unknown[] = new Array(this.length);
      for (let j = 0; j < i; j++) values[j] = orNull(doubles[j] as number);
      this.toValues(values);
      (this.values as unknown[])[i] = v;
    }
  }

  /** The values of records 0..i-1 from their codes. */
  private decoded(i: number): unknown[] {
    const values: unknown[] = new Array(this.length);
    for (let j = 0; j < i; j++) values[j] = this.distinct[this.codes[j] as number];
    return values;
  }

  /** Records 0..i-1 (every value so far a number or null) as doubles; as values if one is NaN. */
  private toDoubles(i: number): void {
    if (this.distinct.some((v) => Number.isNaN(v))) {
      this.toValues(this.decoded(i));
      return;
    }
    const doubles = new Float64Array(this.length);
    for (let j = 0; j < i; j++) {
      const v = this.distinct[this.codes[j] as number] as number | null;
      doubles[j] = v === null ? NaN : v;
    }
    this.doubles = doubles;
    this.mode = 'doubles';
    this.release();
  }

  private toValues(values: unknown[]): void {
    this.values = values;
    this.doubles = null;
    this.mode = 'values';
    this.release();
  }

  private release(): void {
    this.codes = new Uint8Array(0);
    this.codeOf.clear();
    this.distinct.length = 0;
  }
}

/** SourceLines of one run as file code, first and last line; others kept whole. */
class LinesBuilder {
  /** One byte a record while there are at most 256 files (always, for a lock), widened if ever more. */
  private files: Codes;
  private readonly fileNames: string[] = [];
  private readonly first: Int32Array;
  private readonly last: Int32Array;
  private readonly others = new Map<number, SourceLines>();

  constructor(length: number) {
    this.files = new Uint8Array(length);
    this.first = new Int32Array(length);
    this.last = new Int32Array(length);
  }

  add(i: number, lines: SourceLines): void {
    const run = lines.oneRun();
    if (run === null) {
      this.others.set(i, lines);
      return;
    }
    let code = this.fileNames.indexOf(run.file);
    if (code === -1) {
      code = this.fileNames.push(run.file) - 1;
      this.files = widened(this.files, code);
    }
    this.files[i] = code;
    this.first[i] = run.first;
    this.last[i] = run.last;
  }

  /** Records 0..i-1 as SourceLines, in an array of the column's length. */
  values(i: number): unknown[] {
    const values: unknown[] = new Array(this.files.length);
    for (let j = 0; j < i; j++) values[j] = this.get(j);
    return values;
  }

  column(): Column {
    return {
      kind: 'lines',
      files: this.files,
      fileNames: this.fileNames,
      first: this.first,
      last: this.last,
      others: this.others,
    };
  }

  private get(j: number): SourceLines {
    return (
      this.others.get(j) ??
      SourceLines.run(
        this.fileNames[this.files[j] as number] as string,
        this.first[j] as number,
        this.last[j] as number,
      )
    );
  }
}

/** A lock row's source reference as the lock reader makes it: a plain `{ file, line }`, the line a whole number. */
function isSourceRef(v: unknown): v is { readonly file: string; readonly line: number } {
  if (v === null || typeof v !== 'object' || Object.getPrototypeOf(v) !== Object.prototype) return false;
  const r = v as { readonly file?: unknown; readonly line?: unknown };
  if (typeof r.file !== 'string' || typeof r.line !== 'number' || (r.line | 0) !== r.line || Object.is(r.line, -0))
    return false;
  const keys = Object.keys(v);
  return keys.length === 2 && keys[0] === 'file' && keys[1] === 'line';
}

/**
 * Source references `{ file, line }` and nulls as a file code and a line each (a BILAG grade, a lab
 * result or a biomarker flag keeps the one lock row it came from: ~1.2M objects of a 5,000-subject run,
 * ~40 bytes each, held to the end of it).
 */
class RefsBuilder {
  /** As LinesBuilder's: one byte a record while there are at most 255 files. */
  private files: Codes;
  private readonly fileNames: string[] = [];
  private readonly lines: Int32Array;

  constructor(length: number) {
    this.files = new Uint8Array(length);
    this.lines = new Int32Array(length);
  }

  add(i: number, ref: { readonly file: string; readonly line: number } | null): void {
    if (ref === null) {
      this.files[i] = 0;
      return;
    }
    let code = this.fileNames.indexOf(ref.file);
    if (code === -1) {
      code = this.fileNames.push(ref.file) - 1;
      this.files = widened(this.files, code + 1);
    }
    this.files[i] = code + 1;
    this.lines[i] = ref.line;
  }

  get(i: number): { readonly file: string; readonly line: number } | null {
    return refAt(this.files, this.fileNames, this.lines, i);
  }

  column(): Column {
    return {
      kind: 'refs',
      files: this.files,
      fileNames: this.fileNames,
      lines: this.lines,
    };
  }
}

/** Reference i of a refs column (file code 0: null), a new `{ file, line }`. */
function refAt(
  files: ArrayLike<number>,
  fileNames: readonly string[],
  lines: Int32Array,
  i: number,
): { readonly file: string; readonly line: number } | null {
  const code = files[i] as number;
  return code === 0 ? null : { file: fileNames[code - 1] as string, line: lines[i] as number };
}

/**
 * `codes`, or a copy wide enough for `code` (Uint16Array past 0xff, Uint32Array past 0xffff): file codes
 * start at one byte, so no column of the record count's length is made at four bytes and copied narrower.
 */
function widened(codes: Codes, code: number): Codes {
  const width = code <= 0xff ? 1 : code <= 0xffff ? 2 : 4;
  if (width <= codes.BYTES_PER_ELEMENT) return codes;
  const wider = width === 2 ? new Uint16Array(codes.length) : new Uint32Array(codes.length);
  wider.set(codes);
  return wider;
}

interface View {
  readonly [INDEX]: number;
}

/**
 * A class whose instances are the records: the index under a symbol, and on the prototype an enumerable
 * getter per field reading its column (one closure per column, so each getter sees one array type).
 */
function viewClass(fields: readonly string[], columns: readonly Column[]): new (i: number) => object {
  class RecordView implements View {
    readonly [INDEX]: number;
    constructor(i: number) {
      this[INDEX] = i;
    }
  }
  fields.forEach((field, k) =>
    Object.defineProperty(RecordView.prototype, field, {
      get: getter(columns[k] as Column),
      enumerable: true,
      configurable: false,
    }),
  );
  return RecordView;
}

function getter(c: Column): (this: View) => unknown {
  switch (c.kind) {
    case 'coded': {
      const { codes, values } = c;
      return function () {
        return values[codes[this[INDEX]] as number];
      };
    }
    case 'doubles': {
      const values = c.values;
      return function () {
        return orNull(values[this[INDEX]] as number);
      };
    }
    case 'lines': {
      const { files, fileNames, first, last, others } = c;
      return function () {
        const i = this[INDEX];
        return (
          others.get(i) ??
          SourceLines.run(fileNames[files[i] as number] as string, first[i] as number, last[i] as number)
        );
      };
    }
    case 'refs': {
      const { files, fileNames, lines } = c;
      return function () {
        return refAt(files, fileNames, lines, this[INDEX]);
      };
    }
    case 'values': {
      const values = c.values;
      return function () {
        return values[this[INDEX]];
      };
    }
  }
}

function orNull(v: number): number | null {
  return Number.isNaN(v) ? null : v;
}
