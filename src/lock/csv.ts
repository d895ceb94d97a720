/**
 * RFC 4180 CSV with the physical line where each record starts (header = line 1), as the diagnostics
 * contract needs (../shared/cli.md).
 *
 * csv-parse is the authority on quoting. It costs ~8 µs per record with `info: true`, i.e. 8 s for a
 * lock of 1M QS rows, and its `info.lines` does not count line breaks inside quoted fields. So records
 * are first delimited by line: a line without any `"` is, under RFC 4180, exactly its fields split on
 * `,`; a line with quotes is joined with the following lines until its quotes balance and that record
 * alone is handed to csv-parse (the original bytes, CRLF kept inside quoted fields). Records start on the
 * line they are delimited from, so line numbers are exact.
 *
 * Accepted: a UTF-8 byte-order mark, CRLF or LF line ends, a final line with or without a line end.
 * Blank lines are skipped (they carry no record). A record whose number of fields differs from the
 * header's is an issue on its line and is dropped (csv-parse's `relax_column_count: false`, without
 * stopping at the first one).
 */
import { parse } from 'csv-parse/sync';
import { issue, type Issue } from '../core/issues.js';

export interface CsvRecord {
  readonly fields: readonly string[];
  /** Physical line where the record starts (header = 1). */
  readonly line: number;
}

export interface CsvTable {
  readonly header: readonly string[];
  readonly headerLine: number;
  /**
   * The data records, parsed lazily so that a large file never exists twice in memory (as text and as
   * records): iterate once. Defects found on the way (field count, quoting) are appended to the
   * `issues` given to `parseCsv`, and their records skipped.
   */
  readonly records: Iterable<CsvRecord>;
}

/** Records per csv-parse call: one call per quoted record would cost ~12 µs each, a batch ~7 µs. */
const BLOCK = 4096;

/**
 * Parses CSV text (already decoded); `file` names the file in issues. Null (with an issue) when the file
 * holds no header.
 */
export function parseCsv(text: string, file: string, issues: Issue[]): CsvTable | null {
  const raw = delimitRecords(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  let header: CsvRecord | null = null;
  while (header === null) {
    const next = raw.next();
    if (next.done === true) {
      issues.push(issue('error', file, 'file is empty: no header row'));
      return null;
    }
    const [fields] = resolveFields([next.value], file, issues);
    if (fields != null) header = { fields, line: next.value.line };
  }
  const width = header.fields.length;
  return { header: header.fields, headerLine: header.line, records: dataRecords(raw, width, file, issues) };
}

function* dataRecords(raw: Iterator<RawRecord>, width: number, file: string, issues: Issue[]): Generator<CsvRecord> {
  let block: RawRecord[] = [];
  for (let next = raw.next(); ; next = raw.next()) {
    if (next.done !== true) block.push(next.value);
    if (block.length < BLOCK && next.done !== true) continue;
    const fields = resolveFields(block, file, issues);
    for (let i = 0; i < block.length; i++) {
      const f = fields[i];
      const line = (block[i] as RawRecord).line;
      if (f == null) continue;
      if (f.length !== width) {
        issues.push(issue('error', file, `row has ${f.length} fields, the header has ${width}`, line));
        continue;
      }
      yield { fields: f, line };
    }
    if (next.done === true) return;
    block = [];
  }
}

/** Fields of each record (null for a quoting error, reported): unquoted by split, quoted by csv-parse. */
function resolveFields(block: readonly RawRecord[], file: string, issues: Issue[]): (string[] | null)[] {
  const quoted = block.filter((r) => r.quoted);
  const parsed = quoted.length === 0 ? [] : parseQuoted(quoted, file, issues);
  let j = 0;
  return block.map((r) => (r.quoted ? (parsed[j++] ?? null) : r.text.split(',')));
}

const CSV_OPTIONS = { relax_column_count: true, record_delimiter: '\n', skip_empty_lines: false } as const;

/** One csv-parse call for the whole batch; only when it fails, one call per record to place the error. */
function parseQuoted(records: readonly RawRecord[], file: string, issues: Issue[]): (string[] | null)[] {
  try {
    const rows = parse(records.map((r) => r.text).join('\n'), CSV_OPTIONS) as string[][];
    if (rows.length === records.length) return rows;
  } catch {
    // fall through: find which record is malformed
  }
  return records.map((r) => parseQuotedRecord(r.text, r.line, file, issues));
}

interface RawRecord {
  readonly text: string;
  readonly line: number;
  readonly quoted: boolean;
}

/** Splits text into record texts by line ends outside quoted fields; blank lines are dropped. */
function* delimitRecords(text: string): Generator<RawRecord> {
  const len = text.length;
  let pos = 0;
  let line = 1;
  while (pos < len) {
    const start = pos;
    const startLine = line;
    let nl = text.indexOf('\n', pos);
    let end = nl === -1 ? len : nl;
    const first = stripCr(text, start, end);
    if (first.indexOf('"') === -1) {
      pos = end + 1;
      line++;
      if (first.length > 0) yield { text: first, line: startLine, quoted: false };
      continue;
    }
    // A quote that does not open a field cannot start a multi-line field: keep the line alone and let
    // csv-parse word the error, rather than swallowing the lines that follow.
    let quotes = opensQuotedField(first) ? countQuotes(first) : 0;
    while (quotes % 2 === 1 && nl !== -1) {
      pos = nl + 1;
      line++;
      nl = text.indexOf('\n', pos);
      end = nl === -1 ? len : nl;
      quotes += countQuotes(text.slice(pos, end));
    }
    pos = end + 1;
    line++;
    yield { text: stripCr(text, start, end), line: startLine, quoted: true };
  }
}

function stripCr(text: string, start: number, end: number): string {
  return end > start && text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
}

function countQuotes(s: string): number {
  let n = 0;
  for (let i = s.indexOf('"'); i !== -1; i = s.indexOf('"', i + 1)) n++;
  return n;
}

/** True when the first quote of the line sits at the start of a field. */
function opensQuotedField(s: string): boolean {
  const q = s.indexOf('"');
  return q === 0 || s.charCodeAt(q - 1) === 44;
}

function parseQuotedRecord(text: string, line: number, file: string, issues: Issue[]): string[] | null {
  try {
    const rows = parse(text, CSV_OPTIONS) as string[][];
    const first = rows[0];
    if (rows.length === 1 && first !== undefined) return first;
    issues.push(issue('error', file, 'malformed quoting: a quoted field does not end where the record ends', line));
  } catch (e) {
    issues.push(issue('error', file, `malformed quoting: ${quotingMessage(e)}`, line));
  }
  return null;
}

const QUOTING_RULES: Readonly<Record<string, string>> = {
  INVALID_OPENING_QUOTE: 'a quote inside a field that is not quoted (quote the whole field and double the quote)',
  CSV_INVALID_CLOSING_QUOTE: 'text after the closing quote of a quoted field',
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed',
};

/** csv-parse's error in a data manager's words (its own message carries a record-relative line). */
function quotingMessage(e: unknown): string {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
  return QUOTING_RULES[code] ?? (e instanceof Error ? e.message.replace(/\s*(?:at|on) line \d+.*$/s, '') : String(e));
}
