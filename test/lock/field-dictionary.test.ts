/**
 * FieldDictionary (csv.ts): a text looked up from a record's bytes finds exactly what was set for the
 * same text, whether it is the text found last (tried first while texts repeat), one of the same length,
 * a prefix of another, quoted or not, before or after the table and its text buffer grow. Reference: a Map by string.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FieldDictionary, parseCsv } from '../../src/lock/csv.js';

function lookups(texts: readonly string[]): { found: (number | undefined)[]; expected: (number | undefined)[] } {
  const csv = `A\n${texts.map((t, i) => (i % 3 === 0 ? `"${t}"` : t)).join('\n')}\n`;
  const dict = new FieldDictionary<number>();
  const reference = new Map<string, number>();
  const found: (number | undefined)[] = [];
  const expected: (number | undefined)[] = [];
  parseCsv(csv, 'f.csv', [])?.visit((r) => {
    const text = r.field(0);
    const got = dict.get(r, 0);
    found.push(got);
    expected.push(reference.get(text));
    if (got === undefined) {
      dict.set(r, 0, r.line);
      reference.set(text, r.line);
    }
  });
  return { found, expected };
}

describe('FieldDictionary lookups from the bytes', () => {
  it('runs of one text, texts of one length, prefixes, and growth past its first 64 slots', () => {
    const texts = [
      ...['S1', 'S1', 'S1', 'S2', 'S2', 'S1', 'S3', 'S3'],
      ...['ab', 'abc', 'ab', 'abc', 'abd', 'abd', 'ab'],
      ...Array.from({ length: 200 }, (_, i) => `T${i % 90}`),
      ...['S1', 'S1', 'ab', 'ab'],
    ];
    const { found, expected } = lookups(texts);
    expect(found).toEqual(expected);
    expect(found.filter((f) => f !== undefined).length).toBeGreaterThan(100);
  });
  it('texts longer in all than its first text buffer (1 KB), found again after it grows', () => {
    const long = Array.from({ length: 60 }, (_, i) => `${String(i).padStart(3, '0')}${'x'.repeat(40 + (i % 7))}`);
    const { found, expected } = lookups([...long, ...long.slice().reverse(), ...long, 'x', '0x']);
    expect(found).toEqual(expected);
    expect(found.filter((f) => f !== undefined).length).toBe(120);
  });
  it('agrees with a Map of strings on random sequences (numRuns 300)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '1', 'é'), minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(fc.array(text, { maxLength: 120 }), (texts) => {
        const { found, expected } = lookups(texts);
        expect(found).toEqual(expected);
      }),
      { numRuns: 300, seed: 20261205 },
    );
  });
});
