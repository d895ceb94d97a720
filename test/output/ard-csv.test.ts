import { describe, expect, it } from 'vitest';
import type { ArdRow } from '../../src/ard/types.js';
import { ardCsvPieces, ardToCsv, datasetToCsv } from '../../src/output/ard-csv.js';
import type { Dataset } from '../../src/output/ard-csv.js';
import { ardRow } from '../helpers/ard-row.js';

// Source of the expected bytes: dts/ard.md (column order, UTF-16 code-unit sort on the first eight
// columns, String(x) values, empty for null, RFC 4180 quoting, LF, no BOM). Comparisons are exact.
const row = ardRow;

describe('ardToCsv', () => {
  it('writes the header, sorted rows, String(value), empty for null, LF, no BOM', () => {
    const csv = ardToCsv([
      row({ group: 'MSC5E6', comparator: 'PBO', stat: 'or', method: 'LOGISTIC', value: null }),
      row({ group: 'MSC1E6', comparator: 'PBO', stat: 'diff', method: 'MN', value: 0.1 + 0.2 }),
      row({ endpoint: 'AE', param: 'SOC:Skin, subcutaneous', visit: '', population: 'SAF', group: 'TOTAL', value: 3 }),
    ]);
    expect(csv).toBe(
      'endpoint,param,visit,population,group,comparator,stat,method,value\n' +
        'AE,"SOC:Skin, subcutaneous",,SAF,TOTAL,,n,,3\n' +
        'SRI4,,WEEK24,FAS,MSC1E6,PBO,diff,MN,0.30000000000000004\n' +
        'SRI4,,WEEK24,FAS,MSC5E6,PBO,or,LOGISTIC,\n',
    );
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(csv.includes('\r')).toBe(false);
  });
  it('is deterministic: any input order gives the same bytes', () => {
    const rows = [row({ group: 'PBO' }), row({ group: 'MSC1E6' }), row({ group: 'TOTAL' }), row({ visit: 'WEEK4' })];
    const expected = ardToCsv(rows);
    expect(ardToCsv([...rows].reverse())).toBe(expected);
    expect(ardToCsv([rows[2], rows[0], rows[3], rows[1]] as ArdRow[])).toBe(expected);
  });
  it('neutralizes a text cell that starts like a formula (none does in valid data), not a negative value', () => {
    const csv = ardToCsv([
      row({ endpoint: 'AE', param: '-PT:x', visit: '', population: 'SAF', group: 'TOTAL', value: -3 }),
    ]);
    expect(csv.split('\n')[1]).toBe("AE,'-PT:x,,SAF,TOTAL,,n,,-3");
  });
  it('is written in pieces of 1,000 lines that join to the same text (ardCsvPieces)', () => {
    const rows = Array.from({ length: 2500 }, (_, i) => row({ param: `P${i}`, value: i / 7 }));
    const pieces = [...ardCsvPieces(rows)];
    // The header, then 1,000 + 1,000 + 500 rows.
    expect(pieces.map((p) => p.split('\n').length - 1)).toEqual([1, 1000, 1000, 500]);
    expect(pieces.join('')).toBe(ardToCsv(rows));
  });
  it('writes only the header for no rows', () => {
    expect(ardToCsv([])).toBe('endpoint,param,visit,population,group,comparator,stat,method,value\n');
  });
});

describe('datasetToCsv', () => {
  interface AdslRow {
    readonly USUBJID: string;
    readonly AGE: number | null;
    readonly SITE: string;
  }
  const adsl: Dataset<AdslRow> = {
    name: 'adsl',
    columns: ['USUBJID', 'AGE', 'SITE'],
    rows: [
      { USUBJID: 'SLEMSC01-002', AGE: 41.5, SITE: 'Lyon, FR' },
      { USUBJID: 'SLEMSC01-001', AGE: null, SITE: 'Boston' },
    ],
  };
  it('keeps the given row order and applies the same CSV rules', () => {
    expect(datasetToCsv(adsl)).toBe('USUBJID,AGE,SITE\nSLEMSC01-002,41.5,"Lyon, FR"\nSLEMSC01-001,,Boston\n');
  });
  it('writes only the listed columns, in their order', () => {
    expect(datasetToCsv({ ...adsl, columns: ['SITE', 'USUBJID'] })).toBe(
      'SITE,USUBJID\n"Lyon, FR",SLEMSC01-002\nBoston,SLEMSC01-001\n',
    );
  });
  it('neutralizes text cells a spreadsheet would take for a formula (OWASP), not negative numbers', () => {
    const ds: Dataset<{ AETERM: string; CHG: number }> = {
      name: 'adae',
      columns: ['AETERM', 'CHG'],
      rows: [
        { AETERM: '=HYPERLINK("http://evil.example","Headache")', CHG: -1.5 },
        { AETERM: '@SUM(1)', CHG: -2 },
        { AETERM: 'Headache', CHG: 0 },
      ],
    };
    expect(datasetToCsv(ds)).toBe(
      'AETERM,CHG\n"\'=HYPERLINK(""http://evil.example"",""Headache"")",-1.5\n\'@SUM(1),-2\nHeadache,0\n',
    );
  });
  it('rejects duplicate columns and values that are not string, number or null', () => {
    expect(() => datasetToCsv({ ...adsl, columns: ['AGE', 'AGE'] })).toThrow(/duplicate/);
    const bad = { name: 'x', columns: ['A'], rows: [{ A: undefined }] } as unknown as Dataset<{ A: string }>;
    expect(() => datasetToCsv(bad)).toThrow(/row 1, column A/);
  });
});
