import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { FieldDictionary, parseCsv, type CsvRecord } from '../../src/lock/csv.js';
import type { Issue } from '../../src/core/issues.js';

function read(text: string): { header: readonly string[] | null; records: CsvRecord[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const t = parseCsv(text, 'f.csv', issues);
  const records = t === null ? [] : [...t.records];
  return { header: t?.header ?? null, records, issues };
}

describe('parseCsv: records and the physical line where each starts (header = 1)', () => {
  it('reads LF and CRLF files alike, with or without a final line end, BOM ignored', () => {
    for (const text of ['\ufeffA,B\r\n1,2\r\n3,4\r\n', 'A,B\n1,2\n3,4', 'A,B\r\n1,2\n3,4\n']) {
      const r = read(text);
      expect(r.header).toEqual(['A', 'B']);
      expect(r.records).toEqual([
        { fields: ['1', '2'], line: 2 },
        { fields: ['3', '4'], line: 3 },
      ]);
      expect(r.issues).toEqual([]);
    }
  });
  it('keeps quoted commas, doubled quotes and line breaks, and counts the lines a record spans', () => {
    const r = read('A,B\n"x, y","say ""hi"""\n"two\r\nlines",z\n"three\nmore\nlines",w\nlast,1\n');
    expect(r.records).toEqual([
      { fields: ['x, y', 'say "hi"'], line: 2 },
      { fields: ['two\r\nlines', 'z'], line: 3 },
      { fields: ['three\nmore\nlines', 'w'], line: 5 },
      { fields: ['last', '1'], line: 8 },
    ]);
  });
  it('skips blank lines without losing count', () => {
    expect(read('A,B\n\n1,2\n\n\n3,4\n').records.map((r) => r.line)).toEqual([3, 6]);
  });
  it('reports a row with the wrong number of fields on its line and keeps reading', () => {
    const r = read('A,B\n1,2\n1,2,3\n4\n5,6\n');
    expect(r.records.map((x) => x.line)).toEqual([2, 5]);
    expect(r.issues).toEqual([
      { severity: 'error', file: 'f.csv', line: 3, rule: 'row has 3 fields, the header has 2' },
      { severity: 'error', file: 'f.csv', line: 4, rule: 'row has 1 fields, the header has 2' },
    ]);
  });
  it('reports malformed quoting on the line of its record, in plain words, and keeps reading', () => {
    const r = read('A,B\nab"c,d\n"ab"c,d\n1,2\n"open,3\n');
    expect(r.records).toEqual([{ fields: ['1', '2'], line: 4 }]);
    expect(r.issues.map((i) => [i.line, i.rule])).toEqual([
      [2, 'malformed quoting: a quote inside a field that is not quoted (quote the whole field and double the quote)'],
      [3, 'malformed quoting: text after the closing quote of a quoted field'],
      [5, 'malformed quoting: a quoted field is never closed'],
    ]);
  });
  it('refuses a file with CR-only line ends at line 1 (never one long header with no rows)', () => {
    for (const text of ['A,B\r1,2\r3,4\r', '"A","B"\r"1","2"\r', 'A\r1\r', '\ufeffA,B\r1,2']) {
      const r = read(text);
      expect(r.header, JSON.stringify(text)).toBeNull();
      expect(r.issues).toEqual([
        {
          severity: 'error',
          file: 'f.csv',
          line: 1,
          rule: 'line ends are CR only (old Mac / Excel "CSV (Macintosh)"): the file would read as one header and no rows; save it with CRLF or LF line ends',
        },
      ]);
    }
  });
  it('reports a bare CR outside quotes in a data line on that line; CR and CRLF inside quotes are text', () => {
    const r = read('A,B\n1,2\r3,4\n5,6\n"x\r\ny",7\n');
    expect(r.records).toEqual([
      { fields: ['5', '6'], line: 3 },
      { fields: ['x\r\ny', '7'], line: 4 },
    ]);
    expect(r.issues.map((i) => [i.line, i.rule])).toEqual([
      [
        2,
        'a CR not followed by LF outside a quoted field: a line must end in CRLF or LF (CR-only line ends are not read)',
      ],
    ]);
  });
  it('says when there is no header', () => {
    expect(read('').issues).toEqual([{ severity: 'error', file: 'f.csv', rule: 'file is empty: no header row' }]);
    expect(read('\n\n').header).toBeNull();
  });
  it('reads more records than one csv-parse batch, quoted ones among them, in order', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => (i % 7 === 0 ? `"q,${i}",${i}` : `p${i},${i}`));
    const r = read(`A,B\n${rows.join('\n')}\n`);
    expect(r.records).toHaveLength(10_000);
    expect(r.records[7]).toEqual({ fields: ['q,7', '7'], line: 9 });
    expect(r.records[9_999]).toEqual({ fields: ['p9999', '9999'], line: 10_001 });
  });
});

// Property: for any table, what csv-stringify writes (quoting only where needed, or every field; LF or
// CRLF) reads back field for field, and each record's line is 1 + the line breaks written before it.
describe('parseCsv agrees with csv-stringify and csv-parse on random tables', () => {
  const cell = fc.string({ unit: fc.constantFrom('a', 'B', '1', ' ', ',', '"', '\n', '\r\n', 'é', '.'), maxLength: 6 });
  const table = fc.integer({ min: 1, max: 4 }).chain((w) =>
    fc.tuple(
      fc.array(fc.string({ unit: fc.constantFrom('A', 'B', 'C'), minLength: 1, maxLength: 3 }), {
        minLength: w,
        maxLength: w,
      }),
      fc.array(fc.array(cell, { minLength: w, maxLength: w }), { maxLength: 8 }),
      fc.boolean(),
      fc.boolean(),
    ),
  );
  it('round trip with exact start lines', () => {
    fc.assert(
      fc.property(table, ([header, rows, quoteAll, crlf]) => {
        // A one-column record whose only field is empty is a blank line, which carries no record.
        fc.pre(header.length > 1 || rows.every((r) => r[0] !== ''));
        const eol = crlf ? '\r\n' : '\n';
        // csv-stringify quotes a field holding the record delimiter only; a bare LF in an unquoted field
        // of a CRLF file is a line end for a reader that accepts LF files too, so quote every line break.
        const opts = { record_delimiter: eol, quoted: quoteAll, quoted_match: /[\r\n]/ };
        const head = stringify([header], opts);
        const body = rows.map((r) => stringify([r], opts));
        const r = read(head + body.join(''));
        expect(r.issues).toEqual([]);
        expect(r.records.map((x) => x.fields)).toEqual(rows);
        let line = 1 + (head.match(/\n/g)?.length ?? 0);
        const lines = body.map((b) => {
          const start = line;
          line += b.match(/\n/g)?.length ?? 0;
          return start;
        });
        expect(r.records.map((x) => x.line)).toEqual(lines);
        expect(r.records.map((x) => x.fields)).toEqual((parse(head + body.join('')) as string[][]).slice(1));
      }),
      { numRuns: 300, seed: 20270115 },
    );
  });
});

// `visit` is the reader's fast path: whatever `records` gives (fields, lines, issues), `visit` must give
// too, on any text — broken quoting and wrong field counts included. Issues are compared in line order,
// the order every reader reports them in (each pass may file a block's quoting issues first).
describe('parseCsv: visit agrees with records', () => {
  function visited(text: string): { records: CsvRecord[]; issues: Issue[] } {
    const issues: Issue[] = [];
    const t = parseCsv(text, 'f.csv', issues);
    const records: CsvRecord[] = [];
    // One dictionary for all columns: every text seen maps to itself, so a lookup by the record's
    // bytes that found another text's entry (a hash or comparison bug) shows as a wrong field.
    const seen = new FieldDictionary<string>();
    t?.visit((rec) => {
      const fields = Array.from({ length: rec.count }, (_, i) => {
        const known = seen.get(rec, i);
        if (known === undefined) seen.set(rec, i, rec.field(i));
        expect(rec.isEmpty(i)).toBe(rec.field(i) === '');
        return known ?? rec.field(i);
      });
      records.push({ fields, line: rec.line });
    });
    return { records, issues: byLine(issues) };
  }
  const byLine = (issues: readonly Issue[]) => [...issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const recordsOf = (text: string) => {
    const r = read(text);
    return { records: r.records, issues: byLine(r.issues) };
  };

  it('on the hand-made cases above', () => {
    for (const text of [
      'A,B\n1,2\n\n3,4',
      'A,B\r\n"x, y","say ""hi"""\r\n"two\r\nlines",z\r\nlast,1\r\n',
      'A,B\n1,2\n1,2,3\n4\n5,6\n',
      'A,B\nab"c,d\n"ab"c,d\n1,2\n"open,3\n',
      'A,,B\n,,\n1,,2\n',
    ]) {
      expect(visited(text)).toEqual(recordsOf(text));
    }
  });

  it('across csv-parse blocks, with wrong field counts among quoted records', () => {
    const rows = Array.from({ length: 9_000 }, (_, i) =>
      i % 1_000 === 3 ? `"q,${i}",${i},x` : i % 7 === 0 ? `"q,${i}",${i}` : i % 5 === 0 ? `p${i}` : `p${i},${i}`,
    );
    const text = `A,B\n${rows.join('\n')}\n`;
    const v = visited(text);
    expect(v).toEqual(recordsOf(text));
    const wrongWidth = rows.filter((_, i) => i % 1_000 === 3 || (i % 7 !== 0 && i % 5 === 0)).length;
    expect(v.issues).toHaveLength(wrongWidth);
  });

  it('on random text', () => {
    const unit = fc.constantFrom('a', '1', ',', ',', '"', '\n', '\r\n', ' ', 'é');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), (body) => {
        const text = `A,B,C\n${body}`;
        expect(visited(text)).toEqual(recordsOf(text));
      }),
      { numRuns: 500, seed: 20261125 },
    );
  });
});
