/**
 * SLEDAI-2K descriptors read from the true state (Gladman et al., J Rheumatol 2002): clinical descriptors
 * from the organ levels and each domain's signs; the laboratory descriptors from the reported results
 * (proteinuria UPCR > 0.5 mg/mg, low complement C3 < 0.9 or C4 < 0.10 g/L, increased DNA binding
 * anti-dsDNA > 30 IU/mL, thrombocytopenia platelets < 100, leukopenia WBC < 3.0 × 10^9/L).
 */
import type { Prng } from '../core/prng.js';
import { SLEDAI_ITEMS, SLEDAI_WEIGHT } from './code-lists.js';
import type { QsResult } from './qs-row.js';
import { qsRow } from './qs-row.js';
import type { ClinicalState, CsvRow, DiseaseProfile, SimVisit } from './types.js';

/** Codes of the descriptors present. */
export function sledaiPresent(profile: DiseaseProfile, state: ClinicalState): Set<string> {
  const present = new Set<string>();
  const { levels, labs } = state;
  const s = profile.signs;
  const add = (codes: readonly string[]) => codes.forEach((c) => present.add(c));
  if (levels.MUSK >= 2) add(s.MUSK.slice(0, 1));
  if (levels.MUSK >= 3) add(s.MUSK);
  const mucoClinical = s.MUCO.filter((c) => c !== 'SLED08');
  if (levels.MUCO >= 1) add(mucoClinical.slice(0, 1));
  if (levels.MUCO >= 2) add(mucoClinical);
  if (levels.MUCO >= 3) add(s.MUCO);
  if (levels.RENL >= 2) add(s.RENL.slice(1, 2));
  if (levels.RENL >= 3) add(s.RENL.slice(1));
  for (const d of ['CARD', 'CONS', 'NEUR', 'OPHT'] as const) if (levels[d] >= 2) add(s[d]);
  if (labs.PROTCRT > 0.5) present.add('SLED13');
  if (labs.C3 < 0.9 || labs.C4 < 0.1) present.add('SLED20');
  if (labs.DSDNA > 30) present.add('SLED21');
  if (labs.PLAT < 100) present.add('SLED23');
  if (labs.WBC < 3) present.add('SLED24');
  return present;
}

export function sledaiTotal(present: ReadonlySet<string>): number {
  let total = 0;
  for (const c of present) total += SLEDAI_WEIGHT.get(c) ?? 0;
  return total;
}

/** Descriptors a site sometimes cannot assess (no urine sediment, no eye examination). */
const SOMETIMES_NOT_DONE = ['SLED11', 'SLED14', 'SLED04'] as const;

/** The 24 rows of one assessment; with probability `pNotDone` one descriptor is NOT DONE. */
export function sledaiRows(
  rng: Prng,
  usubjid: string,
  visit: SimVisit,
  present: ReadonlySet<string>,
  pNotDone: number,
): CsvRow[] {
  const notDone = rng.bernoulli(pNotDone) ? rng.choice(SOMETIMES_NOT_DONE) : null;
  return SLEDAI_ITEMS.map((item) => {
    const yn = present.has(item.code) ? 'Y' : 'N';
    const result: QsResult =
      item.code === notDone
        ? { kind: 'not done', reason: 'NOT ASSESSED AT VISIT' }
        : { kind: 'text', orres: yn, stresc: yn };
    return qsRow(usubjid, visit, 'SLEDAI-2K', item.code, item.label, result);
  });
}
