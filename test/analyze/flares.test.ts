import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeFlares, flareGroupRows } from '../../src/analyze/flares.js';
import type { ArdRow } from '../../src/ard/types.js';
import type { ArdMethod, ArdStat } from '../../src/ard/vocabulary.js';
import { deriveAll } from '../../src/derive/derive-all.js';
import { ardValue, sampleRun } from '../helpers/sample-run.js';

// R reference: test/fixtures/flares/make-flares.R on the ADaM CSVs and sv.csv of the bundled sample
// (ratesci::scoreci, fisher.test, MASS::glm.nb / glm(poisson), survfit, survdiff, coxph(ties = "efron")).
const ref = JSON.parse(readFileSync(new URL('../fixtures/flares/flares-sample.json', import.meta.url), 'utf8'));
const GROUPS = ['PBO', 'MSC1E6', 'MSC5E6', 'TOTAL'] as const;
const ARMS = ['MSC1E6', 'MSC5E6'] as const;
const ENDPOINTS = ['FLARE', 'FLARE_RENAL', 'FLARE_NONRENAL', 'FLARE_SEVERE'] as const;
const WINDOWS = ['WEEK12', 'WEEK24', 'WEEK52'] as const;
/** Relative difference; a null reference (R NA) must meet an empty value. */
const close = (a: number | null, b: string | null, tol: number) =>
  b === null
    ? expect(a).toBeNull()
    : expect(Math.abs((a as number) - Number(b)) / Math.max(Math.abs(Number(b)), 1e-300)).toBeLessThan(tol);

describe('flare analyses of the sample lock against R', async () => {
  const ard = (await sampleRun('unblinded')).result.ard;

  it('counts N, n, events exactly and patient-years and rates to 1e-14 rel, per endpoint, window and group', () => {
    for (const e of ENDPOINTS)
      for (const w of WINDOWS)
        for (const g of GROUPS) {
          const r = ref[`${e}_${w}`][g];
          const at = (stat: ArdStat) => ardValue(ard, { endpoint: e, visit: w, population: 'FAS', group: g, stat });
          expect([at('N'), at('n'), at('events')]).toEqual([r.N, r.n, r.events]);
          expect(at('prop')).toBe(r.n / r.N);
          close(at('pyears'), String(r.days / 365.25), 1e-14);
          close(at('rate'), r.days > 0 ? String(r.events / (r.days / 365.25)) : null, 1e-14);
        }
  });

  it('matches MN (1e-9 abs) and Fisher (1e-10 rel) versus PBO', () => {
    for (const e of ENDPOINTS)
      for (const w of WINDOWS)
        for (const arm of ARMS) {
          const r = ref[`${e}_${w}`][`${arm}_vs_PBO`];
          const at = (stat: ArdStat, method: ArdMethod | '') =>
            ardValue(ard, { endpoint: e, visit: w, population: 'FAS', group: arm, comparator: 'PBO', stat, method });
          for (const s of ['diff', 'diff_lcl', 'diff_ucl'] as const)
            expect(Math.abs(at(s, 'MN')! - Number(r[s]))).toBeLessThan(1e-9);
          close(at('p', 'FISHER'), r.fisher_p, 1e-10);
        }
  });

  it('matches the Week 52 rate ratios, their method (NEGBIN/POISSON), Wald CI and p (1e-6 rel)', () => {
    const methods = new Set<string>();
    for (const e of ENDPOINTS) {
      const m = ref[`${e}_WEEK52`].rate_model;
      methods.add(m.method);
      for (const arm of ARMS)
        for (const s of ['rr', 'rr_lcl', 'rr_ucl', 'p'] as const)
          close(
            ardValue(ard, {
              endpoint: e,
              visit: 'WEEK52',
              population: 'FAS',
              group: arm,
              comparator: 'PBO',
              stat: s,
              method: m.method,
            }),
            m[arm]?.[s] ?? null,
            1e-6,
          );
      // Rate-ratio rows exist only at the last window.
      expect(ard.filter((r) => r.endpoint === e && r.stat === 'rr' && r.visit !== 'WEEK52')).toHaveLength(0);
    }
    // The sample exercises both models.
    expect(methods).toEqual(new Set(['NEGBIN', 'POISSON']));
  });

  it('matches TTFLARE: counts exactly, KM medians and landmarks (1e-12 rel), Cox HR (1e-6 rel), log-rank p (1e-9 rel)', () => {
    const tt = ref.TTFLARE;
    const at = (k: Partial<ArdRow> & Pick<ArdRow, 'stat'>) =>
      ardValue(ard, { endpoint: 'TTFLARE', population: 'FAS', ...k });
    for (const g of GROUPS) {
      const r = tt[g];
      expect([
        at({ group: g, stat: 'n' }),
        at({ group: g, stat: 'events' }),
        at({ group: g, stat: 'censored' }),
      ]).toEqual([r.n, r.events, r.n - r.events]);
      close(at({ group: g, stat: 'median_time', method: 'KM' }), r.median, 1e-12);
      close(at({ group: g, stat: 'median_lcl', method: 'KM' }), r.median_lcl, 1e-12);
      close(at({ group: g, stat: 'median_ucl', method: 'KM' }), r.median_ucl, 1e-12);
      for (const l of r.landmarks as { day: number; km: string | null; lcl: string | null; ucl: string | null }[]) {
        const param = String(l.day);
        close(at({ group: g, param, stat: 'km', method: 'KM' }), l.km, 1e-12);
        close(at({ group: g, param, stat: 'km_lcl', method: 'KM' }), l.lcl, 1e-12);
        close(at({ group: g, param, stat: 'km_ucl', method: 'KM' }), l.ucl, 1e-12);
      }
    }
    for (const arm of ARMS) {
      const r = tt[`${arm}_vs_PBO`];
      for (const s of ['hr', 'hr_lcl', 'hr_ucl'] as const)
        close(at({ group: arm, comparator: 'PBO', stat: s, method: 'COX-EFRON' }), r[s], 1e-6);
      close(at({ group: arm, comparator: 'PBO', stat: 'p', method: 'LOGRANK' }), r.logrank_p, 1e-9);
    }
  });

  it('writes TOTAL rows only, no model and no comparison, when blinded', async () => {
    const blind = (await sampleRun('blinded')).result.ard.filter(
      (r) => r.endpoint.startsWith('FLARE') || r.endpoint === 'TTFLARE',
    );
    expect(blind.length).toBe(4 * 3 * 6 + 6 + 3 * 3);
    expect(
      blind.every((r) => r.group === 'TOTAL' && r.comparator === '' && (r.method === '' || r.method === 'KM')),
    ).toBe(true);
  });
});

describe('flareGroupRows', () => {
  const id = { endpoint: 'FLARE', param: '', visit: 'WEEK12', population: 'FAS' } as const;
  const w = (days: number, events: number) => ({
    USUBJID: 'x',
    window: 'WEEK12',
    cutoffDay: 84,
    cutoffSource: 'VISIT' as const,
    assessments: 1,
    daysAtRisk: days,
    patientYears: days / 365.25,
    events: { FLARE: events, FLARE_RENAL: 0, FLARE_NONRENAL: events, FLARE_SEVERE: 0 },
  });

  it('sums days before dividing by 365.25 and leaves the rate empty without time at risk (hand-worked)', () => {
    const rows = flareGroupRows(id, 'PBO', [w(84, 2), w(0, 0), w(281.25, 1)], 'FLARE', 365.25);
    const v = (stat: ArdStat) => rows.find((r) => r.stat === stat)!.value;
    expect([v('N'), v('n'), v('events'), v('pyears'), v('rate')]).toEqual([3, 2, 3, 1, 3]);
    const none = flareGroupRows(id, 'PBO', [w(0, 0)], 'FLARE', 365.25);
    expect(none.find((r) => r.stat === 'rate')!.value).toBeNull();
    expect(flareGroupRows(id, 'PBO', [], 'FLARE', 365.25).find((r) => r.stat === 'prop')!.value).toBeNull();
  });

  it('takes the θ limit from the settings (analysis.nbThetaMax), not a constant: a limit of 1 makes every rate model Poisson', async () => {
    const run = await sampleRun('unblinded');
    expect(run.result.ard.some((r) => r.stat === 'rr' && r.method === 'NEGBIN')).toBe(true);
    const settings = { ...run.settings, analysis: { ...run.settings.analysis, nbThetaMax: 1 } };
    // The flare analysis alone, as analyzeAll calls it with the run's settings (the pipeline's ARD is
    // analyzeAll's rows: test/analyze/analyze-all.test.ts); the other analyses take no θ limit.
    const d = deriveAll(run.lock, run.unblinding, settings);
    const ard = analyzeFlares(d.primary.adsl, d.flares, settings, false);
    const methods = new Set(ard.filter((r) => r.stat === 'rr' && r.endpoint.startsWith('FLARE')).map((r) => r.method));
    expect([...methods]).toEqual(['POISSON']);
  });
});
