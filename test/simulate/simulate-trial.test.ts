import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/core/issues.js';
import { readLock, readRandomization } from '../../src/lock/index.js';
import { sha256Hex } from '../../src/simulate/lock-files.js';
import { simulateTrial, simulateTrialStream } from '../../src/simulate/simulate-trial.js';

const FILES = ['dm.csv', 'ds.csv', 'sv.csv', 'ex.csv', 'qs.csv', 'lb.csv', 'cm.csv', 'ae.csv'];

describe('simulateTrial: reproducibility', () => {
  const a = simulateTrial({ seed: 'repro', n: 30 });

  it('gives the same bytes for the same seed and n', () => {
    const b = simulateTrial({ seed: 'repro', n: 30 });
    expect([...b.lockFiles.entries()]).toEqual([...a.lockFiles.entries()]);
    expect(b.randomizationCsv).toBe(a.randomizationCsv);
  });

  it('gives different data for another seed', () => {
    const c = simulateTrial({ seed: 'repro2', n: 30 });
    for (const f of FILES) expect(c.lockFiles.get(f), f).not.toBe(a.lockFiles.get(f));
    expect(c.randomizationCsv).not.toBe(a.randomizationCsv);
  });

  it('streams the same bytes it collects (what the CLI writes equals simulateTrial)', () => {
    const parts = new Map<string, string>();
    for (const c of simulateTrialStream({ seed: 'repro', n: 30 }).chunks)
      parts.set(c.file, (parts.get(c.file) ?? '') + c.text);
    for (const f of FILES) expect(parts.get(f), f).toBe(a.lockFiles.get(f));
  });

  it('lists every file in lock.json with its SHA-256, blinded', () => {
    const manifest = JSON.parse(a.lockFiles.get('lock.json') ?? '') as {
      study: string;
      blinded: boolean;
      files: Record<string, string>;
    };
    expect(manifest.study).toBe('SLEMSC01');
    expect(manifest.blinded).toBe(true);
    expect(Object.keys(manifest.files).sort()).toEqual([...FILES].sort());
    for (const f of FILES) expect(manifest.files[f]).toBe(sha256Hex(a.lockFiles.get(f) ?? ''));
  });

  it('writes CSV exactly as csv-stringify 6 would (parse, re-stringify, compare bytes)', () => {
    for (const f of FILES) {
      const text = a.lockFiles.get(f) ?? '';
      const rows = parse(text) as string[][];
      expect(stringify(rows, { record_delimiter: 'unix' }), f).toBe(text);
    }
    expect(stringify(parse(a.randomizationCsv) as string[][], { record_delimiter: 'unix' })).toBe(a.randomizationCsv);
  });
});

describe('simulateTrial: conformance to the DTS, checked by the lock reader (src/lock)', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  for (const [seed, n] of [
    ['20270115', 81],
    ['conformance', 150],
    ['small', 4],
  ] as const) {
    it(`passes readLock and readRandomization with no issue at all (seed ${seed}, n ${n})`, async () => {
      const sim = simulateTrial({ seed, n });
      const dir = mkdtempSync(join(tmpdir(), 'sle-msc-sim-'));
      dirs.push(dir);
      mkdirSync(join(dir, 'lock'));
      for (const [f, text] of sim.lockFiles) writeFileSync(join(dir, 'lock', f), text);
      writeFileSync(join(dir, 'randomization.csv'), sim.randomizationCsv);
      const { lock, issues } = await readLock(join(dir, 'lock'), { draft: false });
      expect(issues.map(formatIssue)).toEqual([]);
      expect(lock?.dm).toHaveLength(n);
      if (lock === null) return;
      const rand = await readRandomization(join(dir, 'randomization.csv'), lock);
      expect(rand.issues.map(formatIssue)).toEqual([]);
    });
  }
});
