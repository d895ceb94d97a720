import { describe, expect, it } from 'vitest';
import { deriveAdsl } from '../../src/derive/adsl.js';
import { deriveBilagGrades, deriveBilagNewGrades } from '../../src/derive/bilag.js';
import { derivePga } from '../../src/derive/pga.js';
import { deriveSdi } from '../../src/derive/sdi.js';
import { deriveSledai } from '../../src/derive/sledai.js';
import {
  computeBilagComponent,
  computePgaComponent,
  computeSledaiComponent,
  computeSri4Response,
  computeObservedCase,
  computeSteroidComponent,
  computeSteroidWindow,
  deriveSri4,
  toSri4Dataset,
  type Sri4Record,
} from '../../src/derive/sri4.js';
import { deriveSteroidDoses } from '../../src/derive/steroid-profile.js';
import type { CmRow, DsRow, QsRow, SvRow } from '../../src/lock/types.js';
import { bilag, cm, dm, ds, ex, onDay, pga, settings, sledai, sv } from './helpers.js';
import { datasetContext } from '../helpers/dataset-context.js';

// Every expected value below is worked by hand from the SAP synopsis §4 (SRI-4) and §5.2.
const s = settings();

describe('SRI-4 components on plain values', () => {
  it('SLEDAI-2K: a drop of exactly 4 is met, 3 is not', () => {
    expect(computeSledaiComponent(12, 8, 4)).toBe('MET');
    expect(computeSledaiComponent(12, 9, 4)).toBe('NOT MET');
    expect(computeSledaiComponent(null, 8, 4)).toBe('MISSING');
  });

  it('BILAG: one new B is met, two are not, any new A is not', () => {
    expect(computeBilagComponent(0, 1, 0, 1)).toBe('MET');
    expect(computeBilagComponent(0, 2, 0, 1)).toBe('NOT MET');
    expect(computeBilagComponent(1, 0, 0, 1)).toBe('NOT MET');
    expect(computeBilagComponent(null, null, 0, 1)).toBe('MISSING');
  });

  it('PGA: an increase of 29 hundredths is met, 30 is not', () => {
    expect(computePgaComponent(29, 30)).toBe('MET');
    expect(computePgaComponent(30, 30)).toBe('NOT MET');
    expect(computePgaComponent(null, 30)).toBe('MISSING');
  });

  it('steroids: 10 mg/day is met, 10.5 is not', () => {
    expect(computeSteroidComponent(10, 10)).toBe('MET');
    expect(computeSteroidComponent(10.5, 10)).toBe('NOT MET');
    expect(computeSteroidComponent(null, 10)).toBe('MISSING');
  });

  it('the steroid window starts at the Week 20 visit, else day 140, and needs the Week 24 visit', () => {
    expect(computeSteroidWindow(135, 140, 170)).toEqual({ from: 135, to: 170 });
    expect(computeSteroidWindow(null, 140, 170)).toEqual({ from: 140, to: 170 });
    expect(computeSteroidWindow(135, 140, null)).toBeNull();
  });

  it('the response needs every component; reasons in order of precedence', () => {
    expect(computeSri4Response(['MET', 'MET', 'MET', 'MET'], true, false)).toEqual({ responder: true, reason: null });
    expect(computeSri4Response(['MET', 'NOT MET', 'MISSING', 'MET'], true, false).reason).toBe('COMPONENT MISSING');
    expect(computeSri4Response(['MET', 'NOT MET', 'MET', 'MET'], true, false).reason).toBe('COMPONENT NOT MET');
    expect(computeSri4Response(['MET', 'MET', 'MET', 'MET'], true, true)).toEqual({
      responder: false,
      reason: 'WITHDRAWN BEFORE WEEK 24',
    });
    expect(computeSri4Response(['MISSING', 'MISSING', 'MISSING', 'MISSING'], false, false).reason).toBe(
      'NO WEEK 24 VISIT',
    );
  });
});

/**
 * One FAS subject who responds: SLEDAI-2K 12 → 8, BILAG `ECEBEEEEE` → all E, PGA 1.00 → 1.29,
 * prednisone 10 mg QD from day −30 ongoing, visits at days −14, 0, 140 (Week 20), 168 (Week 24).
 * Each test changes one piece.
 */
interface Subject {
  sv: SvRow[];
  ds: DsRow[];
  sledaiRows: QsRow[];
  bilagRows: QsRow[];
  pgaRows: QsRow[];
  cm: CmRow[];
}
function responder(): Subject {
  return {
    sv: [sv('S1', 1, -14), sv('S1', 2, 0), sv('S1', 7, 140), sv('S1', 8, 168)],
    ds: [ds('S1', 'PROTOCOL MILESTONE', 'RANDOMIZED', -5)],
    sledaiRows: [
      ...sledai('S1', 1, -14, ['SLED09', 'SLED13', 'SLED20', 'SLED21']),
      ...sledai('S1', 2, 0, ['SLED09', 'SLED13', 'SLED20', 'SLED21']), // 4+4+2+2 = 12
      ...sledai('S1', 8, 168, ['SLED09', 'SLED13']), // 8
    ],
    bilagRows: [...bilag('S1', 2, 0, 'ECEBEEEEE'), ...bilag('S1', 8, 168, 'EEEEEEEEE')],
    pgaRows: [pga('S1', 2, 0, 1.0), pga('S1', 8, 168, 1.29)],
    cm: [cm('S1', { CMDOSE: 10, CMSTDTC: onDay(-30), CMENDTC: null, CMENRTPT: 'ONGOING' })],
  };
}

function sri4Of(x: Subject, infused = true): Sri4Record | undefined {
  const lock = {
    dm: [dm('S1', infused ? {} : { RFSTDTC: null, RFENDTC: null })],
    ds: x.ds,
    ex: [ex('S1', infused ? 'Y' : 'N')],
    sv: x.sv,
    qs: [...x.sledaiRows, ...x.bilagRows, ...x.pgaRows],
    cm: x.cm,
  };
  const sledaiRecords = deriveSledai(lock, s);
  const pgaRecords = derivePga(lock, s);
  const steroid = deriveSteroidDoses(lock, s);
  const adsl = deriveAdsl(
    lock,
    { kind: 'blinded' },
    { sledai: sledaiRecords, pga: pgaRecords, sdi: deriveSdi(lock, s), steroidProfiles: steroid.profiles },
    s,
  );
  const bilagVisits = deriveBilagNewGrades(deriveBilagGrades(lock, s), s);
  const out = deriveSri4(
    { adsl, sv: lock.sv, sledai: sledaiRecords, bilagVisits, pga: pgaRecords, steroidProfiles: steroid.profiles },
    s,
  );
  expect(out.length).toBeLessThanOrEqual(1);
  return out[0];
}

const statuses = (r: Sri4Record | undefined) => [r?.SLEDSTAT, r?.BLGSTAT, r?.PGASTAT, r?.CSSTAT, r?.SRI4FL, r?.NRREAS];

describe('computeObservedCase (SRI4_OC, SAP 6.13)', () => {
  it('needs every component assessed (met or not) and no withdrawal before Week 24', () => {
    expect(computeObservedCase(['MET', 'NOT MET', 'MET', 'NOT MET'], false)).toBe(true);
    expect(computeObservedCase(['MET', 'MET', 'MISSING', 'MET'], false)).toBe(false);
    expect(computeObservedCase(['MET', 'MET', 'MET', 'MET'], true)).toBe(false);
  });
});

describe('deriveSri4', () => {
  it('finds the reference subject a responder, with the values used', () => {
    const r = sri4Of(responder());
    expect(r).toMatchObject({
      W20DT: onDay(140),
      W24DT: onDay(168),
      CSWINSDY: 140,
      CSWINEDY: 168,
      SLEDBASE: 12,
      SLEDAVAL: 8,
      SLEDCHG: -4,
      BLGNEWA: 0,
      BLGNEWB: 0,
      PGABASEH: 100,
      PGAAVALH: 129,
      PGACHGH: 29,
      CSMAXDOS: 10,
      WDBFW24: 'N',
    });
    expect(statuses(r)).toEqual(['MET', 'MET', 'MET', 'MET', 'Y', null]);
  });

  it('SLEDAI-2K drop of 3: not met, non-responder', () => {
    const x = responder();
    x.sledaiRows = [
      ...x.sledaiRows.filter((q) => q.VISITNUM !== 8),
      ...sledai('S1', 8, 168, ['SLED09', 'SLED13', 'SLED22']),
    ];
    expect(statuses(sri4Of(x))).toEqual(['NOT MET', 'MET', 'MET', 'MET', 'N', 'COMPONENT NOT MET']);
  });

  it('PGA increase of exactly 0.30: not met', () => {
    const x = responder();
    x.pgaRows = [pga('S1', 2, 0, 1.0), pga('S1', 8, 168, 1.3)];
    expect(sri4Of(x)?.PGACHGH).toBe(30);
    expect(statuses(sri4Of(x))).toEqual(['MET', 'MET', 'NOT MET', 'MET', 'N', 'COMPONENT NOT MET']);
  });

  it('one new BILAG B is met, two are not', () => {
    const one = responder();
    one.bilagRows = [...bilag('S1', 2, 0, 'ECEBEEEEE'), ...bilag('S1', 8, 168, 'EBEBEEEEE')]; // MUCO C→B; MUSK B stays
    expect(sri4Of(one)).toMatchObject({ BLGNEWA: 0, BLGNEWB: 1, BLGSTAT: 'MET', SRI4FL: 'Y' });
    const two = responder();
    two.bilagRows = [...bilag('S1', 2, 0, 'ECEBEEEEE'), ...bilag('S1', 8, 168, 'EBEBEEEBE')]; // and RENL E→B
    expect(sri4Of(two)).toMatchObject({ BLGNEWB: 2, BLGSTAT: 'NOT MET', SRI4FL: 'N' });
  });

  it('a new A from B is not met; a baseline A staying A is not new', () => {
    const fromB = responder();
    fromB.bilagRows = [...bilag('S1', 2, 0, 'ECEBEEEEE'), ...bilag('S1', 8, 168, 'EEEAEEEEE')];
    expect(sri4Of(fromB)).toMatchObject({ BLGNEWA: 1, BLGSTAT: 'NOT MET', SRI4FL: 'N' });
    const stays = responder();
    stays.bilagRows = [...bilag('S1', 2, 0, 'AEEEEEEEE'), ...bilag('S1', 8, 168, 'AEEEEEEEE')];
    expect(sri4Of(stays)).toMatchObject({ BLGNEWA: 0, BLGNEWB: 0, BLGSTAT: 'MET', SRI4FL: 'Y' });
  });

  it('a BILAG domain missing at Week 24 makes the component missing (non-responder)', () => {
    const x = responder();
    x.bilagRows = [...bilag('S1', 2, 0, 'ECEBEEEEE'), ...bilag('S1', 8, 168, 'EEEEEEE-E')];
    expect(statuses(sri4Of(x))).toEqual(['MET', 'MISSING', 'MET', 'MET', 'N', 'COMPONENT MISSING']);
    // …and the subject is not an observed case; a component not met is one (SAP 6.13).
    expect(sri4Of(x)?.OCFL).toBe('N');
    expect(sri4Of(responder())?.OCFL).toBe('Y');
  });

  it('uses the Week 20 visit date to open the steroid window, else day 140', () => {
    // 12 mg on days 136–139, 10 mg from day 140.
    const steroids = [
      cm('S1', { CMDOSE: 10, CMSTDTC: onDay(-30), CMENDTC: onDay(135) }),
      cm('S1', { CMDOSE: 12, CMSTDTC: onDay(136), CMENDTC: onDay(139) }),
      cm('S1', { CMDOSE: 10, CMSTDTC: onDay(140), CMENDTC: null, CMENRTPT: 'ONGOING' }),
    ];
    const early = responder();
    early.sv = [sv('S1', 1, -14), sv('S1', 2, 0), sv('S1', 7, 137), sv('S1', 8, 168)];
    early.cm = steroids;
    expect(sri4Of(early)).toMatchObject({ CSWINSDY: 137, CSMAXDOS: 12, CSSTAT: 'NOT MET', SRI4FL: 'N' });
    const missing = responder();
    missing.sv = [sv('S1', 1, -14), sv('S1', 2, 0), sv('S1', 8, 168)];
    missing.cm = steroids;
    expect(sri4Of(missing)).toMatchObject({ W20DT: null, CSWINSDY: 140, CSMAXDOS: 10, CSSTAT: 'MET', SRI4FL: 'Y' });
  });

  it('10.5 mg/day from 8.4 mg methylprednisolone in the window: not met', () => {
    const x = responder();
    x.cm = [
      cm('S1', { CMDOSE: 10, CMSTDTC: onDay(-30), CMENDTC: onDay(149) }),
      cm('S1', { CMDECOD: 'METHYLPREDNISOLONE', CMDOSE: 8.4, CMSTDTC: onDay(150), CMENDTC: null, CMENRTPT: 'ONGOING' }),
    ];
    expect(sri4Of(x)).toMatchObject({ CSMAXDOS: 10.5, CSSTAT: 'NOT MET', SRI4FL: 'N' });
  });

  it('no Week 24 visit: non-responder with every Week 24 component missing', () => {
    const x = responder();
    x.sv = x.sv.filter((v) => v.VISITNUM !== 8);
    x.sledaiRows = x.sledaiRows.filter((q) => q.VISITNUM !== 8);
    x.bilagRows = x.bilagRows.filter((q) => q.VISITNUM !== 8);
    x.pgaRows = x.pgaRows.filter((q) => q.VISITNUM !== 8);
    expect(statuses(sri4Of(x))).toEqual(['MISSING', 'MISSING', 'MISSING', 'MISSING', 'N', 'NO WEEK 24 VISIT']);
  });

  it('Day 0 SLEDAI-2K missing: the screening total is the baseline', () => {
    const x = responder();
    x.sledaiRows = [
      ...sledai('S1', 1, -14, ['SLED09', 'SLED13', 'SLED20', 'SLED21']),
      ...sledai('S1', 2, 0, ['SLED09'], { notDone: ['SLED05'] }),
      ...sledai('S1', 8, 168, ['SLED09', 'SLED13']),
    ];
    expect(sri4Of(x)).toMatchObject({ SLEDBASE: 12, SLEDAVAL: 8, SLEDSTAT: 'MET', SRI4FL: 'Y' });
  });

  it('a Week 24 SLEDAI-2K item NOT DONE makes the component missing', () => {
    const x = responder();
    x.sledaiRows = [
      ...x.sledaiRows.filter((q) => q.VISITNUM !== 8),
      ...sledai('S1', 8, 168, [], { notDone: ['SLED11'] }),
    ];
    expect(sri4Of(x)).toMatchObject({ SLEDAVAL: null, SLEDSTAT: 'MISSING', SRI4FL: 'N', NRREAS: 'COMPONENT MISSING' });
  });

  it('withdrawal dated before the Week 24 visit: non-responder; dated on it: not a withdrawal before', () => {
    const before = responder();
    before.ds.push(ds('S1', 'DISPOSITION EVENT', 'WITHDRAWAL BY SUBJECT', 167));
    expect(sri4Of(before)).toMatchObject({ WDBFW24: 'Y', SRI4FL: 'N', NRREAS: 'WITHDRAWN BEFORE WEEK 24' });
    const onTheDay = responder();
    onTheDay.ds.push(ds('S1', 'DISPOSITION EVENT', 'ADVERSE EVENT', 168));
    expect(sri4Of(onTheDay)).toMatchObject({ WDBFW24: 'N', SRI4FL: 'Y' });
  });

  it('withdrawal before day 168 without a Week 24 visit is reported as the withdrawal', () => {
    const x = responder();
    x.sv = x.sv.filter((v) => v.VISITNUM !== 8);
    x.ds.push(ds('S1', 'DISPOSITION EVENT', 'LOST TO FOLLOW-UP', 100));
    expect(sri4Of(x)).toMatchObject({ WDBFW24: 'Y', SRI4FL: 'N', NRREAS: 'WITHDRAWN BEFORE WEEK 24' });
  });

  it('a completed subject is not withdrawn', () => {
    const x = responder();
    x.ds.push(ds('S1', 'DISPOSITION EVENT', 'COMPLETED', 100));
    expect(sri4Of(x)).toMatchObject({ WDBFW24: 'N', SRI4FL: 'Y' });
  });

  it('has no row for a subject outside the FAS (never infused)', () => {
    expect(sri4Of(responder(), false)).toBeUndefined();
  });

  it('writes adsri4 as a BDS: per FAS subject the response, each component (Y/N/missing) and the values judged', () => {
    const r = sri4Of(responder());
    if (!r) throw new Error('no record');
    const d = toSri4Dataset([r], datasetContext(['S1'], s, false, { TRTSDT: onDay(0) }));
    expect(d.name).toBe('adsri4');
    const byParam = new Map(d.rows.map((x) => [x.PARAMCD, x]));
    expect([...byParam.keys()]).toEqual([
      'SRI4',
      'SRI4SLED',
      'SRI4BLG',
      'SRI4PGA',
      'SRI4CS',
      'WDBFW24',
      'SLEDW24',
      'BLGNEWA',
      'BLGNEWB',
      'PGAW24H',
      'CSMAXDOS',
    ]);
    expect(byParam.get('SRI4')).toMatchObject({
      USUBJID: 'S1',
      PARAM: 'SRI-4 Response at Week 24',
      AVALC: 'Y',
      AVAL: null,
      NRREAS: null,
      AVISIT: 'WEEK24',
      AVISITN: 24,
    });
    expect(byParam.get('SRI4CS')).toMatchObject({ AVALC: 'Y' });
    expect(byParam.get('SLEDW24')).toMatchObject({ AVAL: 8, BASE: 12, CHG: -4, AVALC: null });
    expect(byParam.get('PGAW24H')).toMatchObject({ AVAL: 129, BASE: 100, CHG: 29 });
    expect(byParam.get('CSMAXDOS')).toMatchObject({ AVAL: 10, ASTDY: 140, AENDY: 168 });
    expect(d.rows.every((x) => x.ADT === r.W24DT && x.ADY === 168)).toBe(true);
  });

  it('writes a component that cannot be judged as a missing AVALC', () => {
    const r = sri4Of(responder());
    if (!r) throw new Error('no record');
    const d = toSri4Dataset(
      [{ ...r, PGASTAT: 'MISSING', SRI4FL: 'N', NRREAS: 'COMPONENT MISSING' }],
      datasetContext(['S1'], s),
    );
    expect(d.rows.find((x) => x.PARAMCD === 'SRI4PGA')?.AVALC).toBeNull();
    expect(d.rows.find((x) => x.PARAMCD === 'SRI4')).toMatchObject({ AVALC: 'N', NRREAS: 'COMPONENT MISSING' });
  });
});
