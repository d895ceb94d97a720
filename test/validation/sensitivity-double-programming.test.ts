/**
 * Independent double programming of the SRI-4 sensitivity, supportive and subgroup analyses and of
 * exposure, medication at Day 0 and derived deviations (SAP synopsis §5.4, §5.5, §6; sap/SAP.md 6.13,
 * 7.4; ard.md SRI4_STRAT, SRI4_OC, SRI4_AT, SRI4_SUB, EXPOSURE, CONMED, DEVIATION): the production
 * pipeline, run in-process and unblinded, against `test/fixtures/double-programming-4/derive-sensitivity.R`,
 * written from the SAP and the DTS without reading `src/`, on two locks: the bundled sample, and an edge
 * lock made from it by `make-edge-lock.R` (boundary cases the sample lacks, listed in `edge-cases.txt`;
 * `edge-randomization.csv` unblinds it).
 *
 * Source of every reference number: that R script (R 4.2.2; stats mantelhaen.test, chisq.test,
 * fisher.test, quantile type 2; ratesci 1.0.0 scoreci), from the raw lock CSVs and the randomization file;
 * the SRI-4 response per subject from the independent derive-sri4.R. Tolerances:
 * - counts (`N`, `n`), flags: exact;
 * - MH odds ratio and its CI: 1e-9 relative (closed forms in both);
 * - every other ARD number (prop, MN CI — ratesci with precis = 12 —, Fisher, CMH p, descriptives): 1e-9
 *   absolute.
 *
 * A failing row is a disagreement to adjudicate from the SAP, never to silence here.
 * Regenerate the fixtures after the sample changes:
 *   Rscript test/fixtures/double-programming-4/derive-sensitivity.R
 *   Rscript test/fixtures/double-programming-4/make-edge-lock.R
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ardKeyText } from '../../src/ard/types.js';
import { loadLock, loadRandomization, sha256File } from '../../src/lock/index.js';
import { runPipeline, type PipelineResult } from '../../src/pipeline/run-pipeline.js';
import { defaultSettingsPath, loadSapSettings } from '../../src/sap/index.js';
import { SAMPLE_LOCK, SAMPLE_RANDOMIZATION, sampleRun } from '../helpers/sample-run.js';
import { byArdKey, expectFreshFixture, expectSameArdRows, type RFixtureMeta } from '../helpers/r-fixtures.js';

type Row = Record<string, string>;

const FIXTURES = new URL('../fixtures/double-programming-4/', import.meta.url);
const readCsv = (text: string): Row[] => parse(text, { columns: true, skip_empty_lines: true }) as Row[];
const readCsvFile = (file: string): Row[] => readCsv(readFileSync(new URL(file, FIXTURES), 'utf8'));
const EDGE_LOCK = fileURLToPath(new URL('edge-lock/', FIXTURES));
const EDGE_RANDOMIZATION = fileURLToPath(new URL('edge-randomization.csv', FIXTURES));

const ENDPOINTS = ['SRI4_STRAT', 'SRI4_OC', 'SRI4_AT', 'SRI4_SUB', 'EXPOSURE', 'CONMED', 'DEVIATION'] as const;
const COUNT_STATS = new Set(['N', 'n']);
const ABS_TOL = 1e-9;
const REL_TOL = 1e-9;

function agrees(ref: Row, production: number | null): boolean {
  const r = ref.value === '' ? null : Number(ref.value);
  if (r === null || production === null) return r === production;
  if (COUNT_STATS.has(ref.stat!)) return production === r;
  if (ref.method === 'MH') return Math.abs(production - r) <= REL_TOL * Math.abs(r);
  return Math.abs(production - r) <= ABS_TOL;
}

interface Mismatch {
  readonly row: string;
  readonly production: unknown;
  readonly r: unknown;
}

async function edgeRun(): Promise<PipelineResult> {
  const { lock } = await loadLock(EDGE_LOCK, { draft: false });
  const { rows } = await loadRandomization(EDGE_RANDOMIZATION, lock);
  return runPipeline({
    lock,
    unblinding: { kind: 'randomization', file: EDGE_RANDOMIZATION, sha256: await sha256File(EDGE_RANDOMIZATION), rows },
    settings: loadSapSettings(defaultSettingsPath()),
  });
}

function compareWithR(name: string, lockDir: string, randomization: string, run: () => Promise<PipelineResult>): void {
  describe(`sensitivity, exposure, conmed, deviations double programming: production vs independent R (${name} lock)`, async () => {
    const result = await run();
    const meta = JSON.parse(readFileSync(new URL(`meta-${name}.json`, FIXTURES), 'utf8')) as RFixtureMeta;
    const reference = readCsvFile(`ard-sensitivity-${name}.csv`);
    const production = result.ard.filter((r) => (ENDPOINTS as readonly string[]).includes(r.endpoint));
    const productionByKey = byArdKey(production);
    const adam = (dataset: string): Row[] => {
      const text = result.files.get(`adam/${dataset}.csv`);
      if (typeof text !== 'string') throw new Error(`production wrote no adam/${dataset}.csv`);
      return readCsv(text);
    };

    it('was derived by R from the current lock (MD5 of lock.json and the randomization file)', () => {
      expectFreshFixture(meta, lockDir, randomization);
    });

    it('has exactly the ARD rows of R for these endpoints, each once', () => {
      expectSameArdRows(production, reference);
    });

    it.each(ENDPOINTS.map((e) => [e] as const))(
      '%s: every ARD value agrees with R (counts exact; MH OR 1e-9 rel; others 1e-9 abs)',
      (endpoint) => {
        const rows = reference.filter((r) => r.endpoint === endpoint);
        expect(rows.length).toBeGreaterThan(0);
        const out: Mismatch[] = [];
        for (const ref of rows) {
          const p = productionByKey.get(ardKeyText(ref));
          if (p !== undefined && !agrees(ref, p.value))
            out.push({ row: ardKeyText(ref), production: p.value, r: ref.value });
        }
        expect(out).toEqual([]);
      },
    );

    it('per subject: EXVOL, observed case, screening stratum and deviation flags agree (exact)', () => {
      const adsl = new Map(adam('adsl').map((r) => [r.USUBJID!, r]));
      const sri4 = new Map(result.derivations.sri4.map((r) => [r.USUBJID, r]));
      const addv = new Map(adam('addv').map((r) => [r.USUBJID!, r]));
      const out: Mismatch[] = [];
      const exact = (row: string, p: unknown, r: unknown) => {
        if (p !== r) out.push({ row, production: p, r });
      };
      for (const r of readCsvFile(`subjects-${name}.csv`)) {
        const k = r.USUBJID!;
        exact(`${k} EXVOL`, adsl.get(k)?.EXVOL, r.EXVOL);
        exact(`${k} STRATUM`, adsl.get(k)?.STRATUM, r.STRATUM);
        exact(`${k} OCFL`, sri4.get(k)?.OCFL ?? '', r.OCFL);
        for (const f of ['DVSTRFL', 'DVARMFL', 'DVNINFFL', 'DVANYFL']) exact(`${k} ${f}`, addv.get(k)?.[f], r[f]);
      }
      expect(out).toEqual([]);
    });

    it('per CM record: the medication-at-Day-0 flag agrees (exact)', () => {
      const prod = new Map(adam('adcmd0').map((r) => [`${r.USUBJID}@${r.CMSEQ}`, r.D0FL]));
      const mine = readCsvFile(`conmed-${name}.csv`);
      expect(prod.size).toBe(mine.length);
      const out = mine
        .filter((r) => prod.get(`${r.USUBJID}@${r.CMSEQ}`) !== r.D0FL)
        .map((r) => ({
          row: `${r.USUBJID}@${r.CMSEQ} ${r.CMSTDTC}..${r.CMENDTC}`,
          production: prod.get(`${r.USUBJID}@${r.CMSEQ}`),
          r: r.D0FL,
        }));
      expect(out).toEqual([]);
    });
  });
}

compareWithR('sample', SAMPLE_LOCK, SAMPLE_RANDOMIZATION, async () => (await sampleRun('unblinded')).result);
compareWithR('edge', EDGE_LOCK, EDGE_RANDOMIZATION, edgeRun);

/**
 * The R script itself on the edge lock's boundary cases (edge-cases.txt), against values worked out by
 * hand from the SAP rule each line names (exact), so that an agreement above cannot be two programs
 * sharing one misreading.
 */
describe('independent R on the edge lock: boundary cases as worked out by hand from the SAP', () => {
  const ard = new Map(readCsvFile('ard-sensitivity-edge.csv').map((r) => [ardKeyText(r), r.value]));
  const subjects = new Map(readCsvFile('subjects-edge.csv').map((r) => [r.USUBJID!, r]));
  const conmed = readCsvFile('conmed-edge.csv');
  const S = (n: string) => `SLEMSC01-${n}`;
  const d0 = (n: string, start: string) => conmed.find((r) => r.USUBJID === S(n) && r.CMSTDTC === start)?.D0FL;
  const row = (endpoint: string, param: string, group: string, comparator: string, stat: string, method = '') =>
    ard.get(
      [
        endpoint,
        param,
        endpoint === 'DEVIATION' ? '' : 'WEEK24',
        endpoint === 'DEVIATION' ? 'ENR' : 'FAS',
        group,
        comparator,
        stat,
        method,
      ].join('|'),
    );

  it('medication at Day 0 (SAP 7.4): partial start = first day, partial end = last day, empty end = ongoing', () => {
    // 101-007, Day 0 2025-08-21: start 2025-08 (→ 08-01) to Day 0: taken; from the day after: not;
    // 2024 .. 2025-07 (→ 07-31): not.
    expect([d0('101-007', '2025-08'), d0('101-007', '2025-08-22'), d0('101-007', '2024')]).toEqual(['Y', 'N', 'N']);
    // 101-016, Day 0 2025-12-08: from 2026-01 (→ 01-01): not; 2023 .. 2025 (→ 12-31): taken; Day 0 only: taken.
    expect([d0('101-016', '2026-01'), d0('101-016', '2023'), d0('101-016', '2025-12-08')]).toEqual(['N', 'Y', 'Y']);
    // 102-001, Day 0 2025-01-27: 2024-12-28 .. 2025-01 (→ 01-31) taken; .. 2025-01-26 not (two rows share the start).
    expect(
      conmed
        .filter((r) => r.USUBJID === S('102-001') && r.CMSTDTC === '2024-12-28')
        .map((r) => r.D0FL)
        .sort(),
    ).toEqual(['N', 'Y']);
    // 101-013 never infused: no Day 0, no flag.
    expect(d0('101-013', '2024')).toBe('');
  });

  it('CMH (SAP 6.13): MSC5E6 has no responder where PBO is, so Σad/n = 0: OR and CI empty, p present', () => {
    expect(['or', 'or_lcl', 'or_ucl'].map((s) => row('SRI4_STRAT', '', 'MSC5E6', 'PBO', s, 'MH'))).toEqual([
      '',
      '',
      '',
    ]);
    expect(row('SRI4_STRAT', '', 'MSC5E6', 'PBO', 'p', 'CMH')).not.toBe('');
    // MSC1E6: the >=10 stratum holds one subject (left out); one stratum remains and is estimable.
    expect(row('SRI4_STRAT', '', 'MSC1E6', 'PBO', 'or', 'MH')).not.toBe('');
  });

  it('a subgroup with an empty arm: STRATUM:>=10 has no PBO subject, so no comparison', () => {
    expect(row('SRI4_SUB', 'STRATUM:>=10', 'PBO', '', 'N')).toBe('0');
    for (const s of ['diff', 'diff_lcl', 'diff_ucl'])
      expect(row('SRI4_SUB', 'STRATUM:>=10', 'MSC5E6', 'PBO', s, 'MN')).toBe('');
  });

  it('deviations and exposure per subject (SAP 7.4)', () => {
    expect(subjects.get(S('101-011'))).toMatchObject({ SCRSLED: '', STRATUM: '', DVSTRFL: 'Y' });
    expect(subjects.get(S('101-004'))).toMatchObject({ ARMCD: 'PBO', ACTARMCD: 'MSC5E6', DVARMFL: 'Y', DVANYFL: 'Y' });
    expect(subjects.get(S('101-014'))?.EXVOL).toBe('');
    expect([subjects.get(S('101-006'))?.AGE, subjects.get(S('101-009'))?.AGE]).toEqual(['40', '39']);
  });
});
