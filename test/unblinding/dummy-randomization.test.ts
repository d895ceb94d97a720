import { describe, expect, it } from 'vitest';
import { dummyRandomization, type DummyRandomizationSubject } from '../../src/unblinding/dummy-randomization.js';

const subjects = (n: number): DummyRandomizationSubject[] =>
  Array.from({ length: n }, (_, i) => ({
    USUBJID: `SLEMSC01-101-${String(i + 1).padStart(3, '0')}`,
    stratum: i % 3 === 0 ? ('<10' as const) : ('>=10' as const),
    infused: i !== 4,
  }));

describe('dummyRandomization', () => {
  it('is reproducible from its seed and changes with it', () => {
    const a = dummyRandomization(subjects(30), '42').map((r) => r.ARMCD);
    const b = dummyRandomization(subjects(30), '42').map((r) => r.ARMCD);
    const c = dummyRandomization(subjects(30), '43').map((r) => r.ARMCD);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('balances arms 1:1:1 within each stratum (sizes differ by at most one)', () => {
    const rows = dummyRandomization(subjects(31), 'x');
    for (const stratum of ['<10', '>=10']) {
      const counts = ['PBO', 'MSC1E6', 'MSC5E6'].map(
        (arm) => rows.filter((r) => r.STRATUM === stratum && r.ARMCD === arm).length,
      );
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    }
  });

  it('gives the infused arm only to infused subjects', () => {
    const rows = dummyRandomization(subjects(9), 's');
    expect(rows.find((r) => r.USUBJID.endsWith('005'))!.ACTARMCD).toBeNull();
    expect(rows.filter((r) => r.ACTARMCD !== null).every((r) => r.ACTARMCD === r.ARMCD)).toBe(true);
  });
});
