/** `sle-msc check` and `sle-msc compare` through the command line (cli.md "Commands"). */
import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { copyLock, editCell, resealLock, SAMPLE_LOCK } from '../lock/lock-fixture.js';

const cwd = process.cwd();
const made: string[] = [];
afterAll(async () => {
  for (const d of made) await rm(d, { recursive: true, force: true });
});

async function badLock(): Promise<string> {
  const dir = await copyLock(SAMPLE_LOCK);
  made.push(dir);
  await editCell(dir, 'dm.csv', 2, 'AGE', 'forty');
  await resealLock(dir);
  return dir;
}

describe('sle-msc check', () => {
  it('exits 0 on a conforming lock and randomization file, writing nothing to stdout', async () => {
    const r = await runCli(['check', SAMPLE_LOCK, '--randomization', 'data-samples/randomization.csv'], cwd);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('conforms to the data transfer specification (81 subjects');
  });

  it('exits 65 with file:line:COLUMN: rule on a broken lock', async () => {
    const r = await runCli(['check', await badLock()], cwd);
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/^dm\.csv:2:AGE: .+/m);
  });

  it('--format json prints one array of {file, line, column, rule, message, severity} on stdout', async () => {
    const r = await runCli(['check', await badLock(), '--format', 'json'], cwd);
    expect(r.code).toBe(65);
    const issues = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(Array.isArray(issues)).toBe(true);
    const age = issues.find((i) => i.column === 'AGE')!;
    expect(Object.keys(age).sort()).toEqual(['column', 'file', 'line', 'message', 'rule', 'severity']);
    expect(age).toMatchObject({ file: 'dm.csv', line: 2, column: 'AGE', severity: 'error' });
    expect(age.message).toBe(`dm.csv:2:AGE: ${String(age.rule)}`);
    expect(JSON.parse((await runCli(['check', SAMPLE_LOCK, '--format', 'json'], cwd)).stdout)).toEqual([]);
  });

  it('refuses a missing lock folder with 66 and a bad --format with 64', async () => {
    expect((await runCli(['check', join(tmpdir(), 'no-such-lock-folder')], cwd)).code).toBe(66);
    expect((await runCli(['check', SAMPLE_LOCK, '--format', 'xml'], cwd)).code).toBe(64);
  });
});

describe('sle-msc compare', () => {
  async function outputFolder(files: Record<string, string>): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'sle-cmp-'));
    made.push(dir);
    for (const [p, text] of Object.entries(files)) {
      await mkdir(join(dir, p, '..'), { recursive: true });
      await writeFile(join(dir, p), text);
    }
    return dir;
  }
  const ard = (v: string) =>
    `endpoint,param,visit,population,group,comparator,stat,method,value\nSRI4,,WEEK24,FAS,PBO,,prop,,${v}\n`;

  it('exits 0 when nothing differs and 1 naming each difference otherwise', async () => {
    const a = await outputFolder({ 'ard.csv': ard('0.5'), 'tables/T.txt': 'x' });
    const b = await outputFolder({ 'ard.csv': ard('0.5'), 'tables/T.txt': 'x' });
    const c = await outputFolder({ 'ard.csv': ard('0.6'), 'tables/T.txt': 'x' });
    expect((await runCli(['compare', a, b], cwd)).code).toBe(0);
    const r = await runCli(['compare', a, c], cwd);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('ard.csv: SRI4||WEEK24|FAS|PBO||prop|: 0.5 → 0.6\n');
    expect((await runCli(['compare', a, c, '--tolerance', '0.5'], cwd)).code).toBe(0);
  });

  it('matches dataset rows by the ADaM metadata keys (a reordered adsl is the same data)', async () => {
    const a = await outputFolder({ 'adam/adsl.csv': 'STUDYID,USUBJID,AGE\nSLEMSC01,S-1,40\nSLEMSC01,S-2,50\n' });
    const b = await outputFolder({ 'adam/adsl.csv': 'STUDYID,USUBJID,AGE\nSLEMSC01,S-2,50\nSLEMSC01,S-1,41\n' });
    const r = await runCli(['compare', a, b], cwd);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('adam/adsl.csv: STUDYID=SLEMSC01 USUBJID=S-1 AGE: 40 → 41\n');
  });

  it('refuses a missing folder with 66 and a bad tolerance with 64', async () => {
    const a = await outputFolder({ 'ard.csv': ard('1') });
    expect((await runCli(['compare', a, join(tmpdir(), 'no-such-output-folder')], cwd)).code).toBe(66);
    expect((await runCli(['compare', a, a, '--tolerance', '-1'], cwd)).code).toBe(64);
  });
});
