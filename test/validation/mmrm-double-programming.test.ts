/**
 * Independent double programming of the MMRM rows of the ARD (SAP synopsis §3, §4, §5 "SLEDAI-2K change"
 * and "PRO changes", §5.1 MMRM; sap/SAP.md 4.2, 4.3, 4.6, 5.1, 5.7, 6.4): the production pipeline, run
 * in-process and unblinded on the bundled sample, against
 * `test/fixtures/double-programming-3/mmrm-from-lock.R`, written from the SAP and the DTS without reading
 * `src/derive/` or `src/analyze/`. It derives from the raw lock CSVs and randomization.csv the FAS, the
 * SLEDAI-2K totals, the PRO scores (SF36PCS, SF36MCS, LPROHRQ as transferred; PROMISFAT prorated and
 * converted with sap/promis/fatigue_7a.csv), the per-parameter baseline and CHG, and fits
 * `mmrm::mmrm(CHG ~ ARMCD * AVISIT + BASE * AVISIT + us(AVISIT | USUBJID), reml = TRUE)` with
 * `vcov = "Kenward-Roger-Linear"` (= SAS PROC MIXED DDFM=KR for TYPE=UN), best REML over the nlminb,
 * L-BFGS-B, BFGS and CG optimizers, LS means and differences vs PBO by `emmeans` (BASE at its mean over
 * the observations in the fit).
 *
 * Source of every reference number: `mmrm-sample.csv` from that script (R 4.2.2, mmrm 0.3.18,
 * emmeans 1.8.4.1). Tolerances (the two sides stop their REML optimizers at different points):
 * - `lsmean`, `lsmean_lcl`, `lsmean_ucl`, `diff`, `diff_lcl`, `diff_ucl`: |prod − R| ≤ 1e-4 × max(|R|, 1);
 * - `lsmean_se`, `diff_se`, `df`, `p`: |prod − R| ≤ 1e-3 × |R| (relative).
 * Row sets: for each covered endpoint/param, the production model rows (any `MMRM-…` method) are exactly
 * R's rows, keys (all eight key columns, `method` `MMRM-US-KR` included) compared as strings.
 *
 * A failing row is a disagreement to adjudicate from the SAP, never to silence here.
 * Regenerate after the sample changes: Rscript test/fixtures/double-programming-3/mmrm-from-lock.R
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ardKeyText } from '../../src/ard/types.js';
import { SAMPLE_LOCK, SAMPLE_RANDOMIZATION, sampleRun } from '../helpers/sample-run.js';
import { byArdKey, expectFreshFixture, expectSameArdRows, type RFixtureMeta } from '../helpers/r-fixtures.js';

type Row = Record<string, string>;

const FIXTURES = new URL('../fixtures/double-programming-3/', import.meta.url);
const readCsvFile = (file: string): Row[] =>
  parse(readFileSync(new URL(file, FIXTURES), 'utf8'), { columns: true, skip_empty_lines: true }) as Row[];

/** Estimates and CI bounds: absolute 1e-4 below |R| = 1, relative above. */
const ESTIMATE_STATS = new Set(['lsmean', 'lsmean_lcl', 'lsmean_ucl', 'diff', 'diff_lcl', 'diff_ucl']);
const ESTIMATE_TOL = 1e-4;
/** SE, KR df and p: relative. */
const RELATIVE_STATS = new Set(['lsmean_se', 'diff_se', 'df', 'p']);
const RELATIVE_TOL = 1e-3;
const MODEL_STATS = new Set([...ESTIMATE_STATS, ...RELATIVE_STATS]);

function agrees(stat: string, production: number | null, r: number | null): boolean {
  if (production === null || r === null) return production === r;
  if (ESTIMATE_STATS.has(stat)) return Math.abs(production - r) <= ESTIMATE_TOL * Math.max(Math.abs(r), 1);
  if (RELATIVE_STATS.has(stat)) return Math.abs(production - r) <= RELATIVE_TOL * Math.abs(r);
  throw new Error(`no tolerance for stat ${stat}`);
}

describe('MMRM double programming: production ARD vs independent R mmrm/emmeans (sample lock)', async () => {
  const meta = JSON.parse(readFileSync(new URL('meta-sample.json', FIXTURES), 'utf8')) as RFixtureMeta;
  const reference = readCsvFile('mmrm-sample.csv');
  const covered = [...new Set(reference.map((r) => `${r.endpoint}|${r.param}`))];
  const { result } = await sampleRun('unblinded');
  const production = result.ard.filter(
    (r) => covered.includes(`${r.endpoint}|${r.param}`) && (r.method.startsWith('MMRM') || MODEL_STATS.has(r.stat)),
  );
  const productionByKey = byArdKey(production);

  it('was derived by R from the current lock (MD5 of lock.json and randomization.csv)', () => {
    expectFreshFixture(meta, SAMPLE_LOCK, SAMPLE_RANDOMIZATION);
  });

  it('covers SLEDAI CHG and four PRO scores, 10 stats per visit and arm pair', () => {
    expect(covered).toEqual([
      'SLEDAI|CHG',
      'PRO|SF36PCS:CHG',
      'PRO|SF36MCS:CHG',
      'PRO|LPROHRQ:CHG',
      'PRO|PROMISFAT:CHG',
    ]);
    // SLEDAI: 8 visits × (3 arms × 4 LS-mean stats + 2 comparisons × 6 stats); PROs: 3 visits each.
    expect(reference.length).toBe(8 * 24 + 4 * 3 * 24);
  });

  it('has exactly the model rows of R for the covered params, each once', () => {
    expectSameArdRows(production, reference);
  });

  it.each(covered.map((c) => [c] as const))(
    '%s: every model value agrees with R (estimates/CI 1e-4 × max(|R|,1); SE, df, p 1e-3 rel)',
    (c) => {
      const rows = reference.filter((r) => `${r.endpoint}|${r.param}` === c);
      expect(rows.length).toBeGreaterThan(0);
      const out: { row: string; production: number | null; r: number | null }[] = [];
      for (const ref of rows) {
        const p = productionByKey.get(ardKeyText(ref));
        if (p === undefined) continue; // reported by the row-set test
        const r = ref.value === '' ? null : Number(ref.value);
        if (!agrees(ref.stat!, p.value, r)) out.push({ row: ardKeyText(ref), production: p.value, r });
      }
      expect(out).toEqual([]);
    },
  );
});
