/**
 * Background (non-steroid) medications: antimalarial, immunosuppressants, the occasional earlier biologic
 * (stopped before screening, as the protocol requires) and supportive drugs. Most were started long
 * before the study (start date often known to the month or year only) and are still taken at the end.
 */
import type { Prng } from '../core/prng.js';
import type { Medication, MedicationPeriod } from './cm-row.js';
import type { SubjectPlan } from './types.js';

interface Background {
  readonly med: Medication;
  readonly p: (renal: boolean) => number;
  readonly regimens: readonly (readonly [number, string, string])[];
}

const med = (trt: string, decod: string, cat: Medication['cat'], route = 'ORAL'): Medication => ({
  trt,
  decod,
  cat,
  route,
});

const BACKGROUND: readonly Background[] = [
  {
    med: med('Plaquenil', 'HYDROXYCHLOROQUINE', 'ANTIMALARIAL'),
    p: () => 0.75,
    regimens: [
      [200, 'mg', 'BID'],
      [400, 'mg', 'QD'],
      [300, 'mg', 'QD'],
    ],
  },
  {
    med: med('CellCept', 'MYCOPHENOLATE MOFETIL', 'IMMUNOSUPPRESSANT'),
    p: (r) => (r ? 0.6 : 0.18),
    regimens: [
      [1000, 'mg', 'BID'],
      [750, 'mg', 'BID'],
      [1500, 'mg', 'BID'],
    ],
  },
  {
    med: med('Imuran', 'AZATHIOPRINE', 'IMMUNOSUPPRESSANT'),
    p: () => 0.1,
    regimens: [
      [100, 'mg', 'QD'],
      [150, 'mg', 'QD'],
    ],
  },
  {
    med: med('Methotrexate', 'METHOTREXATE', 'IMMUNOSUPPRESSANT'),
    p: () => 0.08,
    regimens: [
      [15, 'mg', 'QW'],
      [20, 'mg', 'QW'],
    ],
  },
  {
    med: med('Calcium carbonate/vitamin D3', 'CALCIUM CARBONATE;COLECALCIFEROL', 'OTHER'),
    p: () => 0.4,
    regimens: [[600, 'mg', 'BID']],
  },
  {
    med: med('Omeprazole', 'OMEPRAZOLE', 'OTHER'),
    p: () => 0.25,
    regimens: [
      [20, 'mg', 'QD'],
      [40, 'mg', 'QD'],
    ],
  },
  {
    med: med('Tylenol', 'PARACETAMOL', 'OTHER'),
    p: () => 0.2,
    regimens: [
      [500, 'mg', 'PRN'],
      [1000, 'mg', 'PRN'],
    ],
  },
  {
    med: med('Lisinopril', 'LISINOPRIL', 'OTHER'),
    p: (r) => (r ? 0.5 : 0.06),
    regimens: [
      [10, 'mg', 'QD'],
      [20, 'mg', 'QD'],
    ],
  },
];

const BELIMUMAB = med('Benlysta', 'BELIMUMAB', 'BIOLOGIC', 'INTRAVENOUS');

export function otherMedicationPeriods(rng: Prng, plan: SubjectPlan, lastDay: number): MedicationPeriod[] {
  const renal = plan.disease.baseLevel.RENL > 0 || plan.disease.history.RENL;
  const out: MedicationPeriod[] = [];
  for (const b of BACKGROUND) {
    if (!rng.bernoulli(b.p(renal))) continue;
    const [dose, unit, freq] = rng.choice(b.regimens);
    const start = plan.screeningDay - rng.int(30, 3000);
    const longAgo = start < plan.screeningDay - 365;
    const partial = longAgo
      ? rng.weighted([
          [null, 0.5],
          ['month', 0.4],
          ['year', 0.1],
        ] as const)
      : null;
    const stops = rng.bernoulli(0.08) && lastDay - plan.day0 > 40;
    out.push({
      med: b.med,
      dose,
      unit,
      freq,
      start,
      ...(partial === null ? {} : { startPartial: partial }),
      end: stops ? plan.day0 + rng.int(30, lastDay - plan.day0) : null,
    });
  }
  if (rng.bernoulli(0.03)) {
    const end = plan.consentDay - rng.int(90, 400);
    out.push({
      med: BELIMUMAB,
      dose: 10,
      unit: 'mg/kg',
      freq: null,
      start: end - rng.int(180, 900),
      startPartial: 'month',
      end,
    });
  }
  return out;
}
