/**
 * When and where an assessment was made, the identifying columns every by-visit record shares
 * (ADaM BDS: subject, nominal visit, analysis visit, analysis date and study day).
 */
import type { IsoDate } from '../core/dates.js';

export interface AssessmentTiming {
  readonly USUBJID: string;
  readonly VISITNUM: number;
  readonly VISIT: string;
  /** ARD visit id of a scheduled visit (`WEEK4` …); null for an unscheduled one. */
  readonly AVISIT: string | null;
  readonly ADT: IsoDate;
  /** Protocol day (date − infusion date); null when the subject was never infused. */
  readonly ADY: number | null;
}
