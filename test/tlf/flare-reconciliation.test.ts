import { describe, expect, it } from 'vitest';
import { WEEK52_RECONCILIATION_FOOTNOTE, withWeek52Reconciliation } from '../../src/tlf/flare-reconciliation.js';
import type { TableSpec } from '../../src/render/table-spec.js';
import { sampleRun } from '../helpers/sample-run.js';

const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('T-14.2.5 Week 52 / T-14.2.6 day 364 reconciliation', () => {
  it('is added to T-14.2.5 only', () => {
    const spec = (id: string) => ({ id, footnotes: ['x'] }) as unknown as TableSpec;
    expect(withWeek52Reconciliation(spec('T-14.2.5')).footnotes).toEqual(['x', WEEK52_RECONCILIATION_FOOTNOTE]);
    expect(withWeek52Reconciliation(spec('T-14.2.6')).footnotes).toEqual(['x']);
  });
  it('is printed under T-14.2.5 of a run, and T-14.2.6 reports day 364', async () => {
    const { result } = await sampleRun('blinded');
    expect(flat(result.files.get('tables/T-14.2.5.txt') as string)).toContain(
      'the Kaplan-Meier estimate at day 364 in T-14.2.6',
    );
    expect(flat(result.files.get('tables/T-14.2.6.txt') as string)).not.toContain('differ by design');
    expect(result.ard.some((r) => r.endpoint === 'TTFLARE' && r.param === '364' && r.stat === 'km')).toBe(true);
  });
});
