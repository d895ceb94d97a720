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

export interface TableRead<R> {
  readonly rows: readonly Loose<R>[];
  /** Same order as `rows`: true when every cell of that row passed its column's rules. */
  readonly sound: readonly boolean[];
  /** Columns of the schema present in the header. */
  readonly present: ReadonlySet<string>;
  /** False when a non-optional column is missing: rules that need it must not run. */
  readonly complete: boolean;
}

interface Bound {
  readonly name: string;
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
}

/** A header column the schema does not know: kept and ignored, but its cells obey the character rule. */
interface Extra {
  readonly name: string;
  readonly index: number;
}

/** Checks that run on one sound row; `report(column, rule)` files an issue on that row. */
export type RowRule<R> = (row: Loose<R>, report: (column: string, rule: string) => void) => void;

export function readTable<R>(schema: TableSchema<R>, table: CsvTable, issues: Issue[], rule?: RowRule<R>): TableRead<R> {
  const { file } = schema;
  const columns = bindColumns(schema, table, issues);
  const extras = extraColumns(schema, table);
  const complete = columns.every((c) => c.index !== -1 || c.spec.req === 'O');
  const rows: Loose<R>[] = [];
  const sound: boolean[] = [];
  const template = rowTemplate(columns);
  table.visit((rec) => {
    const row: Record<string, unknown> = { ...template };
    row.src = { file, line: rec.line };
    let ok = true;
    for (const c of columns) {
      const rule = c.index === -1 ? null : readCell(c, rec, row);
      if (c.index === -1) setMissing(c, row);
      if (rule !== null) {
        ok = false;
        setMissing(c, row);
        issues.push(issue('error', file, rule, rec.line, c.name));
      }
    }
    for (const x of extras) {
      const broken = rec.isEmpty(x.index) ? null : characterRule(rec.field(x.index));
      if (broken !== null) issues.push(issue('error', file, broken, rec.line, x.name));
    }
    rows.push(row as Loose<R>);
    sound.push(ok);
    if (ok && rule !== undefined) rule(row as Loose<R>, (column, r) => issues.push(issue('error', file, r, rec.line, column)));
  });
  for (const c of columns) if (c.rounded.count > 0) issues.push(roundingNotice(file, c));
  return { rows, sound, present: new Set(columns.filter((c) => c.index !== -1).map((c) => c.name)), complete };
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
    if (broken === null && trimCell(raw) !== name) issues.push(issue('error', file, `column name must be upper case: ${name}`, line, raw));
    if (where.has(name)) {
      issues.push(issue('error', file, `column ${name} appears twice in the header`, line, raw));
      return;
    }
    where.set(name, i);
  });
  return Object.entries(schema.columns as Record<string, ColumnSpec>).map(([name, spec]) => {
    const index = where.get(name) ?? -1;
    if (index === -1 && spec.req !== 'O') issues.push(issue('error', file, `required column ${name} is missing`, line, name));
    const decName = spec.decimals === true ? `${name}_DEC` : null;
    const terms = spec.terms === undefined ? null : new Set(spec.terms);
    return { name, decName, spec, index, terms, valid: new FieldDictionary<Cell>(), rounded: { count: 0, line: 0, text: '', value: 0 } };
  });
}

function setMissing(c: Bound, row: Record<string, unknown>): void {
  row[c.name] = null;
  if (c.decName !== null) row[c.decName] = null;
}

/** Stores the value of the record's cell of column `c` in `row`; returns the rule broken, or null. */
function readCell(c: Bound, rec: CsvFields, row: Record<string, unknown>): string | null {
  if (rec.isEmpty(c.index)) {
    setMissing(c, row);
    return c.spec.req === 'Y' ? 'required value is missing' : null;
  }
  let cell = c.valid.get(rec, c.index);
  if (cell === undefined) {
    const parsed = parseCell(c, rec.field(c.index));
    if (typeof parsed === 'string') return parsed;
    c.valid.set(rec, c.index, (cell = parsed));
  }
  if (cell.value === null) {
    setMissing(c, row);
    return c.spec.req === 'Y' ? 'required value is missing' : null;
  }
  if (cell.rounded && c.rounded.count++ === 0) {
    Object.assign(c.rounded, { line: rec.line, text: trimCell(rec.field(c.index)), value: cell.value });
  }
  row[c.name] = cell.value;
  if (c.decName !== null) row[c.decName] = cell.decimals;
  return null;
}

const PADDING_ONLY: Cell = { value: null, decimals: null, rounded: false };

/** The value of a non-empty cell (its ASCII padding trimmed), or the rule it breaks. */
function parseCell(c: Bound, raw: string): Cell | string {
  const { name, spec } = c;
  const broken = characterRule(raw);
  if (broken !== null) return broken;
  const text = trimCell(raw);
  if (text === '') return PADDING_ONLY;
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
  return { value, decimals, rounded: rounded !== null };
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
