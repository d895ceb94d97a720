import { describe, expect, it } from 'vitest';
import {
  HOLD_AS_COLUMNS_FROM,
  holdAsArray,
  holdAsColumns,
  holdAsColumnsFrom,
  holdEach,
  holdLargeAsColumns,
  RecordColumns,
} from '../../src/derive/record-columns.js';
import { SourceLines } from '../../src/derive/source-lines.js';

const ref = (file: string, line: number) => ({ file, line });

/** A view's fields read by name, in the first record's order, as a plain object. */
function read<R extends object>(view: R, fields: readonly string[]): Record<string, unknown> {
  const v = view as Readonly<Record<string, unknown>>;
  return Object.fromEntries(fields.map((f) => [f, v[f]]));
}

describe('RecordColumns', () => {
  it('gives back every field of every record by name, in order', () => {
    const records = [
      { USUBJID: 'S-001', VISIT: 'WEEK 4', AVAL: 2.5, CHG: null, ABLFL: 'Y', n: 0, flag: true, none: undefined },
      { USUBJID: 'S-002', VISIT: 'WEEK 4', AVAL: -0, CHG: -1.25, ABLFL: null, n: 3, flag: false, none: undefined },
      { USUBJID: 'S-001', VISIT: 'BASELINE', AVAL: 0, CHG: 0, ABLFL: null, n: 3, flag: true, none: undefined },
    ];
    const fields = Object.keys(records[0] ?? {});
    const rows = RecordColumns.of(records)?.rows() ?? [];
    expect(rows).toHaveLength(3);
    rows.forEach((r, i) => expect(read(r, fields)).toEqual(records[i]));
    // -0 keeps its sign and 0 stays 0 (a Map key would make them one value).
    expect(Object.is(rows[1]?.AVAL, -0)).toBe(true);
    expect(Object.is(rows[2]?.AVAL, 0)).toBe(true);
    expect('none' in (rows[0] ?? {})).toBe(true);
    expect(rows[0]?.none).toBeUndefined();
  });

  it('keeps objects and arrays as they are (the same values)', () => {
    const missing = ['A', 'B'];
    const rows = RecordColumns.of([{ MISSDESC: missing }, { MISSDESC: [] as string[] }])?.rows() ?? [];
    expect(rows[0]?.MISSDESC).toBe(missing);
    expect(rows[1]?.MISSDESC).toEqual([]);
  });

  it('gives back source lines of one run, of several runs and of none', () => {
    const one = SourceLines.of([ref('qs.csv', 10), ref('qs.csv', 11), ref('qs.csv', 12)]);
    const several = SourceLines.of([ref('qs.csv', 5), ref('qs.csv', 5), ref('lb.csv', 2)]);
    const none = SourceLines.of([null]);
    const rows = RecordColumns.of([{ src: one }, { src: several }, { src: none }])?.rows() ?? [];
    expect(rows.map((r) => [...r.src])).toEqual([[...one], [...several], []]);
    expect(rows.map((r) => r.src.length)).toEqual([3, 3, 0]);
  });

  it('stores a numeric field with more distinct values than codes as doubles, null and -0 kept', () => {
    const records = Array.from({ length: 70_000 }, (_, i) => ({
      AVAL: i === 5 ? null : i === 6 ? -0 : i + 0.5,
      CODE: `C${i % 7}`,
    }));
    const rows = RecordColumns.of(records)?.rows() ?? [];
    expect(rows).toHaveLength(70_000);
    expect(rows[5]?.AVAL).toBeNull();
    expect(Object.is(rows[6]?.AVAL, -0)).toBe(true);
    expect(rows[69_999]?.AVAL).toBe(69_999.5);
    expect(rows[69_999]?.CODE).toBe('C6');
  });

  it('holds a numeric field with NaN beside many values as the values themselves', () => {
    const records = Array.from({ length: 70_000 }, (_, i) => ({ X: i === 3 ? Number.NaN : i }));
    const rows = RecordColumns.of(records)?.rows() ?? [];
    expect(rows[3]?.X).toBeNaN();
    expect(rows[4]?.X).toBe(4);
  });

  it('holds more than 65,536 distinct texts (four-byte codes)', () => {
    const records = Array.from({ length: 70_000 }, (_, i) => ({ USUBJID: `S-${i}` }));
    const rows = RecordColumns.of(records)?.rows() ?? [];
    expect(rows[69_999]?.USUBJID).toBe('S-69999');
    expect(rows[256]?.USUBJID).toBe('S-256');
  });

  it('keeps every code as its column widens from one byte to two and four as distinct values come', () => {
    // Each value first seen after many repeats of earlier ones: codes written at each width are copied on.
    const value = (i: number) => `T-${i % 3 === 0 ? i : Math.floor(i / 2)}`;
    const records = Array.from({ length: 140_000 }, (_, i) => ({ TERM: value(i), N: i % 5 }));
    const rows = RecordColumns.of(records)?.rows() ?? [];
    expect(rows.map((r) => r.TERM).join()).toBe(records.map((r) => r.TERM).join());
    expect(rows.map((r) => r.N).join('')).toBe(records.map((r) => r.N).join(''));
  });

  it('makes new views on each call, and views are not records to spread', () => {
    const columns = RecordColumns.of([{ A: 1 }]);
    const [a] = columns?.rows() ?? [];
    const [b] = columns?.rows() ?? [];
    expect(a).not.toBe(b);
    expect(a?.A).toBe(b?.A);
    expect(Object.keys(a ?? {})).toEqual([]);
  });

  it('refuses records it cannot hold so: none, fields that differ, not plain objects', () => {
    expect(RecordColumns.of([])).toBeNull();
    expect(RecordColumns.of([{ A: 1 }, { A: 2, B: 3 }])).toBeNull();
    expect(
      RecordColumns.of([
        { A: 1, B: 2 },
        { B: 2, A: 1 },
      ]),
    ).toBeNull();
    expect(RecordColumns.of([new Map()])).toBeNull();
  });
});

describe('holdAsColumns and holdAsArray', () => {
  it('holdAsColumns gives views of the records; records it cannot hold come back as the array', () => {
    const records = [{ A: 'x' }, { A: 'y' }];
    const held = holdAsColumns(records)();
    expect(held).not.toBe(records);
    expect(held.map((r) => r.A)).toEqual(['x', 'y']);
    const uneven = [{ A: 1 }, { B: 2 }];
    expect(holdAsColumns<object>(uneven)()).toBe(uneven);
  });

  it('holdAsArray gives back the array itself', () => {
    const records = [{ A: 1 }];
    expect(holdAsArray(records)()).toBe(records);
  });

  it('holdAsColumnsFrom holds a record set below its size as the array itself, from it as columns', () => {
    const hold = holdAsColumnsFrom(3);
    const two = [{ A: 'x' }, { A: 'y' }];
    expect(hold(two)()).toBe(two);
    const three = [...two, { A: 'z' }];
    const held = hold(three)();
    expect(held).not.toBe(three);
    expect(held.map((r) => r.A)).toEqual(['x', 'y', 'z']);
    expect(Object.getPrototypeOf(held[0])).not.toBe(Object.prototype); // a view
  });

  it('holdAsColumnsFrom makes records one at a time into an array below its size, into columns from it', () => {
    const hold = holdAsColumnsFrom(3);
    const made: number[] = [];
    const make = (i: number) => (made.push(i), { A: i });
    const small = holdEach(hold, 2, make)();
    expect(small).toEqual([{ A: 0 }, { A: 1 }]);
    expect(Object.getPrototypeOf(small[0])).toBe(Object.prototype);
    const large = holdEach(hold, 3, make)();
    expect(large.map((r) => r.A)).toEqual([0, 1, 2]);
    expect(Object.getPrototypeOf(large[0])).not.toBe(Object.prototype);
    expect(made).toEqual([0, 1, 0, 1, 2]);
  });

  it("a run's holder keeps sets below a large lock's size as arrays", () => {
    const records = Array.from({ length: HOLD_AS_COLUMNS_FROM - 1 }, (_, i) => ({ A: i }));
    expect(holdLargeAsColumns(records)()).toBe(records);
    const more = [...records, { A: -1 }];
    expect(holdLargeAsColumns(more)()).not.toBe(more);
  });
});

describe('holdEach: records held one at a time as they are made', () => {
  const record = (i: number) => ({
    USUBJID: `S-${i % 7}`,
    AVAL: i % 3 === 0 ? null : i / 4,
    src: ref('lb.csv', i + 2),
  });

  it('as columns, makes each record once and gives the records holdAsColumns gives of the array', () => {
    const made: number[] = [];
    const held = holdEach(holdAsColumns, 50, (i) => {
      made.push(i);
      return record(i);
    });
    expect(made).toEqual(Array.from({ length: 50 }, (_, i) => i));
    const fields = ['USUBJID', 'AVAL', 'src'];
    const fromArray = holdAsColumns(Array.from({ length: 50 }, (_, i) => record(i)))();
    expect(held().map((r) => read(r, fields))).toEqual(fromArray.map((r) => read(r, fields)));
    expect(held().map((r) => read(r, fields))).toEqual(Array.from({ length: 50 }, (_, i) => record(i)));
    expect(held()[0]).not.toEqual(record(0)); // views, not the records made
    expect(holdEach(holdAsColumns, 0, record)()).toEqual([]);
  });

  it('falls back to the records as an array when one does not fit the columns', () => {
    const uneven = (i: number): object => (i === 3 ? { B: i } : { A: i });
    expect(holdEach(holdAsColumns, 5, uneven)()).toEqual([{ A: 0 }, { A: 1 }, { A: 2 }, { B: 3 }, { A: 4 }]);
  });

  it('with a holder that holds arrays, holds the array of the records', () => {
    expect(holdEach(holdAsArray, 3, record)()).toEqual([record(0), record(1), record(2)]);
  });
});

describe('RecordColumns with mixed columns', () => {
  it('keeps source lines followed by something else, and text followed by an object, as they were', () => {
    const lines = SourceLines.of([ref('qs.csv', 3)]);
    const other = { file: 'lb.csv', line: 9 };
    const rows = RecordColumns.of([
      { src: lines, X: 'a' },
      { src: null, X: 'b' },
      { src: other, X: other },
    ])?.rows();
    expect(rows?.map((r) => r.src)).toEqual([lines, null, other]);
    expect([...(rows?.[0]?.src as SourceLines)]).toEqual([ref('qs.csv', 3)]);
    expect(rows?.map((r) => r.X)).toEqual(['a', 'b', other]);
  });

  it('turns many numbers with a text among them into the values themselves', () => {
    const records = Array.from({ length: 70_000 }, (_, i) => ({ X: i === 66_000 ? 'text' : i * 0.25 }));
    const rows = RecordColumns.of(records)?.rows() ?? [];
    expect(rows[66_000]?.X).toBe('text');
    expect(rows[65_999]?.X).toBe(65_999 * 0.25);
    expect(rows[69_999]?.X).toBe(69_999 * 0.25);
  });
});

describe('RecordColumns with source references', () => {
  it('holds { file, line } and null as a file code and a line, and gives back equal references', () => {
    const records = [
      { PARAMCD: 'CNS', src: ref('qs.csv', 12) },
      { PARAMCD: 'MUS', src: null },
      { PARAMCD: 'REN', src: ref('lb.csv', 2_000_000) },
      { PARAMCD: 'CNS', src: ref('qs.csv', 13) },
    ];
    const rows = RecordColumns.of(records)?.rows() ?? [];
    expect(rows.map((r) => r.src)).toEqual(records.map((r) => r.src));
    expect(Object.keys(rows[0]?.src ?? {})).toEqual(['file', 'line']);
    // Held as columns, not as the objects: each read makes a new reference.
    expect(rows[0]?.src).not.toBe(records[0]?.src);
  });

  it('holds references after nulls, and turns to the values themselves at anything else', () => {
    const leadingNulls = [{ src: null }, { src: null }, { src: ref('qs.csv', 7) }];
    expect((RecordColumns.of(leadingNulls)?.rows() ?? []).map((r) => r.src)).toEqual([null, null, ref('qs.csv', 7)]);
    const other = { file: 'qs.csv', line: 1.5 };
    const lines = SourceLines.of([ref('qs.csv', 3)]);
    const mixed = [{ src: ref('qs.csv', 1) }, { src: null }, { src: other }, { src: lines }, { src: 'text' }];
    const rows = RecordColumns.of(mixed)?.rows() ?? [];
    expect(rows.map((r) => r.src)).toEqual([ref('qs.csv', 1), null, other, lines, 'text']);
    expect(rows[2]?.src).toBe(other);
  });
});

describe('RecordColumns: array buffers made while building', () => {
  /** Typed arrays of each kind made while `build` runs (the global constructors counted). */
  function typedArraysMade(build: () => void): Record<string, number> {
    const made: Record<string, number> = {};
    const kinds = ['Uint8Array', 'Uint16Array', 'Uint32Array', 'Int32Array', 'Float64Array'] as const;
    const originals = kinds.map((k) => globalThis[k]);
    kinds.forEach((k, n) => {
      const Original = originals[n] as new (...args: never[]) => object;
      (globalThis as Record<string, unknown>)[k] = new Proxy(Original, {
        construct(target, args: never[]) {
          made[k] = (made[k] ?? 0) + 1;
          return new target(...args);
        },
      });
    });
    try {
      build();
    } finally {
      kinds.forEach((k, n) => ((globalThis as Record<string, unknown>)[k] = originals[n]));
    }
    return made;
  }

  it('makes no source-line arrays for columns that hold no source lines (one byte of codes a column)', () => {
    // Before, every column made three 4-byte arrays of the record count for source lines and dropped
    // them at its first value: ~0.7 GB of garbage buffers for a 2.4M-row dataset, each 64 MB a full GC.
    const records = Array.from({ length: 1000 }, (_, i) => ({ USUBJID: `S-${i % 7}`, VISIT: 'WEEK 4', n: i % 3 }));
    const made = typedArraysMade(() => RecordColumns.of(records));
    expect(made).toEqual({ Uint8Array: 3 });
  });

  it('codes more than 255 files of references and source lines (file codes widen past one byte)', () => {
    const files = Array.from({ length: 300 }, (_, k) => `f${k}.csv`);
    const refs = files.map((file, k) => ({ src: ref(file, k + 1) }));
    expect((RecordColumns.of(refs)?.rows() ?? []).map((r) => r.src)).toEqual(refs.map((r) => r.src));
    const lines = files.map((file, k) => ({ src: SourceLines.of([ref(file, k + 1), ref(file, k + 2)]) }));
    const rows = RecordColumns.of(lines)?.rows() ?? [];
    expect(rows.map((r) => [...(r.src as SourceLines)])).toEqual(lines.map((r) => [...r.src]));
  });
});
