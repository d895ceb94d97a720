/**
 * Contract audit of ../shared/dts/ard.md on the `ard.csv` bytes that `sle-msc analyze` writes for the
 * bundled sample (unblinded and blinded). Clauses proved elsewhere and not repeated here:
 * - every required row of the endpoint table, fixed families complete (BILAGAB, STRATUM, BIOSHIFT),
 *   blinded = TOTAL only with no model and no comparison: test/e2e/ard-contract.test.ts;
 * - the writer's rules on made-up rows (code-unit order, duplicate keys, String(value), NaN refused):
 *   test/output/ard-csv.test.ts and test/output/csv.test.ts.
 * Nothing here is numeric: each check is a rule of ard.md applied to every row, exact.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ARD_COLUMNS } from '../../src/ard/types.js';
import { sampleOutput } from '../helpers/sample-output.js';
import { readTree } from './contract-helpers.js';
import { ARD_MD_STATS } from '../helpers/ard-md.js';

type Record9 = readonly [string, string, string, string, string, string, string, string, string];

/**
 * A strict RFC 4180 reader written for this audit (independent of the product's writer): returns the
 * records and whether each field was quoted, and throws on anything RFC 4180 does not allow.
 */
function readRfc4180(text: string): { fields: string[]; quoted: boolean[] }[] {
  const records: { fields: string[]; quoted: boolean[] }[] = [];
  let i = 0;
  while (i < text.length) {
    const fields: string[] = [];
    const quoted: boolean[] = [];
    for (;;) {
      let value = '';
      let q = false;
      if (text[i] === '"') {
        q = true;
        i++;
        for (;;) {
          if (i >= text.length) throw new Error('unterminated quoted field');
          if (text[i] === '"' && text[i + 1] === '"') ((value += '"'), (i += 2));
          else if (text[i] === '"') {
            i++;
            break;
          } else value += text[i++];
        }
      } else {
        while (i < text.length && text[i] !== ',' && text[i] !== '\n') {
          if (text[i] === '"' || text[i] === '\r') throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
          value += text[i++];
        }
      }
      fields.push(value);
      quoted.push(q);
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '\n') {
        i++;
        break;
      }
      throw new Error(`record not ended by LF at ${i}`);
    }
    records.push({ fields, quoted });
  }
  return records;
}

const STATS = new Set<string>(ARD_MD_STATS);
/** ard.md: "`method` is empty on plain counts and descriptives (`N`, `n`, `prop`, `events`, `censored`, `pyears`, `rate`, `mean` …)". */
const PLAIN = new Set([
  'N',
  'n',
  'prop',
  'events',
  'censored',
  'pyears',
  'rate',
  'mean',
  'sd',
  'median',
  'q1',
  'q3',
  'min',
  'max',
]);
const MODEL_STAT = /^(lsmean|or|rr|hr)(_|$)/;
const VISITS = new Set(['', 'BASELINE', 'WEEK4', 'WEEK8', 'WEEK12', 'WEEK16', 'WEEK20', 'WEEK24', 'WEEK36', 'WEEK52']);

interface Ard {
  readonly bytes: Buffer;
  readonly header: readonly string[];
  readonly rows: readonly Record9[];
  readonly quoted: readonly (readonly boolean[])[];
}

function readArd(bytes: Buffer): Ard {
  const [head, ...body] = readRfc4180(bytes.toString('utf8'));
  for (const r of body)
    if (r.fields.length !== 9) throw new Error(`record with ${r.fields.length} fields: ${r.fields.join(',')}`);
  return {
    bytes,
    header: head!.fields,
    rows: body.map((r) => r.fields as unknown as Record9),
    quoted: body.map((r) => r.quoted),
  };
}

/** RFC 4180 §2.6: fields containing a line break, double quote or comma must be quoted. */
const NEEDS_QUOTES = /[",\r\n]/;
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

let unblinded: Ard;
let blinded: Ard;
let adam: [string, Buffer][];
beforeAll(() => {
  // The sample analysed once for the whole run, unblinded and blinded (test/setup/sample-outputs.ts).
  const u = sampleOutput('randomization').dir;
  unblinded = readArd(readFileSync(join(u, 'ard.csv')));
  blinded = readArd(readFileSync(join(sampleOutput('blinded').dir, 'ard.csv')));
  // The ADaM datasets follow the same CSV rules; they are checked for the byte-level ones below.
  adam = [...readTree(join(u, 'adam'))].filter(([name]) => name.endsWith('.csv'));
});

describe.each([
  ['unblinded', () => unblinded],
  ['blinded', () => blinded],
] as const)('ard.csv of the %s sample run', (_, ard) => {
  it('is UTF-8 without BOM, LF line ends only, ending with LF, and starts with the header row', () => {
    const { bytes } = ard();
    expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.includes(0x0d)).toBe(false);
    expect(bytes[bytes.length - 1]).toBe(0x0a);
    expect(Buffer.from(new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'utf8').equals(bytes)).toBe(true);
    expect(ard().header).toEqual([...ARD_COLUMNS]);
    expect(ard().header.join(',')).toBe('endpoint,param,visit,population,group,comparator,stat,method,value');
  });

  it('quotes a field exactly when RFC 4180 requires it (comma, quote, CR or LF inside)', () => {
    const { rows, quoted } = ard();
    const bad: string[] = [];
    rows.forEach((r, i) =>
      r.forEach((f, j) => quoted[i]![j] !== NEEDS_QUOTES.test(f) && bad.push(`line ${i + 2} field ${j + 1}: ${f}`)),
    );
    expect(bad.slice(0, 5)).toEqual([]);
    expect(quoted.some((q) => q.includes(true))).toBe(true); // the sample does hold fields that need quotes
  });

  it('is sorted by the first eight columns by UTF-16 code units, strictly (no two rows share a key)', () => {
    const { rows } = ard();
    const out: string[] = [];
    for (let i = 1; i < rows.length; i++) {
      let c = 0;
      for (let j = 0; j < 8 && c === 0; j++) c = cmp(rows[i - 1]![j]!, rows[i]![j]!);
      if (c >= 0) out.push(`line ${i + 2}`);
    }
    expect(out.slice(0, 5)).toEqual([]);
  });

  it('prints value as JavaScript prints a double (shortest round trip) or empty; no NaN or Infinity', () => {
    const bad = ard().rows.filter(
      ([, , , , , , , , v]) => v !== '' && !(Number.isFinite(Number(v)) && String(Number(v)) === v),
    );
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it('uses only the identifiers ard.md lists for visit, population, group, comparator and stat', () => {
    const bad = ard().rows.filter(
      ([, , visit, population, group, comparator, stat]) =>
        !VISITS.has(visit) ||
        !['FAS', 'SAF', 'ENR'].includes(population) ||
        !['PBO', 'MSC1E6', 'MSC5E6', 'TOTAL'].includes(group) ||
        !['', 'PBO'].includes(comparator) ||
        !STATS.has(stat),
    );
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it('method: empty on plain counts and descriptives, KM on km… and median_… rows, a method on every other row', () => {
    const bad = ard().rows.filter(([, , , , , , stat, method]) => {
      if (PLAIN.has(stat)) return method !== '';
      if (/^km/.test(stat) || /^median_/.test(stat)) return method !== 'KM';
      return method === '';
    });
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it('a proportion lies in 0–1, a p-value in 0–1, a count is a whole number ≥ 0', () => {
    const bad = ard().rows.filter(([, , , , , , stat, , v]) => {
      if (v === '') return false;
      const x = Number(v);
      if (stat === 'prop' || stat === 'p' || stat === 'p_adj') return !(x >= 0 && x <= 1);
      if (['N', 'n', 'events', 'censored'].includes(stat)) return !(Number.isInteger(x) && x >= 0);
      return false;
    });
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it('CHG rows exist at post-baseline visits only', () => {
    const bad = ard().rows.filter(([, param, visit]) => /(^|:)CHG$/.test(param) && visit === 'BASELINE');
    expect(bad.slice(0, 5)).toEqual([]);
  });
});

describe('groups (ard.md §Groups) in the unblinded run', () => {
  it('model-based rows (lsmean…, or…, rr…, hr…) and comparison rows are per arm or per comparison, never TOTAL', () => {
    const bad = unblinded.rows.filter(
      ([, , , , group, comparator, stat]) => group === 'TOTAL' && (comparator !== '' || MODEL_STAT.test(stat)),
    );
    expect(bad.slice(0, 5)).toEqual([]);
    const comparisons = unblinded.rows.filter((r) => r[5] === 'PBO');
    expect(comparisons.length).toBeGreaterThan(0);
    expect(comparisons.filter((r) => r[4] !== 'MSC1E6' && r[4] !== 'MSC5E6').slice(0, 5)).toEqual([]);
  });

  it('every per-group descriptive, count and KM row exists for each arm and for TOTAL (0 where a group has none)', () => {
    const groupsOf = new Map<string, Set<string>>();
    for (const [e, p, v, pop, g, c, s, m] of unblinded.rows) {
      if (c !== '' || MODEL_STAT.test(s)) continue;
      const k = [e, p, v, pop, s, m].join('|');
      groupsOf.set(k, (groupsOf.get(k) ?? new Set()).add(g));
    }
    const incomplete = [...groupsOf].filter(([, gs]) => gs.size !== 4).map(([k, gs]) => `${k}: ${[...gs].join(' ')}`);
    expect(incomplete.slice(0, 5)).toEqual([]);
  });

  it('the lsmean rows carry the method of the model, the same as its comparison rows', () => {
    const methodOf = new Map<string, Set<string>>();
    for (const [e, p, v, , , , s, m] of unblinded.rows)
      if (s.startsWith('lsmean') || (s.startsWith('diff') && m.startsWith('MMRM'))) {
        const k = [e, p, v].join('|');
        methodOf.set(k, (methodOf.get(k) ?? new Set()).add(m));
      }
    expect(methodOf.size).toBeGreaterThan(0);
    for (const [k, ms] of methodOf) {
      expect([...ms], k).toHaveLength(1);
      expect([...ms][0], k).toMatch(/^MMRM-(US|TOEPH|AR1H|CS)-KR$/);
    }
  });
});

describe('the ADaM datasets follow the same CSV rules', () => {
  it('UTF-8 without BOM, LF only, a header, quoting only where required', () => {
    expect(adam.length).toBeGreaterThan(10);
    for (const [name, bytes] of adam) {
      expect([...bytes.subarray(0, 3)], name).not.toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.includes(0x0d), name).toBe(false);
      const records = readRfc4180(bytes.toString('utf8'));
      const width = records[0]!.fields.length;
      const bad: string[] = [];
      records.forEach((r, i) => {
        if (r.fields.length !== width) bad.push(`line ${i + 1}: ${r.fields.length} fields`);
        r.fields.forEach((f, j) => r.quoted[j] !== NEEDS_QUOTES.test(f) && bad.push(`line ${i + 1}: ${f}`));
      });
      expect(bad.slice(0, 5), name).toEqual([]);
    }
  });
});
