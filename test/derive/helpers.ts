/**
 * Builders of typed lock rows for hand-worked subjects: every field has a valid default so a test
 * states only what matters to it. Dates are protocol days from Day 0 = 2025-01-01.
 */
import { dayNumber, fromDayNumber } from '../../src/core/dates.js';
import type { CmRow, DmRow, DsRow, ExRow, QsRow, SvRow } from '../../src/lock/types.js';
import { defaultSettingsPath, loadSapSettings, type SapSettings } from '../../src/sap/index.js';

export const DAY0 = '2025-01-01';
/** ISO date of protocol day `d`. */
export const onDay = (d: number): string => fromDayNumber(dayNumber(DAY0) + d);

let line = 1;
const src = (file: string) => ({ file, line: ++line });

let cached: SapSettings | undefined;
/** The repository's settings (sap/settings.json), read once. */
export function settings(): SapSettings {
  cached ??= loadSapSettings(defaultSettingsPath());
  return cached;
}

/** VISIT label of a VISITNUM: the schedule's, or `UNSCHEDULED <n>`. */
export function visitLabel(visitnum: number): string {
  return settings().visits.find((v) => v.visitnum === visitnum)?.visit ?? `UNSCHEDULED ${visitnum}`;
}

export function dm(USUBJID: string, over: Partial<DmRow> = {}): DmRow {
  return {
    src: src('dm.csv'),
    STUDYID: 'SLEMSC01',
    USUBJID,
    SUBJID: USUBJID.slice(-3),
    SITEID: '101',
    RFSTDTC: DAY0,
    RFENDTC: onDay(364),
    AGE: 40,
    AGEU: 'YEARS',
    SEX: 'F',
    RACE: 'WHITE',
    ETHNIC: 'NOT HISPANIC OR LATINO',
    COUNTRY: 'USA',
    ARMCD: 'BLINDED',
    ARM: 'BLINDED',
    ACTARMCD: 'BLINDED',
    ACTARM: 'BLINDED',
    WEIGHTBL: 70.5,
    WEIGHTBL_DEC: 1,
    ...over,
  };
}

export function sv(USUBJID: string, VISITNUM: number, day: number): SvRow {
  return {
    src: src('sv.csv'),
    STUDYID: 'SLEMSC01',
    USUBJID,
    VISITNUM,
    VISIT: visitLabel(VISITNUM),
    SVSTDTC: onDay(day),
  };
}

export function ex(USUBJID: string, EXOCCUR: 'Y' | 'N' = 'Y'): ExRow {
  return {
    src: src('ex.csv'),
    STUDYID: 'SLEMSC01',
    USUBJID,
    EXSEQ: 1,
    EXTRT: 'BLINDED STUDY INFUSION',
    EXROUTE: 'INTRAVENOUS',
    EXVOL: null,
    EXSTDTC: DAY0,
    EXOCCUR,
  };
}

export function ds(USUBJID: string, DSCAT: DsRow['DSCAT'], DSDECOD: string, day: number): DsRow {
  return {
    src: src('ds.csv'),
    STUDYID: 'SLEMSC01',
    USUBJID,
    DSSEQ: 1,
    DSCAT,
    DSDECOD,
    DSTERM: DSDECOD,
    DSSTDTC: onDay(day),
  };
}

export function qs(
  USUBJID: string,
  VISITNUM: number,
  day: number,
  over: Partial<QsRow> & Pick<QsRow, 'QSCAT' | 'QSTESTCD'>,
): QsRow {
  return {
    src: src('qs.csv'),
    STUDYID: 'SLEMSC01',
    USUBJID,
    QSSEQ: line,
    QSTEST: over.QSTESTCD,
    QSORRES: null,
    QSSTRESC: null,
    QSSTRESN: null,
    QSSTRESN_DEC: null,
    QSSTAT: null,
    QSREASND: null,
    VISITNUM,
    VISIT: visitLabel(VISITNUM),
    QSDTC: onDay(day),
    ...over,
  };
}

/**
 * The 24 SLEDAI-2K rows of one assessment: descriptors in `present` are `Y`, the others `N`; those in
 * `notDone` are NOT DONE and those in `omit` have no row.
 */
export function sledai(
  USUBJID: string,
  VISITNUM: number,
  day: number,
  present: readonly string[],
  opts: { notDone?: readonly string[]; omit?: readonly string[] } = {},
): QsRow[] {
  return settings()
    .sledai.descriptors.filter((d) => !(opts.omit ?? []).includes(d.code))
    .map((d) =>
      (opts.notDone ?? []).includes(d.code)
        ? qs(USUBJID, VISITNUM, day, {
            QSCAT: 'SLEDAI-2K',
            QSTESTCD: d.code,
            QSSTAT: 'NOT DONE',
            QSREASND: 'NOT ASSESSED',
          })
        : qs(USUBJID, VISITNUM, day, {
            QSCAT: 'SLEDAI-2K',
            QSTESTCD: d.code,
            QSORRES: present.includes(d.code) ? 'Y' : 'N',
            QSSTRESC: present.includes(d.code) ? 'Y' : 'N',
          }),
    );
}

/**
 * BILAG rows of one assessment from nine letters in the settings' domain order (CONS MUCO NEUR MUSK
 * CARD GAST OPHT RENL HAEM); `-` means no row for that domain.
 */
export function bilag(USUBJID: string, VISITNUM: number, day: number, grades: string): QsRow[] {
  const domains = settings().bilag.domains;
  if (grades.length !== domains.length) throw new Error('one letter per domain');
  return domains.flatMap((d, i) => {
    const g = grades[i] ?? '-';
    return g === '-'
      ? []
      : [qs(USUBJID, VISITNUM, day, { QSCAT: 'BILAG-2004', QSTESTCD: d.code, QSORRES: g, QSSTRESC: g })];
  });
}

/** One PGA row (value as collected, ≤ 2 decimals); null = NOT DONE. */
export function pga(USUBJID: string, VISITNUM: number, day: number, value: number | null): QsRow {
  return value === null
    ? qs(USUBJID, VISITNUM, day, { QSCAT: 'PGA', QSTESTCD: 'PGA', QSSTAT: 'NOT DONE' })
    : qs(USUBJID, VISITNUM, day, {
        QSCAT: 'PGA',
        QSTESTCD: 'PGA',
        QSORRES: String(value),
        QSSTRESC: String(value),
        QSSTRESN: value,
        QSSTRESN_DEC: (String(value).split('.')[1] ?? '').length,
      });
}

/** A corticosteroid record (oral prednisone QD unless told otherwise). */
export function cm(USUBJID: string, over: Partial<CmRow> & Pick<CmRow, 'CMSTDTC'>): CmRow {
  return {
    src: src('cm.csv'),
    STUDYID: 'SLEMSC01',
    USUBJID,
    CMSEQ: line,
    CMTRT: 'PREDNISONE',
    CMDECOD: 'PREDNISONE',
    CMCAT: 'CORTICOSTEROID',
    CMDOSE: 5,
    CMDOSU: 'mg',
    CMDOSFRQ: 'QD',
    CMROUTE: 'ORAL',
    CMENDTC: null,
    CMENRTPT: null,
    ...over,
  };
}
