/**
 * An ADaM dataset as the output stage writes it (`adam/<name>.csv`): its metadata, its columns in the
 * metadata's order, and its cells (plain values) column by column. Derivations return typed records
 * (what the analysis stage uses); each has a `to…Dataset()` adapter built with `makeDataset`, which takes
 * the columns from the dataset's metadata (src/derive/metadata/), so no column list is written twice.
 */
import type { DatasetMeta, VariableMeta } from './dataset-metadata.js';
import type { DatasetContext } from './dataset-context.js';
import { RecordColumnsBuilder } from './record-columns.js';
import { tableOfColumns, tableOfRows, type CellTable } from '../output/cell-table.js';

export type Cell = string | number | null;

export interface AdamDataset {
  /** Lower-case file stem (`adsl`): the dataset is written as `adam/<name>.csv`. */
  readonly name: string;
  /** The metadata the rows were made from, as the run writes it (arm codelists dropped when blinded). */
  readonly meta: DatasetMeta;
  /** `meta.variables` names, in order. */
  readonly columns: readonly string[];
  /** The cells column by column: what the writers read (see src/output/cell-table.ts). */
  readonly table: CellTable;
  /** The rows as objects of `columns`, made when first read (the writers read `table`). */
  readonly rows: readonly Readonly<Record<string, Cell>>[];
}

/** Records of one type and what the adapter computes of each: a dataset is made of one part or more. */
export interface DatasetPart {
  readonly records: readonly object[];
  readonly computed: ((record: never) => Readonly<Record<string, Cell | undefined>>) | undefined;
}

export function datasetPart<R extends object>(
  records: readonly R[],
  computed?: (record: R) => Readonly<Record<string, Cell | undefined>>,
): DatasetPart {
  return { records, computed };
}

/**
 * Builds the dataset `meta` describes, one row per record, holding exactly the metadata's variables in
 * order. A column is, in turn: what `computed` gives it (a constant, a renamed or a reformatted field);
 * the record's field of the same name; for a variable whose source is `ADSL.<X>`, the subject's ADSL
 * value of X (the context's subjects); `PARAM`, the decode of the row's PARAMCD in PARAMCD's codelist;
 * `AVISITN`, the code of the row's AVISIT in AVISITN's codelist. A column found nowhere, or holding
 * something other than a string, number or null, is a bug of the adapter, so it throws.
 */
export function makeDataset<R extends object>(
  meta: DatasetMeta,
  records: readonly R[],
  computed?: (record: R) => Readonly<Record<string, Cell | undefined>>,
  context?: DatasetContext,
): AdamDataset {
  return makeDatasetOfParts(meta, [datasetPart(records, computed)], context);
}

/** makeDataset of the parts' records, one after the other (adbilag: its grade records, then its visit records). */
export function makeDatasetOfParts(
  meta: DatasetMeta,
  parts: readonly DatasetPart[],
  context?: DatasetContext,
): AdamDataset {
  const runMeta = context === undefined ? meta : context.forRun(meta);
  const columns = runMeta.variables.map((v) => v.name);
  const maker = new CellMaker(meta.name.toLowerCase(), runMeta, columns, context);
  const length = parts.reduce((n, p) => n + p.records.length, 0);
  return length >= COLUMN_ROWS ? packedRows(maker, parts, length) : columnsOf(maker, parts, length);
}

/**
 * A dataset of at least this many rows is held packed (RecordColumns) while it is written, each row
 * packed as it is made: ADBIOM of a 20,000-subject lock has ~2.4M rows, ~250 bytes each as objects
 * and ~8 bytes a cell as arrays of cells.
 */
export const COLUMN_ROWS = 100_000;

/** The cells as one array per column; the rows made as objects only if asked for. */
function columnsOf(maker: CellMaker, parts: readonly DatasetPart[], length: number): AdamDataset {
  const columns = maker.columns.map(() => cellArray(length));
  fillColumns(maker, parts, columns);
  const table = tableOfColumns(maker.columns, length, columns);
  let rows: Readonly<Record<string, Cell>>[] | undefined;
  return {
    ...maker.dataset,
    table,
    get rows() {
      return (rows ??= rowsOf(maker.columns, columns, length));
    },
  };
}

/**
 * The rows packed as they are made (RecordColumnsBuilder), given back as views; the writers read them by
 * name, block by block (tableOfRows).
 */
function packedRows(maker: CellMaker, parts: readonly DatasetPart[], length: number): AdamDataset {
  const one = maker.columns.map(() => cellArray(1));
  const template = rowTemplate(maker.columns);
  let builder: RecordColumnsBuilder<Record<string, Cell>> | undefined;
  let k = 0;
  for (const { records, computed } of parts)
    for (let i = 0; i < records.length; i++, k++) {
      maker.make(records[i] as object, computed, i, one, 0);
      const row = rowAt(template, maker.columns, one, 0);
      builder ??= new RecordColumnsBuilder<Record<string, Cell>>(length, row);
      if (!builder.add(k, row)) throw new Error(`row ${k + 1} of a dataset does not have the first row's columns`);
    }
  const rows = builder === undefined ? [] : builder.finish().rows();
  return { ...maker.dataset, table: tableOfRows(maker.columns, rows), rows };
}

/**
 * Every record of the parts into the columns, row after row. The loop is a function of its own: V8
 * compiles it alone, where it compiled all of columnsOf around it (on-stack replacement).
 */
function fillColumns(maker: CellMaker, parts: readonly DatasetPart[], columns: readonly Cell[][]): void {
  let k = 0;
  for (let p = 0; p < parts.length; p++) {
    const { records, computed } = parts[p] as DatasetPart;
    for (let i = 0; i < records.length; i++) maker.make(records[i] as object, computed, i, columns, k++);
  }
}

/**
 * `length` nulls in an array of any values from the start: an array of numbers only would be held as
 * doubles, converted when a null or string comes, and box a new number at every read; and the writers'
 * reads stay monomorphic with every column of one kind.
 */
function cellArray(length: number): Cell[] {
  return new Array<Cell>(length).fill(null);
}

/** Row k of the columns as an object of `names`, in order. */
function rowAt(
  template: Record<string, Cell>,
  names: readonly string[],
  columns: readonly (readonly Cell[])[],
  k: number,
): Record<string, Cell> {
  const row: Record<string, Cell> = { ...template };
  for (let j = 0; j < names.length; j++) row[names[j] as string] = (columns[j] as readonly Cell[])[k] as Cell;
  return row;
}

function rowsOf(
  names: readonly string[],
  columns: readonly (readonly Cell[])[],
  length: number,
): Record<string, Cell>[] {
  const template = rowTemplate(names);
  return Array.from({ length }, (_, k) => rowAt(template, names, columns, k));
}

/** A column no record field nor computed value gives: made from another column of the row (`input`). */
interface Fallback {
  /** Index of the column the value is made from; −1 when the dataset has no such column. */
  readonly input: number;
  readonly value: (input: Cell | undefined) => Cell;
}

/** The cells of one record at a time, written into column arrays (see makeDataset for where each comes from). */
class CellMaker {
  private readonly fallbacks: readonly (Fallback | undefined)[];
  /** Columns of the current record left to a fallback (the first `pendingCount`: no array resized per record). */
  private readonly pending: Int32Array;
  /** The current part's plan (learnt from its first record); null when it has none. */
  private plan: ColumnPlan | null = null;
  /** Whether a column name is also a property every object has (`in` finds it): no plan then. */
  private readonly inherited: boolean;

  constructor(
    readonly name: string,
    private readonly meta: DatasetMeta,
    readonly columns: readonly string[],
    context: DatasetContext | undefined,
  ) {
    this.fallbacks = meta.variables.map((v) => fallbackOf(meta, v, columns, context));
    this.inherited = columns.some((c) => c in Object.prototype);
    this.pending = new Int32Array(columns.length);
  }

  /** The dataset's name, metadata and columns. */
  get dataset(): Pick<AdamDataset, 'name' | 'meta' | 'columns'> {
    return { name: this.name, meta: this.meta, columns: this.columns };
  }

  /** Record `i` of its part into row k of `out` (`out[j][k]`: column j). */
  make(record: object, computed: DatasetPart['computed'], i: number, out: readonly Cell[][], k: number): void {
    const { name, columns, pending } = this;
    const extra = computed?.(record as never);
    if (i === 0) {
      if (extra !== undefined) checkComputedNames(name, extra, columns);
      this.plan = this.inherited ? null : planOf(columns, extra);
    }
    const fields = record as Readonly<Record<string, unknown>>;
    const computedColumns = followsPlan(this.plan, extra) ? (this.plan as ColumnPlan).computed : null;
    let pendingCount = 0;
    for (let j = 0; j < columns.length; j++) {
      const c = columns[j] as string;
      const v =
        computedColumns === null
          ? cellSource(extra, fields, c)
          : computedColumns[j] === 1
            ? (extra as Readonly<Record<string, unknown>>)[c]
            : fieldOrFallback(fields, c);
      const column = out[j] as Cell[];
      if (v !== FALLBACK) column[k] = checkCell(name, c, v);
      else {
        column[k] = null; // what a fallback reading it before it is made sees
        pending[pendingCount++] = j;
      }
    }
    for (let p = 0; p < pendingCount; p++) {
      const j = pending[p] as number;
      const c = columns[j] as string;
      const f = this.fallbacks[j];
      if (f === undefined) throw new Error(`dataset ${name}: column ${c} of a row is missing`);
      const input = f.input < 0 ? undefined : (out[f.input] as Cell[])[k];
      (out[j] as Cell[])[k] = checkCell(name, c, f.value(input));
    }
  }
}

/**
 * Which columns a part's records take from the computed values: the names the adapter computed for the
 * part's first record. cellSource looks each column up in the computed values, then in the record
 * (up to four keyed lookups a cell, ~20 columns × every record); a record whose computed values have
 * these names, in this order (as an adapter's object literal has for every record), gives the same
 * cells with one lookup a cell: the computed value of a computed column, the record's field of any
 * other. A record whose computed values have other names is looked up cell by cell (cellSource).
 */
interface ColumnPlan {
  /** The computed names, in the order the object lists them. */
  readonly names: readonly string[];
  /** 1 for a column among them, by column index. */
  readonly computed: Uint8Array;
}

function planOf(columns: readonly string[], extra: Readonly<Record<string, unknown>> | undefined): ColumnPlan | null {
  if (extra !== undefined && Object.getPrototypeOf(extra) !== Object.prototype) return null;
  const names = extra === undefined ? [] : Object.keys(extra);
  return { names, computed: Uint8Array.from(columns, (c) => (names.includes(c) ? 1 : 0)) };
}

/**
 * Whether the computed values of a record have exactly the plan's names, in order: a plain object whose
 * for-in keys (its own enumerable ones: an object literal has no other) are the plan's.
 */
function followsPlan(plan: ColumnPlan | null, extra: Readonly<Record<string, unknown>> | undefined): boolean {
  if (plan === null) return false;
  if (extra === undefined) return plan.names.length === 0;
  if (Object.getPrototypeOf(extra) !== Object.prototype) return false;
  const { names } = plan;
  let n = 0;
  for (const key in extra) if (key !== names[n++]) return false;
  return n === names.length;
}

/** cellSource of a column the computed values do not have: the record's field, else FALLBACK. */
function fieldOrFallback(fields: Readonly<Record<string, unknown>>, c: string): unknown {
  const v = fields[c];
  return v !== undefined || c in fields ? v : FALLBACK;
}

const FALLBACK = Symbol('fallback');

/**
 * Column c of a row: `extra`'s if it has c, else the record's field c, else FALLBACK. One keyed read
 * per source in the usual case (`in` only when a read gives undefined): ~20 columns × every record of
 * every dataset.
 */
export function cellSource(
  extra: Readonly<Record<string, unknown>> | undefined,
  fields: Readonly<Record<string, unknown>>,
  c: string,
): unknown {
  if (extra !== undefined) {
    const v = extra[c];
    if (v !== undefined || c in extra) return v;
  }
  const v = fields[c];
  return v !== undefined || c in fields ? v : FALLBACK;
}

/** A computed column the metadata does not have is a misspelt or stale adapter: checked on the first row. */
function checkComputedNames(name: string, extra: Readonly<Record<string, unknown>>, columns: readonly string[]): void {
  const unknown = Object.keys(extra).filter((k) => !columns.includes(k));
  if (unknown.length > 0)
    throw new Error(`dataset ${name}: the adapter computes ${unknown.join(', ')}, not in the metadata`);
}

function checkCell(name: string, column: string, v: unknown): Cell {
  if (v !== null && typeof v !== 'string' && typeof v !== 'number')
    throw new Error(`dataset ${name}: column ${column} of a row is ${v === undefined ? 'missing' : `a ${typeof v}`}`);
  return v;
}

/** The metadata-driven value of a column no record field gives (see makeDataset); undefined if none. */
function fallbackOf(
  meta: DatasetMeta,
  v: VariableMeta,
  columns: readonly string[],
  context: DatasetContext | undefined,
): Fallback | undefined {
  if (context === undefined) return undefined;
  if (v.source?.startsWith('ADSL.') === true) {
    const adslName = v.source.slice('ADSL.'.length);
    return { input: columns.indexOf('USUBJID'), value: lastSubjectValue(context, adslName, meta.name) };
  }
  const codelistOf = (name: string): string | undefined => meta.variables.find((x) => x.name === name)?.codelist;
  if (v.name === 'PARAM') {
    const id = codelistOf('PARAMCD');
    return id === undefined
      ? undefined
      : { input: columns.indexOf('PARAMCD'), value: (paramcd) => context.decode(id, paramcd ?? null) };
  }
  if (v.name === 'AVISITN' && v.codelist !== undefined) {
    const id = v.codelist;
    return { input: columns.indexOf('AVISIT'), value: (avisit) => context.encode(id, avisit ?? null) };
  }
  return undefined;
}

/**
 * The subject's ADSL value of `variable`, remembered for the last subject asked: the records of a
 * dataset come grouped by subject, so most rows ask for the subject of the row before.
 */
function lastSubjectValue(
  context: DatasetContext,
  variable: string,
  dataset: string,
): (usubjid: Cell | undefined) => Cell {
  let lastSubject: Cell | undefined;
  let lastValue: Cell = null;
  let known = false;
  return (usubjid) => {
    if (!known || usubjid !== lastSubject) {
      lastValue = context.subjectValue(String(usubjid), variable, dataset);
      lastSubject = usubjid;
      known = true;
    }
    return lastValue;
  };
}

/**
 * An object with every column, in order, cloned per row: the clone has its fields inside the object,
 * where a row grown one computed-name store at a time keeps them in a separate store reallocated as it
 * grows (measured on node 20 with 15 columns: 155 against 179 bytes a row, 0.45 against 0.58 µs).
 */
function rowTemplate(columns: readonly string[]): Record<string, Cell> {
  const template: Record<string, Cell> = {};
  for (const c of columns) template[c] = null;
  // Built by computed-name stores, the template itself is slow to clone; JSON.parse gives it a fixed shape.
  return JSON.parse(JSON.stringify(template)) as Record<string, Cell>;
}
