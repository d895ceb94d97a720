/**
 * The issue 10 outputs of a real run (the sample lock): which files a blinded and an unblinded run
 * write, and every number of the sensitivity, subgroup, deviation, medication and exposure tables, the
 * deviation listing and the forest plot read back from the rendered text and compared with the run's
 * own ARD rows (within the display rounding: half a unit of the last shown decimal). The rendering is
 * parsed independently of the specs, so a cell that read a wrong ARD row would show.
 */
import { describe, expect, it } from 'vitest';
import type { ArdRow, Group } from '../../src/ard/types.js';
import type { ArdEndpoint, ArdMethod, ArdStat } from '../../src/ard/vocabulary.js';
import { ardValue, sampleRun } from '../helpers/sample-run.js';

const ARMS: Group[] = ['PBO', 'MSC1E6', 'MSC5E6'];
const GROUPS: Group[] = [...ARMS, 'TOTAL'];

const UNBLINDED_ONLY = ['tables/T-14.1.3', 'tables/T-14.2.1.2', 'tables/T-14.2.1.3', 'listings/L-16.2.2'];
const ALWAYS = ['tables/T-14.1.4', 'tables/T-14.1.5'];
const FORMATS = ['rtf', 'html', 'txt'];

function text(files: ReadonlyMap<string, string | Uint8Array>, path: string): string {
  const t = files.get(path);
  if (typeof t !== 'string') throw new Error(`no text file ${path}`);
  return t;
}

/** The cells of a text-table line: the label, then every non-empty cell (separated by 2+ spaces). */
function cells(line: string): string[] {
  return line.trim().split(/ {2,}/);
}

/** A displayed number back as a number ('<0.001' → 0.0005-ish bound handled by the caller). */
const num = (s: string) => Number(s.replace('\u2212', '-'));

/** `n (pct)` or `0` → [n, pct]. */
function countPct(cell: string): [number, number | null] {
  // Decimal alignment pads inside the parentheses: `3 ( 30.0)`.
  const m = /^(\d+)(?: \( *([\d.]+)\))?$/.exec(cell);
  if (!m) throw new Error(`not n (%): ${cell}`);
  return [Number(m[1]), m[2] === undefined ? null : Number(m[2])];
}

/** `est (lo, hi)` → three numbers, or nulls for NE. */
function estimateCi(cell: string): [number | null, number | null, number | null] {
  const m = /^(\S+) \( *(\S+), +(\S+)\)$/.exec(cell);
  if (!m) throw new Error(`not an estimate with CI: ${cell}`);
  return [m[1]!, m[2]!, m[3]!].map((x) => (x === 'NE' ? null : num(x))) as [
    number | null,
    number | null,
    number | null,
  ];
}

function expectShown(shown: number | null, value: number | null, decimals: number, what: string): void {
  if (value === null) return void expect(shown, what).toBeNull();
  expect(shown, what).not.toBeNull();
  expect(Math.abs(shown! - value), what).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-9);
}

function expectP(cell: string, p: number | null, what: string): void {
  if (p === null) return void expect(cell, what).toBe('NE');
  if (cell === '<0.001') return void expect(p, what).toBeLessThan(0.001);
  if (cell === '>0.999') return void expect(p, what).toBeGreaterThan(0.999);
  expectShown(num(cell), p, 3, what);
}

/**
 * Checks the response block that follows a label line: N, responders n (%), MN difference (95% CI)
 * and Fisher p against the ARD rows of `endpoint`/`param`/`population`. Returns the next line index.
 */
function checkResponseBlock(
  lines: string[],
  start: number,
  ard: readonly ArdRow[],
  endpoint: ArdEndpoint,
  param: string,
  population: 'FAS' | 'SAF',
): number {
  const key = { endpoint, param, visit: 'WEEK24', population };
  const at = (label: string) => {
    const i = lines.findIndex((l, j) => j >= start && l.trimStart().startsWith(label));
    if (i < 0) throw new Error(`${endpoint} ${param}: no line ${label}`);
    return i;
  };
  const nLine = at('Subjects analysed, N');
  expect(cells(lines[nLine]!).slice(1).map(Number)).toEqual(
    GROUPS.map((group) => ardValue(ard, { ...key, group, stat: 'N' })),
  );
  const resp = cells(lines[at('SRI-4 responders')]!).slice(1);
  GROUPS.forEach((group, g) => {
    const [n, pct] = countPct(resp[g]!);
    const N = ardValue(ard, { ...key, group, stat: 'N' })!;
    expect(n, `${endpoint} ${param} ${group} n`).toBe(ardValue(ard, { ...key, group, stat: 'n' }));
    if (n > 0) expectShown(pct, (100 * n) / N, 1, `${endpoint} ${param} ${group} %`);
  });
  const diff = cells(lines[at('Difference vs placebo')]!).slice(1);
  const p = cells(lines[at("Fisher's exact test")]!).slice(1);
  (['MSC1E6', 'MSC5E6'] as const).forEach((group, a) => {
    const v = (stat: ArdStat, method: ArdMethod | '') =>
      ardValue(ard, { ...key, group, comparator: 'PBO', stat, method });
    const pp = (x: number | null) => (x === null ? null : 100 * x);
    const [e, lo, hi] = estimateCi(diff[a]!);
    expectShown(e, pp(v('diff', 'MN')), 1, `${endpoint} ${param} ${group} diff`);
    expectShown(lo, pp(v('diff_lcl', 'MN')), 1, `${endpoint} ${param} ${group} lcl`);
    expectShown(hi, pp(v('diff_ucl', 'MN')), 1, `${endpoint} ${param} ${group} ucl`);
    expectP(p[a]!, v('p', 'FISHER'), `${endpoint} ${param} ${group} p`);
  });
  return at("Fisher's exact test") + 1;
}

describe('issue 10 outputs of the sample run', async () => {
  const unblinded = await sampleRun('unblinded');
  const blinded = await sampleRun('blinded');
  const ard = unblinded.result.ard;
  const files = unblinded.result.files;

  it('an unblinded run writes every new table and listing in RTF, HTML and text, and the forest plot as SVG and PNG', () => {
    for (const stem of [...UNBLINDED_ONLY, ...ALWAYS])
      for (const ext of FORMATS) expect(files.has(`${stem}.${ext}`), `${stem}.${ext}`).toBe(true);
    expect(files.has('figures/F-14.2.4.svg') && files.has('figures/F-14.2.4.png')).toBe(true);
  });

  it('a blinded run writes the medication and exposure tables only: no comparison, no randomization', () => {
    const b = blinded.result.files;
    for (const stem of ALWAYS) for (const ext of FORMATS) expect(b.has(`${stem}.${ext}`), `${stem}.${ext}`).toBe(true);
    for (const stem of UNBLINDED_ONLY)
      for (const ext of FORMATS) expect(b.has(`${stem}.${ext}`), `${stem}.${ext}`).toBe(false);
    expect([...b.keys()].filter((k) => k.startsWith('figures/F-14.2.4'))).toEqual([]);
    // The study id SLEMSC01 in the page header is not an arm.
    expect(text(b, 'tables/T-14.1.4.txt').replaceAll('SLEMSC01', '')).not.toMatch(/Placebo|MSC|PBO/);
  });

  it('T-14.2.1.2: every number is the ARD row it stands for', () => {
    const lines = text(files, 'tables/T-14.2.1.2.txt').split('\n');
    const strat = (label: string) => cells(lines.find((l) => l.trimStart().startsWith(label))!).slice(1);
    const or = strat('Mantel-Haenszel odds ratio');
    const cmh = strat('Cochran-Mantel-Haenszel test');
    (['MSC1E6', 'MSC5E6'] as const).forEach((group, a) => {
      const v = (stat: ArdStat, method: ArdMethod | '') =>
        ardValue(ard, {
          endpoint: 'SRI4_STRAT',
          visit: 'WEEK24',
          population: 'FAS',
          group,
          comparator: 'PBO',
          stat,
          method,
        });
      const [e, lo, hi] = estimateCi(or[a]!);
      expectShown(e, v('or', 'MH'), 2, `MH OR ${group}`);
      expectShown(lo, v('or_lcl', 'MH'), 2, `MH lcl ${group}`);
      expectShown(hi, v('or_ucl', 'MH'), 2, `MH ucl ${group}`);
      expectP(cmh[a]!, v('p', 'CMH'), `CMH p ${group}`);
    });
    const oc = lines.findIndex((l) => l.startsWith('Observed cases'));
    const at = lines.findIndex((l) => l.startsWith('As treated'));
    checkResponseBlock(lines, oc, ard, 'SRI4_OC', '', 'FAS');
    checkResponseBlock(lines, at, ard, 'SRI4_AT', '', 'SAF');
  });

  it('T-14.2.1.3: every number of every subgroup is the ARD row it stands for', () => {
    const lines = text(files, 'tables/T-14.2.1.3.txt').split('\n');
    const subgroups: [string, string][] = [
      ['SLEDAI-2K <10', 'STRATUM:<10'],
      ['SLEDAI-2K >=10', 'STRATUM:>=10'],
      ['Female', 'SEX:F'],
      ['Male', 'SEX:M'],
      ['< 40 years', 'AGE:<40'],
      ['\u2265 40 years', 'AGE:>=40'],
    ];
    for (const [label, param] of subgroups) {
      const start = lines.findIndex((l) => l.trim() === label);
      expect(start, label).toBeGreaterThan(0);
      checkResponseBlock(lines, start, ard, 'SRI4_SUB', param, 'FAS');
    }
  });

  it('T-14.1.3, T-14.1.4, T-14.1.5: counts and descriptives are the ARD rows', () => {
    const dev = text(files, 'tables/T-14.1.3.txt').split('\n');
    for (const [label, param] of [
      ['Any protocol deviation', 'ANY'],
      ['Randomized in the wrong stratum', 'STRATUM'],
      ['Infused with another arm', 'ARM'],
      ['Never infused', 'NOTINFUSED'],
    ]) {
      const row = cells(dev.find((l) => l.trimStart().startsWith(label!))!).slice(1);
      GROUPS.forEach((group, g) =>
        expect(countPct(row[g]!)[0], `${param} ${group}`).toBe(
          ardValue(ard, { endpoint: 'DEVIATION', param: param!, population: 'ENR', group, stat: 'n' }),
        ),
      );
    }
    const cm = text(files, 'tables/T-14.1.4.txt').split('\n');
    const pred = cells(cm.find((l) => l.trimStart().startsWith('PREDNISONE '))!).slice(1);
    GROUPS.forEach((group, g) =>
      expect(countPct(pred[g]!)[0]).toBe(
        ardValue(ard, {
          endpoint: 'CONMED',
          param: 'CORTICOSTEROID:PREDNISONE',
          visit: 'BASELINE',
          population: 'SAF',
          group,
          stat: 'n',
        }),
      ),
    );
    const ex = text(files, 'tables/T-14.1.5.txt').split('\n');
    const mean = cells(ex.find((l) => l.trimStart().startsWith('Mean (SD)'))!).slice(1);
    GROUPS.forEach((group, g) => {
      const m = /^(\S+) \((\S+)\)$/.exec(mean[g]!)!;
      const v = (stat: ArdStat) =>
        ardValue(ard, { endpoint: 'EXPOSURE', param: 'EXVOL', population: 'SAF', group, stat });
      // The sample's volumes are whole mL: d = 0, mean with 1 decimal, SD with 2.
      expectShown(num(m[1]!), v('mean'), 1, `mean ${group}`);
      expectShown(num(m[2]!), v('sd'), 2, `sd ${group}`);
    });
  });

  it('L-16.2.2 lists the subjects and deviations that T-14.1.3 counts', () => {
    const listing = text(files, 'listings/L-16.2.2.txt');
    const total = (param: string) =>
      ardValue(ard, { endpoint: 'DEVIATION', param, population: 'ENR', group: 'TOTAL', stat: 'n' })!;
    const subjects = new Set(listing.match(/SLEMSC01-\d{3}-\d{3}/g) ?? []);
    expect(subjects.size).toBe(total('ANY'));
    const count = (label: string) => listing.split('\n').filter((l) => l.includes(`  ${label}  `)).length;
    expect(count('Wrong stratum')).toBe(total('STRATUM'));
    expect(count('Other arm infused')).toBe(total('ARM'));
    expect(count('Never infused')).toBe(total('NOTINFUSED'));
    expect(total('ANY')).toBeGreaterThan(0); // the sample has deviations, so the check above is not vacuous
  });

  it('F-14.2.4 shows n/N of every arm for the FAS and every subgroup, from the ARD', () => {
    const svg = text(files, 'figures/F-14.2.4.svg');
    for (const [endpoint, param] of [
      ['SRI4', ''],
      ['SRI4_SUB', 'STRATUM:<10'],
      ['SRI4_SUB', 'SEX:M'],
      ['SRI4_SUB', 'AGE:>=40'],
    ] as const) {
      for (const group of ARMS) {
        const v = (stat: ArdStat) =>
          ardValue(ard, { endpoint, param, visit: 'WEEK24', population: 'FAS', group, stat });
        expect(svg).toContain(`>${v('n')}/${v('N')}<`);
      }
    }
  });
});
