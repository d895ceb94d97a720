import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveAdsl } from '../../src/derive/adsl.js';
import { deriveBilagGrades } from '../../src/derive/bilag.js';
import {
  computeFlareWindow,
  computeFlareWindowCutoffs,
  deriveFlares,
  flareWindowIds,
  toFlareDatasets,
} from '../../src/derive/flares.js';
import { sampleRun } from '../helpers/sample-run.js';
import { bilag, dm, ex, onDay, settings, sv, DAY0 } from './helpers.js';
import { datasetContext } from '../helpers/dataset-context.js';

// Expected values worked by hand from SAP.md §4.5 and §5.5 (examples there), and, for the sample lock,
// the independent R derivation test/fixtures/flares/make-flares.R (exact: counts and whole days).

describe('computeFlareWindowCutoffs (SAP.md §4.5)', () => {
  it("closes a window at the subject's Week w visit date, else at day 7·w", () => {
    const dates = new Map([
      [5, onDay(90)],
      [10, onDay(360)],
    ]); // Week 12 late, no Week 24
    expect(computeFlareWindowCutoffs(dates, DAY0, settings())).toEqual([
      { window: 'WEEK12', week: 12, day: 90, source: 'VISIT' },
      { window: 'WEEK24', week: 24, day: 168, source: 'DAY' },
      { window: 'WEEK52', week: 52, day: 360, source: 'VISIT' },
    ]);
    expect(flareWindowIds(settings())).toEqual(['WEEK12', 'WEEK24', 'WEEK52']);
  });
});

describe('computeFlareWindow', () => {
  const a = (ADY: number, flare: boolean, renal = false) =>
    ({
      ADY,
      FLAREFL: flare ? 'Y' : 'N',
      RENFL: renal ? 'Y' : 'N',
      NRENFL: flare && !renal ? 'Y' : 'N',
      SEVFL: 'N',
    }) as const;

  it('includes an assessment on the cut-off day and excludes the day after (SAP example: days 88, 90 in, 95 out)', () => {
    const w = computeFlareWindow([a(88, true), a(90, true, true), a(95, true)], 90);
    expect(w).toEqual({
      assessments: 2,
      daysAtRisk: 90,
      events: { FLARE: 2, FLARE_RENAL: 1, FLARE_NONRENAL: 1, FLARE_SEVERE: 0 },
    });
    expect(computeFlareWindow([a(88, true), a(90, true), a(95, true)], 89).daysAtRisk).toBe(88);
  });

  it('has 0 days at risk and no events without an assessment in the window', () => {
    expect(computeFlareWindow([a(100, true)], 84)).toEqual({
      assessments: 0,
      daysAtRisk: 0,
      events: { FLARE: 0, FLARE_RENAL: 0, FLARE_NONRENAL: 0, FLARE_SEVERE: 0 },
    });
  });
});

describe('deriveFlares: the worked example of SAP.md §5.5', () => {
  const s = settings();
  //                       CONS MUCO NEUR MUSK CARD GAST OPHT RENL HAEM
  const qs = [
    ...bilag('S1', 2, 0, 'ECEBEEEDE'),
    ...bilag('S1', 3, 28, 'EBEBEEEDE'),
    ...bilag('S1', 3.01, 40, '-A-------'),
    ...bilag('S1', 4, 56, 'EAECEEEBE'),
    ...bilag('S1', 5, 84, 'EBEDEEECE'),
    ...bilag('S1', 6, 112, 'EBECEEEBE'),
  ];
  const lock = {
    dm: [dm('S1'), dm('S2')],
    ds: [],
    ex: [ex('S1'), ex('S2')],
    sv: [
      sv('S1', 2, 0),
      sv('S1', 3, 28),
      sv('S1', 3.01, 40),
      sv('S1', 4, 56),
      sv('S1', 5, 84),
      sv('S1', 6, 112),
      sv('S2', 2, 0),
    ],
    qs,
  };
  const adsl = deriveAdsl(lock, { kind: 'blinded' }, { sledai: [], pga: [], sdi: [], steroidProfiles: new Map() }, s);
  const d = deriveFlares({ adsl, bilagGrades: deriveBilagGrades(lock, s), sv: lock.sv }, s);
  const win = (subject: string, window: string) => d.windows.find((w) => w.USUBJID === subject && w.window === window)!;

  it('counts at or before Week 12: 3 FLARE events, 1 renal, 2 non-renal, 1 severe, 84 days at risk', () => {
    const w12 = win('S1', 'WEEK12');
    expect(w12.events).toEqual({ FLARE: 3, FLARE_RENAL: 1, FLARE_NONRENAL: 2, FLARE_SEVERE: 1 });
    expect([w12.daysAtRisk, w12.cutoffSource]).toEqual([84, 'VISIT']);
    expect(w12.patientYears).toBe(84 / 365.25);
    // Week 24 window: no Week 24 visit, cut-off day 168; the day-112 renal flare adds one event.
    expect(win('S1', 'WEEK24')).toMatchObject({ cutoffDay: 168, cutoffSource: 'DAY', daysAtRisk: 112 });
    expect(win('S1', 'WEEK24').events.FLARE).toBe(4);
  });

  it('gives time to first flare = day 28 (event), and a subject without post-baseline BILAG 0 days at risk, censored at 0', () => {
    expect(d.tte.map((r) => [r.USUBJID, r.AVAL, r.CNSR, r.ADT])).toEqual([
      ['S1', 28, 0, onDay(28)],
      ['S2', 0, 1, DAY0],
    ]);
    expect(win('S2', 'WEEK52')).toMatchObject({ assessments: 0, daysAtRisk: 0, patientYears: 0 });
  });

  it('writes adflare with window flags, adflrsum per subject and window, and adflrlst with the 5 listed transitions', () => {
    const [adflare, adflrsum, adflrlst] = toFlareDatasets(d, datasetContext(['S1', 'S2'], s));
    expect(adflare!.rows.map((r) => [r.VISITNUM, r.W12FL, r.W24FL, r.W52FL])).toEqual([
      [3, 'Y', 'Y', 'Y'],
      [3.01, 'Y', 'Y', 'Y'],
      [4, 'Y', 'Y', 'Y'],
      [5, 'Y', 'Y', 'Y'],
      [6, 'N', 'Y', 'Y'],
    ]);
    expect(adflrsum!.rows).toHaveLength(2 * 3);
    expect(adflrlst!.rows).toHaveLength(5);
    expect(adflare!.columns).not.toContain('src');
  });
});

describe('deriveFlares on the sample lock against the R derivation (exact)', async () => {
  const ref = JSON.parse(readFileSync(new URL('../fixtures/flares/flares-sample.json', import.meta.url), 'utf8'));
  const { lock, settings: s, result } = await sampleRun('unblinded');
  const d = deriveFlares(
    { adsl: result.derivations.adsl, bilagGrades: result.derivations.bilagGrades, sv: lock.sv },
    s,
  );
  const fas = new Set(result.derivations.adsl.filter((x) => x.FASFL === 'Y').map((x) => x.USUBJID));

  it('finds the same domain transitions (subject, visit, domain, grades, severity)', () => {
    const key = (t: {
      USUBJID: string;
      VISITNUM: number;
      PARAMCD: string;
      PREVC: string;
      AVALC: string;
      FLRSEV: string;
    }) => `${t.USUBJID} ${t.VISITNUM} ${t.PARAMCD} ${t.PREVC}${t.AVALC} ${t.FLRSEV}`;
    const ours = d.transitions
      .filter((t) => fas.has(t.USUBJID))
      .map(key)
      .sort();
    expect(ours).toEqual((ref.transitions as Parameters<typeof key>[0][]).map(key).sort());
    expect(ours.length).toBeGreaterThan(20);
  });

  it('finds the same cut-off, days at risk and events per FAS subject and window', () => {
    const ours = d.windows
      .filter((w) => fas.has(w.USUBJID))
      .map((w) => [
        w.USUBJID,
        w.window,
        w.cutoffDay,
        w.daysAtRisk,
        w.events.FLARE,
        w.events.FLARE_RENAL,
        w.events.FLARE_NONRENAL,
        w.events.FLARE_SEVERE,
      ]);
    const theirs = (ref.windows as Record<string, string | number>[]).map((w) => [
      w.USUBJID,
      w.window,
      w.cutoff,
      w.days,
      w.FLARE,
      w.FLARE_RENAL,
      w.FLARE_NONRENAL,
      w.FLARE_SEVERE,
    ]);
    expect(ours).toEqual(theirs);
  });

  it('finds the same time to first flare and status', () => {
    const ours = d.tte.filter((r) => fas.has(r.USUBJID)).map((r) => [r.USUBJID, r.AVAL, 1 - r.CNSR]);
    expect(ours).toEqual(
      (ref.tte as { USUBJID: string; time: number; status: number }[]).map((r) => [r.USUBJID, r.time, r.status]),
    );
  });
});
