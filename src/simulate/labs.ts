/**
 * Laboratory rows of one visit (../shared/dts/domains.md, LB) from the true, already rounded values:
 * reference ranges of the central laboratory (haemoglobin by sex), normal-range indicator, anti-dsDNA
 * outside the assay's reportable range (10–300 IU/mL) as text `<10` / `>300` with LBSTRESN empty, and
 * haemoglobin reported in g/dL by site 105's local laboratory (standardized to g/L).
 */
import type { Prng } from '../core/prng.js';
import { LAB_TESTS, STUDYID } from './code-lists.js';
import type { LabCode, LabTest } from './code-lists.js';
import { fixed, isoDate, visitNumText } from './numbers.js';
import type { CsvRow, SimVisit } from './types.js';

const DSDNA_LOWER = 10;
const DSDNA_UPPER = 300;
const GDL_SITE = '105';

function range(test: LabTest, sex: 'F' | 'M'): { lo: number | null; hi: number | null } {
  if (test.code === 'HGB' && sex === 'M') return { lo: 135, hi: 175 };
  return { lo: test.lo, hi: test.hi };
}

/** LOW / NORMAL / HIGH; a text result `<x` counts as just below x, `>x` as just above x. */
function normalRangeIndicator(value: number, bound: '' | '<' | '>', lo: number | null, hi: number | null): string {
  if (lo !== null && (value < lo || (bound === '<' && value <= lo))) return 'LOW';
  if (hi !== null && (value > hi || (bound === '>' && value >= hi))) return 'HIGH';
  return 'NORMAL';
}

interface Reported {
  readonly orres: string;
  readonly orresu: string;
  readonly stresc: string;
  readonly stresn: string;
  readonly bound: '' | '<' | '>';
  readonly value: number;
}

function report(test: LabTest, value: number, siteid: string): Reported {
  if (test.code === 'DSDNA' && value < DSDNA_LOWER) {
    return {
      orres: `<${DSDNA_LOWER}`,
      orresu: test.unit,
      stresc: `<${DSDNA_LOWER}`,
      stresn: '',
      bound: '<',
      value: DSDNA_LOWER,
    };
  }
  if (test.code === 'DSDNA' && value > DSDNA_UPPER) {
    return {
      orres: `>${DSDNA_UPPER}`,
      orresu: test.unit,
      stresc: `>${DSDNA_UPPER}`,
      stresn: '',
      bound: '>',
      value: DSDNA_UPPER,
    };
  }
  const text = fixed(value, test.decimals);
  if (test.code === 'HGB' && siteid === GDL_SITE) {
    return { orres: fixed(value / 10, 1), orresu: 'g/dL', stresc: text, stresn: text, bound: '', value };
  }
  return { orres: text, orresu: test.unit, stresc: text, stresn: text, bound: '', value };
}

export function labRows(
  rng: Prng,
  usubjid: string,
  siteid: string,
  sex: 'F' | 'M',
  visit: SimVisit,
  labs: Readonly<Record<LabCode, number>>,
  pNotDone: number,
): CsvRow[] {
  // A lost or haemolysed sample loses the whole tube: serology, haematology or urine together.
  const lostSpec = rng.bernoulli(pNotDone) ? rng.choice(['SERUM', 'BLOOD', 'URINE'] as const) : null;
  return LAB_TESTS.map((test) => {
    const { lo, hi } = range(test, sex);
    const done = test.spec !== lostSpec;
    const r = done ? report(test, labs[test.code], siteid) : null;
    return {
      STUDYID,
      DOMAIN: 'LB',
      USUBJID: usubjid,
      LBTESTCD: test.code,
      LBTEST: test.label,
      LBCAT: test.cat,
      LBSPEC: test.spec,
      LBORRES: r?.orres ?? '',
      LBORRESU: r?.orresu ?? '',
      LBSTRESC: r?.stresc ?? '',
      LBSTRESN: r?.stresn ?? '',
      LBSTRESU: test.unit,
      LBSTNRLO: lo === null ? '' : String(lo),
      LBSTNRHI: hi === null ? '' : String(hi),
      LBNRIND: r === null ? '' : normalRangeIndicator(r.value, r.bound, lo, hi),
      LBSTAT: done ? '' : 'NOT DONE',
      VISITNUM: visitNumText(visit.num),
      VISIT: visit.label,
      LBDTC: isoDate(visit.date),
    };
  });
}
