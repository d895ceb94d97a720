/**
 * Self-contained HTML (one file, inline CSS, no scripts, no external resources) from a print form.
 * A browser does not paginate, so the table shows the unpaginated body rows under one header. Value
 * cells are decimal-aligned as in the RTF: padded with spaces to their column's shape and kept by
 * `white-space:pre` in a fixed-pitch font, so the alignment survives copying into another program.
 * Every text is escaped; nothing depends on the clock.
 */
import { ardKeyText } from '../ard/types.js';
import type { ValueKey } from './ard-lookup.js';
import { printedCell } from './print-form.js';
import type { Printable, PrintFrame, PrintRow } from './print-form.js';

const HTML_SPECIAL = /[&<>"']/;
const HTML_SPECIALS = /[&<>"']/g;
const HTML_ENTITY: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  // Most cells hold none of the five characters: one test; the others (the data-ard JSON) one pass.
  if (!HTML_SPECIAL.test(text)) return text;
  return text.replace(HTML_SPECIALS, (c) => HTML_ENTITY[c] as string);
}

const CSS = [
  'body{font-family:"Courier New",Courier,monospace;font-size:10pt;margin:2em;}',
  '.titles p{text-align:center;margin:0;}',
  '.titles p.mark{font-weight:bold;}',
  '.titles p.trace{text-align:left;}',
  'table{border-collapse:collapse;margin:1em auto;}',
  'thead tr:first-child th{border-top:1px solid #000;}',
  'thead tr:last-child th{border-bottom:1px solid #000;}',
  'tbody tr:last-child td{border-bottom:1px solid #000;}',
  'th,td{padding:0.1em 0.8em;text-align:center;white-space:pre;}',
  'th.stub,td.stub{text-align:left;}',
  'tr.separator td{height:1em;}',
  '.footnotes p{margin:0;}',
].join('\n');

function bodyRow(form: PrintFrame, row: PrintRow): string {
  if (row.kind === 'separator') return `<tr class="separator"><td colspan="${row.cells.length}"></td></tr>`;
  // Indexed, not destructured (`[label, ...values]` steps an iterator, a result object per cell).
  const label = row.cells[0] ?? '';
  const stubStyle = row.indent > 0 ? ` style="padding-left:${0.8 + 1.2 * row.indent}em"` : '';
  let cells = '';
  for (let i = 1; i < row.cells.length; i++) {
    const v = row.cells[i] as string;
    cells += `<td${ardAttributes(row.ardKeys?.[i - 1])}>${escapeHtml(printedCell(form, v, i))}</td>`;
  }
  return `<tr class="${row.kind}"><td class="stub"${stubStyle}>${escapeHtml(label)}</td>${cells}</tr>`;
}

/** Characters JSON.stringify writes other than as themselves. */
const JSON_ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;
/** A character escapeHtml or JSON.stringify changes. */
const HTML_OR_JSON_ESCAPED = /[&<>"'\\\u0000-\u001f\ud800-\udfff]/;

/**
 * `data-ard`: the keys of the ARD rows a cell shows, as a JSON array (a key may hold spaces or `;`, as
 * AE terms and medication names do), and a `title` a reader sees on hover, one key a line, so every
 * number can be traced to its row of ard.csv.
 */
export function ardAttributes(keys: readonly ValueKey[] | undefined): string {
  if (keys === undefined || keys.length === 0) return '';
  // Escaping works character by character, so each key is escaped on its own (most need nothing)
  // rather than the whole JSON array, whose quotes always need it; a key JSON writes as it is (no
  // quote, backslash, control character or surrogate) serves both attributes from one escaping.
  let json = '';
  let title = 'ard.csv:';
  // By index: `keys.entries()` with a destructured pair steps two iterators per key.
  for (let i = 0; i < keys.length; i++) {
    const key = ardKeyText(keys[i] as ValueKey);
    // Nearly every key needs neither escaping: one test for both.
    const plain = !HTML_OR_JSON_ESCAPED.test(key);
    const escaped = plain ? key : escapeHtml(key);
    const inJson = plain || !JSON_ESCAPED.test(key) ? escaped : escapeHtml(JSON.stringify(key).slice(1, -1));
    json += `${i === 0 ? '' : ','}&quot;${inJson}&quot;`;
    title += `&#10;${key.includes('\n') ? escaped.replace(/\n/g, '&#10;') : escaped}`;
  }
  return ` data-ard="[${json}]" title="${title}"`;
}

function headerRow(cells: readonly string[]): string {
  return `<tr>${cells.map((c, i) => `<th${i === 0 ? ' class="stub"' : ''}>${escapeHtml(c)}</th>`).join('')}</tr>`;
}

export function renderHtml(form: Printable): string {
  return [...renderHtmlPieces(form)].join('');
}

/**
 * Characters after which renderHtmlPieces ends a piece (at a row's end). A string of more than 128 KiB
 * (64 Ki characters of UTF-16) goes to V8's large-object space, fresh pages for each one: a piece of a
 * thousand rows (~0.2–0.7 MB) cost ~40 times as much to join as the same rows in pieces of ~16,000
 * characters, which stay in the young generation.
 */
const PIECE_CHARS = 16_000;

/** renderHtml's text in pieces of about PIECE_CHARS characters, whole rows each (joined, the same bytes; see renderRtfPieces). */
export function* renderHtmlPieces(form: Printable): Generator<string> {
  const titles = [
    ...(form.trace === null ? [] : [`<p class="trace">${escapeHtml(form.trace)}</p>`]),
    ...form.marks.map((m) => `<p class="mark">${escapeHtml(m)}</p>`),
    ...form.titleLines.map((t) => `<p>${escapeHtml(t)}</p>`),
  ].join('\n');
  yield [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(form.titleLines[0] ?? form.id)}</title>`,
    `<style>\n${CSS}\n</style>`,
    '</head>',
    '<body>',
    `<div class="titles">\n${titles}\n</div>`,
    '<table>',
    `<thead>\n${form.header.map(headerRow).join('\n')}\n</thead>`,
    '<tbody>\n',
  ].join('\n');
  // A piece after the first begins with the line break after the last piece's last row: a '' first
  // entry, so that one join makes the piece (a prefix added to the joined rows is copied again when written).
  let rows: string[] = [];
  let chars = 0;
  for (const r of form.rows) {
    const row = bodyRow(form, r);
    rows.push(row);
    chars += row.length + 1;
    if (chars < PIECE_CHARS) continue;
    yield rows.join('\n');
    rows = [''];
    chars = 0;
  }
  if (chars > 0) yield rows.join('\n');
  yield `${[
    '\n</tbody>',
    '</table>',
    `<div class="footnotes">\n${form.footnotes.map((f) => `<p>${escapeHtml(f)}</p>`).join('\n')}\n</div>`,
    '</body>',
    '</html>',
    '',
  ].join('\n')}`;
}
