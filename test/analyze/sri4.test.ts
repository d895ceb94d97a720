import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSri4 } from '../../src/analyze/sri4.js';
import type { ArdRow } from '../../src/ard/types.js';
import { ardValue, SAMPLE_LOCK, sampleRun } from '../helpers/sample-run.js';

// R reference: test/fixtures/sri4/make-sri4.R on the ADaM CSVs of the bundled sample (ratesci::scoreci,
// fisher.test, glm(binomial), p.adjust("hochberg")).
const ref = JSON.parse(readFileSync(new URL('../fixtures/sri4/sri4-sample.json', import.meta.url), 'utf8'));
const GROUPS = ['PBO', 'MSC1E6', 'MSC5E6', 'TOTAL'] as const;
const COMPONENTS = ['SLEDAI', 'BILAG', 'PGA', 'STEROID'] as const;
const rel = (a: number | null, b: number) => Math.abs((a as number) - b) / Math.max(Math.abs(b), 1e-300);

describe('SRI-4 analysis of the sample lock against R', async () => {
  const { result } = await sampleRun('unblinded');

  it('the fixture was made from the current sample (else rerun make-sri4.R as its header says)', () => {
    const md5 = createHash('md5')
      .update(readFileSync(join(SAMPLE_LOCK, 'lock.json')))
      .digest('hex');
    expect(ref.lock_json_md5).toBe(md5);
  });
  const ard = result.ard;
  const at = (k: Partial<ArdRow> & Pick<ArdRow, 'stat'>) =>
    ardValue(ard, { endpoint: 'SRI4', visit: 'WEEK24', population: 'FAS', ...k });

  it('counts responders and components per group exactly', () => {
    for (const g of GROUPS) {
      expect(at({ group: g, stat: 'N' })).toBe(ref[g].N);
      expect(at({ group: g, stat: 'n' })).toBe(ref[g].n);
      expect(at({ group: g, stat: 'prop' })).toBe(ref[g].n / ref[g].N);
      for (const c of COMPONENTS) expect(at({ group: g, param: c, stat: 'n' })).toBe(ref[g].components[c]);
    }
  });

  it('matches MN (1e-9 abs), Fisher (1e-10 rel), logistic OR/CI/p (1e-6 rel) and Hochberg (1e-6 rel)', () => {
    for (const arm of ['MSC1E6', 'MSC5E6'] as const) {
      const r = ref[`${arm}_vs_PBO`];
      const cmp = { group: arm, comparator: 'PBO' as const };
      for (const s of ['diff', 'diff_lcl', 'diff_ucl'] as const)
        expect(Math.abs(at({ ...cmp, stat: s, method: 'MN' })! - Number(r[s]))).toBeLessThan(1e-9);
      expect(rel(at({ ...cmp, stat: 'p', method: 'FISHER' }), Number(r.fisher_p))).toBeLessThan(1e-10);
      for (const s of ['or', 'or_lcl', 'or_ucl', 'p'] as const)
        expect(rel(at({ ...cmp, stat: s, method: 'LOGISTIC' }), Number(r[s]))).toBeLessThan(1e-6);
      expect(rel(at({ ...cmp, stat: 'p_adj', method: 'HOCHBERG' }), Number(r.p_adj))).toBeLessThan(1e-6);
    }
  });

  it('writes TOTAL rows only, no comparison and no model, when blinded', async () => {
    const blinded = (await sampleRun('blinded')).result.ard.filter((r) => r.endpoint === 'SRI4');
    expect(blinded.length).toBeGreaterThan(0);
    expect(blinded.every((r) => r.group === 'TOTAL' && r.comparator === '' && r.method === '')).toBe(true);
  });
});

describe('SRI-4 not-estimable rules (SAP §5.1)', () => {
  // Hand-made FAS: 4 subjects per arm with a baseline SLEDAI-2K; responders set per case.
  const adsl = (['PBO', 'MSC1E6', 'MSC5E6'] as const).flatMap((arm, a) =>
    [0, 1, 2, 3].map((i) => ({ USUBJID: `S-${a}${i}`, FASFL: 'Y', ARMCD: arm, BASESLED: 6 + i + a }) as never),
  );
  const sri = (responders: Record<string, number[]>) =>
    (adsl as { USUBJID: string; ARMCD: string }[]).map(
      (s) =>
        ({
          USUBJID: s.USUBJID,
          SRI4FL: responders[s.ARMCD]!.includes(Number(s.USUBJID.slice(-1))) ? 'Y' : 'N',
          SLEDSTAT: 'MET',
          BLGSTAT: 'MET',
          PGASTAT: 'MET',
          CSSTAT: 'MET',
        }) as never,
    );
  const settings = { analysis: { ciLevel: 0.95 } } as never;
  const value = (rows: ArdRow[], group: string, stat: string, method: string) =>
    rows.find((r) => r.group === group && r.stat === stat && r.method === method && r.comparator === 'PBO')!.value;

  it('makes both ORs NE when placebo has no responders, but still reports MN and Fisher', () => {
    const rows = analyzeSri4(adsl, sri({ PBO: [], MSC1E6: [0, 1], MSC5E6: [2] }), settings, false);
    for (const arm of ['MSC1E6', 'MSC5E6']) {
      expect(value(rows, arm, 'or', 'LOGISTIC')).toBeNull();
      expect(value(rows, arm, 'p_adj', 'HOCHBERG')).toBeNull();
      expect(value(rows, arm, 'diff', 'MN')).not.toBeNull();
      expect(value(rows, arm, 'p', 'FISHER')).not.toBeNull();
    }
  });

  it('makes only the degenerate MSC arm NE; the other comes from the model without it, Hochberg over one p', () => {
    const rows = analyzeSri4(adsl, sri({ PBO: [0, 1], MSC1E6: [0, 1, 2, 3], MSC5E6: [1, 2, 3] }), settings, false);
    expect(value(rows, 'MSC1E6', 'or', 'LOGISTIC')).toBeNull();
    const p = value(rows, 'MSC5E6', 'p', 'LOGISTIC');
    expect(p).not.toBeNull();
    expect(value(rows, 'MSC5E6', 'p_adj', 'HOCHBERG')).toBe(p); // one p alone is its own adjusted p
  });
});
