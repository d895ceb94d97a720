import { describe, expect, it } from 'vitest';
import { analyzeSites } from '../../src/analyze/sites.js';
import type { ArdRow } from '../../src/ard/types.js';
import { siteTableSpec, sitesOf } from '../../src/tlf/sites.js';
import { adslRecord, blind } from '../helpers/adsl-record.js';
import { readReference, referenceDifferences } from '../helpers/ard-reference.js';
import { sampleRun } from '../helpers/sample-run.js';

const adsl = [
  adslRecord('A1', { SITEID: '102' }),
  adslRecord('A2', { SITEID: '101', ARMCD: 'MSC1E6', ACTARMCD: null, INFFL: 'N', FASFL: 'N', SAFFL: 'N' }),
  adslRecord('A3', { SITEID: '101', ARMCD: 'MSC1E6', ACTARMCD: 'MSC1E6' }),
];
const v = (rows: readonly ArdRow[], param: string, group: string, stat: string) =>
  rows.find((r) => r.param === param && r.group === group && r.stat === stat)?.value;

describe('analyzeSites', () => {
  const rows = analyzeSites(adsl, false);
  it('counts each site enrolled / FAS / SAF by randomized arm, with every site in every group', () => {
    expect([
      v(rows, '101:ENR', 'MSC1E6', 'n'),
      v(rows, '101:FAS', 'MSC1E6', 'n'),
      v(rows, '101:SAF', 'MSC1E6', 'n'),
      v(rows, '101:ENR', 'MSC1E6', 'N'),
    ]).toEqual([2, 1, 1, 2]);
    expect([
      v(rows, '101:ENR', 'PBO', 'n'),
      v(rows, '102:ENR', 'PBO', 'prop'),
      v(rows, 'ALL:FAS', 'TOTAL', 'n'),
    ]).toEqual([0, 1, 2]);
    expect(v(rows, '101:ENR', 'MSC5E6', 'prop')).toBeNull();
    expect(sitesOf(rows)).toEqual(['101', '102']);
  });
  it('writes, when blinded, the TOTAL rows alone', () => {
    expect(analyzeSites(adsl.map(blind), true)).toEqual(rows.filter((r) => r.group === 'TOTAL'));
  });
  it('T-14.1.6 has an All sites block then one block per site', () => {
    const spec = siteTableSpec(
      {
        blinding: 'blinded',
        draft: false,
        totalLabel: 'Total',
        includeTotal: true,
        armLabels: { PBO: 'P', MSC1E6: 'L', MSC5E6: 'H' },
      },
      rows,
    );
    expect(spec.rows.filter((r) => r.kind === 'label').map((r) => (r.kind === 'label' ? r.label : ''))).toEqual([
      'All sites',
      'Site 101',
      'Site 102',
    ]);
  });
});

// R reference: test/fixtures/sites/make-sites.R (base R on the run's adam/adsl.csv).
describe('SITE rows of the sample lock against R', async () => {
  const ref = readReference(new URL('../fixtures/sites/sites-sample.json', import.meta.url));
  const { result } = await sampleRun('unblinded');
  it('has exactly the rows and values of the R reference', () => {
    expect(ref.length).toBe(4 * 10 * 3 * 3);
    expect(referenceDifferences(result.ard, ref, 'SITE', 1e-12)).toEqual([]);
    expect(result.files.has('tables/T-14.1.6.txt')).toBe(true);
  });
  it('writes, when blinded, the unblinded TOTAL rows and nothing else', async () => {
    const blinded = (await sampleRun('blinded')).result.ard.filter((r) => r.endpoint === 'SITE');
    expect(blinded).toEqual(result.ard.filter((r) => r.endpoint === 'SITE' && r.group === 'TOTAL'));
  });
});
