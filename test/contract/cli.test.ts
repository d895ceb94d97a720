/**
 * Contract audit of ../shared/cli.md, clause by clause, through `main` (the real command line,
 * in-process). Clauses already proved elsewhere are named here and not repeated:
 * - unknown option / unknown command / --max-errors 0 / exclusive randomization options → 64,
 *   missing LOCKDIR or randomization → 66, foreign --out → 73 and --force, --max-errors N cap,
 *   one-defect lock → 65 with `file:line:COLUMN:`, explain never prints the arm blinded:
 *   test/cli/main.test.ts;
 * - mmrm exit codes (66 --data, 64 variables/ref, 65 data, 73 --out): test/cli/mmrm-command.test.ts;
 * - simulate writes DIR/lock and DIR/randomization.csv beside it, 73 when DIR cannot be made or holds
 *   a foreign lock: test/cli/simulate-command.test.ts;
 * - the writer (temporary folder, rename, restore on failure, stale files go, a user's file in a
 *   sub-folder, inputs never replaced, leftovers of killed runs, SIGINT/SIGTERM): test/output/write-output.test.ts;
 * - output-folder checks before the analysis, inputs never replaced even with --force, option-like
 *   values 64, --sap content 65: test/cli/main.test.ts; kill at each write step and EPIPE with the
 *   built CLI: test/cli/spawned-cli.test.ts;
 * - blinded output holds no arm token; DRAFT and DUMMY in every table: test/e2e/analyze.test.ts.
 * Every expected value below is the contract's own number or wording; nothing is numeric.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { packageRoot } from '../../src/core/package-root.js';
import { svgToPng } from '../../src/render/charts/png.js';
import { SAMPLE_LOCK, SAMPLE_RANDOMIZATION } from '../helpers/sample-run.js';
import { sampleOutput } from '../helpers/sample-output.js';
import { copyLock, editCell, MINI_LOCK, MINI_RANDOMIZATION, resealLock } from '../lock/lock-fixture.js';
import { ANSI, ARM_TOKENS, readTree, runMain, sameTree, type Run } from './contract-helpers.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'sle-msc-contract-cli-'));
/** A V8 stack frame line: what only exit 70 may print. */
const STACK = /\n\s+at .+:\d+:\d+\)?\n/;
/** One diagnostic of cli.md: `file:line:COLUMN: rule` (line and column where known). */
const DIAGNOSTIC = /^[^\s:]+(:\d+)?(:[A-Z][A-Z0-9]*)?: \S/;

function expectNoStack(r: Run): void {
  expect(r.stderr).not.toMatch(STACK);
}

/**
 * A copy of the mini lock (three subjects: quicker to read than the sample, which lock does not matter
 * to the diagnostics) with one defect: SEX 'X' on DM line 3, resealed.
 */
let defective: string;
/** The same defect plus a file that is not part of a lock (a notice). */
let defectiveWithNotice: string;
beforeAll(async () => {
  defective = await copyLock(join(packageRoot(), MINI_LOCK));
  await editCell(defective, 'dm.csv', 3, 'SEX', 'X');
  await resealLock(defective);
  defectiveWithNotice = await copyLock(defective);
  writeFileSync(join(defectiveWithNotice, 'README.txt'), 'not a domain');
});

describe('cli.md §Exit codes', () => {
  it('64: a missing command, argument or option, and a bad option value; help through `help` is 0', async () => {
    const d = tmp();
    const cases: (readonly string[])[] = [
      [], // no command at all
      ['explain'],
      ['explain', SAMPLE_LOCK], // --subject missing
      ['mmrm', '--response', 'Y', '--subject', 'ID', '--visit', 'V', '--model', 'A'], // --data missing
      ['mmrm', '--data', 'x.csv', '--response', 'Y', '--subject', 'ID', '--visit', 'V', '--model', 'A', '--cov', 'xyz'],
      ['mmrm', '--data', 'x.csv', '--response', 'Y', '--subject', 'ID', '--visit', 'V', '--model', 'A', '--df', 'kr2'],
      ['simulate', '--seed', '1', '--n', '0', '--out', 'x'],
      ['analyze', SAMPLE_LOCK, '--dummy-randomization', ' '],
      ['analyze', SAMPLE_LOCK, '--max-errors', 'many'],
    ];
    for (const argv of cases) {
      const r = await runMain(argv, d);
      expect(r.code, argv.join(' ')).toBe(64);
      expectNoStack(r);
    }
    expect((await runMain(['help', 'analyze'], d)).code).toBe(0);
    // A usage error is found before any output folder is made.
    expect(readdirSync(d)).toEqual([]);
  });

  it('66: every path named on the command line that does not exist or is not readable', async () => {
    const d = tmp();
    writeFileSync(join(d, 'afile'), 'x');
    const missing = join(d, 'missing');
    const cases: (readonly string[])[] = [
      ['analyze', missing, '--out', join(d, 'o')],
      ['analyze', join(d, 'afile'), '--out', join(d, 'o')], // LOCKDIR that is a file
      ['analyze', SAMPLE_LOCK, '--randomization', d, '--out', join(d, 'o')], // a folder, not a file
      ['analyze', SAMPLE_LOCK, '--sap', join(d, 'missing.json'), '--out', join(d, 'o')],
      ['explain', missing, '--subject', 'SLEMSC01-101-001'],
      ['explain', SAMPLE_LOCK, '--subject', 'SLEMSC01-101-001', '--randomization', join(d, 'missing.csv')],
      ['mmrm', '--data', 'missing.csv', '--response', 'Y', '--subject', 'ID', '--visit', 'V', '--model', 'A'],
      ['mmrm', '--data', d, '--response', 'Y', '--subject', 'ID', '--visit', 'V', '--model', 'A'], // a folder
    ];
    for (const argv of cases) {
      const r = await runMain(argv, d);
      expect(r.code, argv.join(' ')).toBe(66);
      expectNoStack(r);
    }
    expect(existsSync(join(d, 'o'))).toBe(false);
  });

  it('70: an unexpected failure is an internal error, and the only case with a stack trace', async () => {
    const d = tmp();
    let stderr = '';
    const code = await main(['explain', SAMPLE_LOCK, '--subject', 'SLEMSC01-101-001'], {
      env: {},
      cwd: d,
      stdout: () => {
        throw new Error('stdout closed');
      },
      stderr: (s) => void (stderr += s),
      stderrIsTty: false,
    });
    expect(code).toBe(70);
    expect(stderr).toMatch(/internal error/);
    expect(stderr).toMatch(STACK);
  });

  it('73: simulate --out into a file, analyze --out under a file, mmrm --out onto a folder', async () => {
    const d = tmp();
    writeFileSync(join(d, 'afile'), 'x');
    const fev = join(packageRoot(), 'test', 'fixtures', 'mmrm', 'fev_data.csv');
    const mmrm = await runMain(
      [
        'mmrm',
        '--data',
        fev,
        '--response',
        'FEV1',
        '--subject',
        'USUBJID',
        '--visit',
        'AVISIT',
        '--model',
        'ARMCD',
        '--cov',
        'cs',
        '--df',
        'residual',
        '--out',
        d,
      ],
      d,
    );
    expect(mmrm.code).toBe(73);
    expectNoStack(mmrm);
    const sim = await runMain(['simulate', '--seed', '1', '--n', '3', '--out', join(d, 'afile')], d);
    expect(sim.code).toBe(73);
    expectNoStack(sim);
    expect(readFileSync(join(d, 'afile'), 'utf8')).toBe('x');
    const under = await runMain(['analyze', SAMPLE_LOCK, '--out', join(d, 'afile', 'out')], d);
    expect(under.code).toBe(73);
    expectNoStack(under);
    expect(readFileSync(join(d, 'afile'), 'utf8')).toBe('x');
  });
});

describe('cli.md §Diagnostics', () => {
  it('every error line is `file:line:COLUMN: rule` (no prefix before the file)', async () => {
    const r = await runMain(['analyze', defective, '--out', join(tmp(), 'o')], tmp());
    expect(r.code).toBe(65);
    const lines = r.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('sle-msc: '));
    expect(lines).toEqual(["dm.csv:3:SEX: 'X' is not one of the controlled terms: F, M"]);
    for (const l of lines) expect(l).toMatch(DIAGNOSTIC);
  });

  it('all defects of a run are collected: lock and randomization file together', async () => {
    const d = tmp();
    const rand = join(d, 'rand.csv');
    const lines = readFileSync(join(packageRoot(), MINI_RANDOMIZATION), 'utf8').split('\n');
    // Line 3 of the file: an ARM that is not a controlled term (a defect of the file itself).
    lines[2] = lines[2]!.replace(/,Placebo,|,MSC 1x10\^6 cells\/kg,|,MSC 5x10\^6 cells\/kg,/, ',Plasebo,');
    writeFileSync(rand, lines.join('\n'));
    const r = await runMain(['analyze', defective, '--randomization', rand, '--out', join(d, 'o')], d);
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/^dm\.csv:3:SEX: /m);
    expect(r.stderr).toContain(`${rand}:3:ARM: 'Plasebo' is not one of the controlled terms`);
    // A missing randomization file is still 66 with a broken lock, and the lock's defects are printed.
    const missing = await runMain(
      ['analyze', defective, '--randomization', join(d, 'none.csv'), '--out', join(d, 'o')],
      d,
    );
    expect(missing.code).toBe(66);
    expect(missing.stderr).toMatch(/^dm\.csv:3:SEX: /m);
    expect(existsSync(join(d, 'o'))).toBe(false);
  });

  it('prints the first 100 errors by default, then `… and N more`', async () => {
    const lock = await copyLock(SAMPLE_LOCK);
    // Every AE record gets another study id: one error per record, far more than 100.
    const ae = join(lock, 'ae.csv');
    const text = readFileSync(ae, 'utf8');
    const records = text.split('\n').filter((l) => l.startsWith('SLEMSC01,AE,')).length;
    expect(records).toBeGreaterThan(100);
    writeFileSync(ae, text.replace(/^SLEMSC01,AE,/gm, 'SLEMSC02,AE,'));
    await resealLock(lock);
    const r = await runMain(['analyze', lock, '--out', join(tmp(), 'o')], tmp());
    expect(r.code).toBe(65);
    expect(r.stderr.match(/^ae\.csv:\d+:STUDYID: /gm)).toHaveLength(100);
    expect(r.stderr).toContain(`… and ${records - 100} more\n`);
  });

  it('colour only on a terminal, never when NO_COLOR is set (even empty), FORCE_COLOR notwithstanding', async () => {
    const d = tmp();
    const run = (env: NodeJS.ProcessEnv, tty: boolean) =>
      runMain(['analyze', defective, '--out', join(d, 'o')], d, { env, tty });
    const onTerminal = await run({}, true);
    expect(onTerminal.code).toBe(65);
    expect(onTerminal.stderr).toMatch(ANSI); // the test can fail: colour does appear on a terminal
    for (const [env, tty] of [
      [{ NO_COLOR: '1' }, true],
      [{ NO_COLOR: '' }, true],
      [{ NO_COLOR: '1', FORCE_COLOR: '1' }, true],
      [{}, false],
      [{ FORCE_COLOR: '1' }, false],
      [{ FORCE_COLOR: '3' }, false],
    ] as const) {
      const r = await run(env, tty);
      expect(r.code).toBe(65);
      expect(r.stderr, JSON.stringify({ env, tty })).not.toMatch(ANSI);
    }
  });

  it('--quiet prints errors only: notices and warnings go, errors stay', async () => {
    const d = tmp();
    const loud = await runMain(['analyze', defectiveWithNotice, '--out', join(d, 'o')], d);
    expect(loud.stderr).toMatch(/^README\.txt: notice: /m);
    const quiet = await runMain(['analyze', defectiveWithNotice, '--out', join(d, 'o'), '--quiet'], d);
    expect(quiet.code).toBe(65);
    expect(quiet.stdout).toBe('');
    expect(quiet.stderr).toMatch(/^dm\.csv:3:SEX: /m);
    expect(quiet.stderr).not.toMatch(/notice|README/);
  });
});

describe('cli.md §Output folder and §Commands (analyze), one folder through its life', () => {
  const cwd = tmp();
  const out = join(cwd, 'out');
  let demoTree: Map<string, Buffer>;

  it('`sle-msc analyze` with no arguments runs the bundled demo, unblinded, into ./out, and says so', () => {
    // The built command run with no arguments in an empty folder, once for the whole test run (the shared
    // unblinded sample output, test/setup/sample-outputs.ts); copied here for the tests after this one.
    const r = sampleOutput('randomization');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/demo/);
    expect(r.stderr).toMatch(/unblinded/);
    expect(basename(r.dir)).toBe('out');
    const tree = readTree(r.dir);
    const manifest = JSON.parse(tree.get('manifest.json')!.toString('utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ tool: 'sle-msc', blinding: 'randomization', draft: false });
    expect(tree.get('ard.csv')!.toString('utf8')).toMatch(/^SRI4,,WEEK24,FAS,MSC1E6,PBO,p,FISHER,/m);
    // Written into a temporary folder beside DIR and moved: nothing else is left beside it.
    expect(readdirSync(dirname(r.dir))).toEqual(['out']);
    cpSync(r.dir, out, { recursive: true });
    demoTree = readTree(out);
    expect(sameTree(demoTree, tree)).toBe(true);
  });

  it('a failed run after the lock was read (defective randomization file) leaves DIR as it was', async () => {
    const rand = join(tmpdir(), `sle-msc-contract-rand-${process.pid}.csv`);
    writeFileSync(rand, readFileSync(SAMPLE_RANDOMIZATION, 'utf8').replace(/\n[^\n]+\n$/, '\n')); // last subject has no row
    const r = await runMain(['analyze', SAMPLE_LOCK, '--randomization', rand], cwd);
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/has no row/);
    expect(sameTree(readTree(out), demoTree)).toBe(true);
    expect(readdirSync(cwd)).toEqual(['out']);
  });

  it('a previous sle-msc output (default --out) is replaced; --quiet prints nothing on success', async () => {
    // The mini lock, blinded: which lock does not matter here (the sample's blinded output: the next test).
    const r = await runMain(['analyze', join(packageRoot(), MINI_LOCK), '--quiet'], cwd);
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    const blinded = readTree(out);
    expect(JSON.parse(blinded.get('manifest.json')!.toString('utf8'))).toMatchObject({ blinding: 'blinded' });
    // DIR now holds exactly what the new manifest lists: files only the unblinded run makes (model
    // tables, the LS-mean figure) are gone.
    const listed = (
      JSON.parse(blinded.get('manifest.json')!.toString('utf8')) as { outputs: { path: string }[] }
    ).outputs.map((o) => o.path);
    expect([...blinded.keys()]).toEqual(['manifest.json', ...listed].sort());
    expect([...demoTree.keys()].filter((k) => !blinded.has(k))).toContain('figures/F-14.2.3.svg');
    expect(readdirSync(cwd)).toEqual(['out']);
  });

  it('the blinded run holds no arm in any file: ADaM, ARD, tables, listings, SVG, and PNGs drawn from those SVGs', () => {
    // The built command's blinded run of the sample, once for the whole test run (test/setup/sample-outputs.ts).
    const tree = readTree(sampleOutput('blinded').dir);
    const kinds = new Set([...tree.keys()].map((k) => k.split('/')[0]));
    expect([...kinds].sort()).toEqual([
      'adam',
      'ard.csv',
      'figures',
      'index.html',
      'listings',
      'log.txt',
      'manifest.json',
      'tables',
    ]);
    for (const [path, bytes] of tree) {
      if (path.endsWith('.png')) continue;
      const text = bytes.toString('utf8');
      for (const token of ARM_TOKENS) expect(text.includes(token), `${token} in ${path}`).toBe(false);
    }
    // A PNG cannot be searched for text: it must be exactly the rendering of its (arm-free) SVG.
    const pngs = [...tree.keys()].filter((k) => k.endsWith('.png'));
    expect(pngs.length).toBeGreaterThan(0);
    for (const png of pngs) {
      const svg = tree.get(png.replace(/\.png$/, '.svg'));
      expect(svg, png).toBeDefined();
      expect(Buffer.from(svgToPng(svg!.toString('utf8'))).equals(tree.get(png)!), png).toBe(true);
    }
  });

  it('other content is refused with 73 (DIR is a file; DIR holds a previous output plus a file of mine)', async () => {
    const before = readTree(out);
    writeFileSync(join(out, 'mine.txt'), 'keep');
    const r = await runMain(['analyze', SAMPLE_LOCK, '--out', 'out'], cwd);
    expect(r.code).toBe(73);
    expectNoStack(r);
    expect(readFileSync(join(out, 'mine.txt'), 'utf8')).toBe('keep');
    expect(sameTree(new Map([...readTree(out)].filter(([k]) => k !== 'mine.txt')), before)).toBe(true);
    const file = join(cwd, 'file-out');
    writeFileSync(file, 'x');
    expect((await runMain(['analyze', SAMPLE_LOCK, '--out', file], cwd)).code).toBe(73);
    expect(readFileSync(file, 'utf8')).toBe('x');
  });
});

describe('cli.md §Commands (simulate)', () => {
  it('writes DIR/lock/ with its lock.json and DIR/randomization.csv beside it, never inside (analyzing it: test/e2e/analyze.test.ts)', async () => {
    const d = tmp();
    const r = await runMain(['simulate', '--seed', 'contract', '--n', '9', '--out', join(d, 'sim')], d);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(join(d, 'sim')).sort()).toEqual(['lock', 'randomization.csv']);
    const lockFiles = readdirSync(join(d, 'sim', 'lock')).sort();
    expect(lockFiles).toEqual([
      'ae.csv',
      'cm.csv',
      'dm.csv',
      'ds.csv',
      'ex.csv',
      'lb.csv',
      'lock.json',
      'qs.csv',
      'sv.csv',
    ]);
    const lockJson = JSON.parse(readFileSync(join(d, 'sim', 'lock', 'lock.json'), 'utf8')) as {
      blinded: unknown;
      files: object;
    };
    expect(lockJson.blinded).toBe(true);
    expect(Object.keys(lockJson.files)).not.toContain('randomization.csv');
  });
});
