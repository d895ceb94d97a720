/**
 * Contract audit of ../shared/dts/randomization.md through the command line (analyze and explain).
 * Each rule one at a time, on a hand-made file, with its exact line and column:
 * test/lock/randomization.test.ts (readRandomization). A run without the file is blinded:
 * test/e2e/analyze.test.ts and test/e2e/ard-contract.test.ts. Here: several defects in one file are
 * all reported in one run, where they are, with exit 65 from both commands; the format rules of
 * lock.md (BOM, CRLF, placeholders) apply to the file; and nothing of a failed run reaches --out.
 * Nothing here is numeric.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLock, readRandomization } from '../../src/lock/index.js';
import { SAMPLE_LOCK, SAMPLE_RANDOMIZATION } from '../helpers/sample-run.js';
import { runMain } from './contract-helpers.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'sle-msc-contract-rand-'));
const SAMPLE_LINES = readFileSync(SAMPLE_RANDOMIZATION, 'utf8').replace(/\n$/, '').split('\n');

/** The physical line (header = 1) of a subject's row in the sample file. */
function lineOf(usubjid: string): number {
  const i = SAMPLE_LINES.findIndex((l) => l.split(',')[1] === usubjid);
  if (i < 0) throw new Error(`${usubjid} not in the sample randomization file`);
  return i + 1;
}

/** Subjects of the sample picked by what the lock says (ex.csv EXOCCUR), not by position. */
const EX = readFileSync(join(SAMPLE_LOCK, 'ex.csv'), 'utf8').split('\n').slice(1).filter(Boolean);
const NEVER_INFUSED = EX.find((l) => l.endsWith(',N'))!.split(',')[2]!;
const INFUSED = EX.filter((l) => l.endsWith(',Y')).map((l) => l.split(',')[2]!);

describe('randomization.md: every disagreement is bad input, all reported in one run', () => {
  const d = tmp();
  const lines = [...SAMPLE_LINES];
  const edit = (usubjid: string, f: (fields: string[]) => void) => {
    const i = lineOf(usubjid) - 1;
    const fields = lines[i]!.split(',');
    f(fields);
    lines[i] = fields.join(',');
  };
  const [a, b, c] = INFUSED;
  edit(NEVER_INFUSED, (x) => (x[7] = x[5]!)); // ACTARMCD for a subject never infused
  edit(a!, (x) => (x[7] = '')); // no ACTARMCD for an infused subject
  edit(b!, (x) => (x[6] = x[5] === 'PBO' ? 'MSC 1x10^6 cells/kg' : 'Placebo')); // ARM does not match ARMCD
  edit(c!, (x) => (x[2] = SAMPLE_LINES[1]!.split(',')[2]!)); // RANDNO of the first row again
  const lastSubject = SAMPLE_LINES[SAMPLE_LINES.length - 1]!.split(',')[1]!;
  lines.pop(); // a DM subject without a row
  lines.push('SLEMSC01,SLEMSC01-109-999,9999,2025-03-01,<10,PBO,Placebo,PBO'); // a subject not in DM
  const file = join(d, 'rand.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  const expected = [
    `${file}:${lineOf(NEVER_INFUSED)}:ACTARMCD: `,
    `${file}:${lineOf(a!)}:ACTARMCD: `,
    `${file}:${lineOf(b!)}:ARM: `,
    `${file}:${lineOf(c!)}:RANDNO: `,
    `${file}:${lines.length}:USUBJID: `,
    `${file}: subject ${lastSubject} `,
  ];

  it.each([
    ['analyze', ['analyze', SAMPLE_LOCK, '--randomization', file, '--out', join(d, 'o')]],
    ['explain', ['explain', SAMPLE_LOCK, '--subject', NEVER_INFUSED, '--randomization', file]],
  ])('%s: exit 65, each defect on its own line as file:line:COLUMN: rule, nothing written', async (_, argv) => {
    const r = await runMain(argv, d);
    expect(r.code).toBe(65);
    expect(r.stdout).toBe('');
    const errorLines = r.stderr.split('\n').filter((l) => l.startsWith(file));
    for (const e of expected)
      expect(
        errorLines.filter((l) => l.startsWith(e)),
        e,
      ).toHaveLength(1);
    expect(errorLines, errorLines.join('\n')).toHaveLength(expected.length);
    expect(existsSync(join(d, 'o'))).toBe(false);
  });
});

describe('randomization.md: format rules as in lock.md', () => {
  it('a BOM and CRLF line ends are accepted and give the same rows (all the analysis sees of the file)', async () => {
    const d = tmp();
    const file = join(d, 'rand-crlf.csv');
    writeFileSync(file, `\ufeff${SAMPLE_LINES.join('\r\n')}\r\n`);
    const { lock } = await loadLock(SAMPLE_LOCK, { draft: false });
    const plain = await readRandomization(SAMPLE_RANDOMIZATION, lock);
    const crlf = await readRandomization(file, lock);
    expect(crlf.issues).toEqual([]);
    const strip = (rows: typeof plain.rows) => rows?.map(({ src, ...r }) => ({ ...r, line: src.line }));
    expect(strip(crlf.rows)).toEqual(strip(plain.rows));
    expect(crlf.rows).toHaveLength(SAMPLE_LINES.length - 1);
    // …and the command accepts it (explain: a cheap run that reads both files).
    const r = await runMain(['explain', SAMPLE_LOCK, '--subject', NEVER_INFUSED, '--randomization', file], d);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Randomized arm (PBO|MSC1E6|MSC5E6)/);
  });

  it('a placeholder (NA) in a required column is bad input', async () => {
    const d = tmp();
    const lines = [...SAMPLE_LINES];
    lines[1] = lines[1]!.replace(/^([^,]*,[^,]*,[^,]*,)[^,]*/, '$1NA'); // RANDDT
    const file = join(d, 'rand.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const r = await runMain(['analyze', SAMPLE_LOCK, '--randomization', file, '--out', join(d, 'o')], d);
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:RANDDT: `, 'm'));
  });
});
