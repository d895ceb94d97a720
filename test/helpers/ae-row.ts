/** A lock AE row for hand-worked tests: a mild, non-serious, unrelated headache unless told otherwise. */
import type { AeRow } from '../../src/lock/types.js';

let line = 1;

export function aeRow(USUBJID: string, AESTDTC: string, over: Partial<AeRow> = {}): AeRow {
  line += 1;
  return {
    src: { file: 'ae.csv', line },
    STUDYID: 'SLEMSC01',
    USUBJID,
    AESEQ: line,
    AETERM: 'Headache',
    AEDECOD: 'Headache',
    AEBODSYS: 'Nervous system disorders',
    AESTDTC,
    AEENDTC: null,
    AESER: 'N',
    AESEV: 'MILD',
    AEREL: 'NOT RELATED',
    AEOUT: 'RECOVERED/RESOLVED',
    AEACN: 'NOT APPLICABLE',
    ...over,
  };
}
