import { describe, expect, it } from 'vitest';
import { byVisitDescriptiveRows } from '../../src/analyze/by-visit-descriptives.js';
import { mmrmChangeRows, type MmrmChangeResult } from '../../src/analyze/mmrm-analysis.js';
import { proScoreCodes } from '../../src/analyze/pro.js';
import type { ArdRow } from '../../src/ard/types.js';
import { ardLookup } from '../../src/render/ard-lookup.js';
import { buildPrintForm } from '../../src/render/print-form.js';
import type { TlfContext } from '../../src/tlf/context.js';
import { proInstruments, proTableSpecs } from '../../src/tlf/pro.js';
import { settings } from '../derive/helpers.js';
import { fasBigNRows } from './render-helpers.js';

// Made-up ARD (every score: two PBO subjects with values 40.25 and 41.5 at every visit, change 1.125);
// expected cells by hand from SAP §4.9 with the d given per score.
const VISITS = ['WEEK12', 'WEEK24', 'WEEK52'];
const ctx = (blinding: TlfContext['blinding']): TlfContext => ({
  blinding,
  draft: false,
  totalLabel: 'Total',
  includeTotal: true,
  armLabels: { PBO: 'Placebo', MSC1E6: 'MSC 1x10^6 cells/kg', MSC5E6: 'MSC 5x10^6 cells/kg' },
});
const codes = proScoreCodes(settings());
const precision = new Map(codes.map((c) => [c, c.startsWith('SF36') ? 2 : 1]));

function ard(blinded: boolean): ArdRow[] {
  const s = (ids: string[]) => ids.map((USUBJID) => ({ USUBJID }) as never);
  const groups = blinded
    ? [{ group: 'TOTAL' as const, subjects: s(['A', 'B']) }]
    : [
        { group: 'PBO' as const, subjects: s(['A', 'B']) },
        { group: 'MSC1E6' as const, subjects: [] },
        { group: 'MSC5E6' as const, subjects: [] },
        { group: 'TOTAL' as const, subjects: s(['A', 'B']) },
      ];
  const none: MmrmChangeResult = {
    method: 'MMRM-US-KR',
    converged: false,
    attempts: [],
    nObs: 0,
    nSubjects: 0,
    warnings: [],
    lsmeans: new Map(),
    differences: new Map(),
  };
  return codes.flatMap((code) => {
    const recs = ['A', 'B'].flatMap((USUBJID, i) =>
      VISITS.map((AVISIT) => ({ USUBJID, AVISIT, AVAL: i === 0 ? 40.25 : 41.5, BASE: 40, CHG: 1.125 })),
    );
    return [
      ...byVisitDescriptiveRows(groups, recs, {
        endpoint: 'PRO',
        population: 'FAS',
        avalParam: `${code}:AVAL`,
        chgParam: `${code}:CHG`,
        baselineVisit: 'BASELINE',
        postBaselineVisits: VISITS,
      }),
      ...(blinded ? [] : mmrmChangeRows({ endpoint: 'PRO', param: `${code}:CHG`, population: 'FAS' }, VISITS, none)),
    ];
  });
}

function forms(blinded: boolean) {
  const rows = [...ard(blinded), ...fasBigNRows(blinded)];
  return proTableSpecs(ctx(blinded ? 'blinded' : 'randomization'), rows, settings(), precision).map((spec) =>
    buildPrintForm(spec, ardLookup(rows), { flags: { draft: false, dummyRandomization: false }, linesPerPage: 46 }),
  );
}

describe('proInstruments', () => {
  it('groups the 28 scores into SF-36 v2, LupusPRO, PROMIS and LIT tables', () => {
    expect(proInstruments(settings()).map((i) => [i.number, i.scores.length])).toEqual([
      [1, 10],
      [2, 14],
      [3, 3],
      [4, 1],
    ]);
  });
});

describe('PRO tables', () => {
  const unblinded = forms(false);

  it('are T-14.2.10.1–4 (summaries) and T-14.2.11.1–4 (MMRM) unblinded', () => {
    expect(unblinded.map((f) => f.id)).toEqual([
      'T-14.2.10.1',
      'T-14.2.10.2',
      'T-14.2.10.3',
      'T-14.2.10.4',
      'T-14.2.11.1',
      'T-14.2.11.2',
      'T-14.2.11.3',
      'T-14.2.11.4',
    ]);
  });

  it("use each score's precision: SF-36 d = 2 (mean 3 decimals, SD 4), LIT d = 1", () => {
    // the first score's Week 12 values 40.25, 41.5: mean 40.875, SD 0.883883…
    const meanSd = (f: (typeof unblinded)[number]) => {
      const week12 = f.rows.findIndex((r) => r.cells[0] === 'Week 12');
      return f.rows.slice(week12).find((r) => r.cells[0] === 'Mean (SD)')!.cells;
    };
    expect(meanSd(unblinded[0]!).slice(1)).toEqual(['40.875 (0.8839)', '', '', '40.875 (0.8839)']);
    expect(meanSd(unblinded[3]!).slice(1)).toEqual(['40.88 (0.884)', '', '', '40.88 (0.884)']);
  });

  it('shows a model that did not converge as NE with its footnote, and marks no visit when all are key', () => {
    const lit = unblinded[7]!;
    expect(lit.rows.find((r) => r.cells[0] === 'LS mean (SE)')!.cells.slice(1)).toEqual([
      'NE (NE)',
      'NE (NE)',
      'NE (NE)',
    ]);
    expect(lit.footnotes.some((f) => f.startsWith('NE = not estimable'))).toBe(true);
    expect(lit.rows.filter((r) => r.kind === 'label').map((r) => r.cells[0])).toEqual([
      'LIT score: change from baseline',
      'Week 12',
      'Week 24',
      'Week 52',
    ]);
  });

  it('has the summaries only, Total column only, when blinded', () => {
    const blinded = forms(true);
    expect(blinded.map((f) => f.id)).toEqual(['T-14.2.10.1', 'T-14.2.10.2', 'T-14.2.10.3', 'T-14.2.10.4']);
    expect(
      blinded.every((f) => f.header[0]!.slice(1).join() === 'Total' && f.header.at(-1)!.slice(1).join() === '(N=79)'),
    ).toBe(true);
  });

  it('refuses a score without a display precision', () => {
    expect(() => proTableSpecs(ctx('blinded'), [], settings(), new Map())).toThrow(/precision/);
  });
});
