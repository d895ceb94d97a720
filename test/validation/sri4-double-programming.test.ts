/**
 * Independent double programming of the SRI-4 derivations (SAP 4.2, 4.6, 4.11, 5.1–5.4): the production
 * pipeline against `test/fixtures/double-programming/derive-sri4.R`, written from the SAP and the DTS
 * without reading `src/derive/`, on two locks: the bundled sample (unblinded run) and an edge-case lock
 * made from it by `make-edge-lock.R` (blinded run; boundary cases the sample lacks, listed in the
 * script and in `edge-cases.txt`). Subject by subject: counts, statuses and flags
 * exactly; prednisone-equivalent doses within 1e-9 mg/day absolute (both sides round to 9 decimals,
 * SAP 4.11, so only the last-bit rounding of the two languages may differ).
 *
 * A failing subject is a disagreement to adjudicate from the SAP, never to silence here.
 * Regenerate the fixtures after the sample changes (commands in the R scripts and the meta files):
 *   Rscript test/fixtures/double-programming/derive-sri4.R
 *   Rscript test/fixtures/double-programming/make-edge-lock.R
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadLock } from '../../src/lock/index.js';
import { runPipeline, type PipelineResult } from '../../src/pipeline/run-pipeline.js';
import { defaultSettingsPath, loadSapSettings } from '../../src/sap/index.js';
import { SAMPLE_LOCK, sampleRun } from '../helpers/sample-run.js';

type Row = Record<string, string>;

const FIXTURES = new URL('../fixtures/double-programming/', import.meta.url);
const readCsv = (name: string): Row[] =>
  parse(readFileSync(new URL(name, FIXTURES), 'utf8'), { columns: true, skip_empty_lines: true }) as Row[];

const EDGE_LOCK = fileURLToPath(new URL('edge-lock/', FIXTURES));

interface Meta {
  readonly command: string;
  readonly sha256: Record<string, string>;
}

/** Dose tolerance, mg/day absolute: both sides are rounded to 9 decimals (SAP 4.11). */
const DOSE_TOL = 1e-9;
/** Protocol days whose dose the R fixture lists per subject (besides Day 0). */
const REPORT_DAYS = [-1, 1, 28, 84, 140, 168, 364] as const;

const num = (s: string | undefined): number | null => (s === undefined || s === '' ? null : Number(s));
const str = (s: string | undefined): string | null => (s === undefined || s === '' ? null : s);
const dayColumn = (d: number) => `DOSE_DAY_${d < 0 ? `M${-d}` : d}`;

/** One disagreement, worded for the report: field, production value, R value. */
interface Mismatch {
  readonly field: string;
  readonly production: unknown;
  readonly r: unknown;
}

function exact(out: Mismatch[], field: string, production: unknown, r: unknown): void {
  if (production !== r) out.push({ field, production, r });
}

function dose(out: Mismatch[], field: string, production: number | null | undefined, r: number | null): void {
  const p = production ?? null;
  if (p === null || r === null ? p !== r : Math.abs(p - r) > DOSE_TOL) out.push({ field, production: p, r });
}

/** R's profile runs expanded to one dose per protocol day, by subject. */
function expandRuns(rows: readonly Row[]): Map<string, Map<number, number>> {
  const bySubject = new Map<string, Map<number, number>>();
  for (const r of rows) {
    const days = bySubject.get(r.USUBJID!) ?? new Map<number, number>();
    for (let d = Number(r.FROMDAY); d <= Number(r.TODAY); d++) days.set(d, Number(r.DOSE));
    bySubject.set(r.USUBJID!, days);
  }
  return bySubject;
}

/** The edge-case lock, analysed blinded (the SRI-4 derivations do not depend on the arms). */
async function edgeRun(): Promise<PipelineResult> {
  const { lock } = await loadLock(EDGE_LOCK, { draft: false });
  return runPipeline({ lock, unblinding: { kind: 'blinded' }, settings: loadSapSettings(defaultSettingsPath()) });
}

/**
 * Every comparison of one lock: `name` selects the R outputs (`sri4-<name>.csv`, …), `lockDir` the lock
 * they were derived from (staleness check), `run` the production result on that lock.
 */
function compareWithR(name: string, lockDir: string, run: () => Promise<PipelineResult>): void {
  const reference = readCsv(`sri4-${name}.csv`);
  const referenceProfiles = expandRuns(readCsv(`steroid-profiles-${name}.csv`));
  const meta = JSON.parse(readFileSync(new URL(`sri4-${name}.meta.json`, FIXTURES), 'utf8')) as Meta;

  describe(`SRI-4 double programming: production pipeline vs independent R (${name} lock)`, async () => {
    const result = await run();
    const sri4 = new Map(result.derivations.sri4.map((r) => [r.USUBJID, r]));
    const adsl = new Map(result.derivations.adsl.map((r) => [r.USUBJID, r]));
    const profiles = result.derivations.steroid.profiles;

    it('was derived by R from the current lock files (SHA-256 of dm, ds, sv, ex, qs, cm)', () => {
      const stale = Object.entries(meta.sha256).filter(
        ([file, sha]) =>
          createHash('sha256')
            .update(readFileSync(join(lockDir, file)))
            .digest('hex') !== sha,
      );
      expect(
        stale.map(([f]) => f),
        `fixture is stale; regenerate with: ${meta.command}`,
      ).toEqual([]);
    });

    it('has the same FAS (randomized and EXOCCUR = Y), each with an SRI-4 record', () => {
      const fasProduction = result.derivations.adsl
        .filter((s) => s.FASFL === 'Y')
        .map((s) => s.USUBJID)
        .sort();
      expect(fasProduction).toEqual(reference.map((r) => r.USUBJID).sort());
      expect(reference.filter((r) => !sri4.has(r.USUBJID!)).map((r) => r.USUBJID)).toEqual([]);
    });

    it('has the same number of SRI-4 responders (R count, exact)', () => {
      const fas = new Set(reference.map((r) => r.USUBJID));
      const production = result.derivations.sri4.filter((r) => fas.has(r.USUBJID) && r.SRI4FL === 'Y').length;
      expect(production).toBe(reference.filter((r) => r.SRI4FL === 'Y').length);
    });

    it.each(reference.map((r) => [r.USUBJID!, r] as const))(
      '%s: visits, components, withdrawal and SRI-4 flag agree exactly; doses within 1e-9',
      (usubjid, ref) => {
        const p = sri4.get(usubjid);
        const s = adsl.get(usubjid);
        expect(p, 'production SRI-4 record').toBeDefined();
        expect(s, 'production ADSL record').toBeDefined();
        const out: Mismatch[] = [];
        exact(out, 'W20DT', p!.W20DT, str(ref.W20DT));
        exact(out, 'W24DT', p!.W24DT, str(ref.W24DT));
        exact(out, 'CSWINSDY', p!.CSWINSDY, num(ref.CSWINSDY));
        exact(out, 'CSWINEDY', p!.CSWINEDY, num(ref.CSWINEDY));
        exact(out, 'SLEDBASE', p!.SLEDBASE, num(ref.SLEDBASE));
        exact(out, 'SLEDAVAL', p!.SLEDAVAL, num(ref.SLEDW24));
        exact(out, 'SLEDSTAT', p!.SLEDSTAT, ref.SLEDSTAT);
        exact(out, 'BLGNEWA', p!.BLGNEWA, num(ref.BLGNEWA));
        exact(out, 'BLGNEWB', p!.BLGNEWB, num(ref.BLGNEWB));
        exact(out, 'BLGSTAT', p!.BLGSTAT, ref.BLGSTAT);
        exact(out, 'PGABASEH', p!.PGABASEH, num(ref.PGABASEH));
        exact(out, 'PGAAVALH', p!.PGAAVALH, num(ref.PGAW24H));
        exact(out, 'PGASTAT', p!.PGASTAT, ref.PGASTAT);
        dose(out, 'CSMAXDOS', p!.CSMAXDOS, num(ref.CSMAXDOS));
        exact(out, 'CSSTAT', p!.CSSTAT, ref.CSSTAT);
        exact(out, 'WDBFW24', p!.WDBFW24, ref.WDBFW24);
        exact(out, 'SRI4FL', p!.SRI4FL, ref.SRI4FL);
        // ADSL carries the same baselines (SAP 4.2); PGA as the decimal value, hundredths / 100 exactly
        // (both are the double nearest to the two-decimal value).
        exact(out, 'ADSL.BASESLED', s!.BASESLED, num(ref.SLEDBASE));
        exact(out, 'ADSL.BASEPGA', s!.BASEPGA, ref.PGABASEH === '' ? null : Number(ref.PGABASEH) / 100);
        dose(out, 'ADSL.CSDOSE0', s!.CSDOSE0, num(ref.CSDOSE0));
        expect(out).toEqual([]);
      },
    );

    it.each(reference.map((r) => [r.USUBJID!, r] as const))(
      '%s: daily prednisone-equivalent dose agrees on every day to RFENDTC (1e-9 mg/day)',
      (usubjid, ref) => {
        const prof = profiles.get(usubjid);
        expect(prof, 'production dose profile').toBeDefined();
        const mine = referenceProfiles.get(usubjid)!;
        const lastDay = Number(ref.PROFLDY);
        const out: Mismatch[] = [];
        // The profile must reach RFENDTC's day and cover Day 0 (the SAP uses days 0 … RFENDTC).
        exact(out, 'profile.lastDay', prof!.lastDay, lastDay);
        if (prof!.firstDay > 0) out.push({ field: 'profile.firstDay', production: prof!.firstDay, r: '<= 0' });
        for (const d of REPORT_DAYS) {
          const r = num(ref[dayColumn(d)]);
          const inProfile = d >= prof!.firstDay && d <= prof!.lastDay;
          if (r !== null || inProfile)
            dose(out, `dose day ${d}`, inProfile ? prof!.doses[d - prof!.firstDay] : null, r);
        }
        // Every day both sides cover (R writes days -60 … RFENDTC): first differing day only, per run.
        let previousBad = false;
        for (let d = Math.max(prof!.firstDay, -60); d <= Math.min(prof!.lastDay, lastDay); d++) {
          const pd = prof!.doses[d - prof!.firstDay] ?? null;
          const rd = mine.get(d) ?? null;
          const bad = pd === null || rd === null || Math.abs(pd - rd) > DOSE_TOL;
          if (bad && !previousBad) out.push({ field: `dose from day ${d}`, production: pd, r: rd });
          previousBad = bad;
        }
        expect(out).toEqual([]);
      },
    );
  });
}

compareWithR('sample', SAMPLE_LOCK, async () => (await sampleRun('unblinded')).result);
compareWithR('edge', EDGE_LOCK, edgeRun);
