/**
 * Display labels of the biomarker and laboratory tables (T-14.2.12 to T-14.2.14): flags, tests, shift
 * statuses and scheduled visits. Labels only; the codes and limits come from the settings.
 */
import type { SapSettings } from '../sap/index.js';
import type { VisitLabel } from './descriptive-by-visit.js';

/** Row labels of the SAP.md §5.9 flags; a flag added to the settings without a label shows its code. */
const FLAG_LABELS: Readonly<Record<string, string>> = {
  LOWC3: 'Low C3 (< lower limit of normal)',
  LOWC4: 'Low C4 (< lower limit of normal)',
  DSDNAPOS: 'Anti-dsDNA positive (> upper limit of normal)',
  UPCRGT05: 'Urine protein/creatinine ratio > 0.5 mg/mg',
  LEUKOPENIA: 'Leukopenia (WBC < 3.0 x10^9/L)',
  THROMBOCYTOPENIA: 'Thrombocytopenia (platelets < 100 x10^9/L)',
  LYMPHOPENIA: 'Lymphopenia (lymphocytes < 1.0 x10^9/L)',
  ANEMIA: 'Anemia (hemoglobin < 100 g/L)',
};

const TEST_LABELS: Readonly<Record<string, string>> = {
  C3: 'Complement C3 (g/L)',
  C4: 'Complement C4 (g/L)',
  DSDNA: 'Anti-dsDNA antibody (IU/mL)',
  PROTCRT: 'Urine protein/creatinine ratio (mg/mg)',
};

export const STATUS_LABELS: Readonly<Record<string, string>> = { ABN: 'Abnormal', NORM: 'Normal', MISS: 'Missing' };

export function flagLabel(flag: string): string {
  return FLAG_LABELS[flag] ?? flag;
}

export function testLabel(testcd: string): string {
  return TEST_LABELS[testcd] ?? testcd;
}

/** `WEEK 12` → `Week 12`; the baseline visit → `Baseline`. */
export function visitDisplayLabel(
  v: { readonly visitnum: number; readonly visit: string },
  baselineVisitnum: number,
): string {
  if (v.visitnum === baselineVisitnum) return 'Baseline';
  return v.visit.charAt(0) + v.visit.slice(1).toLowerCase();
}

/** The scheduled visits from baseline on (ARD id and label), optionally after baseline only. */
export function scheduledVisitLabels(
  settings: Pick<SapSettings, 'visits' | 'baselineVisitnum'>,
  postBaselineOnly = false,
): VisitLabel[] {
  return settings.visits
    .filter((v) =>
      postBaselineOnly ? v.visitnum > settings.baselineVisitnum : v.visitnum >= settings.baselineVisitnum,
    )
    .map((v) => ({ visit: v.id, label: visitDisplayLabel(v, settings.baselineVisitnum) }));
}
