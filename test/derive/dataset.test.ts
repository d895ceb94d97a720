import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  cellSource,
  COLUMN_ROWS,
  datasetPart,
  makeDataset,
  makeDatasetOfParts,
  type AdamDataset,
  type Cell,
} from '../../src/derive/dataset.js';
import { tableOfRows } from '../../src/output/cell-table.js';
import { datasetCsvPieces } from '../../src/output/ard-csv.js';
import { submissionWriter } from '../../src/submission/submission-files.js';
import type { DatasetMeta, VariableMeta } from '../../src/derive/dataset-metadata.js';
import type { DatasetContext } from '../../src/derive/dataset-context.js';
import { datasetContext } from '../helpers/dataset-context.js';
import { settings } from './helpers.js';

const v = (name: string, extra: Partial<VariableMeta> = {}): VariableMeta => ({
  name,
  label: name,
  type: 'text',
  origin: 'Derived',
  ...extra,
});
const meta = (variables: VariableMeta[]): DatasetMeta => ({
  name: 'ADX',
  label: 'X',
  class: 'BASIC DATA STRUCTURE',
  structure: 'x',
  keys: [],
  variables,
});

/** The dataset's cells as the writers read them: one array per column. */
function cellsOf(d: AdamDataset): Cell[][] {
  const cells: Cell[][] = d.columns.map(() => []);
  for (const b of d.table.blocks()) b.columns.forEach((c, j) => (cells[j] as Cell[]).push(...c.slice(0, b.length)));
  return cells;
}

describe('makeDataset', () => {
  it('keeps exactly the metadata variables, in order, and names the dataset by its lower-case name', () => {
    const m = meta([v('B'), v('A')]);
    const d = makeDataset(m, [{ a: 1, b: 'x', extra: true }], (r) => ({ A: r.a, B: r.b }));
    expect({ name: d.name, meta: d.meta, columns: d.columns, rows: d.rows }).toEqual({
      name: 'adx',
      meta: m,
      columns: ['B', 'A'],
      rows: [{ B: 'x', A: 1 }],
    });
    expect(Object.keys(d.rows[0] ?? {})).toEqual(['B', 'A']);
    expect(cellsOf(d)).toEqual([['x'], [1]]);
  });

  it('takes a column from the record field of the same name unless the adapter computes it', () => {
    const d = makeDataset(
      meta([v('USUBJID'), v('PARAMCD'), v('AVAL')]),
      [{ USUBJID: 'S1', AVAL: 3, src: { line: 2 } }],
      () => ({
        PARAMCD: 'PGA',
      }),
    );
    expect(d.rows).toEqual([{ USUBJID: 'S1', PARAMCD: 'PGA', AVAL: 3 }]);
  });

  it('fills ADSL-sourced variables from the subject, PARAM from the PARAMCD codelist, AVISITN from AVISIT', () => {
    const m = meta([
      v('STUDYID', { source: 'ADSL.STUDYID' }),
      v('USUBJID'),
      v('TRTP', { source: 'ADSL.TRT01P', codelist: 'CL.TRT' }),
      v('PARAMCD', { codelist: 'CL.PARAMCD.ADPGA' }),
      v('PARAM'),
      v('AVISIT'),
      v('AVISITN', { codelist: 'CL.AVISITN' }),
    ]);
    const rows = [
      { USUBJID: 'S1', PARAMCD: 'PGA', AVISIT: 'WEEK12' },
      { USUBJID: 'S1', PARAMCD: 'PGA', AVISIT: null },
    ];
    const d = makeDataset(m, rows, undefined, datasetContext(['S1'], settings()));
    expect(d.rows).toEqual([
      {
        STUDYID: 'SLEMSC01',
        USUBJID: 'S1',
        TRTP: 'Placebo',
        PARAMCD: 'PGA',
        PARAM: 'Physician Global Assessment (0-3)',
        AVISIT: 'WEEK12',
        AVISITN: 12,
      },
      {
        STUDYID: 'SLEMSC01',
        USUBJID: 'S1',
        TRTP: 'Placebo',
        PARAMCD: 'PGA',
        PARAM: 'Physician Global Assessment (0-3)',
        AVISIT: null,
        AVISITN: null,
      },
    ]);
    expect(d.meta.variables.find((x) => x.name === 'TRTP')?.codelist).toBe('CL.TRT');
  });

  it('in a blinded run leaves the treatment empty and drops the arm codelists from the metadata', () => {
    const m = meta([v('USUBJID'), v('TRTP', { source: 'ADSL.TRT01P', codelist: 'CL.TRT' })]);
    const d = makeDataset(m, [{ USUBJID: 'S1' }], undefined, datasetContext(['S1'], settings(), true));
    expect(d.rows).toEqual([{ USUBJID: 'S1', TRTP: null }]);
    expect(d.meta.variables[1]).not.toHaveProperty('codelist');
  });

  it('throws for a subject not in ADSL and for a PARAMCD not in its codelist', () => {
    const ctx = datasetContext(['S1'], settings());
    expect(() =>
      makeDataset(meta([v('USUBJID'), v('STUDYID', { source: 'ADSL.STUDYID' })]), [{ USUBJID: 'S9' }], undefined, ctx),
    ).toThrow('dataset ADX: subject S9 is not in ADSL');
    const m = meta([v('PARAMCD', { codelist: 'CL.PARAMCD.ADPGA' }), v('PARAM')]);
    expect(() => makeDataset(m, [{ PARAMCD: 'XYZ' }], undefined, ctx)).toThrow(
      'codelist CL.PARAMCD.ADPGA has no term XYZ',
    );
  });

  it('throws when the adapter computes a column the metadata does not have', () => {
    expect(() => makeDataset(meta([v('A')]), [{ A: 1 }], () => ({ AA: 2 }))).toThrow(
      'dataset adx: the adapter computes AA, not in the metadata',
    );
  });

  it('throws when a column is in neither the record nor the adapter, or is not a plain value', () => {
    expect(() => makeDataset(meta([v('A'), v('B')]), [{ A: 1 }])).toThrow('dataset adx: column B of a row is missing');
    expect(() => makeDataset(meta([v('A')]), [{ A: ['x'] }])).toThrow('dataset adx: column A of a row is a object');
  });
});

/**
 * makeDataset as it was written row by row (each row an object): a column is the computed value, else
 * the record's field, else its fallback, the fallbacks made after the row's other columns.
 */
function rowsByReference(
  m: DatasetMeta,
  parts: readonly {
    records: readonly Record<string, unknown>[];
    computed: ((r: Record<string, unknown>) => object) | undefined;
  }[],
  ctx: DatasetContext,
): Record<string, unknown>[] {
  const codelistOf = (name: string) => m.variables.find((x) => x.name === name)?.codelist;
  return parts.flatMap(({ records, computed }) =>
    records.map((r) => {
      const extra = computed?.(r) as Record<string, unknown> | undefined;
      const row: Record<string, unknown> = Object.fromEntries(m.variables.map((x) => [x.name, null]));
      const pending = m.variables.filter((x) => {
        const value = cellSource(extra, r, x.name);
        if (typeof value === 'symbol') return true;
        if (value !== null && typeof value !== 'string' && typeof value !== 'number')
          throw new Error(
            `dataset adx: column ${x.name} of a row is ${value === undefined ? 'missing' : `a ${typeof value}`}`,
          );
        row[x.name] = value;
        return false;
      });
      for (const x of pending) {
        if (x.source?.startsWith('ADSL.') === true)
          row[x.name] = ctx.subjectValue(String(row.USUBJID), x.source.slice(5), m.name);
        else if (x.name === 'PARAM')
          row[x.name] = ctx.decode(codelistOf('PARAMCD') as string, (row.PARAMCD ?? null) as Cell);
        else if (x.name === 'AVISITN') row[x.name] = ctx.encode(x.codelist as string, (row.AVISIT ?? null) as Cell);
        else throw new Error(`dataset adx: column ${x.name} of a row is missing`);
      }
      return row;
    }),
  );
}

describe('makeDataset against the row-by-row reference', () => {
  const ctx = datasetContext(['S1', 'S2'], settings());
  const m = meta([
    v('STUDYID', { source: 'ADSL.STUDYID' }),
    v('USUBJID'),
    v('TRTP', { source: 'ADSL.TRT01P', codelist: 'CL.TRT' }),
    v('PARAMCD', { codelist: 'CL.PARAMCD.ADPGA' }),
    v('PARAM'),
    v('AVISIT'),
    v('AVISITN', { codelist: 'CL.AVISITN' }),
    v('A', { type: 'float' }),
    v('B'),
  ]);
  const value = fc.oneof(fc.constant(null), fc.double({ noNaN: true }), fc.integer(), fc.string({ maxLength: 3 }));
  /** A record with any of the fields (a field present or absent, an ADSL variable present or not). */
  const record = fc.record(
    {
      USUBJID: fc.constantFrom('S1', 'S2'),
      TRTP: fc.constantFrom('given', null),
      PARAMCD: fc.constantFrom('PGA', null),
      AVISIT: fc.constantFrom('WEEK12', 'BASELINE', null),
      A: value,
      B: value,
    },
    { requiredKeys: ['USUBJID'] },
  );
  /** What an adapter computes (some values undefined), or nothing. */
  const computed = fc.option(
    fc.dictionary(fc.constantFrom('PARAMCD', 'A', 'B', 'AVISIT'), fc.oneof(value, fc.constant(undefined)), {
      maxKeys: 3,
    }),
    { nil: undefined },
  );
  /** `vary`: the computed names differ between the part's records (in names and order). */
  const part = fc.record({ records: fc.array(record, { maxLength: 6 }), computed, vary: fc.boolean() });
  const computedOf = ({ computed: given, vary }: { computed: object | undefined; vary: boolean }) => {
    if (given === undefined) return undefined;
    if (!vary) return (r: Record<string, unknown>) => ({ ...given, B: 'B' in given ? given.B : r.B });
    return (r: Record<string, unknown>) => ('TRTP' in r ? { B: 'computed', ...given } : { ...given });
  };

  it('gives the reference rows, or throws its error', () => {
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 3 }), (parts) => {
        const withComputed = parts.map((p) => ({
          records: p.records as Record<string, unknown>[],
          computed: computedOf(p),
        }));
        let expected: Record<string, unknown>[] | Error;
        try {
          expected = rowsByReference(m, withComputed, ctx);
        } catch (e) {
          expected = e as Error;
        }
        const make = () =>
          makeDatasetOfParts(
            m,
            withComputed.map((p) => datasetPart(p.records, p.computed as never)),
            ctx,
          );
        if (expected instanceof Error) expect(make).toThrow(expected.message);
        else {
          const d = make();
          expect(d.rows).toEqual(expected);
          expect(cellsOf(d)).toEqual(d.columns.map((c) => (expected as Record<string, unknown>[]).map((r) => r[c])));
        }
      }),
    );
  });
});

describe('cellSource', () => {
  it("takes the computed value when `extra` has the column (even undefined), else the record's, else the fallback", () => {
    const fields = { A: 1, B: null, U: undefined };
    expect(cellSource({ A: 2 }, fields, 'A')).toBe(2);
    expect(cellSource({ A: undefined }, fields, 'A')).toBeUndefined();
    expect(cellSource({}, fields, 'A')).toBe(1);
    expect(cellSource(undefined, fields, 'B')).toBeNull();
    expect(cellSource(undefined, fields, 'U')).toBeUndefined();
    expect(typeof cellSource({ X: 1 }, fields, 'Z')).toBe('symbol');
    expect(typeof cellSource(undefined, fields, 'Z')).toBe('symbol');
  });
});

describe('makeDataset of a large dataset (rows held as columns)', () => {
  const n = COLUMN_ROWS + 3;
  const records = Array.from({ length: n }, (_, i) => ({
    USUBJID: `S-${String(i % 997).padStart(3, '0')}`,
    // Many distinct numbers (doubles), nulls and -0; a text with a comma and quotes.
    X: i % 5 === 0 ? null : i % 7 === 0 ? -0 : i * 0.37,
    N: i % 13,
    T: i % 11 === 0 ? 'a, "quoted" text' : `t${i % 3}`,
  }));
  const m = meta([v('USUBJID'), v('X', { type: 'float' }), v('N', { type: 'integer' }), v('T')]);
  const packed = makeDataset(m, records);
  // The same rows as plain objects: what makeDataset gives below COLUMN_ROWS.
  const objectRows = records.map((r) => ({ USUBJID: r.USUBJID, X: r.X, N: r.N, T: r.T }));
  const objects: AdamDataset = {
    name: packed.name,
    meta: packed.meta,
    columns: packed.columns,
    rows: objectRows,
    table: tableOfRows(packed.columns, objectRows),
  };
  const joined = (pieces: Iterable<string | Uint8Array>) =>
    Buffer.concat([...pieces].map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
  const ctx = {
    studyOID: 'S',
    studyName: 'S',
    studyDescription: 'S',
    protocolName: 'S',
    lockedAt: '2027-01-15',
    toolName: 'sle-msc',
    toolVersion: '0',
    originator: 'S',
    codelists: [],
  };

  it('gives back every value of every row (-0 and null kept)', () => {
    expect(packed.rows).toHaveLength(n);
    const read = packed.rows.map((r) => ({ USUBJID: r.USUBJID, X: r.X, N: r.N, T: r.T }));
    expect(read).toEqual(objects.rows);
    expect(Object.is(packed.rows[7]?.X, -0)).toBe(true);
    // Held as columns: the rows are views, not objects with their own fields.
    expect(Object.keys(packed.rows[1] ?? {})).toEqual([]);
  });

  it('writes the same CSV, XPT and Dataset-JSON bytes as the rows held as objects', () => {
    expect(joined(datasetCsvPieces(packed)).equals(joined(datasetCsvPieces(objects)))).toBe(true);
    const a = submissionWriter(ctx).addInPieces(packed);
    const b = submissionWriter(ctx).addInPieces(objects);
    expect([...a.keys()]).toEqual(['adam/adx.xpt', 'adam/adx.json']);
    for (const [path, pieces] of a)
      expect(joined(pieces as Iterable<string | Uint8Array>).equals(joined(b.get(path) as Iterable<string>))).toBe(
        true,
      );
  });
});
