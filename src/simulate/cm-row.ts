/** One CM row as text cells (../shared/dts/domains.md, CM); CMSEQ is numbered when written. */
import { STUDYID } from './code-lists.js';
import { isoDate, isoMonth } from './numbers.js';
import type { CsvRow } from './types.js';

export interface Medication {
  readonly trt: string;
  readonly decod: string;
  readonly cat: 'CORTICOSTEROID' | 'ANTIMALARIAL' | 'IMMUNOSUPPRESSANT' | 'BIOLOGIC' | 'OTHER';
  readonly route: string;
}

export interface MedicationPeriod {
  readonly med: Medication;
  readonly dose: number | null;
  readonly unit: string | null;
  readonly freq: string | null;
  readonly start: number;
  /** Start known to the month only (records begun long before the study). */
  readonly startPartial?: 'month' | 'year';
  /** Last day taken, or null when still taken at the last contact (CMENRTPT ONGOING). */
  readonly end: number | null;
}

export function cmRow(usubjid: string, p: MedicationPeriod): CsvRow {
  const start =
    p.startPartial === 'month'
      ? isoMonth(p.start)
      : p.startPartial === 'year'
        ? isoDate(p.start).slice(0, 4)
        : isoDate(p.start);
  return {
    STUDYID,
    DOMAIN: 'CM',
    USUBJID: usubjid,
    CMTRT: p.med.trt,
    CMDECOD: p.med.decod,
    CMCAT: p.med.cat,
    CMDOSE: p.dose === null ? '' : String(p.dose),
    CMDOSU: p.unit ?? '',
    CMDOSFRQ: p.freq ?? '',
    CMROUTE: p.med.route,
    CMSTDTC: start,
    CMENDTC: p.end === null ? '' : isoDate(p.end),
    CMENRTPT: p.end === null ? 'ONGOING' : '',
  };
}
