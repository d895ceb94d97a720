/**
 * Property tests of the CSV reader (src/lock/csv.ts) against hostile and odd input (issue 13): random
 * bytes, random line ends (LF, CRLF, CR, mixed), random quoting, a random byte-order mark. The reader
 * never throws (only Issues), and never loses a row silently:
 * - a well-formed table written with any mix of LF and CRLF, quoted or not, with or without a BOM reads
 *   back record for record, with no issue;
 * - the same table with CR-only line ends is refused at line 1;
 * - on random text, whenever the reader reports no issue, csv-parse (the reference, strict: LF or CRLF
 *   line ends, every record as wide as the header) reads the same records; whenever csv-parse refuses
 *   the text, the reader reports an issue.
 * Fixed seeds and run counts (below) keep the suite deterministic and under a few seconds.
 */
import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { parseCsv, parseCsvBytes, type CsvRecord } from '../../src/lock/csv.js';
import type { Issue } from '../../src/core/issues.js';

const SEED = 20261204;

function read(text: string): { header: readonly string[] | null; records: CsvRecord[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const t = parseCsv(text, 'f.csv', issues);
  const records = t === null ? [] : [...t.records];
  return { header: t?.header ?? null, records, issues };
}

/** csv-parse's reading, or null when it refuses the text. */
function reference(text: string): string[][] | null {
  try {
    return parse(text, {
      record_delimiter: ['\r\n', '\n'],
      skip_empty_lines: true,
      relax_column_count: false,
      bom: true,
    }) as string[][];
  } catch {
    return null;
  }
}

/** A field written quoted when it must be (or when `quote` says so). */
const written = (v: string, quote: boolean) => (quote || /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

describe('parseCsvBytes never throws', () => {
  it('on random bytes after a header (numRuns 400)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.boolean(), (body, bom) => {
        const bytes = Buffer.concat([Buffer.from(bom ? '\ufeffA,B\n' : 'A,B\n'), Buffer.from(body)]);
        const issues: Issue[] = [];
        const t = parseCsvBytes(bytes, 'f.csv', issues);
        if (t !== null) for (const r of t.records) expect(r.fields).toHaveLength(2);
        const again: Issue[] = [];
        parseCsvBytes(bytes, 'f.csv', again)?.visit(() => undefined);
      }),
      { numRuns: 400, seed: SEED },
    );
  });
});

describe('well-formed tables: every record read, whatever the line ends, quoting and BOM', () => {
  // Cells hold separators, quotes and line breaks (inside quotes, as RFC 4180 requires).
  const cell = fc.string({ unit: fc.constantFrom('a', 'Z', '1', ' ', ',', '"', '\n', '\r\n', 'é'), maxLength: 5 });
  const table = fc.integer({ min: 2, max: 4 }).chain((w) =>
    fc.record({
      rows: fc.array(fc.array(fc.tuple(cell, fc.boolean()), { minLength: w, maxLength: w }), { maxLength: 10 }),
      width: fc.constant(w),
      ends: fc.array(fc.constantFrom('\n', '\r\n'), { minLength: 11, maxLength: 11 }),
      bom: fc.boolean(),
      finalEnd: fc.boolean(),
    }),
  );
  const header = (w: number) => Array.from({ length: w }, (_, i) => `C${i}`).join(',');
  const lines = (rows: readonly (readonly (readonly [string, boolean])[])[]) =>
    rows.map((r) => r.map(([v, q]) => written(v, q)).join(','));

  it('LF, CRLF or mixed: the record count and fields equal what was written, no issue (numRuns 300)', () => {
    fc.assert(
      fc.property(table, ({ rows, width, ends, bom, finalEnd }) => {
        const body = [header(width), ...lines(rows)];
        let text = bom ? '\ufeff' : '';
        body.forEach((l, i) => (text += l + (i < body.length - 1 || finalEnd ? (ends[i] as string) : '')));
        const r = read(text);
        expect(r.issues).toEqual([]);
        expect(r.records).toHaveLength(rows.length);
        expect(r.records.map((x) => x.fields)).toEqual(rows.map((row) => row.map(([v]) => v)));
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  it('CR-only line ends: refused at line 1, never read as a header without rows (numRuns 200)', () => {
    fc.assert(
      fc.property(table, ({ rows, width, bom }) => {
        fc.pre(rows.length > 0);
        const text = (bom ? '\ufeff' : '') + [header(width), ...lines(rows)].join('\r') + '\r';
        const r = read(text);
        expect(r.header).toBeNull();
        expect(r.issues.map((i) => [i.line, i.severity])).toEqual([[1, 'error']]);
      }),
      { numRuns: 200, seed: SEED },
    );
  });
});

describe('random text: no issue means csv-parse reads the same records; csv-parse refusing means an issue', () => {
  const unit = fc.constantFrom('a', '1', ',', ',', '"', '\n', '\r\n', '\r', ' ', 'é');
  it('(numRuns 2000)', () => {
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), fc.boolean(), (body, bom) => {
        const text = `${bom ? '\ufeff' : ''}A,B,C\n${body}`;
        const r = read(text);
        const ref = reference(text);
        if (ref === null) expect(r.issues.length, JSON.stringify(text)).toBeGreaterThan(0);
        if (r.issues.length === 0) {
          expect(ref, JSON.stringify(text)).not.toBeNull();
          expect(
            r.records.map((x) => x.fields),
            JSON.stringify(text),
          ).toEqual(ref!.slice(1));
        }
      }),
      { numRuns: 2000, seed: SEED },
    );
  });
});
