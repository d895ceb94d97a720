import { describe, expect, it } from 'vitest';
import type { ArdRow, Group } from '../../src/ard/types.js';
import { ardLookup } from '../../src/render/ard-lookup.js';
import { buildPrintForm } from '../../src/render/print-form.js';
import type { TlfContext } from '../../src/tlf/context.js';
import { DISPOSITION_TABLE_ID, dispositionReasons, dispositionTableSpec } from '../../src/tlf/disposition.js';

// Hand-written counts (made-up); n (%) of N by hand, one decimal (SAP §4.9).
const ctx = (blinding: TlfContext['blinding']): TlfContext => ({
  blinding,
  draft: false,
  armLabels: { PBO: 'Placebo', MSC1E6: 'Low', MSC5E6: 'High' },
  totalLabel: 'Total',
  includeTotal: true,
});
const N: Record<Group, number> = { PBO: 3, MSC1E6: 2, MSC5E6: 1, TOTAL: 6 };
const COUNTS: Record<string, [number, number, number]> = {
  RANDOMIZED: [3, 2, 1],
  INFUSED: [3, 1, 1],
  COMPLETED: [1, 1, 0],
  DISCONTINUED: [2, 0, 1],
  'DISC:WITHDRAWAL BY SUBJECT': [1, 0, 0],
  'DISC:ADVERSE EVENT': [1, 0, 0],
  'DISC:DEATH': [0, 0, 1],
};
const ard: ArdRow[] = Object.entries(COUNTS).flatMap(([param, arms]) => {
  const byGroup: Record<Group, number> = {
    PBO: arms[0],
    MSC1E6: arms[1],
    MSC5E6: arms[2],
    TOTAL: arms[0] + arms[1] + arms[2],
  };
  return (Object.keys(byGroup) as Group[]).flatMap((group) =>
    (['N', 'n'] as const).map((stat): ArdRow => ({
      endpoint: 'DISPOSITION',
      param,
      visit: '',
      population: 'ENR',
      group,
      comparator: '',
      stat,
      method: '',
      value: stat === 'N' ? N[group] : byGroup[group],
    })),
  );
});

describe('dispositionReasons', () => {
  it('orders the reasons by decreasing Total count, then alphabetically', () => {
    expect(dispositionReasons(ard)).toEqual(['ADVERSE EVENT', 'DEATH', 'WITHDRAWAL BY SUBJECT']);
    const more = ard.map((r) =>
      r.param === 'DISC:DEATH' && r.group === 'TOTAL' && r.stat === 'n' ? { ...r, value: 2 } : r,
    );
    expect(dispositionReasons(more)).toEqual(['DEATH', 'ADVERSE EVENT', 'WITHDRAWAL BY SUBJECT']);
  });
});

describe('dispositionTableSpec', () => {
  const form = (blinding: TlfContext['blinding']) =>
    buildPrintForm(dispositionTableSpec(ctx(blinding), ard), ardLookup(ard), {
      flags: { draft: false, dummyRandomization: false },
      linesPerPage: 200,
    });

  it('shows the status rows, then every reason indented, n (%) of the enrolled N', () => {
    const f = form('randomization');
    expect(f.id).toBe(DISPOSITION_TABLE_ID);
    expect(f.header[1]).toEqual(['', '(N=3)', '(N=2)', '(N=1)', '(N=6)']);
    expect(f.rows.map((r) => [r.indent, ...r.cells])).toEqual([
      [0, 'Randomized', '3 (100.0)', '2 (100.0)', '1 (100.0)', '6 (100.0)'],
      [0, 'Infused (study infusion given)', '3 (100.0)', '1 (50.0)', '1 (100.0)', '5 (83.3)'],
      [0, 'Completed the study', '1 (33.3)', '1 (50.0)', '0', '2 (33.3)'],
      [0, 'Discontinued the study', '2 (66.7)', '0', '1 (100.0)', '3 (50.0)'],
      [1, 'Adverse event', '1 (33.3)', '0', '0', '1 (16.7)'],
      [1, 'Death', '0', '0', '1 (100.0)', '1 (16.7)'],
      [1, 'Withdrawal by subject', '1 (33.3)', '0', '0', '1 (16.7)'],
    ]);
  });

  it('has the Total column alone when blinded', () => {
    const f = form('blinded');
    expect(f.header[0]).toEqual(['', 'Total']);
    expect(f.rows[3]?.cells).toEqual(['Discontinued the study', '3 (50.0)']);
  });
});
