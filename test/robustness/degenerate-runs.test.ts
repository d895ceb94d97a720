// `sle-msc analyze` on tiny and degenerate locks (SAP synopsis §5.1: what cannot be estimated is an
// empty value, never an internal error): a compact selection of the grid in the robustness report
// (simulate n = 1 … 30 × seeds × blinded / randomization / dummy randomization, and hand-made
// variants). Each run must exit 0, write an ARD whose every value is a finite number or empty, keep
// every MMRM row of ard.md (empty where no structure converges), and render every table.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import {
  allProsNotDone,
  armNeverInfused,
  editSimulatedLock,
  everyoneWithdrawsAtWeek4,
  firstSubjectScreeningOnly,
  noAdverseEvents,
  noBilagFlares,
  noSteroids,
  noUnscheduledVisits,
  noWeek52,
  type LockTables,
} from './lock-variants.js';

type Mode = 'blinded' | 'randomization' | 'dummy';

const root = mkdtempSync(join(tmpdir(), 'sle-msc-robust-'));

async function simulate(name: string, seed: string, n: number, ...edits: ((t: LockTables) => void)[]): Promise<string> {
  const dir = join(root, name);
  const r = await runCli(['simulate', '--seed', seed, '--n', String(n), '--out', dir, '--quiet'], root);
  expect(r.code, r.stderr).toBe(0);
  if (edits.length > 0) await editSimulatedLock(dir, ...edits);
  return dir;
}

async function analyze(sim: string, mode: Mode): Promise<string> {
  const out = join(root, `${sim.split(/[\\/]/).pop()}-${mode}`);
  const blinding =
    mode === 'randomization'
      ? ['--randomization', join(sim, 'randomization.csv')]
      : mode === 'dummy'
        ? ['--dummy-randomization', '7']
        : [];
  const r = await runCli(['analyze', join(sim, 'lock'), ...blinding, '--out', out, '--quiet'], root);
  expect(r.code, r.stderr).toBe(0);
  return out;
}

interface ArdLine {
  readonly key: string;
  readonly method: string;
  readonly value: string;
}

// No field of the ARD is quoted except where RFC 4180 requires it, and only `param` can need it
// (e.g. a PT with a comma): the last two fields are method and value in every line.
function readArd(out: string): ArdLine[] {
  const lines = readFileSync(join(out, 'ard.csv'), 'utf8')
    .split('\n')
    .filter((l) => l !== '');
  expect(lines[0]).toBe('endpoint,param,visit,population,group,comparator,stat,method,value');
  return lines.slice(1).map((l) => {
    const f = l.split(',');
    return { key: f.slice(0, -2).join(','), method: f[f.length - 2]!, value: f[f.length - 1]! };
  });
}

const NUMBER = /^-?(\d+(\.\d+)?|\.\d+)(e[+-]?\d+)?$/i;

function expectCleanOutput(out: string): ArdLine[] {
  const ard = readArd(out);
  expect(ard.length).toBeGreaterThan(100);
  const bad = ard.filter((r) => r.value !== '' && !(NUMBER.test(r.value) && Number.isFinite(Number(r.value))));
  expect(bad, 'ARD values that are not a finite number or empty').toEqual([]);
  const tables = readdirSync(join(out, 'tables'));
  const ids = new Set(tables.map((f) => f.replace(/\.(rtf|html|txt)$/, '')));
  expect(ids.size).toBeGreaterThan(10);
  for (const id of ids)
    for (const ext of ['rtf', 'html', 'txt']) {
      const text = readFileSync(join(out, 'tables', `${id}.${ext}`), 'utf8');
      expect(text.length, `${id}.${ext}`).toBeGreaterThan(200);
      expect(text, `${id}.${ext}`).not.toMatch(/NaN|Infinity|undefined|\[object /);
    }
  return ard;
}

const POST_BASELINE = ['WEEK4', 'WEEK8', 'WEEK12', 'WEEK16', 'WEEK20', 'WEEK24', 'WEEK36', 'WEEK52'];
const MMRM_METHOD = /^MMRM-(US|TOEPH|AR1H|CS)-KR$/;

/** ard.md: SLEDAI CHG MMRM rows per arm and vs PBO at every post-baseline visit, with a SAP method. */
function expectSledaiMmrmRows(ard: readonly ArdLine[]): void {
  const byKey = new Map(ard.map((r) => [r.key, r]));
  for (const visit of POST_BASELINE) {
    const keys = [
      ...['PBO', 'MSC1E6', 'MSC5E6'].flatMap((g) =>
        ['lsmean', 'lsmean_se', 'lsmean_lcl', 'lsmean_ucl'].map((s) => `SLEDAI,CHG,${visit},FAS,${g},,${s}`),
      ),
      ...['MSC1E6', 'MSC5E6'].flatMap((g) =>
        ['diff', 'diff_se', 'diff_lcl', 'diff_ucl', 'df', 'p'].map((s) => `SLEDAI,CHG,${visit},FAS,${g},PBO,${s}`),
      ),
    ];
    for (const k of keys) {
      expect(byKey.has(k), k).toBe(true);
      expect(byKey.get(k)!.method, k).toMatch(MMRM_METHOD);
    }
  }
}

describe('analyze never fails on tiny simulated locks', () => {
  let tiny: string;
  beforeAll(async () => {
    tiny = await simulate('n1', 's1', 1);
  });

  it('n = 6 (seed a6), randomized: exit 0 where the US start covariance was singular (exit 70 before the fix)', async () => {
    const ard = expectCleanOutput(await analyze(await simulate('a6', 'a6', 6), 'randomization'));
    expectSledaiMmrmRows(ard);
    // the fallback ran: on 6 subjects the SLEDAI model does not stay unstructured (2 residual df)
    expect(ard.find((r) => r.key.startsWith('SLEDAI,CHG,WEEK12,FAS,MSC1E6,PBO,diff'))!.method).not.toBe('MMRM-US-KR');
  });

  it('n = 4 (seed s4), dummy randomization: exit 0 (exit 70 before the fix)', async () => {
    expectSledaiMmrmRows(expectCleanOutput(await analyze(await simulate('s4n4', 's4', 4), 'dummy')));
  });

  it('n = 1, blinded: TOTAL rows only, no model rows', async () => {
    const ard = expectCleanOutput(await analyze(tiny, 'blinded'));
    expect(ard.filter((r) => !r.key.split(',').includes('TOTAL'))).toEqual([]);
    expect(ard.filter((r) => r.method.startsWith('MMRM'))).toEqual([]);
  });

  it('n = 1, randomized: every MMRM row present and empty (one subject cannot fit any structure)', async () => {
    const ard = expectCleanOutput(await analyze(tiny, 'randomization'));
    expectSledaiMmrmRows(ard);
    const mmrm = ard.filter((r) => r.key.startsWith('SLEDAI,CHG,') && MMRM_METHOD.test(r.method));
    expect(mmrm.length).toBe(POST_BASELINE.length * (3 * 4 + 2 * 6));
    expect(mmrm.filter((r) => r.value !== '' || r.method !== 'MMRM-US-KR')).toEqual([]);
  });
});

describe('analyze never fails on hand-made degenerate locks (n = 6, seed a6, randomized)', () => {
  it('everyone withdraws at Week 4', async () => {
    const ard = expectCleanOutput(
      await analyze(await simulate('wk4', 'a6', 6, everyoneWithdrawsAtWeek4), 'randomization'),
    );
    expectSledaiMmrmRows(ard);
    // nothing after Week 4: every later model row is empty
    expect(
      ard.filter((r) => r.key.startsWith('SLEDAI,CHG,WEEK52,FAS,') && MMRM_METHOD.test(r.method) && r.value !== ''),
    ).toEqual([]);
  });

  it('placebo never infused, one subject with screening data only, no AEs, no steroids', async () => {
    const sim = await simulate(
      'nopbo',
      'a6',
      6,
      armNeverInfused('PBO'),
      firstSubjectScreeningOnly,
      noAdverseEvents,
      noSteroids,
    );
    const ard = expectCleanOutput(await analyze(sim, 'randomization'));
    expectSledaiMmrmRows(ard);
    // no PBO subject in the FAS: no comparison with PBO and no PBO LS mean can be estimated
    const pboModelRows = ard.filter(
      (r) => r.key.startsWith('SLEDAI,CHG,') && MMRM_METHOD.test(r.method) && r.key.includes(',PBO,'),
    );
    expect(pboModelRows.length).toBe(POST_BASELINE.length * (4 + 2 * 6));
    expect(pboModelRows.filter((r) => r.value !== '')).toEqual([]);
  });

  it('no Week 52 visit, no unscheduled visit, every PRO NOT DONE, no BILAG flare', async () => {
    const sim = await simulate('sparse', 'a6', 6, noWeek52, noUnscheduledVisits, allProsNotDone, noBilagFlares);
    const ard = expectCleanOutput(await analyze(sim, 'randomization'));
    expectSledaiMmrmRows(ard);
    expect(
      ard.filter((r) => r.key.startsWith('FLARE,,WEEK52,FAS,') && r.key.endsWith(',events') && r.value !== '0'),
    ).toEqual([]);
  });
});
