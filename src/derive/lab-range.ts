/**
 * A laboratory value against its own reference range (ADLB ANRLO, ANRHI): LOW below the lower limit,
 * HIGH above the upper limit, NORMAL otherwise, null when the value is missing. A text result `<x` /
 * `>x` lies just below / just above x (`compareWithLimit`), as for the biomarker flags; a missing limit
 * never flags.
 */
import { compareWithLimit } from './biomarker-flags.js';
import type { LabRecord } from './lab-results.js';

export type RangeIndicator = 'LOW' | 'NORMAL' | 'HIGH';

export function computeRangeIndicator(
  r: Pick<LabRecord, 'AVAL' | 'AVALQUAL' | 'ANRLO' | 'ANRHI'>,
): RangeIndicator | null {
  if (r.AVAL === null) return null;
  if (r.ANRLO !== null && compareWithLimit(r.AVAL, r.AVALQUAL, '<', r.ANRLO)) return 'LOW';
  if (r.ANRHI !== null && compareWithLimit(r.AVAL, r.AVALQUAL, '>', r.ANRHI)) return 'HIGH';
  return 'NORMAL';
}
