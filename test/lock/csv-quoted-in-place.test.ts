/**
 * Quoted records read in place (csv.ts `FieldsView.setQuoted`): a record with quotes is read from its
 * bytes, not by csv-parse, when every field is unquoted or quoted whole without a doubled quote. The
 * reference is csv-parse on each record (the reader's authority on quoting), and the field lookups of
 * the readers of large files (`FieldDictionary`) must find a quoted text as the same text unquoted.
 */
import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { FieldDictionary, parseCsv, parseCsvStream } from '../../src/lock/csv.js';
import type { Issue } from '../../src/core/issues.js';

const visited = (text: string) => {
  const issues: Issue[] = [];
  const out: [number, string[]][] = [];
  parseCsv(text, 'f.csv', issues)?.visit((r) =>
    out.push([r.line, Array.from({ length: r.count }, (_, i) => r.field(i))]),
  );
  return { out, issues };
};

describe('quoted records read in place', () => {
  it('reads the text between the quotes: commas, CR, LF, CRLF, empty, multi-byte, beside unquoted fields', () => {
    const text = 'A,B,C\n"a, b",x,""\n"two\nlines","é\r\nü",y\n"cr\rin",z,"\u2713"\n';
    expect(visited(text)).toEqual({
      out: [
        [2, ['a, b', 'x', '']],
        [3, ['two\nlines', 'é\r\nü', 'y']],
        [6, ['cr\rin', 'z', '\u2713']],
      ],
      issues: [],
    });
  });

  it('doubled quotes and broken quoting still go to csv-parse (its fields, its errors, on their lines)', () => {
    const { out, issues } = visited('A,B\n"say ""hi""",1\n"x"y,3\nab"c,4\nq,"r"\n');
    expect(out).toEqual([
      [2, ['say "hi"', '1']],
      [5, ['q', 'r']],
    ]);
    expect(issues.map((i) => [i.line, i.rule.startsWith('malformed quoting')])).toEqual([
      [3, true],
      [4, true],
    ]);
  });

  it('agrees with csv-parse on every record of random quoted fields (numRuns 400)', () => {
    const inner = fc.string({ unit: fc.constantFrom('a', ' ', ',', '\n', '\r\n', '\r', 'é', '"'), maxLength: 6 });
    const plain = fc.string({ unit: fc.constantFrom('a', '1', ' ', 'é'), maxLength: 4 });
    const field = fc.oneof(
      inner.map((v) => `"${v.replace(/"/g, '""')}"`),
      plain,
    );
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 3, maxLength: 3 }), { maxLength: 8 }), (rows) => {
        const body = rows.map((r) => r.join(',')).join('\n');
        const text = `A,B,C\n${body}\n`;
        const expected = (parse(text, { record_delimiter: '\n', relax_column_count: true }) as string[][]).slice(1);
        expect(visited(text).out.map(([, f]) => f)).toEqual(expected.filter((r) => !(r.length === 1 && r[0] === '')));
      }),
      { numRuns: 400, seed: 20261205 },
    );
  });

  it('a quoted text is found as the same text unquoted (the lookup keys the bytes between the quotes)', () => {
    const dict = new FieldDictionary<number>();
    const found: (number | undefined)[] = [];
    parseCsv('A,B\nLupus limited,1\n"Lupus limited",2\n"Lupus, limited",3\n', 'f.csv', [])?.visit((r) => {
      const known = dict.get(r, 0);
      found.push(known);
      if (known === undefined) dict.set(r, 0, r.line);
    });
    expect(found).toEqual([undefined, 2, undefined]);
  });

  it('reads the same records whatever the chunks, the reused window growing for a long quoted record', () => {
    const long = `"${'x,'.repeat(40)}\n${'y'.repeat(30)}"`;
    const text = `A,B\n"q,1",1\n${long},2\nplain,3\n"q\r\n2",4\n`;
    const whole = visited(text).out;
    for (const chunk of [1, 2, 3, 5, 8, 13, 64]) {
      const bytes = Buffer.from(text);
      let at = 0;
      const read = (into: Buffer, offset: number) => {
        const n = Math.min(into.length - offset, bytes.length - at);
        bytes.copy(into, offset, at, at + n);
        at += n;
        return n;
      };
      const out: [number, string[]][] = [];
      parseCsvStream(read, 'f.csv', [], { lineEnds: 8, byteOrderMarks: 0, chunkBytes: chunk })?.visit((r) =>
        out.push([r.line, Array.from({ length: r.count }, (_, i) => r.field(i))]),
      );
      expect(out, `chunks of ${chunk}`).toEqual(whole);
    }
  });
});
