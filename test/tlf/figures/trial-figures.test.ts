import { describe, expect, it } from 'vitest';
import { groupRow } from '../../../src/analyze/ard-rows.js';
import type { SurvivalCurve } from '../../../src/analyze/km-curves.js';
import { analyzeTimeToEvent, type TimeToEventSubject } from '../../../src/analyze/time-to-event.js';
import type { ArdRow } from '../../../src/ard/types.js';
import { tlfContext } from '../../../src/pipeline/tables.js';
import { renderFigureFiles, renderFigureSvg } from '../../../src/render/charts/figure-files.js';
import type { IntervalChartSpec, StepChartSpec } from '../../../src/render/charts/figure-spec.js';
import { formatNumber, formatP, formatRatio } from '../../../src/render/format.js';
import { DRAFT_MARK, DUMMY_MARK } from '../../../src/render/print-form.js';
import { defaultSettingsPath, loadSapSettings } from '../../../src/sap/index.js';
import type { Blinding } from '../../../src/tlf/context.js';
import type { ArdMmrmMethod } from '../../../src/ard/vocabulary.js';
import {
  KM_FLARE_FIGURE_ID,
  KM_STEROID_FIGURE_ID,
  SLEDAI_LSMEAN_FIGURE_ID,
  sledaiLsMeanFigureSpec,
  trialFigureSpecs,
  type TrialFigureInput,
} from '../../../src/tlf/figures/trial-figures.js';
import { sampleAnalysis, sampleRun } from '../../helpers/sample-run.js';

const settings = loadSapSettings(defaultSettingsPath());
/** Words that would reveal an arm: codes, names from settings (raw and typeset), and the arms' vocabulary. */
const ARM_TOKENS = [
  'PBO',
  'MSC1E6',
  'MSC5E6',
  'MSC',
  'Placebo',
  'placebo',
  '10^6',
  '10^5',
  '\u00d710',
  'cells/kg',
  'hazard ratio',
];

// Six FAS subjects, two per arm.
const ARM_OF: Readonly<Record<string, 'PBO' | 'MSC1E6' | 'MSC5E6'>> = {
  S1: 'PBO',
  S2: 'PBO',
  S3: 'MSC1E6',
  S4: 'MSC1E6',
  S5: 'MSC5E6',
  S6: 'MSC5E6',
};
// [time, censored] per subject for TTFLARE and TTCSDISC (S6 is not in the TTCSDISC analysis: not on steroids).
const FLARE: Readonly<Record<string, readonly [number, 0 | 1]>> = {
  S1: [30, 0],
  S2: [364, 1],
  S3: [100, 0],
  S4: [200, 0],
  S5: [364, 1],
  S6: [90, 1],
};
const CSDISC: Readonly<Record<string, readonly [number, 0 | 1]>> = {
  S1: [120, 0],
  S2: [364, 1],
  S3: [84, 0],
  S4: [364, 1],
  S5: [250, 0],
};

/** The ARD rows and the curves the KM figures read, made by the real analysis of those subjects. */
function tteAnalysis(blinded: boolean): { ard: ArdRow[]; curves: SurvivalCurve[] } {
  const subjects = (times: Readonly<Record<string, readonly [number, 0 | 1]>>): TimeToEventSubject[] =>
    Object.entries(times).map(([USUBJID, [time, cnsr]]) => ({
      USUBJID,
      arm: blinded ? null : ARM_OF[USUBJID]!,
      time,
      event: cnsr === 0,
    }));
  const spec = (endpoint: 'TTFLARE' | 'TTCSDISC') => ({
    endpoint,
    population: 'FAS' as const,
    landmarkDays: [84],
    riskTimes: settings.display.kmAtRiskDays,
    confidenceLevel: 0.95,
    blinded,
  });
  const curves: SurvivalCurve[] = [];
  const sink = (c: SurvivalCurve) => curves.push(c);
  const ard = [
    ...analyzeTimeToEvent(subjects(FLARE), spec('TTFLARE'), undefined, sink),
    ...analyzeTimeToEvent(subjects(CSDISC), spec('TTCSDISC'), undefined, sink),
  ];
  return { ard, curves };
}
const tteArd = (blinded: boolean) => tteAnalysis(blinded).ard;

const LSMEAN_ID = { endpoint: 'SLEDAI', param: 'CHG', population: 'FAS' } as const;
function lsmeanRows(method: ArdMmrmMethod = 'MMRM-US-KR'): ArdRow[] {
  return (['PBO', 'MSC1E6', 'MSC5E6'] as const).flatMap((arm, a) =>
    (['WEEK4', 'WEEK12'] as const).flatMap((visit, v) => [
      groupRow({ ...LSMEAN_ID, visit }, arm, 'lsmean', -1 - a - v, method),
      groupRow({ ...LSMEAN_ID, visit }, arm, 'lsmean_se', 0.5, method),
      groupRow(
        { ...LSMEAN_ID, visit },
        arm,
        'lsmean_lcl',
        arm === 'MSC5E6' && visit === 'WEEK12' ? null : -2 - a - v,
        method,
      ),
      groupRow(
        { ...LSMEAN_ID, visit },
        arm,
        'lsmean_ucl',
        arm === 'MSC5E6' && visit === 'WEEK12' ? null : -a - v,
        method,
      ),
    ]),
  );
}

function input(blinding: Blinding, over: Partial<TrialFigureInput> = {}, draft = false): TrialFigureInput {
  const blinded = blinding === 'blinded';
  const { ard, curves } = tteAnalysis(blinded);
  return {
    curves,
    ard: [...ard, ...(blinded ? [] : lsmeanRows())],
    settings,
    ctx: tlfContext(settings, blinding, draft),
    ...over,
  };
}

describe('trialFigureSpecs, unblinded', () => {
  const specs = trialFigureSpecs(input('randomization'));
  const km = specs[0] as StepChartSpec;
  const cs = specs[1] as StepChartSpec;

  it('builds the three SAP figures in order', () => {
    expect(specs.map((s) => [s.id, s.kind])).toEqual([
      [KM_FLARE_FIGURE_ID, 'step'],
      [KM_STEROID_FIGURE_ID, 'step'],
      [SLEDAI_LSMEAN_FIGURE_ID, 'interval'],
    ]);
    expect(km.titles[0]).toBe('Figure F-14.2.1');
    expect(km.marks).toEqual([]);
  });

  it('draws one KM curve per arm in display order, labelled from the settings with typeset powers', () => {
    expect(km.series.map((s) => s.label)).toEqual([
      'Placebo',
      'MSC 1\u00d710\u2076 cells/kg',
      'MSC 5\u00d710\u2076 cells/kg',
    ]);
  });

  it('draws the analysis curves, at risk at the settings days', () => {
    expect(km.riskTimes).toEqual(settings.display.kmAtRiskDays);
    // Hand count: PBO S1 (30, event), S2 (364, censored); times ≥ τ for τ = 0, 84, 168, 252, 364.
    expect(km.series[0]!.atRisk).toEqual([2, 1, 1, 1, 1]);
    expect(km.series[1]!.atRisk).toEqual([2, 2, 1, 0, 0]);
    expect(cs.series[2]!.atRisk).toEqual([1, 1, 1, 0, 0]); // MSC5E6: S5 only (S6 has no TTCSDISC record)
    expect(km.series[0]!.steps).toEqual([
      { x: 0, y: 1 },
      { x: 30, y: 0.5 },
      { x: 364, y: 0.5 },
    ]);
    expect(km.series[0]!.censors).toEqual([{ x: 364, y: 0.5 }]);
  });

  it('prints events, medians, hazard ratios and log-rank p from the ARD, formatted as the tables', () => {
    const ard = tteArd(false);
    const comparison = (stat: string, method: string) =>
      ard.find(
        (r) =>
          r.endpoint === 'TTFLARE' &&
          r.group === 'MSC1E6' &&
          r.comparator === 'PBO' &&
          r.stat === stat &&
          r.method === method,
      )!.value;
    const hrLine = km.footnotes.find((f) => f.startsWith('MSC 1\u00d710\u2076 cells/kg vs Placebo'))!;
    expect(hrLine).toContain(`hazard ratio ${formatRatio(comparison('hr', 'COX-EFRON'))}`);
    expect(hrLine).toContain(
      `(95% CI ${formatRatio(comparison('hr_lcl', 'COX-EFRON'))}, ${formatRatio(comparison('hr_ucl', 'COX-EFRON'))})`,
    );
    expect(hrLine).toContain(formatP(comparison('p', 'LOGRANK')));
    const km1 = (stat: string) =>
      ard.find((r) => r.endpoint === 'TTFLARE' && r.group === 'PBO' && r.comparator === '' && r.stat === stat)!.value;
    const days = (x: number | null) => formatNumber(x, 1);
    expect(km.footnotes).toContain(
      `Placebo: 1 of 2 subjects with an event; median (95% CI), days: ${days(km1('median_time'))} (${days(km1('median_lcl'))}, ${days(km1('median_ucl'))}).`,
    );
  });

  it('builds the LS-mean figure from the ARD rows, by visit week, a missing CI drawing no bar', () => {
    const ls = specs[2] as IntervalChartSpec;
    expect(ls.series.map((s) => s.points.map((p) => p.x))).toEqual([
      [4, 12],
      [4, 12],
      [4, 12],
    ]);
    // lsmeanRows: arm index a, visit index v → estimate −1 − a − v, CI (−2 − a − v, −a − v); MSC5E6 at WEEK12 without CI.
    expect(ls.series[1]!.points[1]).toEqual({ x: 12, estimate: -3, lower: -4, upper: -2 });
    expect(ls.series[2]!.points[1]).toEqual({ x: 12, estimate: -4, lower: null, upper: null });
    expect(ls.x.ticks).toEqual([4, 12]);
    expect(ls.footnotes[0]).toContain('unstructured covariance');
    expect(ls.referenceY).toBe(0);
  });

  it('names a fallback covariance structure', () => {
    const ls = sledaiLsMeanFigureSpec({ ...input('randomization'), ard: lsmeanRows('MMRM-TOEPH-KR') });
    expect(ls?.footnotes[0]).toContain('heterogeneous Toeplitz covariance');
  });

  it('has no LS-mean figure without estimable LS means', () => {
    expect(sledaiLsMeanFigureSpec({ ...input('randomization'), ard: [] })).toBeNull();
    const empty = lsmeanRows().map((r) => ({ ...r, value: null }));
    expect(sledaiLsMeanFigureSpec({ ...input('randomization'), ard: empty })).toBeNull();
    expect(trialFigureSpecs(input('randomization', { ard: tteArd(false) })).map((s) => s.id)).toEqual([
      KM_FLARE_FIGURE_ID,
      KM_STEROID_FIGURE_ID,
    ]);
  });
});

describe('trialFigureSpecs, blinded', () => {
  const specs = trialFigureSpecs(input('blinded'));

  it('pools every FAS subject into one curve labelled Total and makes no model figure', () => {
    expect(specs.map((s) => s.id)).toEqual([KM_FLARE_FIGURE_ID, KM_STEROID_FIGURE_ID]);
    const km = specs[0] as StepChartSpec;
    expect(km.series.map((s) => s.label)).toEqual(['Total']);
    expect(km.series[0]!.atRisk[0]).toBe(6);
    expect((specs[1] as StepChartSpec).series[0]!.atRisk[0]).toBe(5);
  });

  it('shows no arm anywhere: not in the specs, the SVG, its ids, classes or metadata', () => {
    const texts = [JSON.stringify(specs), ...specs.map(renderFigureSvg)];
    for (const text of texts) for (const token of ARM_TOKENS) expect(text).not.toContain(token);
  });

  it('refuses a curve of an arm in a blinded run', () => {
    expect(() => trialFigureSpecs(input('blinded', { curves: tteAnalysis(false).curves }))).toThrow(/blinded/);
  });

  it('has no LS-mean figure even when model rows are present', () => {
    expect(sledaiLsMeanFigureSpec({ ...input('blinded'), ard: lsmeanRows() })).toBeNull();
  });
});

describe('trialFigureSpecs, curves from the analysis', () => {
  it('takes the axis end from the longest curve when it passes the end of follow-up', () => {
    const { curves } = tteAnalysis(false);
    const longer = curves.map((c) =>
      c.endpoint === 'TTFLARE' && c.group === 'MSC5E6' ? { ...c, steps: [...c.steps, { time: 371, survival: 1 }] } : c,
    );
    const [flare, steroid] = trialFigureSpecs(input('randomization', { curves: longer })) as [
      StepChartSpec,
      StepChartSpec,
    ];
    expect(flare.x.domain).toEqual([0, 371]);
    expect(steroid.x.domain).toEqual([0, Math.max(settings.analysis.followUpEndDay, ...settings.display.kmAtRiskDays)]);
  });

  it('refuses a missing curve or a curve without a number at risk at a risk-table day', () => {
    const { curves } = tteAnalysis(false);
    expect(() =>
      trialFigureSpecs(input('randomization', { curves: curves.filter((c) => c.group !== 'MSC1E6') })),
    ).toThrow(/no Kaplan.Meier curve of MSC1E6/);
    const short = curves.map((c) => ({ ...c, atRisk: c.atRisk.slice(1) }));
    expect(() => trialFigureSpecs(input('randomization', { curves: short }))).toThrow(/no number at risk at day 0/);
  });
});

describe('trialFigureSpecs, run marks', () => {
  it('puts the draft and dummy-randomization marks above every title', () => {
    for (const spec of trialFigureSpecs(input('dummy', {}, true))) expect(spec.marks).toEqual([DRAFT_MARK, DUMMY_MARK]);
    for (const spec of trialFigureSpecs(input('blinded', {}, true))) expect(spec.marks).toEqual([DRAFT_MARK]);
  });
});

describe('the figures of the bundled sample', () => {
  it('are written as SVG and PNG from the analysis curves; the number at risk at day 0 is the ARD n of each arm', async () => {
    const run = await sampleRun('unblinded');
    const files = run.result.files;
    for (const id of [KM_FLARE_FIGURE_ID, KM_STEROID_FIGURE_ID, SLEDAI_LSMEAN_FIGURE_ID]) {
      expect(typeof files.get(`figures/${id}.svg`)).toBe('string');
      expect(files.get(`figures/${id}.png`)).toBeInstanceOf(Uint8Array);
    }
    const { curves } = await sampleAnalysis('unblinded');
    const figureInput: TrialFigureInput = {
      curves,
      ard: run.result.ard,
      settings: run.settings,
      ctx: tlfContext(run.settings, run.unblinding.kind, run.lock.draft),
    };
    const rendered = renderFigureFiles(trialFigureSpecs(figureInput));
    // The same inputs in-process give the same bytes as the pipeline wrote.
    for (const [path, content] of rendered)
      expect(Buffer.from(content).equals(Buffer.from(files.get(path)!))).toBe(true);

    const [flare, steroid] = trialFigureSpecs(figureInput) as [StepChartSpec, StepChartSpec];
    (['PBO', 'MSC1E6', 'MSC5E6'] as const).forEach((arm, i) => {
      for (const [spec, endpoint] of [
        [flare, 'TTFLARE'],
        [steroid, 'TTCSDISC'],
      ] as const) {
        const n = run.result.ard.find(
          (r) => r.endpoint === endpoint && r.group === arm && r.comparator === '' && r.stat === 'n' && r.param === '',
        )!.value;
        expect(spec.series[i]!.atRisk[0]).toBe(n);
        // The series is the analysis curve, point for point (test/analyze/km-curves.test.ts checks it against R).
        const curve = curves.find((c) => c.endpoint === endpoint && c.group === arm)!;
        expect(spec.series[i]!.steps).toEqual(curve.steps.map((p) => ({ x: p.time, y: p.survival })));
        expect(spec.series[i]!.censors).toEqual(curve.censors.map((p) => ({ x: p.time, y: p.survival })));
      }
    });
  });

  it('in a blinded run: the two KM figures, no arm token in any figure byte', async () => {
    const run = await sampleRun('blinded');
    const figures = [...run.result.files].filter(([p]) => p.startsWith('figures/'));
    expect(figures.map(([p]) => p).sort()).toEqual([
      'figures/F-14.2.1.png',
      'figures/F-14.2.1.svg',
      'figures/F-14.2.2.png',
      'figures/F-14.2.2.svg',
    ]);
    for (const [, content] of figures.filter(([p]) => p.endsWith('.svg')))
      for (const token of ARM_TOKENS) expect(content).not.toContain(token);
  });
});
