/** Builder of typed LB rows for hand-worked subjects (dates as protocol days from helpers.ts's Day 0). */
import type { LbRow } from '../../src/lock/types.js';
import { onDay, visitLabel } from './helpers.js';

let seq = 0;

/** One LB result; `result` a number (LBSTRESN) or a text such as `<10` (LBSTRESC only), null = NOT DONE. */
export function lb(
  USUBJID: string,
  LBTESTCD: string,
  VISITNUM: number,
  day: number,
  result: number | string | null,
  over: Partial<LbRow> = {},
): LbRow {
  seq += 1;
  const numeric = typeof result === 'number';
  return {
    src: { file: 'lb.csv', line: seq + 1 },
    STUDYID: 'SLEMSC01',
    USUBJID,
    LBSEQ: seq,
    LBTESTCD,
    LBTEST: LBTESTCD,
    LBCAT: 'IMMUNOLOGY',
    LBSPEC: 'SERUM',
    LBORRES: result === null ? null : String(result),
    LBORRESU: null,
    LBSTRESN: numeric ? result : null,
    LBSTRESN_DEC: numeric ? (String(result).split('.')[1] ?? '').length : null,
    LBSTRESC: result === null ? null : String(result),
    LBSTRESU: null,
    LBSTNRLO: null,
    LBSTNRHI: null,
    LBNRIND: null,
    LBSTAT: result === null ? 'NOT DONE' : null,
    VISITNUM,
    VISIT: visitLabel(VISITNUM),
    LBDTC: onDay(day),
    ...over,
  };
}
