import { describe, expect, it } from 'vitest';
import { derivePros, holdPros, proInstruments, toProDataset, type ProRecord } from '../../src/derive/pro.js';
import { indexLock } from '../../src/derive/lock-index.js';
import { holdAsArray, holdAsColumns } from '../../src/derive/record-columns.js';
import { ADPRO_META } from '../../src/derive/metadata/qs-lb.js';
import type { QsRow } from '../../src/lock/types.js';
import { dm, qs, settings } from './helpers.js';
import { datasetContext } from '../helpers/dataset-context.js';

const FAT = 'PROMIS FATIGUE SF 7A';
const FAT_ITEMS = ['PRFA01', 'PRFA02', 'PRFA03', 'PRFA04', 'PRFA05', 'PRFA06', 'PRFA07'];

/** One PROMIS Fatigue administration: `answers[i]` for item i (null = NOT DONE). */
function fatigue(subject: string, visitnum: number, day: number, answers: readonly (number | null)[]): QsRow[] {
  return FAT_ITEMS.map((code, i) => {
    const a = answers[i] ?? null;
    return a === null
      ? qs(subject, visitnum, day, { QSCAT: FAT, QSTESTCD: code, QSSTAT: 'NOT DONE' })
      : qs(subject, visitnum, day, { QSCAT: FAT, QSTESTCD: code, QSSTRESC: String(a), QSSTRESN: a, QSSTRESN_DEC: 0 });
  });
}

function lit(subject: string, visitnum: number, day: number, answers: readonly (number | null)[]): QsRow[] {
  return answers.map((a, i) => {
    const code = `LIT${String(i + 1).padStart(2, '0')}`;
    return a === null
      ? qs(subject, visitnum, day, { QSCAT: 'LIT', QSTESTCD: code, QSSTAT: 'NOT DONE' })
      : qs(subject, visitnum, day, { QSCAT: 'LIT', QSTESTCD: code, QSSTRESC: String(a), QSSTRESN: a, QSSTRESN_DEC: 0 });
  });
}

function pcs(subject: string, visitnum: number, day: number, value: number | null): QsRow {
  return value === null
    ? qs(subject, visitnum, day, { QSCAT: 'SF-36 V2', QSTESTCD: 'SF36PCS', QSSTAT: 'NOT DONE' })
    : qs(subject, visitnum, day, {
        QSCAT: 'SF-36 V2',
        QSTESTCD: 'SF36PCS',
        QSSTRESC: String(value),
        QSSTRESN: value,
        QSSTRESN_DEC: 2,
      });
}

describe('derivePros', () => {
  const s = settings();
  const lock = {
    dm: [dm('S1'), dm('S2')],
    qs: [
      // S1: SF-36 PCS 40.5 at screening, NOT DONE at Day 0 → baseline 40.5 (SAP §3 fallback)
      pcs('S1', 1, -14, 40.5),
      pcs('S1', 2, 0, null),
      pcs('S1', 5, 84, 45.25),
      pcs('S1', 5.01, 90, 47), // unscheduled: no AVISIT, no change
      // S1: PROMIS Fatigue: Day 0 all seven items 2 → raw 14 → T 47.6 (sap/promis/fatigue_7a.csv)
      ...fatigue('S1', 2, 0, [2, 2, 2, 2, 2, 2, 2]),
      // Week 12: 5 of 7, sum 14 → raw ceiling(19.6) = 20 → T 56.4 (SAP §5.7 example); change 8.8
      ...fatigue('S1', 5, 84, [3, 3, 3, 3, 2, null, null]),
      // Week 24: 3 of 7 → missing
      ...fatigue('S1', 8, 168, [5, 5, 5, null, null, null, null]),
      // S1: LIT Day 0 sum 23 of 10 → 57.5; Week 12 only 7 answered → missing
      ...lit('S1', 2, 0, [3, 3, 3, 2, 2, 2, 2, 2, 2, 2]),
      ...lit('S1', 5, 84, [1, 1, 1, 1, 1, 1, 1, null, null, null]),
      // S2: no baseline at all → no change
      pcs('S2', 5, 84, 50),
    ],
  };
  const records = derivePros(lock, s);
  const view = (code: string, subject = 'S1') =>
    records
      .filter((r) => r.PARAMCD === code && r.USUBJID === subject)
      .map((r) => [r.VISITNUM, r.AVISIT, r.AVAL, r.ANSWERED, r.RAWSCORE, r.ABLFL, r.BASE, r.CHG]);

  it('takes transferred SF-36 scores as they are, baseline from screening when Day 0 is NOT DONE', () => {
    expect(view('SF36PCS')).toEqual([
      [1, 'SCREENING', 40.5, null, null, 'Y', 40.5, null],
      [2, 'BASELINE', null, null, null, null, 40.5, null],
      [5, 'WEEK12', 45.25, null, null, null, 40.5, 4.75],
      [5.01, null, 47, null, null, null, 40.5, null],
    ]);
  });

  it('scores PROMIS with prorating and the T-score table; fewer than half answered is missing', () => {
    const r = view('PROMISFAT');
    expect(r.map((x) => x.slice(0, 7))).toEqual([
      [2, 'BASELINE', 47.6, 7, 14, 'Y', 47.6],
      [5, 'WEEK12', 56.4, 5, 20, null, 47.6],
      [8, 'WEEK24', null, 3, null, null, 47.6],
    ]);
    expect(r[1]![7]).toBeCloseTo(8.8, 12); // 56.4 − 47.6 in floating point
    expect(r[2]![7]).toBeNull();
  });

  it('scores LIT (mean × 25 with ≥ 8 of 10 answered)', () => {
    expect(view('LIT')).toEqual([
      [2, 'BASELINE', 57.5, 10, null, 'Y', 57.5, null],
      [5, 'WEEK12', null, 7, null, null, 57.5, null],
    ]);
  });

  it('gives no baseline and no change to a subject without a pre-dose value', () => {
    expect(view('SF36PCS', 'S2')).toEqual([[5, 'WEEK12', 50, null, null, null, null, null]]);
  });

  it('makes records only for scores present, ordered by subject, score (settings order) and visit', () => {
    expect([...new Set(records.map((r) => `${r.USUBJID}:${r.PARAMCD}`))]).toEqual([
      'S1:SF36PCS',
      'S1:PROMISFAT',
      'S1:LIT',
      'S2:SF36PCS',
    ]);
  });

  it('orders by DM subject, score and visit whatever the order of the rows', () => {
    const shuffled = { dm: [dm('S2'), dm('S1')], qs: [...lock.qs].reverse() };
    expect(derivePros(shuffled, s).map((r) => `${r.USUBJID}:${r.PARAMCD}:${r.VISITNUM}`)).toEqual([
      'S2:SF36PCS:5',
      'S1:SF36PCS:1',
      'S1:SF36PCS:2',
      'S1:SF36PCS:5',
      'S1:SF36PCS:5.01',
      'S1:PROMISFAT:2',
      'S1:PROMISFAT:5',
      'S1:PROMISFAT:8',
      'S1:LIT:2',
      'S1:LIT:5',
    ]);
  });

  it('cites the source rows of each score (its own row, or every item of a scored form)', () => {
    const fatigueBaseline = records.find((r) => r.PARAMCD === 'PROMISFAT' && r.VISITNUM === 2)!;
    expect(fatigueBaseline.src).toHaveLength(7);
    // The rows themselves, in the form's item order (NOT DONE items cited too): what explain shows.
    const rowsOf = (code: string, visitnum: number) =>
      lock.qs.filter((r) => r.VISITNUM === visitnum && r.USUBJID === 'S1' && r.QSCAT === code).map((r) => r.src);
    expect([...fatigueBaseline.src]).toEqual(rowsOf(FAT, 2));
    const week24 = records.find((r) => r.PARAMCD === 'PROMISFAT' && r.VISITNUM === 8)!;
    expect([...week24.src]).toEqual(rowsOf(FAT, 8));
    expect(records.find((r) => r.PARAMCD === 'SF36PCS')!.src).toHaveLength(1);
    expect([...records.find((r) => r.PARAMCD === 'SF36PCS' && r.VISITNUM === 5)!.src]).toEqual(rowsOf('SF-36 V2', 5));
  });

  it('adapts to adpro with its columns in order', () => {
    const ds = toProDataset(records, datasetContext([...new Set(records.map((r) => r.USUBJID))], settings()));
    expect(ds.name).toBe('adpro');
    expect(ds.columns).toEqual(ADPRO_META.variables.map((v) => v.name));
    // ADaM PARAMCD has at most 8 characters: PROMISFAT is written PRMSFAT.
    expect(ds.rows.find((r) => r.PARAM === 'PROMIS Fatigue SF 7a')?.PARAMCD).toBe('PRMSFAT');
    expect(ds.rows[0]).toMatchObject({
      USUBJID: 'S1',
      PARAMCD: 'SF36PCS',
      PARCAT1: 'SF-36 V2',
      AVAL: 40.5,
      ABLFL: 'Y',
    });
  });
});

describe('holdPros', () => {
  const s = settings();
  const lock = {
    dm: [dm('S2'), dm('S1')],
    qs: [
      pcs('S1', 1, -14, 40.5),
      pcs('S1', 5, 84, 45.25),
      ...fatigue('S1', 2, 0, [2, 2, 2, 2, 2, 2, 2]),
      ...lit('S2', 2, 0, [3, 3, 3, 2, 2, 2, 2, 2, 2, 2]),
      pcs('S2', 5, 84, 50),
      ...fatigue('S2', 5, 84, [3, 3, 3, 3, 2, null, null]),
    ],
  };
  const fields = Object.keys(derivePros(lock, s)[0] ?? {}) as (keyof ProRecord)[];
  const read = (records: readonly ProRecord[]) => records.map((r) => fields.map((f) => r[f]));

  it('holds, score by score and then in the run order, the records derivePros makes', () => {
    const expected = derivePros(lock, s);
    expect(expected.map((r) => `${r.USUBJID}:${r.PARAMCD}`)).toEqual([
      'S2:SF36PCS',
      'S2:PROMISFAT',
      'S2:LIT',
      'S1:SF36PCS',
      'S1:SF36PCS',
      'S1:PROMISFAT',
    ]);
    const columns = holdPros(s, indexLock(lock), holdAsColumns)();
    expect(Object.keys(columns[0] ?? {})).toEqual([]); // views of columns, their fields on the prototype
    expect(read(columns)).toEqual(read(expected));
    expect(holdPros(s, indexLock(lock), holdAsArray)()).toEqual(expected);
  });

  it('makes them in the run order as derivePros does whatever the order of the rows, scores missing', () => {
    // S3 has an SF-36 administration without a PCS score (its PCS makes no record, its PF does); the
    // rows come in reverse.
    const pf = (subject: string, visitnum: number, day: number, value: number): QsRow =>
      qs(subject, visitnum, day, {
        QSCAT: 'SF-36 V2',
        QSTESTCD: 'SF36PF',
        QSSTRESC: String(value),
        QSSTRESN: value,
        QSSTRESN_DEC: 0,
      });
    const mixed = {
      dm: [dm('S2'), dm('S3'), dm('S1')],
      qs: [...lock.qs, pf('S3', 1, -14, 30), pf('S3', 5, 84, 35), pf('S1', 5, 84, 20)].reverse(),
    };
    const expected = derivePros(mixed, s);
    expect(expected.map((r) => `${r.USUBJID}:${r.PARAMCD}:${r.VISITNUM}`)).toEqual([
      'S2:SF36PCS:5',
      'S2:PROMISFAT:5',
      'S2:LIT:2',
      'S3:SF36PF:1',
      'S3:SF36PF:5',
      'S1:SF36PF:5',
      'S1:SF36PCS:1',
      'S1:SF36PCS:5',
      'S1:PROMISFAT:2',
    ]);
    expect(read(holdPros(s, indexLock(mixed), holdAsColumns)())).toEqual(read(expected));
    expect(holdPros(s, indexLock(mixed), holdAsArray)()).toEqual(expected);
  });
});

describe('proInstruments', () => {
  it('names the QSCAT of every PRO score, and no other instrument', () => {
    const s = settings();
    const p = s.pro;
    expect(proInstruments(s)).toEqual(
      new Set([p.sf36.qscat, p.lupuspro.qscat, ...p.promis.map((f) => f.qscat), p.lit.qscat]),
    );
    expect(proInstruments(s).has(s.sledai.qscat)).toBe(false);
  });
});
