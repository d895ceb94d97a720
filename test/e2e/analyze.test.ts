import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { comparableFile } from '../helpers/output-tree.js';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { sampleOutput } from '../helpers/sample-output.js';
import { runInputs, SAMPLE_LOCK, SAMPLE_RANDOMIZATION } from '../helpers/sample-run.js';
import { deriveAll } from '../../src/derive/derive-all.js';
import { packageRoot } from '../../src/core/package-root.js';
import { MINI_LOCK } from '../lock/lock-fixture.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'sle-msc-e2e-'));
const MINI = join(packageRoot(), MINI_LOCK);

/** Every file of a folder, by relative path, as bytes; log.txt without its timings and command line. */
function readTree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), comparableFile(name, readFileSync(p)));
    }
  };
  walk(dir);
  return out;
}

const ROTATE: Record<string, string> = {
  PBO: 'MSC1E6',
  MSC1E6: 'MSC5E6',
  MSC5E6: 'PBO',
  Placebo: 'MSC 1x10^6 cells/kg',
  'MSC 1x10^6 cells/kg': 'MSC 5x10^6 cells/kg',
  'MSC 5x10^6 cells/kg': 'Placebo',
};
const ARM_TOKENS = [
  'PBO',
  'MSC1E6',
  'MSC5E6',
  'Placebo',
  'MSC 1x10^6',
  'MSC 5x10^6',
  'MSC 1\u00d710\u2076',
  'MSC 5\u00d710\u2076',
  '\u00d710\u2076',
  'cells/kg',
];

describe('simulate → analyze, end to end', () => {
  it('writes every SRI-4 row of ard.md, the datasets, tables and manifest of an unblinded run', async () => {
    // A second run's bytes: test/pipeline/submission.test.ts compares every file of the sample's
    // in-process runs with the built command's (another process), unblinded and blinded.
    const d = tmp();
    expect((await runCli(['simulate', '--seed', 'e2e-1', '--n', '60', '--out', join(d, 'sim')], d)).code).toBe(0);
    const args = ['analyze', join(d, 'sim', 'lock'), '--randomization', join(d, 'sim', 'randomization.csv')];
    const first = await runCli([...args, '--out', join(d, 'a')], d);
    expect(first.code, first.stderr).toBe(0);
    const a = readTree(join(d, 'a'));

    const ard = a.get('ard.csv')!.toString('utf8').split('\n');
    expect(ard[0]).toBe('endpoint,param,visit,population,group,comparator,stat,method,value');
    const has = (line: string) => ard.some((l) => l.startsWith(line));
    for (const g of ['PBO', 'MSC1E6', 'MSC5E6', 'TOTAL'])
      for (const s of ['N', 'n', 'prop']) {
        expect(has(`SRI4,,WEEK24,FAS,${g},,${s},,`)).toBe(true);
        for (const c of ['SLEDAI', 'BILAG', 'PGA', 'STEROID'])
          expect(has(`SRI4,${c},WEEK24,FAS,${g},,${s},,`)).toBe(true);
      }
    for (const arm of ['MSC1E6', 'MSC5E6']) {
      for (const s of ['diff', 'diff_lcl', 'diff_ucl']) expect(has(`SRI4,,WEEK24,FAS,${arm},PBO,${s},MN,`)).toBe(true);
      expect(has(`SRI4,,WEEK24,FAS,${arm},PBO,p,FISHER,`)).toBe(true);
      for (const s of ['or', 'or_lcl', 'or_ucl', 'p'])
        expect(has(`SRI4,,WEEK24,FAS,${arm},PBO,${s},LOGISTIC,`)).toBe(true);
      expect(has(`SRI4,,WEEK24,FAS,${arm},PBO,p_adj,HOCHBERG,`)).toBe(true);
    }
    const manifest = JSON.parse(a.get('manifest.json')!.toString('utf8'));
    expect(manifest).toMatchObject({ tool: 'sle-msc', blinding: 'randomization', draft: false });
    expect(a.has('adam/adsl.csv') && a.has('adam/adsri4.csv')).toBe(true);
    expect([...a.keys()].some((k) => k.endsWith('.rtf')) && [...a.keys()].some((k) => k.endsWith('.html'))).toBe(true);
  });

  it('a second run into the same folder replaces the previous output', async () => {
    const d = tmp();
    const out = join(d, 'out');
    // The first run: the shared blinded sample run's output (test/setup/sample-outputs.ts), copied; the
    // second analyses the mini lock (quicker than the sample: which lock does not matter here).
    cpSync(sampleOutput('blinded').dir, out, { recursive: true });
    const second = await runCli(['analyze', MINI, '--out', out], d);
    expect(second.code, second.stderr).toBe(0);
    // Replaced: the ADSL now holds the mini lock's three subjects, not the sample's 81.
    expect(
      readFileSync(join(out, 'adam', 'adsl.csv'), 'utf8')
        .trim()
        .split('\n'),
    ).toHaveLength(1 + 3);
  });
});

describe('blinding (SAP §6) is a security property', () => {
  it('a blinded run shows no arm code or arm name in any output file', () => {
    for (const [path, bytes] of readTree(sampleOutput('blinded').dir)) {
      const text = bytes.toString('utf8');
      for (const token of ARM_TOKENS) expect(text.includes(token), `${token} in ${path}`).toBe(false);
    }
  });

  it('a blinded run is byte-identical whatever the randomization file beside the lock says', async () => {
    const d = tmp();
    const copy = (name: string, permute: boolean) => {
      const dir = join(d, name);
      cpSync(SAMPLE_LOCK, join(dir, 'lock'), { recursive: true });
      const lines = readFileSync(SAMPLE_RANDOMIZATION, 'utf8').split('\n');
      // Rotate the arms among subjects: a different (and wrong) unblinding beside the same lock.
      const rotated = permute
        ? lines.map((l) =>
            l.replace(
              /\b(PBO|MSC1E6|MSC5E6|Placebo|MSC 1x10\^6 cells\/kg|MSC 5x10\^6 cells\/kg)(?=,|$)/g,
              (a: string) => ROTATE[a]!,
            ),
          )
        : lines;
      writeFileSync(join(dir, 'randomization.csv'), rotated.join('\n'));
      return join(dir, 'lock');
    };
    // A: the sample lock with its own randomization file beside it, analysed once for the whole run
    // (test/setup/sample-outputs.ts); B: a copy with the arms rotated among subjects.
    const lockB = copy('b', true);
    expect((await runCli(['analyze', lockB, '--out', join(d, 'outB')], d)).code).toBe(0);
    const a = readTree(sampleOutput('blinded').dir);
    const b = readTree(join(d, 'outB'));
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [k, v] of a) expect(v.equals(b.get(k)!), k).toBe(true);
    // …while the rotated file is a valid randomization file that unblinds the copy differently (every
    // randomized subject's arm in ADSL changes), so the test would notice arms leaking into the blinded output.
    const arms = async (lock: string, randomization: string) => {
      const { lock: read, unblinding, settings } = await runInputs(lock, randomization);
      return new Map(deriveAll(read, unblinding, settings).primary.adsl.map((r) => [r.USUBJID, r.ARMCD]));
    };
    const own = await arms(SAMPLE_LOCK, SAMPLE_RANDOMIZATION);
    const rotated = await arms(lockB, join(d, 'b', 'randomization.csv'));
    const randomized = [...own].filter(([, arm]) => arm !== null);
    expect(randomized.length).toBeGreaterThan(60);
    expect([...rotated.keys()]).toEqual([...own.keys()]);
    expect(randomized.filter(([id, arm]) => rotated.get(id) === arm)).toEqual([]);
    const ua = sampleOutput('randomization').dir;
    // The unblinded run's log keeps what stderr said: the stratum deviations (the file named as in the log's
    // Inputs section, not by its path) and the model of each analysis.
    const log = readTree(ua).get('log.txt')!.toString('utf8');
    expect(log).toMatch(/## Warnings \([1-9]\d*\)\n(.*\n)*randomization:\d+:STRATUM: .*protocol deviation/);
    expect(log).toMatch(/^SLEDAI CHG: MMRM-[A-Z0-9]+-KR$/m);
  });

  it('a dummy-randomization run says so in every table and in the manifest', () => {
    const tree = readTree(sampleOutput('dummy').dir);
    expect(JSON.parse(tree.get('manifest.json')!.toString())).toMatchObject({ blinding: 'dummy', dummySeed: '7' });
    const tables = [...tree].filter(([k]) => k.startsWith('tables/'));
    expect(tables.length).toBeGreaterThan(0);
    for (const [k, v] of tables) expect(v.toString('utf8'), k).toMatch(/DUMMY RANDOMIZATION/);
  });
});

describe('lock integrity', () => {
  it('refuses a lock without lock.json (65) unless --draft, and then every table says DRAFT', async () => {
    const d = tmp();
    // The mini lock: quicker than the sample, with every table (empty ones too).
    cpSync(MINI, join(d, 'lock'), { recursive: true });
    rmSync(join(d, 'lock', 'lock.json'));
    const refused = await runCli(['analyze', join(d, 'lock'), '--out', join(d, 'o')], d);
    expect(refused.code).toBe(65);
    expect(refused.stderr).toMatch(/lock\.json/);
    const draft = await runCli(['analyze', join(d, 'lock'), '--draft', '--out', join(d, 'o')], d);
    expect(draft.code, draft.stderr).toBe(0);
    const tree = readTree(join(d, 'o'));
    expect(JSON.parse(tree.get('manifest.json')!.toString())).toMatchObject({ draft: true });
    const tables = [...tree].filter(([k]) => k.startsWith('tables/'));
    expect(tables.length).toBeGreaterThan(50);
    for (const [k, v] of tables) expect(v.toString('utf8'), k).toMatch(/DRAFT/);
  });

  it('refuses a changed data file (hash mismatch, 65) naming the file', async () => {
    const d = tmp();
    cpSync(SAMPLE_LOCK, join(d, 'lock'), { recursive: true });
    const ae = join(d, 'lock', 'ae.csv');
    writeFileSync(ae, readFileSync(ae, 'utf8').replace('MILD', 'SEVERE'));
    const r = await runCli(['analyze', join(d, 'lock'), '--out', join(d, 'o')], d);
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/ae\.csv/);
  });
});
