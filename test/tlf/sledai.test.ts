import { describe, expect, it } from 'vitest';
import { byVisitDescriptiveRows } from '../../src/analyze/by-visit-descriptives.js';
import { mmrmChangeRows, type MmrmChangeResult } from '../../src/analyze/mmrm-analysis.js';
import type { ArdRow } from '../../src/ard/types.js';
import type { MmrmEstimate } from '../../src/numerics/mmrm/index.js';
import { ardLookup } from '../../src/render/ard-lookup.js';
import { buildPrintForm, type PrintForm } from '../../src/render/print-form.js';
import type { TlfContext } from '../../src/tlf/context.js';
import {
  covarianceStructureName,
  mmrmMethodOf,
  sledaiTableSpecs,
  SLEDAI_MMRM_TABLE_ID,
  SLEDAI_SUMMARY_TABLE_ID,
  visitDisplayLabel,
} from '../../src/tlf/sledai.js';
import { settings } from '../derive/helpers.js';
import { fasBigNRows } from './render-helpers.js';

// Made-up ARD values; expected cells by hand from SAP §4.9 with d = 0 (SLEDAI-2K), e.g. the SAP's
// example: mean −3.4567 → -3.5, SD 2.8451 → 2.85, min −8 → -8.
const VISITS = ['WEEK4', 'WEEK8', 'WEEK12', 'WEEK16', 'WEEK20', 'WEEK24', 'WEEK36', 'WEEK52'];
const ctx = (blinding: TlfContext['blinding']): TlfContext => ({
  blinding,
  draft: false,
  totalLabel: 'Total',
  includeTotal: true,
  armLabels: { PBO: 'Placebo', MSC1E6: 'MSC 1x10^6 cells/kg', MSC5E6: 'MSC 5x10^6 cells/kg' },
});
const subjects = (ids: string[]) => ids.map((USUBJID) => ({ USUBJID }) as never);

/** Descriptive rows: subject P1 (PBO) and M1 (MSC1E6); M5 (MSC5E6) has no data. */
function descriptives(blinded: boolean): ArdRow[] {
  const groups = blinded
    ? [{ group: 'TOTAL' as const, subjects: subjects(['P1', 'P2', 'M1']) }]
    : [
        { group: 'PBO' as const, subjects: subjects(['P1', 'P2']) },
        { group: 'MSC1E6' as const, subjects: subjects(['M1']) },
        { group: 'MSC5E6' as const, subjects: subjects(['M5']) },
        { group: 'TOTAL' as const, subjects: subjects(['P1', 'P2', 'M1', 'M5']) },
      ];
  const recs = ['P1', 'P2', 'M1'].flatMap((s, i) =>
    VISITS.map((AVISIT) => ({ USUBJID: s, AVISIT, AVAL: 10 - i, BASE: 12, CHG: -2 - i })),
  );
  return byVisitDescriptiveRows(groups, recs, {
    endpoint: 'SLEDAI',
    population: 'FAS',
    avalParam: 'AVAL',
    chgParam: 'CHG',
    baselineVisit: 'BASELINE',
    postBaselineVisits: VISITS,
  });
}

const est = (estimate: number, se: number, extra: Partial<MmrmEstimate> = {}): MmrmEstimate => ({
  estimate,
  se,
  df: 75.04,
  t: estimate / se,
  p: 0.0449,
  lower: estimate - 2 * se,
  upper: estimate + 2 * se,
  ...extra,
});
const fit: MmrmChangeResult = {
  method: 'MMRM-TOEPH-KR',
  converged: true,
  attempts: [],
  nObs: 3,
  nSubjects: 3,
  warnings: [],
  lsmeans: new Map(
    VISITS.flatMap((v) => [
      [`PBO|${v}`, est(-2.25, 0.6543)],
      [`MSC1E6|${v}`, est(-3.4567, 0.61)],
    ]),
  ),
  differences: new Map(VISITS.map((v) => [`MSC1E6|${v}`, est(-1.2067, 0.8851, { p: 0.0004 })])),
};

function form(blinded: boolean): PrintForm[] {
  const ard = [
    ...fasBigNRows(blinded),
    ...descriptives(blinded),
    ...(blinded ? [] : mmrmChangeRows({ endpoint: 'SLEDAI', param: 'CHG', population: 'FAS' }, VISITS, fit)),
  ];
  return sledaiTableSpecs(ctx(blinded ? 'blinded' : 'randomization'), ard, settings()).map((spec) =>
    buildPrintForm(spec, ardLookup(ard), { flags: { draft: false, dummyRandomization: false }, linesPerPage: 46 }),
  );
}

/** The cells of the stat row `label` under the visit heading `visit` (first match after it). */
function cellsAt(f: PrintForm, visit: string, label: string, from = 0): readonly string[] {
  const start = f.rows.findIndex((r, i) => i >= from && r.kind === 'label' && r.cells[0] === visit);
  const row = f.rows.slice(start).find((r) => r.kind === 'stat' && r.cells[0] === label);
  if (start < 0 || !row) throw new Error(`no row ${label} under ${visit}`);
  return row.cells;
}

describe('SLEDAI-2K tables, unblinded', () => {
  const [summary, mmrm] = form(false);

  it('are T-14.2.3 (all groups and Total) and T-14.2.4 (arms only)', () => {
    expect([summary!.id, mmrm!.id]).toEqual([SLEDAI_SUMMARY_TABLE_ID, SLEDAI_MMRM_TABLE_ID]);
    expect(summary!.header[0]!.slice(1)).toEqual(['Placebo', 'MSC 1x10^6 cells/kg', 'MSC 5x10^6 cells/kg', 'Total']);
    expect(mmrm!.header[0]!.slice(1)).toEqual(['Placebo', 'MSC 1x10^6 cells/kg', 'MSC 5x10^6 cells/kg']);
    // Column N: the FAS count of each group (ARD BASECHAR/CSUSE N).
    expect(summary!.header.at(-1)!.slice(1)).toEqual(['(N=27)', '(N=25)', '(N=27)', '(N=79)']);
    expect(mmrm!.header.at(-1)!.slice(1)).toEqual(['(N=27)', '(N=25)', '(N=27)']);
  });

  it('shows values and changes with d = 0: mean d + 1, SD d + 2, min/max d; n = 0 as 0 and empty cells', () => {
    // PBO values at Week 4: 10, 9 → mean 9.5, SD 0.7071… → 0.71; MSC5E6 has none
    expect(cellsAt(summary!, 'Week 4', 'Mean (SD)')).toEqual(['Mean (SD)', '9.5 (0.71)', '8.0', '', '9.0 (1.00)']);
    expect(cellsAt(summary!, 'Week 4', 'n')).toEqual(['n', '2', '1', '0', '3']);
    const changeStart = summary!.rows.findIndex((r) => r.cells[0] === 'Change from baseline');
    expect(cellsAt(summary!, 'Week 52', 'Min, Max', changeStart)).toEqual([
      'Min, Max',
      '-3, -2',
      '-4, -4',
      '',
      '-4, -2',
    ]);
  });

  it('shows LS means (SE), CI, differences, p and KR df with SAP §4.9 decimals', () => {
    expect(cellsAt(mmrm!, 'Week 12 [a]', 'LS mean (SE)')).toEqual([
      'LS mean (SE)',
      '-2.3 (0.65)',
      '-3.5 (0.61)',
      'NE (NE)',
    ]);
    expect(cellsAt(mmrm!, 'Week 12 [a]', 'Difference vs placebo (SE)')).toEqual([
      'Difference vs placebo (SE)',
      '',
      '-1.2 (0.89)',
      'NE (NE)',
    ]);
    expect(cellsAt(mmrm!, 'Week 12 [a]', 'p-value')).toEqual(['p-value', '', '<0.001', 'NE']);
    expect(cellsAt(mmrm!, 'Week 12 [a]', 'Degrees of freedom (Kenward-Roger)')).toEqual([
      'Degrees of freedom (Kenward-Roger)',
      '',
      '75.0',
      'NE',
    ]);
    expect(cellsAt(mmrm!, 'Week 4', 'n')).toEqual(['n', '2', '1', '0']);
    const ci = cellsAt(mmrm!, 'Week 12 [a]', '95% CI');
    expect(ci[1]).toMatch(/^\(-?\d+\.\d, -?\d+\.\d\)$/); // a confidence interval in parentheses
  });

  it('marks the key visits and names the fallback structure in a footnote', () => {
    const labels = mmrm!.rows.filter((r) => r.kind === 'label').map((r) => r.cells[0]);
    expect(labels).toEqual([
      'Week 4',
      'Week 8',
      'Week 12 [a]',
      'Week 16',
      'Week 20',
      'Week 24 [a]',
      'Week 36',
      'Week 52 [a]',
    ]);
    expect(mmrm!.footnotes.some((f) => f.includes('heterogeneous Toeplitz'))).toBe(true);
    // The key-visit mark is the table's first footnote letter in order of use: [a].
    expect(mmrm!.footnotes).toContain('[a] Key visit.');
  });
});

describe('SLEDAI-2K tables, blinded', () => {
  it('have the summary table only, with a Total column only', () => {
    const forms = form(true);
    expect(forms.map((f) => f.id)).toEqual([SLEDAI_SUMMARY_TABLE_ID]);
    expect(forms[0]!.header[0]!.slice(1)).toEqual(['Total']);
    expect(forms[0]!.header.at(-1)!.slice(1)).toEqual(['(N=79)']);
  });
});

describe('labels', () => {
  it('spells visits and covariance structures for display', () => {
    expect([visitDisplayLabel('BASELINE'), visitDisplayLabel('WEEK12'), visitDisplayLabel('SCREENING')]).toEqual([
      'Baseline',
      'Week 12',
      'SCREENING',
    ]);
    expect(['MMRM-US-KR', 'MMRM-TOEPH-KR', 'MMRM-AR1H-KR', 'MMRM-CS-KR'].map(covarianceStructureName)).toEqual([
      'unstructured',
      'heterogeneous Toeplitz',
      'heterogeneous AR(1)',
      'compound symmetry',
    ]);
  });
});

describe('mmrmMethodOf', () => {
  const row = (param: string, stat: ArdRow['stat'], method: ArdRow['method']): ArdRow => ({
    endpoint: 'PRO',
    param,
    visit: 'WEEK24',
    population: 'FAS',
    group: 'PBO',
    comparator: '',
    stat,
    method,
    value: 1,
  });
  it("reads the first LS-mean row's method of the parameter, and the fallback when it has none", () => {
    const ard = [
      row('A:CHG', 'n', ''),
      row('A:CHG', 'lsmean', 'MMRM-TOEPH-KR'),
      row('A:CHG', 'lsmean', 'MMRM-US-KR'),
      row('B:CHG', 'mean', ''),
    ];
    expect(mmrmMethodOf(ard, 'PRO', 'A:CHG', 'MMRM-US-KR')).toBe('MMRM-TOEPH-KR');
    expect(mmrmMethodOf(ard, 'PRO', 'B:CHG', 'MMRM-CS-KR')).toBe('MMRM-CS-KR');
    expect(mmrmMethodOf(ard, 'SLEDAI', 'A:CHG', 'MMRM-US-KR')).toBe('MMRM-US-KR');
  });
});
