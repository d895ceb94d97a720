import { existsSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { SAMPLE_LOCK, SAMPLE_RANDOMIZATION } from '../helpers/sample-run.js';
import { copyLock, editLine, resealLock } from '../lock/lock-fixture.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'sle-msc-cli-'));

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
    const both = await runCli(['analyze', SAMPLE_LOCK, '--randomization', SAMPLE_RANDOMIZATION, '--dummy-randomization', '1'], d);
    expect(both.code).toBe(64);
  });

  it('a missing LOCKDIR or randomization file exits 66', async () => {
    const d = tmp();
    const r = await runCli(['analyze', join(d, 'nope')], d);
    expect(r.code).toBe(66);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
    expect((await runCli(['analyze', SAMPLE_LOCK, '--randomization', join(d, 'none.csv'), '--out', join(d, 'o')], d)).code).toBe(66);
  });

  it('refuses an output folder with foreign content (73) unless --force', async () => {
    const d = tmp();
    const out = join(d, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const refused = await runCli(['analyze', SAMPLE_LOCK, '--out', out], d);
    expect(refused.code).toBe(73);
    expect((await runCli(['analyze', SAMPLE_LOCK, '--out', out, '--force'], d)).code).toBe(0);
  });

  it('--quiet prints nothing on success; errors go to stderr as file:line:COLUMN: rule', async () => {
    const d = tmp();
    const quiet = await runCli(['analyze', SAMPLE_LOCK, '--out', join(d, 'o'), '--quiet'], d);
    expect(quiet).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

describe('command line: bad input is reported, never half-written', () => {
  it('a one-defect lock exits 65 with file:line:COLUMN: rule on stderr and leaves --out untouched', async () => {
    const d = tmp();
    const lock = await copyLock(SAMPLE_LOCK);
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
    const unblinded = await runCli(['explain', SAMPLE_LOCK, '--subject', subject, '--randomization', SAMPLE_RANDOMIZATION], d);
    expect(unblinded.code).toBe(0);
    expect(unblinded.stdout).toMatch(/Randomized arm (PBO|MSC1E6|MSC5E6)/);
  });

  it('an unknown subject is a usage error (64)', async () => {
    expect((await runCli(['explain', SAMPLE_LOCK, '--subject', 'SLEMSC01-999-999'], tmp())).code).toBe(64);
  });
});
