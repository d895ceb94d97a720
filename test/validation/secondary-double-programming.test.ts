/**
 * Independent double programming of the SECONDARY endpoints (SAP synopsis §3–§5.2; sap/SAP.md 4.1–4.5,
 * 4.7, 4.11, 5.3, 5.5–5.9, 6.2, 6.5–6.9, 6.11, 6.12): the production pipeline, run in-process and
 * unblinded, against `test/fixtures/double-programming-2/derive-secondary.R`, written from the SAP and
 * the DTS without reading `src/derive/` or `src/analyze/`, on two locks: the bundled sample, and an edge
 * lock made from it by `make-edge-lock.R` (21 subjects: boundary cases the sample lacks, listed in
 * `edge-cases.txt`, and the two never infused; `edge-randomization.csv` unblinds it).
 *
 * Source of every reference number: that R script (R 4.2.2; base R, survival 3.5-3, MASS 7.3-58.2,
 * ratesci 1.0.0), from the raw lock CSVs and randomization.csv. Tolerances:
 * - counts (`N`, `n`, `events`, `censored`), flags, statuses, days: exact;
 * - model estimates (method `NEGBIN`, `POISSON`, `COX-EFRON`: rr/hr, CIs, Wald p): 1e-6 relative
 *   (iterative fits with different stopping rules);
 * - every other ARD number (prop, pyears, rate, descriptives, MN CI — ratesci with precis = 12 —, Fisher,
 *   log-rank, Wilcoxon p, KM estimates and medians): 1e-9 absolute;
 * - per-subject doses, patient-years, scores: 1e-9 absolute (both sides compute the same closed forms).
 * Not covered: PRO MMRM rows (validated against mmrm elsewhere), SRI-4 (sri4-double-programming.test.ts).
 *
 * A failing row is a disagreement to adjudicate from the SAP, never to silence here.
 * Regenerate the fixtures after the sample changes:
 *   Rscript test/fixtures/double-programming-2/derive-secondary.R
 *   Rscript test/fixtures/double-programming-2/make-edge-lock.R
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ardKeyText, type ArdRow } from '../../src/ard/types.js';
import { loadLock, loadRandomization, sha256File } from '../../src/lock/index.js';
import { runPipeline, type PipelineResult } from '../../src/pipeline/run-pipeline.js';
import { defaultSettingsPath, loadSapSettings } from '../../src/sap/index.js';
import { SAMPLE_LOCK, SAMPLE_RANDOMIZATION, sampleRun } from '../helpers/sample-run.js';
import { adamParamcd } from '../../src/derive/metadata/paramcd.js';
import { byArdKey, expectFreshFixture, expectSameArdRows, type RFixtureMeta } from '../helpers/r-fixtures.js';

type Row = Record<string, string>;

const FIXTURES = new URL('../fixtures/double-programming-2/', import.meta.url);
const readCsv = (text: string): Row[] => parse(text, { columns: true, skip_empty_lines: true }) as Row[];
const readCsvFile = (file: string): Row[] => readCsv(readFileSync(new URL(file, FIXTURES), 'utf8'));
const EDGE_LOCK = fileURLToPath(new URL('edge-lock/', FIXTURES));
const EDGE_RANDOMIZATION = fileURLToPath(new URL('edge-randomization.csv', FIXTURES));

const ENDPOINTS = [
  'FLARE',
  'FLARE_RENAL',
  'FLARE_NONRENAL',
  'FLARE_SEVERE',
  'TTFLARE',
  'SDI',
  'CSDISC',
  'TTCSDISC',
  'CSCUM',
  'BIOMARKER',
  'BIOSHIFT',
  'LAB',
  'PRO',
] as const;
const COUNT_STATS = new Set(['N', 'n', 'events', 'censored']);
const MODEL_METHODS = new Set(['NEGBIN', 'POISSON', 'COX-EFRON']);
const ABS_TOL = 1e-9;
const MODEL_REL_TOL = 1e-6;

/** PRO model rows are out of this validation's scope (the R script computes no MMRM). */
const inScope = (r: ArdRow) => (ENDPOINTS as readonly string[]).includes(r.endpoint) && !r.method.startsWith('MMRM');

interface Mismatch {
  readonly row: string;
  readonly production: unknown;
  readonly r: unknown;
}

/** Whether the production value agrees with R's under the tolerance of the row's kind (header). */
function agrees(ref: Row, production: number | null): boolean {
  const r = ref.value === '' ? null : Number(ref.value);
  if (r === null || production === null) return r === production;
  if (COUNT_STATS.has(ref.stat!)) return production === r;
  if (MODEL_METHODS.has(ref.method!)) return Math.abs(production - r) <= MODEL_REL_TOL * Math.abs(r);
  return Math.abs(production - r) <= ABS_TOL;
}

const yn = (flag: string | undefined) => (flag === '1' ? 'Y' : flag === '0' ? 'N' : '');
const numOrNull = (s: string | undefined) => (s === undefined || s === '' ? null : Number(s));

function exact(out: Mismatch[], row: string, production: unknown, r: unknown): void {
  if (production !== r) out.push({ row, production, r });
}

function close(out: Mismatch[], row: string, production: string | undefined, r: string | undefined): void {
  const p = numOrNull(production);
  const q = numOrNull(r);
  if (p === null || q === null ? p !== q : Math.abs(p - q) > ABS_TOL) out.push({ row, production: p, r: q });
}

/** Production rows by a key; a duplicated key is itself a finding. */
function indexBy(rows: readonly Row[], key: (r: Row) => string): Map<string, Row> {
  const m = new Map<string, Row>();
  for (const r of rows) {
    const k = key(r);
    if (m.has(k)) throw new Error(`duplicated production row ${k}`);
    m.set(k, r);
  }
  return m;
}

/** The edge lock, unblinded by its subjects' rows of the sample's randomization file. */
async function edgeRun(): Promise<PipelineResult> {
  const { lock } = await loadLock(EDGE_LOCK, { draft: false });
  const { rows } = await loadRandomization(EDGE_RANDOMIZATION, lock);
  const unblinding = {
    kind: 'randomization' as const,
    file: EDGE_RANDOMIZATION,
    sha256: await sha256File(EDGE_RANDOMIZATION),
    rows,
  };
  return runPipeline({ lock, unblinding, settings: loadSapSettings(defaultSettingsPath()) });
}

/**
 * Every comparison of one lock: `name` selects the R outputs (`*-<name>.csv`), `lockDir` and
 * `randomization` the inputs they were derived from (staleness check), `run` the production result.
 */
function compareWithR(name: string, lockDir: string, randomization: string, run: () => Promise<PipelineResult>): void {
  describe(`secondary endpoints double programming: production pipeline vs independent R (${name} lock)`, async () => {
    const result = await run();
    const fixture = (base: string): Row[] => readCsvFile(`${base}-${name}.csv`);
    const meta = JSON.parse(readFileSync(new URL(`meta-${name}.json`, FIXTURES), 'utf8')) as RFixtureMeta;
    const adam = (name: string): Row[] => {
      const text = result.files.get(`adam/${name}.csv`);
      if (typeof text !== 'string') throw new Error(`production wrote no adam/${name}.csv`);
      return readCsv(text);
    };
    const reference = fixture('ard-secondary');
    const production = result.ard.filter(inScope);
    const productionByKey = byArdKey(production);

    it('was derived by R from the current lock (MD5 of lock.json and randomization.csv)', () => {
      expectFreshFixture(meta, lockDir, randomization);
    });

    it('has exactly the ARD rows of R for these endpoints (PRO model rows aside), each once', () => {
      expectSameArdRows(production, reference);
    });

    it.each(ENDPOINTS.map((e) => [e] as const))(
      '%s: every ARD value agrees with R (counts exact; model estimates 1e-6 rel; others 1e-9 abs)',
      (endpoint) => {
        const rows = reference.filter((r) => r.endpoint === endpoint);
        expect(rows.length).toBeGreaterThan(0);
        const out: Mismatch[] = [];
        for (const ref of rows) {
          const p = productionByKey.get(ardKeyText(ref));
          if (p === undefined) continue; // reported by the row-set test
          if (!agrees(ref, p.value)) out.push({ row: ardKeyText(ref), production: p.value, r: ref.value });
        }
        expect(out).toEqual([]);
      },
    );

    it('BILAG assessments: same assessments, flags and window membership (exact)', () => {
      const mine = fixture('flare-assessments');
      const fas = new Set(mine.map((r) => r.USUBJID));
      const prod = indexBy(
        adam('adflare').filter((r) => fas.has(r.USUBJID)),
        (r) => `${r.USUBJID}@${r.VISITNUM}`,
      );
      const out: Mismatch[] = [];
      for (const r of mine) {
        const k = `${r.USUBJID}@${r.VISITNUM}`;
        const p = prod.get(k);
        if (!p) {
          out.push({ row: k, production: 'absent', r: 'assessment' });
          continue;
        }
        prod.delete(k);
        exact(out, `${k} ADY`, p.ADY, r.ADY);
        exact(out, `${k} NGRADED`, p.NGRADED, r.NGRADED);
        exact(out, `${k} FLAREFL`, p.FLAREFL, yn(r.FLARE));
        exact(out, `${k} RENFL`, p.RENFL, yn(r.FLARE_RENAL));
        exact(out, `${k} NRENFL`, p.NRENFL, yn(r.FLARE_NONRENAL));
        exact(out, `${k} SEVFL`, p.SEVFL, yn(r.FLARE_SEVERE));
        exact(out, `${k} NRENSEV`, p.NRENSEV, r.NRENSEV);
        exact(out, `${k} W12FL`, p.W12FL, yn(r.W12FL));
        exact(out, `${k} W24FL`, p.W24FL, yn(r.W24FL));
        exact(out, `${k} W52FL`, p.W52FL, yn(r.W52FL));
      }
      for (const k of prod.keys()) out.push({ row: k, production: 'assessment', r: 'absent' });
      expect(out).toEqual([]);
    });

    it('flare listing: the same severe/moderate/mild domain transitions (exact)', () => {
      const row = (r: Row) => [r.USUBJID, r.VISITNUM, r.ADY, r.PARAMCD, r.PREVC, r.AVALC, r.FLRSEV].join('|');
      const mine = fixture('flare-listing').map(row).sort();
      const fas = new Set(fixture('flare-subjects').map((r) => r.USUBJID));
      const prod = adam('adflrlst')
        .filter((r) => fas.has(r.USUBJID))
        .map(row)
        .sort();
      expect(
        prod.filter((r) => !mine.includes(r)),
        'only in production',
      ).toEqual([]);
      expect(
        mine.filter((r) => !prod.includes(r)),
        'only in R',
      ).toEqual([]);
    });

    it('flare windows per subject: cut-off, assessments, days at risk (exact), patient-years (1e-9), events (exact)', () => {
      const mine = fixture('flare-subjects');
      const prod = indexBy(adam('adflrsum'), (r) => `${r.USUBJID}@${r.AVISIT}`);
      const out: Mismatch[] = [];
      for (const r of mine) {
        for (const w of ['WEEK12', 'WEEK24', 'WEEK52']) {
          const k = `${r.USUBJID}@${w}`;
          const p = prod.get(k);
          if (!p) {
            out.push({ row: k, production: 'absent', r: 'window' });
            continue;
          }
          exact(out, `${k} CUTDY`, p.CUTDY, r[`${w}_CUTDY`]);
          exact(out, `${k} NASSESS`, p.NASSESS, r[`${w}_NASSESS`]);
          exact(out, `${k} ADURDY`, p.ADURDY, r[`${w}_DAYS`]);
          close(out, `${k} PYEARS`, p.PYEARS, String(Number(r[`${w}_DAYS`]) / 365.25));
          // R names the endpoints as the ARD does; adflrsum holds them under 8-character ADaM names.
          for (const [e, column] of [
            ['FLARE', 'FLARE'],
            ['FLARE_RENAL', 'FLARREN'],
            ['FLARE_NONRENAL', 'FLARNREN'],
            ['FLARE_SEVERE', 'FLARSEV'],
          ] as const)
            exact(out, `${k} ${e}`, p[column], r[`${w}_${e}`]);
        }
      }
      expect(out).toEqual([]);
    });

    it('time to first flare and to steroid discontinuation per subject: time and censoring (exact)', () => {
      const prod = indexBy(adam('adtte'), (r) => `${r.USUBJID}@${r.PARAMCD}`);
      const out: Mismatch[] = [];
      const check = (usubjid: string, paramcd: string, time: string | undefined, event: string | undefined) => {
        const k = `${usubjid}@${paramcd}`;
        const p = prod.get(k);
        if (!p) {
          out.push({ row: k, production: 'absent', r: `${time}/${event}` });
          return;
        }
        prod.delete(k);
        exact(out, `${k} AVAL`, p.AVAL, time);
        exact(out, `${k} CNSR`, p.CNSR, event === '1' ? '0' : '1');
      };
      for (const r of fixture('flare-subjects')) check(r.USUBJID!, 'TTFLARE', r.TTF_TIME, r.TTF_EVENT);
      for (const r of fixture('steroid-subjects').filter((s) => s.CSUSE0FL === '1'))
        check(r.USUBJID!, 'TTCSDISC', r.TTDISCDY, r.TTDISCEV);
      for (const k of prod.keys()) out.push({ row: k, production: 'record', r: 'absent' });
      expect(out).toEqual([]);
    });

    it('steroid sparing per subject: Day 0 dose and cumulative dose (1e-9 mg), use, end of follow-up, stop day, discontinuation (exact)', () => {
      const prod = indexBy(adam('adcsspar'), (r) => r.USUBJID!);
      const out: Mismatch[] = [];
      const mine = fixture('steroid-subjects');
      for (const r of mine) {
        const k = r.USUBJID!;
        const p = prod.get(k);
        if (!p) {
          out.push({ row: k, production: 'absent', r: 'subject' });
          continue;
        }
        close(out, `${k} CSDOSE0`, p.CSDOSE0, r.CSDOSE0);
        close(out, `${k} CSCUM`, p.CSCUM, r.CSCUM);
        exact(out, `${k} CSUSE0FL`, p.CSUSE0FL, yn(r.CSUSE0FL));
        exact(out, `${k} FUENDDY`, p.FUENDDY, r.FUENDDY);
        exact(out, `${k} CSLASTDY`, p.CSLASTDY, r.CSLASTDY);
        // Stop day and discontinuation are defined for Day 0 users only (SAP 5.8).
        if (r.CSUSE0FL === '1') {
          exact(out, `${k} CSSTOPDY`, p.CSSTOPDY, r.CSSTOPDY);
          exact(out, `${k} CSDISCFL`, p.CSDISCFL, yn(r.CSDISCFL));
          exact(out, `${k} TTDISCDY`, p.TTDISCDY, r.TTDISCDY);
        }
      }
      expect(prod.size).toBe(mine.length);
      expect(out).toEqual([]);
    });

    it('SDI per subject: screening total, Week 52 total and change (exact)', () => {
      const prod = indexBy(adam('adsdi'), (r) => `${r.USUBJID}@${r.AVISIT}`);
      const out: Mismatch[] = [];
      for (const r of fixture('sdi-subjects')) {
        const k = r.USUBJID!;
        const base = prod.get(`${k}@SCREENING`);
        const w52 = prod.get(`${k}@WEEK52`);
        exact(out, `${k} screening AVAL`, numOrNull(base?.AVAL), numOrNull(r.BASE));
        exact(out, `${k} WEEK52 AVAL`, numOrNull(w52?.AVAL), numOrNull(r.W52));
        if (w52) exact(out, `${k} WEEK52 CHG`, numOrNull(w52.CHG), numOrNull(r.CHG));
      }
      expect(out).toEqual([]);
    });

    it('biomarker status per subject, flag and visit, and its baseline status (exact)', () => {
      const mine = fixture('biomarker-subjects');
      const prod = indexBy(adam('adbiom'), (r) => `${r.USUBJID}@${r.PARAMCD}@${r.AVISIT}`);
      const out: Mismatch[] = [];
      for (const r of mine) {
        // R keeps the SAP flag codes; adbiom writes them as 8-character ADaM PARAMCDs.
        const k = `${r.USUBJID}@${adamParamcd(r.PARAMCD!)}@${r.AVISIT}`;
        const p = prod.get(k);
        exact(out, `${k} AVALC`, p?.AVALC, r.AVALC);
        exact(out, `${k} BASEC`, p?.BASEC, r.BASEC);
      }
      expect(out).toEqual([]);
    });

    it('PRO scores per subject and analysis visit: AVAL, BASE, CHG (1e-9)', () => {
      const mine = fixture('pro-subjects');
      const rows = adam('adpro');
      // Baseline = the ABLFL row (it may come from a pre-dose visit); other visits by their AVISIT.
      const prod = indexBy(
        rows.filter((r) => r.ABLFL === 'Y' || (r.AVISIT !== 'BASELINE' && r.AVISIT !== '' && r.AVAL !== '')),
        (r) => `${r.USUBJID}@${r.PARAMCD}@${r.ABLFL === 'Y' ? 'BASELINE' : r.AVISIT}`,
      );
      const out: Mismatch[] = [];
      for (const r of mine) {
        const k = `${r.USUBJID}@${adamParamcd(r.PARAMCD!)}@${r.AVISIT}`;
        const p = prod.get(k);
        if (!p) {
          out.push({ row: k, production: 'absent', r: r.AVAL });
          continue;
        }
        prod.delete(k);
        close(out, `${k} AVAL`, p.AVAL, r.AVAL);
        close(out, `${k} BASE`, p.BASE, r.BASE);
        close(out, `${k} CHG`, p.CHG, r.CHG);
      }
      const fas = new Set(mine.map((r) => r.USUBJID));
      for (const [k, p] of prod) if (fas.has(p.USUBJID)) out.push({ row: k, production: p.AVAL, r: 'absent' });
      expect(out).toEqual([]);
    });
  });
}

compareWithR('sample', SAMPLE_LOCK, SAMPLE_RANDOMIZATION, async () => (await sampleRun('unblinded')).result);
compareWithR('edge', EDGE_LOCK, EDGE_RANDOMIZATION, edgeRun);

/**
 * The R script itself on the edge lock's boundary cases (edge-cases.txt), against values worked out by
 * hand from the SAP rule named on each line: exact, doses within 1e-9 mg. This ties the reference to the
 * SAP text, so that an agreement above cannot be two programs sharing one misreading.
 */
describe('independent R on the edge lock: boundary cases as computed by hand from the SAP', () => {
  const bySubject = (base: string, key: (r: Row) => string) =>
    new Map(readCsvFile(`${base}-edge.csv`).map((r) => [key(r), r]));
  const steroid = bySubject('steroid-subjects', (r) => r.USUBJID!);
  const bio = bySubject('biomarker-subjects', (r) => `${r.USUBJID}@${r.PARAMCD}@${r.AVISIT}`);
  const flares = bySubject('flare-assessments', (r) => `${r.USUBJID}@${r.VISITNUM}`);
  const windows = bySubject('flare-subjects', (r) => r.USUBJID!);
  const listing = readCsvFile('flare-listing-edge.csv').map(
    (r) => `${r.USUBJID}@${r.VISITNUM}@${r.PARAMCD}@${r.PREVC}>${r.AVALC}@${r.FLRSEV}`,
  );
  const pro = bySubject('pro-subjects', (r) => `${r.USUBJID}@${r.PARAMCD}@${r.AVISIT}`);
  const S = (n: string) => `SLEMSC01-${n}`;

  it('steroid sparing (SAP 5.3, 4.11, 5.8)', () => {
    // 28-day rule: off from day 337 with E = 364 -> 364 - 337 + 1 = 28 -> discontinued at 337.
    expect([steroid.get(S('101-003'))?.CSDISCFL, steroid.get(S('101-003'))?.TTDISCDY]).toEqual(['1', '337']);
    // Off from day 338 -> 27 days -> not discontinued, censored at E = 364.
    expect([steroid.get(S('101-004'))?.CSDISCFL, steroid.get(S('101-004'))?.TTDISCDY]).toEqual(['0', '364']);
    // 70 mg QW = 10 mg/day on each of days 0..364: cumulative 3650.
    expect(Number(steroid.get(S('101-007'))?.CSCUM)).toBeCloseTo(3650, 9);
    // Dexamethasone 1.5 mg x 6.67 = 10.005 mg on Day 0 (SAP 5.3 example).
    expect(Math.abs(Number(steroid.get(S('101-008'))?.CSDOSE0) - 10.005)).toBeLessThan(1e-9);
    // IV methylprednisolone 500 mg ONCE on Day 0: 625 mg that day, 0 from day 1 -> discontinued at t = 1.
    expect([steroid.get(S('101-015'))?.CSDOSE0, steroid.get(S('101-015'))?.TTDISCDY]).toEqual(['625', '1']);
    // Hydrocortisone 10 TID (7.5/day) to day 60, prednisolone 20 QOD (10/day) 61-120, prednisone 10 PRN (10/day)
    // 121-150: cumulative 61 x 7.5 + 60 x 10 + 30 x 10 = 1357.5; off from day 151.
    expect([Number(steroid.get(S('101-016'))?.CSCUM), steroid.get(S('101-016'))?.TTDISCDY]).toEqual([1357.5, '151']);
    // Steroid ended on day -1: not a Day 0 user; cumulative 5 mg x 91 days (10..100).
    expect([steroid.get(S('102-003'))?.CSUSE0FL, Number(steroid.get(S('102-003'))?.CSCUM)]).toEqual(['0', 455]);
  });

  it('biomarker flags of <x / >x results and baselines (SAP 5.9, 4.2)', () => {
    const st = (n: string, flag: string, visit: string) => bio.get(`${S(n)}@${flag}@${visit}`)?.AVALC;
    expect([st('102-005', 'LEUKOPENIA', 'WEEK4'), st('102-005', 'LEUKOPENIA', 'WEEK8')]).toEqual(['ABN', 'NORM']);
    expect(['WEEK4', 'WEEK8', 'WEEK12'].map((v) => st('103-006', 'DSDNAPOS', v))).toEqual(['ABN', 'ABN', 'NORM']);
    expect(['WEEK4', 'WEEK8', 'WEEK12'].map((v) => st('103-009', 'LOWC3', v))).toEqual(['ABN', 'ABN', 'NORM']);
    expect(['WEEK4', 'WEEK8', 'WEEK12'].map((v) => st('103-009', 'UPCRGT05', v))).toEqual(['ABN', 'NORM', 'ABN']);
    expect(st('104-001', 'THROMBOCYTOPENIA', 'BASELINE')).toBe('MISS');
  });

  it('flare transitions and windows (SAP 4.5, 5.5)', () => {
    const f = (n: string, vn: string) => flares.get(`${S(n)}@${vn}`);
    // Unscheduled 5.01 on the Week 12 visit date: inside the Week 12 window; CONS E -> A severe.
    expect([f('105-009', '5.01')?.W12FL, f('105-009', '5.01')?.FLARE_SEVERE]).toEqual(['1', '1']);
    // No Week 12 visit: cut-off day 84; day 84 inside, day 85 only in Week 24; after Week 52: in no window.
    expect(windows.get(S('106-003'))?.WEEK12_CUTDY).toBe('84');
    expect([f('106-003', '4.01')?.W12FL, f('106-003', '4.02')?.W12FL, f('106-003', '4.02')?.W24FL]).toEqual([
      '1',
      '0',
      '1',
    ]);
    expect([f('106-003', '10.01')?.FLARE, f('106-003', '10.01')?.W52FL]).toEqual(['1', '0']);
    // Renal baseline from screening (D) -> B moderate; MUCO without baseline: no transition at its first grade.
    expect(listing).toContain(`${S('105-003')}@3@BLGRENL@D>B@MODERATE`);
    expect(listing.filter((r) => r.startsWith(`${S('105-003')}@3@BLGMUCO`))).toEqual([]);
    expect(listing).toContain(`${S('105-003')}@4@BLGMUCO@B>A@SEVERE`);
  });

  it('PRO scoring (SAP 5.7)', () => {
    // Pain interference 3 of 6 answered: scored (prorated); 2 of 6: missing. LIT 8 of 10: scored; 7: missing.
    expect(pro.has(`${S('107-003')}@PROMISPAIN@WEEK12`)).toBe(true);
    expect(pro.has(`${S('107-003')}@PROMISPAIN@WEEK24`)).toBe(false);
    expect(pro.has(`${S('107-003')}@LIT@WEEK12`)).toBe(true);
    expect(pro.has(`${S('107-003')}@LIT@WEEK24`)).toBe(false);
    // Fatigue all NOT DONE at Day 0: no baseline, so no change at Week 12.
    expect(pro.get(`${S('109-002')}@PROMISFAT@WEEK12`)?.CHG).toBe('');
  });
});
