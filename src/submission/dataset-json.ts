/**
 * CDISC Dataset-JSON v1.1 (https://github.com/cdisc-org/DataExchange-DatasetJson): one dataset per file,
 * attributes in the order the specification recommends (so that streaming readers find the columns
 * before the rows), one row per line. Values are the CSV's: text as strings (an empty string stays
 * `""`), numbers as JSON numbers printed as the CSV prints them (shortest round trip; −0 as 0), dates as
 * ISO 8601 strings with `targetDataType: "integer"` and the SAS display format (the ADaM case of the
 * specification), missing as null. The creation datetime is the lock date, never the clock.
 */
import type { DatasetMeta, VariableType } from '../derive/dataset-metadata.js';
import { specialAscii, TextBytes } from '../output/text-bytes.js';
import type { Cell, CellTable } from '../output/cell-table.js';
import { cellTableOf, columnSpecs, lockDateTime, type ColumnSpec, type SubmissionCells } from './columns.js';

export interface DatasetJsonContext {
  /** `YYYY-MM-DD` of lock.json: `datasetJSONCreationDateTime` and `dbLastModifiedDateTime`. */
  readonly lockedAt: string;
  /** ODM Study/@OID, also in Define-XML. */
  readonly studyOID: string;
  /** ODM MetaDataVersion/@OID, also in Define-XML. */
  readonly metaDataVersionOID: string;
  readonly originator: string;
  readonly sourceSystem: { readonly name: string; readonly version: string };
}

export const DATASET_JSON_VERSION = '1.1.0';

/** Dataset-JSON `dataType` of each metadata type (float is ODM float: a JSON number). */
const DATA_TYPE: Readonly<Record<VariableType, string>> = {
  text: 'string',
  integer: 'integer',
  float: 'float',
  date: 'date',
};

/** `IG.ADSL`: the dataset's ItemGroupDef OID in Define-XML. */
export function itemGroupOid(meta: DatasetMeta): string {
  return `IG.${meta.name}`;
}

/** `IT.ADSL.AGE`: the variable's ItemDef OID in Define-XML. */
export function itemOid(meta: DatasetMeta, variable: string): string {
  return `IT.${meta.name}.${variable}`;
}

/**
 * The Dataset-JSON text of one dataset (UTF-8, ends with a newline). Throws SubmissionError on bad input.
 * `specs` are the rows' column specs when the caller has them already (columnSpecs of the same rows).
 */
export function writeDatasetJson(
  meta: DatasetMeta,
  rows: SubmissionCells,
  ctx: DatasetJsonContext,
  specs: readonly ColumnSpec[] = columnSpecs(`${meta.name.toLowerCase()}.json`, meta, rows),
): string {
  return [...writeDatasetJsonPieces(meta, rows, ctx, specs)].join('');
}

/**
 * writeDatasetJson's text in pieces of at most RECORDS_PER_PIECE rows and about PIECE_BYTES (text-bytes.ts; joined, the same bytes), made as
 * they are written: the Dataset-JSON of a large dataset (~0.3 GB for 20,000 subjects' BILAG) is then
 * never one string, nor an array of row strings beside it. The input is checked before the first piece.
 */
export function writeDatasetJsonPieces(
  meta: DatasetMeta,
  rows: SubmissionCells,
  ctx: DatasetJsonContext,
  specs: readonly ColumnSpec[] = columnSpecs(`${meta.name.toLowerCase()}.json`, meta, rows),
): Generator<string> {
  const created = lockDateTime(ctx.lockedAt);
  const table = cellTableOf(meta, rows);
  const head = {
    datasetJSONCreationDateTime: created,
    datasetJSONVersion: DATASET_JSON_VERSION,
    fileOID: `${ctx.studyOID}.${meta.name}`,
    dbLastModifiedDateTime: created,
    originator: ctx.originator,
    sourceSystem: { name: ctx.sourceSystem.name, version: ctx.sourceSystem.version },
    studyOID: ctx.studyOID,
    metaDataVersionOID: ctx.metaDataVersionOID,
    metaDataRef: 'define.xml',
    itemGroupOID: itemGroupOid(meta),
    records: table.length,
    name: meta.name,
    label: meta.label,
    columns: specs.map((s) => column(meta, s)),
  };
  const opening = JSON.stringify(head).slice(0, -1); // the object without its closing brace
  return jsonPieces(opening, table);
}

/**
 * `opening,"rows":[` + one line per row (`,\n` between, `\n` around unless empty) + `]}\n`. A row is
 * the JSON.stringify of its values' array, built as bytes (TextBytes): no array, no string per value.
 */
function* jsonPieces(opening: string, table: CellTable): Generator<string> {
  yield `${opening},"rows":[`;
  const out = new TextBytes();
  for (const { start, length, columns } of table.blocks())
    for (let k = 0; k < length; k++) {
      out.appendCode(start + k === 0 ? LF : COMMA);
      if (start + k > 0) out.appendCode(LF);
      appendJsonRow(out, columns, k);
      const piece = out.endRecord();
      if (piece !== undefined) yield piece;
    }
  const last = out.lastPiece();
  if (last !== undefined) yield last;
  yield `${table.length === 0 ? '' : '\n'}]}\n`;
}

const LF = 0x0a;
const COMMA = 0x2c;
const QUOTE = 0x22;
/** `"`, `\` and the control characters: JSON.stringify escapes them in a string. */
const ESCAPED = specialAscii([QUOTE, 0x5c, ...Array.from({ length: 0x20 }, (_, c) => c)]);

/** `JSON.stringify(columns.map((c) => c[k] ?? null))`, appended. */
function appendJsonRow(out: TextBytes, columns: readonly (readonly Cell[])[], k: number): void {
  out.appendCode(0x5b);
  for (let j = 0; j < columns.length; j++) {
    if (j > 0) out.appendCode(COMMA);
    appendJsonValue(out, (columns[j] as readonly Cell[])[k] ?? null);
  }
  out.appendCode(0x5d);
}

/**
 * `JSON.stringify(value)`, appended: a number as String prints it (JSON.stringify's own rule; a value
 * that is not finite is null), a plain ASCII text between quotes as it is, any other text as
 * JSON.stringify escapes it.
 */
function appendJsonValue(out: TextBytes, value: string | number | null): void {
  if (value === null) out.append('null');
  else if (typeof value === 'number') {
    if (Number.isFinite(value)) out.appendNumber(value);
    else out.append('null');
  } else {
    out.appendCode(QUOTE);
    if (!out.appendPlainAscii(value, ESCAPED)) out.append(JSON.stringify(value).slice(1, -1));
    out.appendCode(QUOTE);
  }
}

/** One column object, attributes in the specification's order. */
function column(meta: DatasetMeta, s: ColumnSpec): Record<string, string | number> {
  const v = s.meta;
  return {
    itemOID: itemOid(meta, v.name),
    name: v.name,
    label: v.label,
    dataType: DATA_TYPE[v.type],
    ...(v.type === 'date' ? { targetDataType: 'integer' } : {}),
    ...(v.type === 'text' ? { length: s.length } : {}),
    ...(v.displayFormat !== undefined ? { displayFormat: v.displayFormat } : {}),
    ...(s.keySequence !== undefined ? { keySequence: s.keySequence } : {}),
  };
}
