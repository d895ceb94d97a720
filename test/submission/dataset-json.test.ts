import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ajv2019 } from 'ajv/dist/2019.js';
import type { DatasetMeta } from '../../src/derive/dataset-metadata.js';
import { csvText } from '../../src/output/csv.js';
import { SubmissionError } from '../../src/submission/columns.js';
import { writeDatasetJson, type DatasetJsonContext } from '../../src/submission/dataset-json.js';
import { SAMPLE_META, SAMPLE_ROWS } from './samples.js';

const CTX: DatasetJsonContext = {
  lockedAt: '2027-01-15',
  studyOID: 'SLEMSC01',
  metaDataVersionOID: 'MDV.SLEMSC01.ADAMIG.1.3',
  originator: 'Sponsor',
  sourceSystem: { name: 'sle-msc', version: '0.1.0' },
};

/** The CDISC Dataset-JSON v1.1 schema (test/fixtures/submission/dataset-json-1.1, MIT). */
const schema = JSON.parse(
  readFileSync(join(import.meta.dirname, '../fixtures/submission/dataset-json-1.1/dataset.schema.json'), 'utf8'),
) as object;
const validate = new Ajv2019({ allErrors: true, strict: false }).compile(schema);

interface DatasetJson {
  datasetJSONCreationDateTime: string;
  dbLastModifiedDateTime: string;
  itemGroupOID: string;
  records: number;
  name: string;
  label: string;
  columns: Record<string, unknown>[];
  rows: (string | number | null)[][];
}

const text = writeDatasetJson(SAMPLE_META, SAMPLE_ROWS, CTX);
const doc = JSON.parse(text) as DatasetJson;

describe('writeDatasetJson', () => {
  it('validates against the Dataset-JSON v1.1 schema', () => {
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
  });

  it('the schema check can fail: a missing required attribute and a bad datetime are caught', () => {
    const { itemGroupOID: _dropped, ...noOid } = doc;
    expect(validate(noOid)).toBe(false);
    expect(validate({ ...doc, datasetJSONCreationDateTime: '2027-01-15' })).toBe(false);
  });

  it('puts the attributes in the specification order and dates the file with the lock date', () => {
    expect(Object.keys(doc)).toEqual([
      'datasetJSONCreationDateTime',
      'datasetJSONVersion',
      'fileOID',
      'dbLastModifiedDateTime',
      'originator',
      'sourceSystem',
      'studyOID',
      'metaDataVersionOID',
      'metaDataRef',
      'itemGroupOID',
      'records',
      'name',
      'label',
      'columns',
      'rows',
    ]);
    expect(doc.datasetJSONCreationDateTime).toBe('2027-01-15T00:00:00');
    expect(doc.dbLastModifiedDateTime).toBe('2027-01-15T00:00:00');
    expect(writeDatasetJson(SAMPLE_META, SAMPLE_ROWS, { ...CTX, lockedAt: '2030-06-01' })).toContain(
      '"2030-06-01T00:00:00"',
    );
  });

  it('describes the columns from the metadata: OIDs, types, lengths from the data, formats, key sequence', () => {
    expect(doc.itemGroupOID).toBe('IG.ADXT');
    expect(doc.records).toBe(SAMPLE_ROWS.length);
    expect(doc.columns.map((c) => c.itemOID)).toEqual(SAMPLE_META.variables.map((v) => `IT.ADXT.${v.name}`));
    expect(doc.columns[0]).toEqual({
      itemOID: 'IT.ADXT.USUBJID',
      name: 'USUBJID',
      label: 'Unique Subject Identifier',
      dataType: 'string',
      length: 5,
      keySequence: 1,
    });
    expect(doc.columns[2]).toEqual({
      itemOID: 'IT.ADXT.SEQ',
      name: 'SEQ',
      label: 'Sequence Number',
      dataType: 'integer',
      keySequence: 3,
    });
    expect(doc.columns[3]).toEqual({
      itemOID: 'IT.ADXT.AVAL',
      name: 'AVAL',
      label: 'Analysis Value',
      dataType: 'float',
      displayFormat: '8.3',
    });
    expect(doc.columns[5]).toEqual({
      itemOID: 'IT.ADXT.ADT',
      name: 'ADT',
      label: 'Analysis Date',
      dataType: 'date',
      targetDataType: 'integer',
      displayFormat: 'DATE9.',
    });
    expect(doc.columns[8]).toMatchObject({ name: 'COMMENT', length: 200 });
  });

  it('holds the same rows and values as the CSV writer', () => {
    const names = SAMPLE_META.variables.map((v) => v.name);
    const asCsv = csvText(names, doc.rows);
    expect(asCsv).toBe(
      csvText(
        names,
        SAMPLE_ROWS.map((r) => names.map((n) => r[n] ?? null)),
      ),
    );
    expect(doc.rows.map((r) => r[3])).toEqual(
      SAMPLE_ROWS.map((r) => (r.AVAL === null ? null : r.AVAL === 0 ? 0 : r.AVAL)),
    ); // exact doubles, −0 as 0
    expect(doc.rows[1]![8]).toBe(''); // an empty string stays ""
    expect(doc.rows[2]![8]).toBeNull(); // missing is null
    expect(doc.rows[0]![5]).toBe('1960-01-01');
  });

  it('writes one row per line and the same bytes on every call', () => {
    expect(text.split('\n')).toHaveLength(SAMPLE_ROWS.length + 3);
    expect(writeDatasetJson(SAMPLE_META, SAMPLE_ROWS, CTX)).toBe(text);
  });

  it('writes a dataset without rows as an empty rows array', () => {
    const empty = JSON.parse(writeDatasetJson(SAMPLE_META, [], CTX)) as DatasetJson;
    expect(empty.records).toBe(0);
    expect(empty.rows).toEqual([]);
    expect(empty.columns.find((c) => c.name === 'COMMENT')?.length).toBe(1);
    expect(validate(empty)).toBe(true);
  });

  it('refuses rows that do not fit the metadata', () => {
    const meta: DatasetMeta = {
      ...SAMPLE_META,
      keys: [],
      variables: [{ name: 'N', label: 'N', type: 'integer', origin: 'Derived' }],
    };
    expect(() => writeDatasetJson(meta, [{ N: 0.5 }], CTX)).toThrowError(SubmissionError);
    expect(() => writeDatasetJson(meta, [{ N: 0.5 }], CTX)).toThrowError(
      /adxt\.json: row 1, N: an integer variable holds 0.5/,
    );
  });
});
