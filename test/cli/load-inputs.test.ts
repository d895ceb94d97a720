/**
 * loadRunInputs / assertReadableFile (src/cli/load-inputs.ts). Expected values: cli.md exit codes and
 * "all defects of a run are collected before exiting", on the bundled sample and copies with one
 * defect each; nothing numeric.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertReadableFile, loadRunInputs } from '../../src/cli/load-inputs.js';
import { EXIT, RunError } from '../../src/core/exit-codes.js';
import { formatIssue } from '../../src/core/issues.js';
import { SAMPLE_LOCK, SAMPLE_RANDOMIZATION } from '../helpers/sample-run.js';
import { copyLock, editCell, resealLock } from '../lock/lock-fixture.js';

const d = mkdtempSync(join(tmpdir(), 'sle-msc-load-inputs-'));
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as RunError,
  );

let brokenLock: string;
let brokenRand: string;
beforeAll(async () => {
  brokenLock = await copyLock(SAMPLE_LOCK);
  await editCell(brokenLock, 'dm.csv', 2, 'SEX', 'Q');
  await resealLock(brokenLock);
  brokenRand = join(d, 'rand.csv');
  const lines = readFileSync(SAMPLE_RANDOMIZATION, 'utf8').split('\n');
  lines[1] = lines[1]!.replace(/,(<10|>=10),/, ',10+,');
  writeFileSync(brokenRand, lines.join('\n'));
});

describe('loadRunInputs', () => {
  it('returns the lock and the rows of a sound pair, with the warnings of both', async () => {
    const r = await loadRunInputs(SAMPLE_LOCK, SAMPLE_RANDOMIZATION, false);
    expect(r.lock.dm.length).toBe(r.randomization?.length);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect((await loadRunInputs(SAMPLE_LOCK, null, false)).randomization).toBeNull();
  });

  it('a broken lock and a broken randomization file: one DATAERR carrying both defects', async () => {
    const e = await failure(loadRunInputs(brokenLock, brokenRand, false));
    expect(e).toBeInstanceOf(RunError);
    expect(e!.exitCode).toBe(EXIT.DATAERR);
    expect(e!.issues.filter((i) => i.severity === 'error').map(formatIssue)).toEqual([
      "dm.csv:2:SEX: 'Q' is not one of the controlled terms: F, M",
      `${brokenRand}:2:STRATUM: '10+' is not one of the controlled terms: <10, >=10`,
    ]);
    expect(e!.message).toMatch(/lock .* \(1 error\); the randomization file .* \(1 error\)$/);
  });

  it('a sound lock with a broken randomization file is DATAERR too; a missing file is NOINPUT with the lock issues', async () => {
    expect((await failure(loadRunInputs(SAMPLE_LOCK, brokenRand, false)))!.exitCode).toBe(EXIT.DATAERR);
    const e = await failure(loadRunInputs(brokenLock, join(d, 'none.csv'), false));
    expect(e!.exitCode).toBe(EXIT.NOINPUT);
    expect(e!.issues.map(formatIssue)).toContain("dm.csv:2:SEX: 'Q' is not one of the controlled terms: F, M");
  });
});

describe('assertReadableFile', () => {
  it('passes a readable file; a missing path or a folder is NOINPUT', () => {
    expect(() => assertReadableFile(SAMPLE_RANDOMIZATION, 'randomization file')).not.toThrow();
    for (const p of [join(d, 'none.json'), d]) {
      let code: number | null = null;
      try {
        assertReadableFile(p, 'SAP settings file');
      } catch (e) {
        code = (e as RunError).exitCode;
      }
      expect(code, p).toBe(EXIT.NOINPUT);
    }
  });
});
