import { describe, expect, it } from 'vitest';
import { printFlagsOf, treatmentColumns } from '../../src/tlf/context.js';
import type { TlfContext } from '../../src/tlf/context.js';

const ARM_LABELS = { PBO: 'Placebo', MSC1E6: 'MSC 1x10^6 cells/kg', MSC5E6: 'MSC 5x10^6 cells/kg' } as const;
const ctx = (over: Partial<TlfContext>): TlfContext => ({
  blinding: 'randomization',
  draft: false,
  armLabels: ARM_LABELS,
  totalLabel: 'Total',
  includeTotal: false,
  ...over,
});

describe('treatmentColumns', () => {
  it('unblinded: the three arms in order, labels from the context, Total when asked', () => {
    expect(treatmentColumns(ctx({})).map((c) => [c.id, c.label])).toEqual([
      ['PBO', 'Placebo'],
      ['MSC1E6', 'MSC 1x10^6 cells/kg'],
      ['MSC5E6', 'MSC 5x10^6 cells/kg'],
    ]);
    expect(treatmentColumns(ctx({ includeTotal: true, blinding: 'dummy' })).map((c) => c.id)).toEqual([
      'PBO',
      'MSC1E6',
      'MSC5E6',
      'TOTAL',
    ]);
  });
  it('blinded: Total only, whatever includeTotal says', () => {
    expect(treatmentColumns(ctx({ blinding: 'blinded' })).map((c) => [c.id, c.label])).toEqual([['TOTAL', 'Total']]);
  });
});

describe('printFlagsOf', () => {
  it('marks dummy randomization and draft', () => {
    expect(printFlagsOf(ctx({ blinding: 'dummy', draft: true }))).toEqual({ draft: true, dummyRandomization: true });
    expect(printFlagsOf(ctx({}))).toEqual({ draft: false, dummyRandomization: false });
    expect(printFlagsOf(ctx({ blinding: 'blinded' }))).toEqual({ draft: false, dummyRandomization: false });
  });
});

describe('armDisplayLabels', () => {
  it('takes the arm labels from the settings arms, powers of ten typeset as in the figures', async () => {
    const { armDisplayLabels } = await import('../../src/tlf/context.js');
    const { typesetPowersOfTen } = await import('../../src/render/charts/svg-text.js');
    const arms = [
      { code: 'PBO', name: 'Placebo' },
      { code: 'MSC1E6', name: 'MSC 1x10^6 cells/kg' },
      { code: 'MSC5E6', name: 'MSC 5x10^6 cells/kg' },
    ];
    expect(armDisplayLabels({ arms })).toEqual({
      PBO: 'Placebo',
      MSC1E6: 'MSC 1\u00d710\u2076 cells/kg',
      MSC5E6: 'MSC 5\u00d710\u2076 cells/kg',
    });
    expect(typesetPowersOfTen('MSC 1x10^6 cells/kg')).toBe(armDisplayLabels({ arms }).MSC1E6);
  });
});
