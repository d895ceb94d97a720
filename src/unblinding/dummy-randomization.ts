/**
 * Dummy randomization for rehearsing unblinded outputs before unblinding (SAP §6): arms assigned 1:1:1
 * within stratum by a seeded permutation. Only this tool needs to reproduce it from its seed; every
 * output of such a run says DUMMY RANDOMIZATION.
 *
 * Within each stratum (the ADSL stratum derived from screening SLEDAI-2K; subjects without one form
 * their own stratum) subjects are taken in USUBJID order and given the arms of a shuffled list that
 * repeats PBO, MSC1E6, MSC5E6, so the arms differ in size by at most one within a stratum. Each
 * stratum draws from its own stream (`dummy/<seed>/<stratum>`), so adding a subject to one stratum
 * leaves the others unchanged.
 */
import { ARM_NAMES } from '../ard/arms.js';
import { createPrng } from '../core/prng.js';
import { ARM_CODES, type RandomizationRow } from '../lock/types.js';

export interface DummyRandomizationSubject {
  readonly USUBJID: string;
  /** `<10`, `>=10`, or null when screening SLEDAI-2K is missing. */
  readonly stratum: '<10' | '>=10' | null;
  readonly infused: boolean;
}

export function dummyRandomization(subjects: readonly DummyRandomizationSubject[], seed: string): RandomizationRow[] {
  const byStratum = new Map<string, DummyRandomizationSubject[]>();
  for (const s of subjects) {
    const key = s.stratum ?? 'NONE';
    const list = byStratum.get(key) ?? [];
    list.push(s);
    byStratum.set(key, list);
  }
  const rows: RandomizationRow[] = [];
  for (const key of [...byStratum.keys()].sort()) {
    const members = [...byStratum.get(key)!].sort((a, b) =>
      a.USUBJID < b.USUBJID ? -1 : a.USUBJID > b.USUBJID ? 1 : 0,
    );
    const arms = members.map((_, i) => ARM_CODES[i % ARM_CODES.length]!);
    const shuffled = createPrng(`dummy/${seed}/${key}`).shuffle(arms);
    members.forEach((s, i) => {
      const arm = shuffled[i]!;
      rows.push({
        src: { file: `dummy randomization (seed ${seed})`, line: 0 },
        STUDYID: 'SLEMSC01',
        USUBJID: s.USUBJID,
        RANDNO: `DUMMY-${key}-${String(i + 1).padStart(3, '0')}`,
        RANDDT: '1970-01-01',
        STRATUM: s.stratum ?? '<10',
        ARMCD: arm,
        ARM: ARM_NAMES[arm],
        ACTARMCD: s.infused ? arm : null,
      });
    });
  }
  return rows.sort((a, b) => (a.USUBJID < b.USUBJID ? -1 : a.USUBJID > b.USUBJID ? 1 : 0));
}
