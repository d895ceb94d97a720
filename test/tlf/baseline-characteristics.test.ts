import { describe, expect, it } from 'vitest';
import type { ArdRow } from '../../src/ard/types.js';
import { ardLookup } from '../../src/render/ard-lookup.js';
import { buildPrintForm } from '../../src/render/print-form.js';
import {
  BASELINE_TABLE_ID,
  baselineCharacteristicsTableSpec,
  baselinePrecision,
  baselinePrecisionWith,
  categoriesInArd,
} from '../../src/tlf/baseline-characteristics.js';
import type { TlfContext } from '../../src/tlf/context.js';
import { dm, pga, qs, settings } from '../derive/helpers.js';
import { readReference } from '../helpers/ard-reference.js';
import { sampleRun } from '../helpers/sample-run.js';

const ctx = (blinding: TlfContext['blinding']): TlfContext => ({
  blinding,
  draft: false,
  armLabels: { PBO: 'Placebo', MSC1E6: 'Low', MSC5E6: 'High' },
  totalLabel: 'Total',
  includeTotal: true,
});

describe('baselinePrecision', () => {
  it('takes the most decimals written for weight (DM) and PGA (QS, any visit)', () => {
    const lock = {
      dm: [
        dm('S-1', { WEIGHTBL: 70, WEIGHTBL_DEC: 0 }),
        dm('S-2', { WEIGHTBL: 70.5, WEIGHTBL_DEC: 1 }),
        dm('S-3', { WEIGHTBL: null, WEIGHTBL_DEC: null }),
      ],
      qs: [
        pga('S-1', 1, -10, 1.25),
        pga('S-1', 2, 0, 0.5),
        pga('S-1', 3, 28, null),
        qs('S-1', 2, 0, { QSCAT: 'LIT', QSTESTCD: 'LIT01', QSSTRESN: 1.125, QSSTRESN_DEC: 3 }),
      ],
    };
    expect(baselinePrecision(lock, settings())).toEqual({ WEIGHTBL: 1, PGA: 2 });
    expect(baselinePrecision({ dm: [], qs: [] }, settings())).toEqual({ WEIGHTBL: 0, PGA: 0 });
    // SAP §4.9 / C13: decimals as written are capped at display.maxDataPrecision (3).
    const long = { dm: lock.dm.map((r) => ({ ...r, WEIGHTBL_DEC: 17 })), qs: lock.qs };
    expect(baselinePrecision(long, settings()).WEIGHTBL).toBe(3);
  });

  it("baselinePrecisionWith: the same from PGA's most decimals found beforehand, capped alike", () => {
    const rows = [dm('S-1', { WEIGHTBL: 70.25, WEIGHTBL_DEC: 2 })];
    expect(baselinePrecisionWith(rows, 1, settings())).toEqual(
      baselinePrecision({ dm: rows, qs: [pga('S-1', 1, -10, 1.5)] }, settings()),
    );
    expect(baselinePrecisionWith(rows, 9, settings())).toEqual({ WEIGHTBL: 2, PGA: 3 });
  });
});

describe('categoriesInArd', () => {
  const rows = ['RACE:OTHER', 'RACE:ZULU', 'RACE:ASIAN', 'RACE:WHITE', 'RACE:ALPHA', 'SEX:F'].map(
    (param) => ({ endpoint: 'BASECHAR', param }) as ArdRow,
  );
  it('orders by the code list, then any value outside it alphabetically, only values present', () => {
    expect(categoriesInArd(rows, 'RACE', settings().demography.race)).toEqual([
      'WHITE',
      'ASIAN',
      'OTHER',
      'ALPHA',
      'ZULU',
    ]);
    expect(categoriesInArd(rows, 'SEX', ['F', 'M'])).toEqual(['F']);
  });
});

// The table of the sample run (pipeline in-process); expected cells by hand from the R reference
// counts of test/fixtures/safety/make-safety.R (n (%) of N, one decimal, SAP §4.9).
describe('baselineCharacteristicsTableSpec on the sample', async () => {
  const { result, settings: s, lock } = await sampleRun('unblinded');
  const ref = readReference(new URL('../fixtures/safety/safety-sample.json', import.meta.url));
  const refN = (param: string, group: string, stat: string) =>
    ref.find((r) => r.endpoint === 'BASECHAR' && r.param === param && r.group === group && r.stat === stat)!.value!;
  const spec = (blinding: TlfContext['blinding']) =>
    baselineCharacteristicsTableSpec(ctx(blinding), result.ard, s, baselinePrecision(lock, s));
  const form = (blinding: TlfContext['blinding']) =>
    buildPrintForm(spec(blinding), ardLookup(result.ard), {
      flags: { draft: false, dummyRandomization: false },
      linesPerPage: 500,
    });

  it('prints sex with its label and n (%) of the FAS N', () => {
    const f = form('randomization');
    expect(f.id).toBe(BASELINE_TABLE_ID);
    const female = f.rows.find((r) => r.cells[0] === 'Female')!.cells.slice(1);
    const groups = ['PBO', 'MSC1E6', 'MSC5E6', 'TOTAL'];
    expect(groups.map((g) => [refN('SEX:F', g, 'n'), refN('SEX:F', g, 'N')])).toEqual([
      [26, 27],
      [23, 25],
      [24, 27],
      [73, 79],
    ]);
    // 26/27 = 96.30 %, 23/25 = 92.0 %, 24/27 = 88.89 %, 73/79 = 92.41 %
    expect(female).toEqual(['26 (96.3)', '23 (92.0)', '24 (88.9)', '73 (92.4)']);
  });

  it('prints weight min and max with the collected decimals (d = 1) and the mean with d + 1', () => {
    expect(baselinePrecision(lock, s).WEIGHTBL).toBe(1);
    const f = form('randomization');
    const i = f.rows.findIndex((r) => r.cells[0] === 'Weight (kg)');
    expect(f.rows[i + 5]?.cells[0]).toBe('Min, Max');
    expect(f.rows[i + 5]?.cells[4]).toMatch(/^\d+\.\d, \d+\.\d$/);
    expect(f.rows[i + 2]?.cells[4]).toMatch(/^\d+\.\d\d \(\d+\.\d\d\d\)$/);
  });

  it('lists all nine BILAG domains and both strata; blinded, the same rows under Total alone', () => {
    const labels = (f: ReturnType<typeof form>) => f.rows.map((r) => r.cells[0]);
    const unblinded = form('randomization');
    for (const d of s.bilag.domains) expect(labels(unblinded)).toContain(d.name);
    expect(labels(unblinded)).toContain('SLEDAI-2K <10');
    expect(labels(unblinded)).toContain('SLEDAI-2K >=10');
    const blinded = form('blinded');
    expect(blinded.header[0]).toEqual(['', 'Total']);
    expect(labels(blinded)).toEqual(labels(unblinded));
  });
});

describe('decodeCdiscTerm', () => {
  it('writes race and ethnicity terms as a reader does, proper nouns capitalised', async () => {
    const { decodeCdiscTerm } = await import('../../src/tlf/baseline-characteristics.js');
    expect(decodeCdiscTerm('BLACK OR AFRICAN AMERICAN')).toBe('Black or African American');
    expect(decodeCdiscTerm('AMERICAN INDIAN OR ALASKA NATIVE')).toBe('American Indian or Alaska Native');
    expect(decodeCdiscTerm('NATIVE HAWAIIAN OR OTHER PACIFIC ISLANDER')).toBe(
      'Native Hawaiian or Other Pacific Islander',
    );
    expect(decodeCdiscTerm('NOT HISPANIC OR LATINO')).toBe('Not Hispanic or Latino');
    expect(decodeCdiscTerm('NOT REPORTED')).toBe('Not reported');
    expect(decodeCdiscTerm('WHITE')).toBe('White');
  });
});
