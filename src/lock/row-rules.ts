/**
 * Rules that involve several columns of one row (../shared/dts/domains.md, instruments.md). They run
 * only on rows whose cells each passed their column's rules, so a broken cell yields one issue, not two.
 * Each check reports through `report(column, rule)`; the caller adds file and line.
 */
import { earliestDay, latestDay, parsePartialDate } from '../core/dates.js';
import type { AeRow, CmRow, DmRow, DsRow, LbRow, QsRow } from './types.js';
import type { Loose } from './schema.js';
import { DS_EVENTS, DS_MILESTONES, LAB_TESTS, NOT_DONE, STEROIDS, STUDY } from './domains.js';
import { INSTRUMENTS } from './instruments.js';

export type Report = (column: string, rule: string) => void;

/** `<NNN>` has three or more digits: pooled and simulated scale locks pass 999 subjects a site (lock.md). */
const USUBJID_FORM = new RegExp(`^${STUDY}-(\\d{3})-(\\d{3,})$`);

/** USUBJID = `SLEMSC01-<SITEID>-<SUBJID>` with the row's own SITEID and SUBJID. */
export function checkDmRow(row: Loose<DmRow>, report: Report): void {
  const m = USUBJID_FORM.exec(row.USUBJID ?? '');
  if (m === null) {
    report('USUBJID', `'${row.USUBJID}' does not have the form ${STUDY}-<SITEID>-<NNN>`);
    return;
  }
  if (m[1] !== row.SITEID) report('SITEID', `SITEID ${row.SITEID} differs from the site in USUBJID (${m[1]})`);
  if (m[2] !== row.SUBJID)
    report('SUBJID', `SUBJID ${row.SUBJID} differs from the subject number in USUBJID (${m[2]})`);
}

/** DSDECOD belongs to its DSCAT's list. */
export function checkDsRow(row: Loose<DsRow>, report: Report): void {
  const allowed = row.DSCAT === 'PROTOCOL MILESTONE' ? DS_MILESTONES : DS_EVENTS;
  if (row.DSDECOD !== null && !allowed.includes(row.DSDECOD)) {
    report('DSDECOD', `'${row.DSDECOD}' is not a term of DSCAT ${row.DSCAT}: ${allowed.join(', ')}`);
  }
}

/** QSTESTCD of its QSCAT; NOT DONE rows empty; otherwise a result of the instrument's kind and range. */
export function checkQsRow(row: Loose<QsRow>, report: Report): void {
  const instrument = INSTRUMENTS[row.QSCAT ?? ''];
  if (instrument === undefined) return;
  const test = instrument.tests[row.QSTESTCD ?? ''];
  if (test === undefined) report('QSTESTCD', `'${row.QSTESTCD}' is not a test code of ${row.QSCAT}`);
  if (row.QSSTAT === NOT_DONE) {
    for (const col of ['QSORRES', 'QSSTRESC', 'QSSTRESN'] as const) {
      if (row[col] !== null) report(col, `must be empty when QSSTAT is ${NOT_DONE}`);
    }
    return;
  }
  if (row.QSSTRESC === null) report('QSSTRESC', `required unless QSSTAT is ${NOT_DONE}`);
  const result = instrument.result;
  if (result.kind === 'text') {
    if (row.QSSTRESC !== null && !result.terms.includes(row.QSSTRESC)) {
      report('QSSTRESC', `'${row.QSSTRESC}' is not a result of ${row.QSCAT}: ${result.terms.join(', ')}`);
    }
    return;
  }
  const v = row.QSSTRESN;
  if (v === null) {
    report('QSSTRESN', `a numeric result is required for ${row.QSCAT} unless QSSTAT is ${NOT_DONE}`);
    return;
  }
  const max = test?.max ?? result.max;
  // One issue per cell: the first rule it breaks.
  if ((result.min !== undefined && v < result.min) || (max !== undefined && v > max)) {
    report('QSSTRESN', `${v} is outside ${result.min ?? '−∞'}–${max ?? '∞'} for ${row.QSCAT} ${row.QSTESTCD}`);
  } else if (result.whole === true && !Number.isInteger(v)) {
    report('QSSTRESN', `${v} is not a whole number (${row.QSCAT})`);
  } else if (result.maxDecimals !== undefined && (row.QSSTRESN_DEC ?? 0) > result.maxDecimals) {
    report('QSSTRESN', `${row.QSCAT} is recorded to at most ${result.maxDecimals} decimals`);
  }
}

/** `<10`, `>300`, `< 0.5`: a detection limit. */
const LIMIT_RESULT = /^[<>] ?(\d+(\.\d+)?|\.\d+)$/;

/** The LBTESTCD table, results unless NOT DONE, and the reference limits the SAP's biomarkers need. */
export function checkLbRow(row: Loose<LbRow>, report: Report): void {
  const t = LAB_TESTS[row.LBTESTCD ?? ''];
  if (t === undefined) return;
  if (row.LBTEST !== t.test) report('LBTEST', `LBTEST for ${row.LBTESTCD} must be '${t.test}'`);
  if (row.LBSPEC !== t.spec) report('LBSPEC', `LBSPEC for ${row.LBTESTCD} must be ${t.spec}`);
  if (row.LBSTRESU !== null && row.LBSTRESU !== t.unit)
    report('LBSTRESU', `LBSTRESU for ${row.LBTESTCD} must be ${t.unit}`);
  if (row.LBSTAT === NOT_DONE) {
    for (const col of ['LBSTRESN', 'LBSTRESC'] as const) {
      if (row[col] !== null) report(col, `must be empty when LBSTAT is ${NOT_DONE}`);
    }
    return;
  }
  if (row.LBSTRESN === null && row.LBSTRESC === null) {
    report('LBSTRESN', `one of LBSTRESN, LBSTRESC is required unless LBSTAT is ${NOT_DONE}`);
    return;
  }
  // The SAP analyses a text-only result as just below or above x, so nothing else can stand alone.
  if (row.LBSTRESN === null && row.LBSTRESC !== null && !LIMIT_RESULT.test(row.LBSTRESC)) {
    report(
      'LBSTRESC',
      `a result given only as text must be <x or >x with x a plain decimal number, not '${row.LBSTRESC}'`,
    );
  }
  if (row.LBSTRESN !== null && row.LBSTRESU === null)
    report('LBSTRESU', `the unit (${t.unit}) is required with LBSTRESN`);
  if ((row.LBTESTCD === 'C3' || row.LBTESTCD === 'C4') && row.LBSTNRLO === null) {
    report('LBSTNRLO', `the lower reference limit is required on ${row.LBTESTCD} results`);
  }
  if (row.LBTESTCD === 'DSDNA' && row.LBSTNRHI === null) {
    report('LBSTNRHI', 'the upper reference limit is required on DSDNA results');
  }
}

/**
 * An end date not before its start (lock.md §Dates). Compared on what both say: the end's latest
 * possible day against the start's earliest, so a partial end sharing the start's month or year passes
 * and only an end that is before the start whatever the missing parts are is refused.
 */
function checkEndNotBeforeStart(
  start: string | null,
  end: string | null,
  endColumn: string,
  startColumn: string,
  report: Report,
): void {
  if (start == null || end == null) return;
  const s = parsePartialDate(start);
  const e = parsePartialDate(end);
  if (s === undefined || e === undefined) return;
  if (latestDay(e) < earliestDay(s)) report(endColumn, `${endColumn} ${end} is before ${startColumn} ${start}`);
}

/** AEENDTC not before AESTDTC. */
export function checkAeRow(row: Loose<AeRow>, report: Report): void {
  checkEndNotBeforeStart(row.AESTDTC, row.AEENDTC, 'AEENDTC', 'AESTDTC', report);
}

/** Corticosteroid rows carry what the prednisone-equivalent dose needs; CMENDTC empty iff ONGOING. */
export function checkCmRow(row: Loose<CmRow>, report: Report): void {
  if (row.CMDECOD !== null && row.CMDECOD !== row.CMDECOD.toUpperCase())
    report('CMDECOD', 'CMDECOD must be upper case');
  if (row.CMCAT === 'CORTICOSTEROID') {
    if (row.CMDECOD !== null && !STEROIDS.includes(row.CMDECOD)) {
      report(
        'CMDECOD',
        `'${row.CMDECOD}' has no prednisone factor in the SAP; corticosteroids are: ${STEROIDS.join(', ')}`,
      );
    }
    if (row.CMDOSE === null) report('CMDOSE', 'required on CORTICOSTEROID rows');
    if (row.CMDOSU !== 'mg') report('CMDOSU', 'must be mg on CORTICOSTEROID rows');
    if (row.CMDOSFRQ === null) report('CMDOSFRQ', 'required on CORTICOSTEROID rows');
  }
  if (row.CMENRTPT === 'ONGOING' && row.CMENDTC !== null) report('CMENDTC', 'must be empty when CMENRTPT is ONGOING');
  if (row.CMENRTPT !== 'ONGOING' && row.CMENDTC === null) report('CMENDTC', 'required unless CMENRTPT is ONGOING');
  checkEndNotBeforeStart(row.CMSTDTC, row.CMENDTC, 'CMENDTC', 'CMSTDTC', report);
}
