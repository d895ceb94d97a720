import {
  cpSync,
  existsSync,
  mkdtempSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { SAMPLE_LOCK, SAMPLE_RANDOMIZATION } from '../helpers/sample-run.js';
import { copyLock, editLine, MINI_LOCK, MINI_RANDOMIZATION, resealLock } from '../lock/lock-fixture.js';
import { defaultSettingsPath } from '../../src/sap/index.js';
import { packageRoot } from '../../src/core/package-root.js';
import { readTree, sameTree } from '../contract/contract-helpers.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'sle-msc-cli-'));
const root = packageRoot();

describe('command line: exit codes of ../shared/cli.md', () => {
  it('--help and --version exit 0; every command has help with an example', async () => {
    const d = tmp();
    const help = await runCli(['--help'], d);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/analyze/);
    expect((await runCli(['--version'], d)).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    for (const cmd of ['analyze', 'simulate', 'mmrm', 'explain']) {
      const r = await runCli([cmd, '--help'], d);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Example/);
    }
  });

  it('usage errors exit 64: unknown option, unknown command, missing argument, bad option value', async () => {
    const d = tmp();
    expect((await runCli(['analyze', SAMPLE_LOCK, '--bogus'], d)).code).toBe(64);
    expect((await runCli(['frobnicate'], d)).code).toBe(64);
    expect((await runCli(['simulate', '--seed', '1', '--out', 'x'], d)).code).toBe(64);
    expect((await runCli(['simulate', '--seed', '1', '--n', 'ten', '--out', 'x'], d)).code).toBe(64);
    expect((await runCli(['analyze', SAMPLE_LOCK, '--max-errors', '0'], d)).code).toBe(64);
    expect((await runCli(['analyze', '--out', 'x'], d)).code).toBe(64);
    const both = await runCli(
      ['analyze', SAMPLE_LOCK, '--randomization', SAMPLE_RANDOMIZATION, '--dummy-randomization', '1'],
      d,
    );
    expect(both.code).toBe(64);
  });

  it('a missing LOCKDIR or randomization file exits 66', async () => {
    const d = tmp();
    const r = await runCli(['analyze', join(d, 'nope')], d);
    expect(r.code).toBe(66);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
    expect(
      (await runCli(['analyze', SAMPLE_LOCK, '--randomization', join(d, 'none.csv'), '--out', join(d, 'o')], d)).code,
    ).toBe(66);
  });

  it('refuses an output folder with foreign content (73) unless --force', async () => {
    const d = tmp();
    const out = join(d, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const refused = await runCli(['analyze', SAMPLE_LOCK, '--out', out], d);
    expect(refused.code).toBe(73);
    // Which lock the forced run analyses does not matter here: the small one is quicker.
    expect((await runCli(['analyze', join(root, MINI_LOCK), '--out', out, '--force'], d)).code).toBe(0);
  });

  it('--quiet prints nothing on success; errors go to stderr as file:line:COLUMN: rule', async () => {
    const d = tmp();
    // The small lock unblinded: quicker than the sample, and without --quiet its run prints warnings
    // (`analysis: warning: … MMRM: no observation to fit`) as well as the summary, both to be held back.
    const argv = ['analyze', join(root, MINI_LOCK), '--randomization', join(root, MINI_RANDOMIZATION)];
    const quiet = await runCli([...argv, '--out', join(d, 'o'), '--quiet'], d);
    expect(quiet).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

describe('command line: bad input is reported, never half-written', () => {
  it('a one-defect lock exits 65 with file:line:COLUMN: rule on stderr and leaves --out untouched', async () => {
    const d = tmp();
    const lock = await copyLock(join(root, MINI_LOCK)); // the mini lock: which lock does not matter here
    await editLine(lock, 'dm.csv', 3, (l) => l.replace(/,F,/, ',X,'));
    await resealLock(lock);
    const r = await runCli(['analyze', lock, '--out', join(d, 'out')], d);
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/dm\.csv:3:SEX: /);
    expect(existsSync(join(d, 'out'))).toBe(false);
  });

  it('caps the printed errors at --max-errors and says how many more there are', async () => {
    const d = tmp();
    const lock = await copyLock(SAMPLE_LOCK);
    for (const line of [2, 3, 4, 5]) await editLine(lock, 'dm.csv', line, (l) => l.replace(/,YEARS,/, ',MONTHS,'));
    await resealLock(lock);
    const r = await runCli(['analyze', lock, '--out', join(d, 'out'), '--max-errors', '2'], d);
    expect(r.code).toBe(65);
    expect(r.stderr.match(/dm\.csv:\d+:AGEU:/g)).toHaveLength(2);
    expect(r.stderr).toMatch(/… and 2 more/);
  });
});

describe('sle-msc explain', () => {
  it("prints one subject's derivations with source lines, and the arm only with the randomization file", async () => {
    const d = tmp();
    const subject = 'SLEMSC01-101-001';
    const blinded = await runCli(['explain', SAMPLE_LOCK, '--subject', subject], d);
    expect(blinded.code, blinded.stderr).toBe(0);
    expect(blinded.stdout).toMatch(/SLEDAI-2K totals/);
    expect(blinded.stdout).toMatch(/qs\.csv:\d+/);
    expect(blinded.stdout).toMatch(/SRI-4 at Week 24: (RESPONDER|NON-RESPONDER)/);
    expect(blinded.stdout).toMatch(/BILAG-2004 flares/);
    for (const token of ['PBO', 'MSC1E6', 'MSC5E6', 'Placebo', 'cells/kg']) expect(blinded.stdout).not.toContain(token);
    const unblinded = await runCli(
      ['explain', SAMPLE_LOCK, '--subject', subject, '--randomization', SAMPLE_RANDOMIZATION],
      d,
    );
    expect(unblinded.code).toBe(0);
    expect(unblinded.stdout).toMatch(/Randomized arm (PBO|MSC1E6|MSC5E6)/);
  });

  it('an unknown subject is a usage error (64)', async () => {
    expect((await runCli(['explain', SAMPLE_LOCK, '--subject', 'SLEMSC01-999-999'], tmp())).code).toBe(64);
  });
});

describe('command line: output folder and option hardening (issue 13)', () => {
  it('an option value that looks like an option is a usage error (64), and nothing is created', async () => {
    const d = tmp();
    for (const argv of [
      ['analyze', SAMPLE_LOCK, '--out', '--quiet'],
      ['analyze', SAMPLE_LOCK, '--randomization', '--force'],
      ['analyze', SAMPLE_LOCK, '--sap', '--draft'],
      ['analyze', SAMPLE_LOCK, '--out', '-q'],
      ['explain', SAMPLE_LOCK, '--subject', '--quiet'],
    ]) {
      const r = await runCli(argv, d);
      expect(r.code, argv.join(' ')).toBe(64);
      expect(r.stderr).toMatch(/looks like an option/);
    }
    expect(readdirSync(d)).toEqual([]);
  });

  it('refuses other content (73) before the analysis: a broken lock is not even read', async () => {
    const d = tmp();
    const lock = await copyLock(SAMPLE_LOCK);
    await editLine(lock, 'dm.csv', 3, (l) => l.replace(/,F,/, ',X,'));
    await resealLock(lock);
    mkdirSync(join(d, 'out'));
    writeFileSync(join(d, 'out', 'notes.txt'), 'mine');
    const r = await runCli(['analyze', lock, '--out', 'out'], d);
    expect(r.code).toBe(73);
    expect(r.stderr).not.toMatch(/dm\.csv/);
    expect(readFileSync(join(d, 'out', 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('never, even with --force, writes over the lock, the randomization file or the --sap file (73, nothing touched)', async () => {
    const d = tmp();
    const lock = join(d, 'lock');
    cpSync(SAMPLE_LOCK, lock, { recursive: true });
    cpSync(SAMPLE_RANDOMIZATION, join(d, 'rand.csv'));
    cpSync(defaultSettingsPath(), join(d, 'sap.json'));
    symlinkSync(lock, join(d, 'lock-link'));
    const before = readTree(d);
    for (const [out, extra] of [
      ['lock', []],
      ['lock/', []],
      ['./lock/../lock/', []],
      ['lock/out', []],
      ['lock-link', []],
      ['.', []],
      [d, ['--randomization', 'rand.csv']],
      ['rand.csv', ['--randomization', 'rand.csv']],
    ] as const) {
      const r = await runCli(['analyze', 'lock', ...extra, '--out', out, '--force'], d);
      expect(r.code, out).toBe(73);
      expect(sameTree(readTree(d), before), out).toBe(true);
    }
    const sapInside = join(d, 'sap-out');
    mkdirSync(sapInside);
    cpSync(defaultSettingsPath(), join(sapInside, 'sap.json'));
    const r = await runCli(['analyze', 'lock', '--sap', 'sap-out/sap.json', '--out', 'sap-out', '--force'], d);
    expect(r.code).toBe(73);
    expect(readdirSync(sapInside)).toEqual(['sap.json']);
  });

  it('--sap with bad content is invalid input (65), each issue printed once with the path and the JSON path', async () => {
    const d = tmp();
    cpSync(dirname(defaultSettingsPath()), join(d, 'sap'), { recursive: true });
    const file = join(d, 'sap', 'settings.json');
    const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    json.referenceArm = 'PLACEBO';
    writeFileSync(file, JSON.stringify(json));
    const r = await runCli(['analyze', SAMPLE_LOCK, '--sap', 'sap/settings.json', '--out', 'o'], d);
    expect(r.code).toBe(65);
    expect(r.stderr.match(/referenceArm/g)).toHaveLength(1);
    expect(r.stderr).toMatch(/^sap\/settings\.json: referenceArm: /m);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(existsSync(join(d, 'o'))).toBe(false);
  });
});
