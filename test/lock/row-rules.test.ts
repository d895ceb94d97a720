import { describe, expect, it } from 'vitest';
import { checkAeRow, checkCmRow, checkDmRow, checkDsRow, checkLbRow, checkQsRow } from '../../src/lock/row-rules.js';
import type { Loose } from '../../src/lock/schema.js';
import type { AeRow, CmRow, DmRow, DsRow, LbRow, QsRow } from '../../src/lock/types.js';

// Expected values: the rules of shared/dts/domains.md and instruments.md, written out by hand.
const src = { file: 'x.csv', line: 2 };
function reports<R>(check: (row: R, report: (c: string, r: string) => void) => void, row: R): string[][] {
  const out: string[][] = [];
  check(row, (c, r) => out.push([c, r]));
  return out;
}
const columns = <R>(check: (row: R, report: (c: string, r: string) => void) => void, row: R) =>
  reports(check, row).map(([c]) => c);

const dm = (o: Partial<Loose<DmRow>>): Loose<DmRow> =>
  ({ src, STUDYID: 'SLEMSC01', USUBJID: 'SLEMSC01-104-012', SUBJID: '012', SITEID: '104', ...o }) as Loose<DmRow>;

describe('checkDmRow: USUBJID form, SITEID and SUBJID consistency', () => {
  it('accepts a consistent row', () => expect(reports(checkDmRow, dm({}))).toEqual([]));
  it('flags each part that disagrees', () => {
    expect(columns(checkDmRow, dm({ SITEID: '105' }))).toEqual(['SITEID']);
    expect(columns(checkDmRow, dm({ SUBJID: '12' }))).toEqual(['SUBJID']);
    expect(columns(checkDmRow, dm({ USUBJID: 'SLEMSC01-104-12' }))).toEqual(['USUBJID']);
    expect(columns(checkDmRow, dm({ USUBJID: 'SLEMSC02-104-012' }))).toEqual(['USUBJID']);
  });
  it('<NNN> has three or more digits (lock.md): SLEMSC01-101-1234 with SUBJID 1234', () => {
    expect(reports(checkDmRow, dm({ USUBJID: 'SLEMSC01-104-1234', SUBJID: '1234' }))).toEqual([]);
    expect(columns(checkDmRow, dm({ USUBJID: 'SLEMSC01-104-1234', SUBJID: '234' }))).toEqual(['SUBJID']);
    expect(columns(checkDmRow, dm({ USUBJID: 'SLEMSC01-104-12a4' }))).toEqual(['USUBJID']);
  });
});

describe('checkAeRow and checkCmRow: an end date not before its start', () => {
  const ae = (AESTDTC: string | null, AEENDTC: string | null) => ({ src, AESTDTC, AEENDTC }) as Loose<AeRow>;
  it('complete dates: the end may be the start day, not before it', () => {
    expect(reports(checkAeRow, ae('2025-03-10', '2025-03-10'))).toEqual([]);
    expect(reports(checkAeRow, ae('2025-03-10', '2025-03-09'))).toEqual([
      ['AEENDTC', 'AEENDTC 2025-03-09 is before AESTDTC 2025-03-10'],
    ]);
  });
  it("a partial end may share the start's month or year; one wholly before it is refused", () => {
    for (const [s, e] of [
      ['2025-03-10', '2025-03'],
      ['2025-03-10', '2025'],
      ['2025-03', '2025-03-01'],
      ['2025', '2025-01-01'],
      ['2025-03-10', null],
      [null, '2025'],
    ]) {
      expect(reports(checkAeRow, ae(s as string | null, e as string | null)), `${s} ${e}`).toEqual([]);
    }
    expect(columns(checkAeRow, ae('2025-03-10', '2025-02'))).toEqual(['AEENDTC']);
    expect(columns(checkAeRow, ae('2025-03', '2024'))).toEqual(['AEENDTC']);
  });
  it('CMENDTC against CMSTDTC', () => {
    expect(columns(checkCmRow, cm({ CMSTDTC: '2026-03', CMENDTC: '2026-02-28' }))).toEqual(['CMENDTC']);
    expect(reports(checkCmRow, cm({ CMSTDTC: '2026-02-15', CMENDTC: '2026-02' }))).toEqual([]);
  });
});

describe('checkDsRow: DSDECOD within its DSCAT', () => {
  const ds = (DSCAT: string, DSDECOD: string) => ({ src, DSCAT, DSDECOD }) as Loose<DsRow>;
  it('milestones and events each have their terms', () => {
    expect(reports(checkDsRow, ds('PROTOCOL MILESTONE', 'RANDOMIZED'))).toEqual([]);
    expect(reports(checkDsRow, ds('DISPOSITION EVENT', 'DEATH'))).toEqual([]);
    expect(columns(checkDsRow, ds('DISPOSITION EVENT', 'RANDOMIZED'))).toEqual(['DSDECOD']);
    expect(columns(checkDsRow, ds('PROTOCOL MILESTONE', 'COMPLETED'))).toEqual(['DSDECOD']);
  });
});

const qs = (o: Partial<Loose<QsRow>>): Loose<QsRow> =>
  ({
    src,
    QSCAT: 'SLEDAI-2K',
    QSTESTCD: 'SLED01',
    QSORRES: 'N',
    QSSTRESC: 'N',
    QSSTRESN: null,
    QSSTRESN_DEC: null,
    QSSTAT: null,
    ...o,
  }) as Loose<QsRow>;
const num = (QSCAT: string, QSTESTCD: string, v: number, dec = 0) =>
  qs({ QSCAT, QSTESTCD, QSORRES: String(v), QSSTRESC: String(v), QSSTRESN: v, QSSTRESN_DEC: dec });

describe('checkQsRow', () => {
  it('SLEDAI Y/N, BILAG A–E in QSSTRESC', () => {
    expect(reports(checkQsRow, qs({ QSSTRESC: 'Y' }))).toEqual([]);
    expect(columns(checkQsRow, qs({ QSSTRESC: 'YES' }))).toEqual(['QSSTRESC']);
    expect(reports(checkQsRow, qs({ QSCAT: 'BILAG-2004', QSTESTCD: 'BLGRENL', QSSTRESC: 'E' }))).toEqual([]);
    expect(columns(checkQsRow, qs({ QSCAT: 'BILAG-2004', QSTESTCD: 'BLGRENL', QSSTRESC: 'F' }))).toEqual(['QSSTRESC']);
  });
  it('QSTESTCD must belong to the QSCAT', () => {
    expect(columns(checkQsRow, qs({ QSTESTCD: 'SLED25' }))).toEqual(['QSTESTCD']);
    expect(columns(checkQsRow, qs({ QSTESTCD: 'BLGRENL' }))).toEqual(['QSTESTCD']);
  });
  it('PGA 0–3, at most two decimals', () => {
    expect(reports(checkQsRow, num('PGA', 'PGA', 0.3, 2))).toEqual([]);
    expect(reports(checkQsRow, num('PGA', 'PGA', 3, 2))).toEqual([]);
    expect(columns(checkQsRow, num('PGA', 'PGA', 3.01, 2))).toEqual(['QSSTRESN']);
    expect(reports(checkQsRow, num('PGA', 'PGA', 1.255, 3))).toEqual([
      ['QSSTRESN', 'PGA is recorded to at most 2 decimals'],
    ]);
  });
  it('SDI whole numbers within each system maximum', () => {
    expect(reports(checkQsRow, num('SLICC/ACR DAMAGE INDEX', 'SDIMUSK', 7))).toEqual([]);
    expect(columns(checkQsRow, num('SLICC/ACR DAMAGE INDEX', 'SDIMUSK', 8))).toEqual(['QSSTRESN']);
    expect(columns(checkQsRow, num('SLICC/ACR DAMAGE INDEX', 'SDIGONF', 2))).toEqual(['QSSTRESN']);
    expect(columns(checkQsRow, num('SLICC/ACR DAMAGE INDEX', 'SDIGONF', 0.5, 1))).toEqual(['QSSTRESN']);
  });
  it('PROMIS 1–5, LIT 0–4, LupusPRO 0–100, SF-36 any number', () => {
    expect(reports(checkQsRow, num('PROMIS FATIGUE SF 7A', 'PRFA07', 5))).toEqual([]);
    expect(columns(checkQsRow, num('PROMIS FATIGUE SF 7A', 'PRFA07', 0))).toEqual(['QSSTRESN']);
    expect(reports(checkQsRow, num('LIT', 'LIT10', 0))).toEqual([]);
    expect(columns(checkQsRow, num('LIT', 'LIT10', 5))).toEqual(['QSSTRESN']);
    expect(columns(checkQsRow, num('LUPUSPRO', 'LPROCOP', 100.5, 1))).toEqual(['QSSTRESN']);
    expect(reports(checkQsRow, num('SF-36 V2', 'SF36MCS', 71.34, 2))).toEqual([]);
  });
  it('a numeric instrument needs QSSTRESN; every done row needs QSSTRESC', () => {
    expect(columns(checkQsRow, qs({ QSCAT: 'PGA', QSTESTCD: 'PGA', QSSTRESC: '1' }))).toEqual(['QSSTRESN']);
    expect(columns(checkQsRow, qs({ QSSTRESC: null }))).toEqual(['QSSTRESC']);
  });
  it('NOT DONE rows carry no result', () => {
    expect(reports(checkQsRow, qs({ QSSTAT: 'NOT DONE', QSORRES: null, QSSTRESC: null }))).toEqual([]);
    expect(columns(checkQsRow, qs({ QSSTAT: 'NOT DONE' }))).toEqual(['QSORRES', 'QSSTRESC']);
  });
});

const lb = (o: Partial<Loose<LbRow>>): Loose<LbRow> =>
  ({
    src,
    LBTESTCD: 'C3',
    LBTEST: 'Complement C3',
    LBSPEC: 'SERUM',
    LBSTRESN: 0.8,
    LBSTRESC: '0.8',
    LBSTRESU: 'g/L',
    LBSTNRLO: 0.9,
    LBSTNRHI: 1.8,
    LBSTAT: null,
    ...o,
  }) as Loose<LbRow>;

describe('checkLbRow', () => {
  it('accepts a full result and a text-only result', () => {
    expect(reports(checkLbRow, lb({}))).toEqual([]);
    expect(
      reports(
        checkLbRow,
        lb({
          LBTESTCD: 'DSDNA',
          LBTEST: 'Anti-dsDNA Antibody',
          LBSTRESN: null,
          LBSTRESC: '<10',
          LBSTRESU: 'IU/mL',
          LBSTNRLO: null,
          LBSTNRHI: 30,
        }),
      ),
    ).toEqual([]);
  });
  it('LBTEST, LBSPEC, LBSTRESU follow LBTESTCD', () => {
    expect(columns(checkLbRow, lb({ LBTEST: 'C3' }))).toEqual(['LBTEST']);
    expect(columns(checkLbRow, lb({ LBSPEC: 'BLOOD' }))).toEqual(['LBSPEC']);
    expect(columns(checkLbRow, lb({ LBSTRESU: 'mg/dL' }))).toEqual(['LBSTRESU']);
    expect(columns(checkLbRow, lb({ LBSTRESU: null }))).toEqual(['LBSTRESU']);
  });
  it('a result unless NOT DONE, none when NOT DONE', () => {
    expect(columns(checkLbRow, lb({ LBSTRESN: null, LBSTRESC: null }))).toEqual(['LBSTRESN']);
    // A text-only result must be a detection limit the SAP can compare (<x / >x).
    expect(columns(checkLbRow, lb({ LBSTRESN: null, LBSTRESC: 'POSITIVE' }))).toEqual(['LBSTRESC']);
    expect(columns(checkLbRow, lb({ LBSTRESN: null, LBSTRESC: '<0.05' }))).toEqual([]);
    expect(columns(checkLbRow, lb({ LBSTRESN: null, LBSTRESC: '> 300' }))).toEqual([]);
    expect(reports(checkLbRow, lb({ LBSTRESN: null, LBSTRESC: null, LBSTAT: 'NOT DONE', LBSTNRLO: null }))).toEqual([]);
    expect(columns(checkLbRow, lb({ LBSTAT: 'NOT DONE' }))).toEqual(['LBSTRESN', 'LBSTRESC']);
  });
  it('lower limit on C3/C4, upper limit on DSDNA', () => {
    expect(columns(checkLbRow, lb({ LBSTNRLO: null }))).toEqual(['LBSTNRLO']);
    expect(columns(checkLbRow, lb({ LBTESTCD: 'C4', LBTEST: 'Complement C4', LBSTNRLO: null }))).toEqual(['LBSTNRLO']);
    expect(
      columns(checkLbRow, lb({ LBTESTCD: 'DSDNA', LBTEST: 'Anti-dsDNA Antibody', LBSTRESU: 'IU/mL', LBSTNRHI: null })),
    ).toEqual(['LBSTNRHI']);
    expect(
      reports(
        checkLbRow,
        lb({
          LBTESTCD: 'WBC',
          LBTEST: 'Leukocytes',
          LBSPEC: 'BLOOD',
          LBSTRESU: '10^9/L',
          LBSTNRLO: null,
          LBSTNRHI: null,
        }),
      ),
    ).toEqual([]);
  });
});

const cm = (o: Partial<Loose<CmRow>>): Loose<CmRow> =>
  ({
    src,
    CMDECOD: 'PREDNISONE',
    CMCAT: 'CORTICOSTEROID',
    CMDOSE: 10,
    CMDOSU: 'mg',
    CMDOSFRQ: 'QD',
    CMENDTC: '2026-02',
    CMENRTPT: null,
    ...o,
  }) as Loose<CmRow>;

describe('checkCmRow', () => {
  it('accepts a complete steroid row and a non-steroid row without dose', () => {
    expect(reports(checkCmRow, cm({}))).toEqual([]);
    expect(
      reports(checkCmRow, cm({ CMCAT: 'BIOLOGIC', CMDECOD: 'BELIMUMAB', CMDOSE: null, CMDOSU: null, CMDOSFRQ: null })),
    ).toEqual([]);
  });
  it('corticosteroid rows: one of the nine, CMDOSE, CMDOSU mg, CMDOSFRQ', () => {
    expect(columns(checkCmRow, cm({ CMDECOD: 'BUDESONIDE' }))).toEqual(['CMDECOD']);
    expect(columns(checkCmRow, cm({ CMDOSE: null }))).toEqual(['CMDOSE']);
    expect(columns(checkCmRow, cm({ CMDOSU: 'g' }))).toEqual(['CMDOSU']);
    expect(columns(checkCmRow, cm({ CMDOSFRQ: null }))).toEqual(['CMDOSFRQ']);
  });
  it('CMDECOD upper case', () =>
    expect(columns(checkCmRow, cm({ CMCAT: 'OTHER', CMDECOD: 'Aspirin' }))).toEqual(['CMDECOD']));
  it('CMENDTC empty exactly when ONGOING', () => {
    expect(reports(checkCmRow, cm({ CMENDTC: null, CMENRTPT: 'ONGOING' }))).toEqual([]);
    expect(columns(checkCmRow, cm({ CMENDTC: null }))).toEqual(['CMENDTC']);
    expect(columns(checkCmRow, cm({ CMENRTPT: 'ONGOING' }))).toEqual(['CMENDTC']);
  });
});
