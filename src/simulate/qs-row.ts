/**
 * One QS row as text cells (../shared/dts/domains.md, QS): dated by its visit, STUDYID/DOMAIN filled in;
 * QSSEQ is numbered later, per subject, when the rows are written.
 */
import { STUDYID } from './code-lists.js';
import { isoDate, visitNumText } from './numbers.js';
import type { CsvRow, SimVisit } from './types.js';

export type QsResult =
  | { readonly kind: 'text'; readonly orres: string; readonly stresc: string }
  | { readonly kind: 'number'; readonly orres: string; readonly stresc: string }
  | { readonly kind: 'not done'; readonly reason: string };

export function qsRow(
  usubjid: string,
  visit: SimVisit,
  qscat: string,
  testcd: string,
  test: string,
  result: QsResult,
): CsvRow {
  // Every row gets the same keys in the same order: one object shape keeps generation fast at large n.
  const done = result.kind !== 'not done';
  return {
    STUDYID,
    DOMAIN: 'QS',
    USUBJID: usubjid,
    QSCAT: qscat,
    QSTESTCD: testcd,
    QSTEST: test,
    QSORRES: done ? result.orres : '',
    QSSTRESC: done ? result.stresc : '',
    QSSTRESN: result.kind === 'number' ? result.stresc : '',
    QSSTAT: done ? '' : 'NOT DONE',
    QSREASND: done ? '' : result.reason,
    VISITNUM: visitNumText(visit.num),
    VISIT: visit.label,
    QSDTC: isoDate(visit.date),
  };
}

/** A numeric result written with the same text in QSORRES, QSSTRESC and QSSTRESN. */
export function numberResult(text: string): QsResult {
  return { kind: 'number', orres: text, stresc: text };
}
