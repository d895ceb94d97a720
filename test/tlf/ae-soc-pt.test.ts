import { describe, expect, it } from 'vitest';
import type { ArdRow, Group } from '../../src/ard/types.js';
import type { ArdStat } from '../../src/ard/vocabulary.js';
import { ardLookup } from '../../src/render/ard-lookup.js';
import { buildPrintForm } from '../../src/render/print-form.js';
import { AE_SOC_PT_TABLE_ID, aeHierarchy, aeSocPtTableSpec, socPtOrder } from '../../src/tlf/ae-soc-pt.js';
import type { TlfContext } from '../../src/tlf/context.js';

// Hand-written TOTAL subject counts (made-up); the order follows SAP §12 C7 by hand.
const ctx = (blinding: TlfContext['blinding']): TlfContext => ({
  blinding,
  draft: false,
  armLabels: { PBO: 'Placebo', MSC1E6: 'Low', MSC5E6: 'High' },
  totalLabel: 'Total',
  includeTotal: true,
});
const hierarchy = new Map([
  ['Headache', 'Nervous system disorders'],
  ['Dizziness', 'Nervous system disorders'],
  ['Somnolence', 'Nervous system disorders'],
  ['Nausea', 'Gastrointestinal disorders'],
  ['Rash', 'Skin and subcutaneous tissue disorders'],
]);
const TOTAL_N: Record<string, number> = {
  'SOC:Nervous system disorders': 5,
  'PT:Headache': 3,
  'PT:Dizziness': 3,
  'PT:Somnolence': 4,
  'SOC:Gastrointestinal disorders': 5,
  'PT:Nausea': 5,
  'SOC:Skin and subcutaneous tissue disorders': 6,
  'PT:Rash': 6,
  TEAE: 10,
};
const GROUPS: Group[] = ['PBO', 'MSC1E6', 'MSC5E6', 'TOTAL'];
const row = (param: string, group: Group, stat: ArdStat, value: number): ArdRow => ({
  endpoint: 'AE',
  param,
  visit: '',
  population: 'SAF',
  group,
  comparator: '',
  stat,
  method: '',
  value,
});
// Arms: PBO holds every TOTAL subject and event, the MSC arms none (zeros must print as 0).
const ard = Object.entries(TOTAL_N).flatMap(([param, n]) =>
  GROUPS.flatMap((g) => {
    const k = g === 'PBO' || g === 'TOTAL' ? n : 0;
    const bigN = g === 'TOTAL' ? 40 : g === 'PBO' ? 20 : 10;
    return [
      row(param, g, 'N', bigN),
      row(param, g, 'n', k),
      row(param, g, 'prop', k / bigN),
      row(param, g, 'events', k + 1),
    ];
  }),
);

describe('socPtOrder', () => {
  it('sorts SOCs by decreasing Total subjects then alphabetically, and PTs likewise within their SOC', () => {
    expect(socPtOrder(ard, hierarchy)).toEqual([
      { soc: 'Skin and subcutaneous tissue disorders', pts: ['Rash'] },
      { soc: 'Gastrointestinal disorders', pts: ['Nausea'] }, // ties with Nervous (5): alphabetical
      { soc: 'Nervous system disorders', pts: ['Somnolence', 'Dizziness', 'Headache'] },
    ]);
  });

  it('gives the same order from the TOTAL rows alone (a blinded run)', () => {
    expect(
      socPtOrder(
        ard.filter((r) => r.group === 'TOTAL'),
        hierarchy,
      ),
    ).toEqual(socPtOrder(ard, hierarchy));
  });

  it('refuses a preferred term without a system organ class', () => {
    expect(() => socPtOrder(ard, new Map([...hierarchy].filter(([pt]) => pt !== 'Rash')))).toThrow(
      /Rash has no system organ class/,
    );
  });
});

describe('aeHierarchy', () => {
  it('maps each TEAE preferred term to its SOC, ignoring AEs that are not treatment-emergent', () => {
    const h = aeHierarchy([
      { AEDECOD: 'Nausea', AEBODSYS: 'Gastrointestinal disorders', TRTEMFL: 'Y' },
      { AEDECOD: 'Fatigue', AEBODSYS: 'General disorders and administration site conditions', TRTEMFL: 'N' },
      { AEDECOD: 'Cough', AEBODSYS: 'Respiratory, thoracic and mediastinal disorders', TRTEMFL: null },
    ]);
    expect([...h]).toEqual([['Nausea', 'Gastrointestinal disorders']]);
  });
});

describe('aeSocPtTableSpec', () => {
  const form = (blinding: TlfContext['blinding']) =>
    buildPrintForm(aeSocPtTableSpec(ctx(blinding), ard, hierarchy), ardLookup(ard), {
      flags: { draft: false, dummyRandomization: false },
      linesPerPage: 200,
    });

  it('nests PTs under SOCs, subjects n (%) first, then the events in the same order', () => {
    const f = form('randomization');
    expect(f.id).toBe(AE_SOC_PT_TABLE_ID);
    const stat = f.rows.filter((r) => r.kind === 'stat').map((r) => [r.indent, ...r.cells]);
    const part1 = [
      [0, 'Any TEAE', '10 (50.0)', '0', '0', '10 (25.0)'],
      [0, 'Skin and subcutaneous tissue disorders', '6 (30.0)', '0', '0', '6 (15.0)'],
      [1, 'Rash', '6 (30.0)', '0', '0', '6 (15.0)'],
      [0, 'Gastrointestinal disorders', '5 (25.0)', '0', '0', '5 (12.5)'],
      [1, 'Nausea', '5 (25.0)', '0', '0', '5 (12.5)'],
      [0, 'Nervous system disorders', '5 (25.0)', '0', '0', '5 (12.5)'],
      [1, 'Somnolence', '4 (20.0)', '0', '0', '4 (10.0)'],
      [1, 'Dizziness', '3 (15.0)', '0', '0', '3 (7.5)'],
      [1, 'Headache', '3 (15.0)', '0', '0', '3 (7.5)'],
    ];
    expect(stat.slice(0, 9)).toEqual(part1);
    expect(stat.slice(9).map((r) => r.slice(0, 2))).toEqual(part1.map((r) => r.slice(0, 2)));
    expect(stat[9]).toEqual([0, 'Any TEAE', '11', '1', '1', '11']);
  });

  it('has the Total column alone when blinded, same rows', () => {
    const f = form('blinded');
    expect(f.header[0]).toEqual(['System organ class / Preferred term', 'Total']);
    expect(f.rows.filter((r) => r.kind === 'stat').map((r) => r.cells[0])).toEqual(
      form('randomization')
        .rows.filter((r) => r.kind === 'stat')
        .map((r) => r.cells[0]),
    );
  });
});

describe('aeSocPtTableSpec MedDRA version', () => {
  it('names the MedDRA version of the settings in its footnotes', async () => {
    const { settings } = await import('../derive/helpers.js');
    const version = settings().meddraVersion;
    expect(version).toMatch(/^\d+\.\d+$/);
    const spec = aeSocPtTableSpec(ctx('randomization'), ard, hierarchy, version);
    expect(spec.footnotes.some((f) => f.includes(`MedDRA version ${version} system organ classes`))).toBe(true);
  });
});
