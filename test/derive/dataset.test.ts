import { describe, expect, it } from 'vitest';
import { cellSource, COLUMN_ROWS, makeDataset, type AdamDataset } from '../../src/derive/dataset.js';
import { datasetCsvPieces } from '../../src/output/ard-csv.js';
import { submissionWriter } from '../../src/submission/submission-files.js';
import type { DatasetMeta, VariableMeta } from '../../src/derive/dataset-metadata.js';
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

describe('makeDataset', () => {
  it('keeps exactly the metadata variables, in order, and names the dataset by its lower-case name', () => {
    const m = meta([v('B'), v('A')]);
    const d = makeDataset(m, [{ a: 1, b: 'x', extra: true }], (r) => ({ A: r.a, B: r.b }));
    expect(d).toEqual({ name: 'adx', meta: m, columns: ['B', 'A'], rows: [{ B: 'x', A: 1 }] });
    expect(Object.keys(d.rows[0] ?? {})).toEqual(['B', 'A']);
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
  const objects: AdamDataset = {
    ...packed,
    rows: records.map((r) => ({ USUBJID: r.USUBJID, X: r.X, N: r.N, T: r.T })),
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
