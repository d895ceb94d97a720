/**
 * The ARD vocabulary (src/ard/vocabulary.ts) against its three sources:
 * - ../shared/dts/ard.md: its lists are transcribed below (the suite runs on a clean clone, where
 *   ../shared may be absent), each with the sentence of ard.md it comes from;
 * - sap/SAP.md §10.2 (in this repository): the endpoints of its table list, parsed here;
 * - what a run writes: every code of the sample's unblinded ard.csv is in the vocabulary, and every
 *   code of the vocabulary occurs in it, except the MMRM fallback methods (explained below).
 * And the types: a misspelt code does not compile (the `@ts-expect-error` lines fail `tsc` if it does).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { comparisonRow, groupRow, type RowIdentity } from '../../src/analyze/ard-rows.js';
import type { ArdRow } from '../../src/ard/types.js';
import {
  ARD_ENDPOINT_MEANINGS,
  ARD_ENDPOINTS,
  ARD_METHOD_MEANINGS,
  ARD_METHODS,
  ARD_MMRM_METHOD_MEANINGS,
  ARD_STAT_MEANINGS,
  ARD_STATS,
  ardMmrmMethod,
  isArdEndpoint,
  isArdMethod,
  isArdStat,
} from '../../src/ard/vocabulary.js';
import { packageRoot } from '../../src/core/package-root.js';
import { mmrmMethodName } from '../../src/numerics/mmrm/index.js';
import type { ValueKey } from '../../src/render/ard-lookup.js';
import type { RowKey, StatRef } from '../../src/render/table-spec.js';
import { ARD_MD_STATS } from '../helpers/ard-md.js';
import { sampleRun } from '../helpers/sample-run.js';

/** ard.md's endpoint table ("Endpoints and the rows that must be present"), in its order. */
const ARD_MD_ENDPOINTS = [
  'SRI4',
  'SRI4_STRAT',
  'SRI4_OC',
  'SRI4_AT',
  'SRI4_SUB',
  'SLEDAI',
  'FLARE',
  'FLARE_RENAL',
  'FLARE_NONRENAL',
  'FLARE_SEVERE',
  'TTFLARE',
  'SDI',
  'CSDISC',
  'TTCSDISC',
  'CSCUM',
  'PRO',
  'BIOMARKER',
  'BIOSHIFT',
  'LAB',
  'BASECHAR',
  'AE',
  'DISPOSITION',
  'EXPOSURE',
  'CONMED',
  'DEVIATION',
];
/**
 * ard.md's methods: the `method` column's list (`MN`, `FISHER`, `LOGISTIC`, `MMRM-US-KR`, `NEGBIN`, `KM`,
 * `LOGRANK`, `COX-EFRON`, `WILCOXON`, …) and those its endpoint table adds (`HOCHBERG`, `CMH`, `MH`,
 * `POISSON`; `MMRM-<COV>-KR`, whose COV are the SAP settings' structures, below).
 */
const ARD_MD_METHODS = [
  'MN',
  'FISHER',
  'LOGISTIC',
  'NEGBIN',
  'KM',
  'LOGRANK',
  'COX-EFRON',
  'WILCOXON',
  'HOCHBERG',
  'CMH',
  'MH',
  'POISSON',
];
/** The covariance structures sap/settings.json `mmrmCovarianceOrder` may list (src/sap/schema.ts). */
const SAP_COVARIANCES = ['us', 'toeph', 'ar1h', 'cs'] as const;

/** The endpoints named in the last column of sap/SAP.md's table list, without their parenthesized params. */
function sapTableEndpoints(): Set<string> {
  const sap = readFileSync(`${packageRoot()}/sap/SAP.md`, 'utf8');
  const codes = new Set<string>();
  for (const line of sap.split('\n')) {
    if (!line.startsWith('| T-')) continue;
    let cell =
      line
        .trim()
        .replace(/^\||\|$/g, '')
        .split(/(?<!\\)\|/)
        .at(-1) ?? '';
    for (let before = ''; before !== cell;) ((before = cell), (cell = cell.replace(/\([^()]*\)/g, '')));
    for (const m of cell.matchAll(/`([A-Z][A-Z0-9_]*)`/g)) codes.add(m[1]!);
  }
  return codes;
}

const sorted = (xs: Iterable<string>) => [...xs].sort();

describe('the ARD vocabulary and its sources', () => {
  it("has ard.md's statistics, in ard.md's order", () => {
    expect(ARD_STATS).toEqual(ARD_MD_STATS);
  });

  it("has ard.md's endpoints and the SAP's, and no other", () => {
    const sap = sapTableEndpoints();
    expect(sap.size).toBeGreaterThan(30); // the parser found the table
    expect(sorted(ARD_ENDPOINTS)).toEqual(sorted(new Set([...ARD_MD_ENDPOINTS, ...sap])));
    expect(sorted(ARD_ENDPOINTS)).toEqual(sorted(sap));
    expect(ARD_ENDPOINTS.slice(0, ARD_MD_ENDPOINTS.length)).toEqual(ARD_MD_ENDPOINTS);
  });

  it("has ard.md's methods and one MMRM method per covariance structure the SAP settings allow", () => {
    const mmrm = SAP_COVARIANCES.map((c) => mmrmMethodName(c, 'kr'));
    expect(sorted(Object.keys(ARD_MMRM_METHOD_MEANINGS))).toEqual(sorted(mmrm));
    expect(sorted(ARD_METHODS)).toEqual(sorted([...ARD_MD_METHODS, ...mmrm]));
  });

  it('gives every code a meaning', () => {
    for (const meanings of [ARD_ENDPOINT_MEANINGS, ARD_STAT_MEANINGS, ARD_METHOD_MEANINGS])
      for (const [code, meaning] of Object.entries(meanings))
        expect(meaning.length, code).toBeGreaterThan(code.length + 5);
  });

  it('tells a code from text that is not one', () => {
    expect([isArdEndpoint('SRI4'), isArdEndpoint('SRI-4'), isArdEndpoint('sri4')]).toEqual([true, false, false]);
    expect([isArdStat('n'), isArdStat('N'), isArdStat('count')]).toEqual([true, true, false]);
    expect([isArdMethod('MMRM-US-KR'), isArdMethod(''), isArdMethod('MMRM-US-SATTERTHWAITE')]).toEqual([
      true,
      false,
      false,
    ]);
  });

  it('names the MMRM method of each SAP structure, and refuses a structure the SAP does not allow', () => {
    expect(SAP_COVARIANCES.map((c) => ardMmrmMethod(mmrmMethodName(c, 'kr')))).toEqual([
      'MMRM-US-KR',
      'MMRM-TOEPH-KR',
      'MMRM-AR1H-KR',
      'MMRM-CS-KR',
    ]);
    // The numerics know more structures and df methods than the SAP uses; those are no ARD code.
    expect(() => ardMmrmMethod(mmrmMethodName('toep', 'kr'))).toThrow(/not an ARD method code/);
    expect(() => ardMmrmMethod(mmrmMethodName('us', 'satterthwaite'))).toThrow(/not an ARD method code/);
  });
});

describe('the vocabulary against what a run writes (sample, unblinded)', async () => {
  const { ard } = (await sampleRun('unblinded')).result;
  const used = (column: 'endpoint' | 'stat' | 'method') => new Set(ard.map((r) => r[column]).filter((c) => c !== ''));
  /**
   * Codes a run may write that the sample does not: the MMRM covariance fallbacks, used only when the
   * unstructured fit does not converge (it converges on the sample and on the double-programming edge
   * locks). The fallback itself is tested in test/numerics/mmrm/fallback.test.ts (MMRM-AR1H-KR,
   * MMRM-CS-KR) and test/analyze/mmrm-analysis.test.ts (MMRM-CS-KR rows against R); the tables and
   * the run log read a fallback's method in test/tlf/sledai.test.ts and test/output/run-log.test.ts.
   */
  const NOT_IN_SAMPLE = new Set(['MMRM-TOEPH-KR', 'MMRM-AR1H-KR', 'MMRM-CS-KR']);

  it('writes only codes of the vocabulary', () => {
    expect([...used('endpoint')].filter((c) => !isArdEndpoint(c))).toEqual([]);
    expect([...used('stat')].filter((c) => !isArdStat(c))).toEqual([]);
    expect([...used('method')].filter((c) => !isArdMethod(c))).toEqual([]);
  });

  it('writes every code of the vocabulary, but the MMRM fallbacks', () => {
    expect(sorted(used('endpoint'))).toEqual(sorted(ARD_ENDPOINTS));
    expect(sorted(used('stat'))).toEqual(sorted(ARD_STATS));
    expect(sorted(used('method'))).toEqual(sorted(ARD_METHODS.filter((m) => !NOT_IN_SAMPLE.has(m))));
  });
});

describe('a misspelt code does not compile', () => {
  it('where rows are built and where they are read', () => {
    const id: RowIdentity = { endpoint: 'SRI4', param: '', visit: 'WEEK24', population: 'FAS' };
    // @ts-expect-error an endpoint outside the vocabulary
    const badId: RowIdentity = { ...id, endpoint: 'SRI-4' };
    // @ts-expect-error a statistic outside the vocabulary
    const badStat = groupRow(id, 'PBO', 'mena', 1);
    // @ts-expect-error a method outside the vocabulary
    const badMethod = comparisonRow(id, 'MSC1E6', 'p', 'FISHERS', 0.5);
    // @ts-expect-error the ARD row type itself
    const badRow: ArdRow['method'] = 'MMRM-UN-KR';
    // @ts-expect-error a table's row key (src/tlf specs)
    const badKey: RowKey = { endpoint: 'FLARES', param: '', visit: '', population: 'FAS', comparator: '' };
    // @ts-expect-error a table cell's statistic
    const badRef: StatRef = { stat: 'lsmean_lc' };
    // A figure's lookup (src/tlf/figures through render/ard-lookup):
    const badLookup: ValueKey = {
      endpoint: 'TTFLARE',
      param: '',
      visit: '',
      population: 'FAS',
      comparator: '',
      group: 'PBO',
      // @ts-expect-error a statistic outside the vocabulary
      stat: 'hazard',
      method: '',
    };
    // At run time the same values pass through untouched: only the compiler stops them.
    expect([
      badId.endpoint,
      badStat.stat,
      badMethod.method,
      badRow,
      badKey.endpoint,
      badRef.stat,
      badLookup.stat,
    ]).toEqual(['SRI-4', 'mena', 'FISHERS', 'MMRM-UN-KR', 'FLARES', 'lsmean_lc', 'hazard']);
  });
});
