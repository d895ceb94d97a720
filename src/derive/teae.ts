/**
 * Treatment emergence of an adverse event (SAP §7.1; synopsis §5.3): an AE is treatment-emergent when
 * it starts on or after Day 0 (the infusion day). A partial start date (`YYYY-MM`, `YYYY`) is
 * treatment-emergent unless its latest possible date is before Day 0 — when in doubt, the event is
 * attributed to the treatment period (conservative for safety). For a full date the latest possible
 * date is the date itself, so one comparison covers both cases.
 *
 * Worked example (SAP §7.1): Day 0 = 2026-03-15; `2026-03` → latest 2026-03-31 ≥ Day 0: TEAE;
 * `2026-02` → latest 2026-02-28 < Day 0: not; `2026` → latest 2026-12-31: TEAE.
 */
import { dayNumber, latestDay, parsePartialDate, type IsoDate } from '../core/dates.js';

/**
 * `Y` when an AE starting `aestdtc` (full or partial ISO date) is treatment-emergent for a subject
 * infused on `day0`, `N` when it is not, null for a subject never infused (no Day 0: no treatment
 * period, and not in the safety population). Throws on a start date that is not a (partial) ISO date,
 * which validated input never has.
 */
export function computeTreatmentEmergent(aestdtc: string, day0: IsoDate | null): 'Y' | 'N' | null {
  if (day0 === null) return null;
  const start = parsePartialDate(aestdtc);
  if (start === undefined) throw new Error(`AE start date is not a (partial) ISO date: ${aestdtc}`);
  return latestDay(start) >= dayNumber(day0) ? 'Y' : 'N';
}
