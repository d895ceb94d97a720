/**
 * Stratified permuted-block randomization 1:1:1 (blocks of 3 or 6, size drawn per block), one list per
 * screening SLEDAI-2K stratum, consumed in order of randomization date; and the randomization file
 * (../shared/dts/randomization.md) written from the result.
 */
import { stringify } from 'csv-stringify/sync';
import type { Prng } from '../core/prng.js';
import type { ArmCode } from '../lock/types.js';
import { ARMS, STUDYID } from './code-lists.js';
import { isoDate } from './numbers.js';
import type { Stratum, SubjectPlan } from './types.js';

const ARM_CODES: readonly ArmCode[] = ARMS.map((a) => a.code);

/** Next arms of one stratum's list, a block at a time. */
function blockList(rng: Prng): () => ArmCode {
  let block: ArmCode[] = [];
  return () => {
    if (block.length === 0) {
      const size = rng.bernoulli(0.5) ? 3 : 6;
      block = rng.shuffle(Array.from({ length: size }, (_, i) => ARM_CODES[i % 3] as ArmCode));
    }
    return block.shift() as ArmCode;
  };
}

export interface RandomizationRequest {
  readonly index: number;
  readonly randDay: number;
  readonly stratum: Stratum;
}

export interface Assignment {
  readonly randno: string;
  readonly armcd: ArmCode;
}

/** Assignments by subject index. RANDNO: stratum digit (1 `<10`, 2 `>=10`) then the list position. */
export function assignArms(rng: Prng, requests: readonly RandomizationRequest[]): Map<number, Assignment> {
  const lists: Record<Stratum, () => ArmCode> = { '<10': blockList(rng), '>=10': blockList(rng) };
  const used: Record<Stratum, number> = { '<10': 0, '>=10': 0 };
  const width = Math.max(3, String(requests.length).length);
  const ordered = [...requests].sort((a, b) => a.randDay - b.randDay || a.index - b.index);
  const out = new Map<number, Assignment>();
  for (const r of ordered) {
    used[r.stratum] += 1;
    const prefix = r.stratum === '<10' ? '1' : '2';
    out.set(r.index, { randno: `${prefix}${String(used[r.stratum]).padStart(width, '0')}`, armcd: lists[r.stratum]() });
  }
  return out;
}

const armName = (code: ArmCode): string => ARMS.find((a) => a.code === code)?.name ?? code;

/** The randomization file, one row per subject in USUBJID order. */
export function randomizationCsv(plans: readonly SubjectPlan[]): string {
  const rows = [...plans]
    .sort((a, b) => (a.usubjid < b.usubjid ? -1 : a.usubjid > b.usubjid ? 1 : 0))
    .map((p) => [
      STUDYID,
      p.usubjid,
      p.randno,
      isoDate(p.randDay),
      p.stratum,
      p.armcd,
      armName(p.armcd),
      p.actarmcd ?? '',
    ]);
  return stringify(rows, {
    header: true,
    columns: ['STUDYID', 'USUBJID', 'RANDNO', 'RANDDT', 'STRATUM', 'ARMCD', 'ARM', 'ACTARMCD'],
    record_delimiter: 'unix',
  });
}
