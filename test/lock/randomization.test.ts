import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { writeFile, mkdtemp, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXIT, RunError } from '../../src/core/exit-codes.js';
import { formatIssue } from '../../src/core/issues.js';
import { loadRandomization, readRandomization } from '../../src/lock/randomization.js';
import { loadLock } from '../../src/lock/read-lock.js';
import type { Lock } from '../../src/lock/types.js';
import { MINI_LOCK, MINI_RANDOMIZATION, SAMPLE_LOCK } from './lock-fixture.js';

// Expected values: shared/dts/randomization.md applied by hand to the mini lock (3 subjects, 2 infused).
let lock: Lock;
beforeAll(async () => {
  lock = (await loadLock(MINI_LOCK, { draft: false })).lock;
});

const HEADER = 'STUDYID,USUBJID,RANDNO,RANDDT,STRATUM,ARMCD,ARM,ACTARMCD';
const ROWS = [
  'SLEMSC01,SLEMSC01-101-001,R0001,2026-01-26,>=10,MSC5E6,MSC 5x10^6 cells/kg,MSC5E6',
  'SLEMSC01,SLEMSC01-102-002,R0002,2026-03-02,<10,PBO,Placebo,PBO',
  'SLEMSC01,SLEMSC01-103-003,R0003,2026-04-01,>=10,MSC1E6,MSC 1x10^6 cells/kg,',
];

async function withRows(rows: readonly string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sle-rand-'));
  const file = join(dir, 'rand.csv');
  await writeFile(file, `${HEADER}\n${rows.join('\n')}\n`);
  return file;
}

describe('readRandomization', () => {
  it('reads the mini randomization file, naming it as given', async () => {
    const { rows, issues } = await readRandomization(MINI_RANDOMIZATION, lock);
    expect(issues).toEqual([]);
    expect(rows?.map((r) => [r.USUBJID, r.ARMCD, r.ACTARMCD, r.STRATUM])).toEqual([
      ['SLEMSC01-101-001', 'MSC5E6', 'MSC5E6', '>=10'],
      ['SLEMSC01-102-002', 'PBO', 'PBO', '<10'],
      ['SLEMSC01-103-003', 'MSC1E6', null, '>=10'],
    ]);
    expect(rows?.[0]?.src).toEqual({ file: MINI_RANDOMIZATION, line: 2 });
  });
  it.each([
    [
      'a DM subject without a row',
      [ROWS[0], ROWS[1]],
      [undefined, undefined, 'subject SLEMSC01-103-003 (dm.csv line 4) has no row'],
    ],
    [
      'an unknown subject',
      [...ROWS, 'SLEMSC01,SLEMSC01-109-001,R0004,2026-04-01,<10,PBO,Placebo,'],
      [5, 'USUBJID', "subject SLEMSC01-109-001 is not in the lock's dm.csv"],
    ],
    [
      'a subject twice',
      [...ROWS, ROWS[2]?.replace('R0003', 'R0009')],
      [5, 'USUBJID', 'duplicate subject (first on line 4)'],
    ],
    [
      'RANDNO twice',
      [ROWS[0], ROWS[1]?.replace('R0002', 'R0001'), ROWS[2]],
      [3, 'RANDNO', 'duplicate RANDNO (first on line 2)'],
    ],
    [
      'ARM not matching ARMCD',
      [ROWS[0], ROWS[1]?.replace(',Placebo,', ',MSC 1x10^6 cells/kg,'), ROWS[2]],
      [3, 'ARM', "ARM 'MSC 1x10^6 cells/kg' does not match ARMCD PBO (expected 'Placebo')"],
    ],
    [
      'ACTARMCD for a subject never infused',
      [ROWS[0], ROWS[1], `${ROWS[2]}MSC1E6`],
      [4, 'ACTARMCD', 'must be empty: the subject was never infused'],
    ],
    [
      'no ACTARMCD for an infused subject',
      [ROWS[0], ROWS[1]?.replace(/PBO$/, ''), ROWS[2]],
      [3, 'ACTARMCD', 'required: the subject was infused (EXOCCUR = Y)'],
    ],
    [
      'a bad stratum',
      [ROWS[0], ROWS[1]?.replace('<10', '<=10'), ROWS[2]],
      [3, 'STRATUM', "'<=10' is not one of the controlled terms: <10, >=10"],
    ],
    [
      'an unknown arm code',
      [ROWS[0], ROWS[1]?.replace('PBO,Placebo,PBO', 'PLA,Placebo,PBO'), ROWS[2]],
      [3, 'ARMCD', "'PLA' is not one of the controlled terms: PBO, MSC1E6, MSC5E6"],
    ],
    [
      'another study',
      [ROWS[0], ROWS[1]?.replace('SLEMSC01,', 'SLEMSC02,'), ROWS[2]],
      [3, 'STUDYID', "'SLEMSC02' is not one of the controlled terms: SLEMSC01"],
    ],
  ])('%s is an error', async (_, rows, [line, column, rule]) => {
    const file = await withRows(rows as string[]);
    const { rows: read, issues } = await readRandomization(file, lock);
    expect(read).toBeNull();
    expect(issues.map((i) => [i.file, i.line, i.column, i.rule])).toEqual([[file, line, column, rule]]);
    const e = await loadRandomization(file, lock).catch((x: unknown) => x);
    expect((e as RunError).exitCode).toBe(EXIT.DATAERR);
  });
  it('a missing file is RunError(NOINPUT)', async () => {
    const e = await readRandomization('test/fixtures/lock/no-such.csv', lock).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(RunError);
    expect((e as RunError).exitCode).toBe(EXIT.NOINPUT);
  });
  it('a FIFO or a link to /dev/zero is RunError(NOINPUT) at once, never read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sle-rand-'));
    execFileSync('mkfifo', [join(dir, 'fifo.csv')]);
    await symlink('/dev/zero', join(dir, 'zero.csv'));
    for (const [name, kind] of [
      ['fifo.csv', 'a FIFO (named pipe)'],
      ['zero.csv', 'a device'],
    ] as const) {
      const e = await readRandomization(join(dir, name), lock).catch((x: unknown) => x);
      expect((e as RunError).exitCode).toBe(EXIT.NOINPUT);
      expect((e as RunError).message).toBe(
        `the randomization file ${join(dir, name)} is ${kind}, not a regular file: an input file must be a regular file`,
      );
    }
  });
});

describe.runIf(existsSync(join(SAMPLE_LOCK, 'lock.json')))('the bundled sample', () => {
  it('randomization file agrees with its lock', async () => {
    const sample = (await loadLock(SAMPLE_LOCK, { draft: false })).lock;
    const { rows, issues } = await readRandomization('data-samples/randomization.csv', sample);
    expect(issues.map(formatIssue)).toEqual([]);
    expect(rows).toHaveLength(sample.dm.length);
  });
});
