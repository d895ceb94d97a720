/**
 * ADEX: the study infusion as EX records it (one record per EX row: given, or planned and not given),
 * with the infused volume as AVAL and, through TRTA, the arm actually infused (missing in a blinded run
 * and for a subject never infused).
 */
import type { ExRow, Lock } from '../lock/types.js';
import { protocolDay } from '../core/dates.js';
import { makeDataset, type AdamDataset } from './dataset.js';
import type { DatasetContext } from './dataset-context.js';
import { ADEX_META } from './metadata/adex.js';

/** `adex`, in lock order. */
export function toAdexDataset(lock: Pick<Lock, 'ex'>, context: DatasetContext): AdamDataset {
  return makeDataset(
    ADEX_META,
    lock.ex,
    (r: ExRow) => {
      const day0 = context.subjectValue(r.USUBJID, 'TRTSDT', 'ADEX');
      return {
        PARAMCD: 'INFVOL',
        ADT: r.EXSTDTC,
        ADY: typeof day0 === 'string' ? protocolDay(r.EXSTDTC, day0) : null,
        AVAL: r.EXOCCUR === 'Y' ? r.EXVOL : null,
      };
    },
    context,
  );
}
