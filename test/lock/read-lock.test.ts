import { execFileSync } from 'node:child_process';
import { readFile, rm, writeFile, mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, RunError } from '../../src/core/exit-codes.js';
import { formatIssue } from '../../src/core/issues.js';
import { loadLock, readLock } from '../../src/lock/read-lock.js';
import { copyLock, editCell, MINI_LOCK, resealLock, SAMPLE_LOCK } from './lock-fixture.js';
import { existsSync } from 'node:fs';

// Expected values: the hand-made mini lock (test/fixtures/lock/mini, written from shared/dts/) read by eye.
describe('readLock on the hand-made mini lock', () => {
  it('reads with no issue at all', async () => {
    const { lock, issues } = await readLock(MINI_LOCK, { draft: false });
    expect(issues.map(formatIssue)).toEqual([]);
    expect(lock).not.toBeNull();
    if (lock === null) return;
    expect([lock.dm, lock.ds, lock.sv, lock.ex, lock.qs, lock.lb, lock.cm, lock.ae].map((r) => r.length)).toEqual([
      3, 7, 8, 3, 18, 7, 5, 4,
    ]);
    expect(lock.draft).toBe(false);
    expect(lock.manifest?.lockId).toBe('DBL-MINI-01');
  });
  it('types the values as types.ts says', async () => {
    const { lock } = await readLock(MINI_LOCK, { draft: false });
    if (lock === null) throw new Error('mini lock');
    expect(lock.dm[0]).toMatchObject({
      src: { file: 'dm.csv', line: 2 },
      AGE: 34,
      RFSTDTC: '2026-02-02',
      WEIGHTBL: 68.5,
      WEIGHTBL_DEC: 1,
    });
    expect(lock.dm[2]).toMatchObject({ RFSTDTC: null, RFENDTC: null, WEIGHTBL: null, WEIGHTBL_DEC: null });
    expect(lock.sv[3]).toMatchObject({ VISITNUM: 3.01, VISIT: 'UNSCHEDULED 3.01', SVSTDTC: '2026-03-09' });
    expect(lock.ex[1]).toMatchObject({ EXSTDTC: '2026-03-10', EXVOL: null, EXOCCUR: 'Y' });
    expect(lock.qs[5]).toMatchObject({ QSCAT: 'PGA', QSSTRESN: 1.75, QSSTRESN_DEC: 2, VISITNUM: 2 });
    expect(lock.qs[12]).toMatchObject({ QSSTAT: 'NOT DONE', QSSTRESC: null, QSSTRESN: null });
    expect(lock.lb[6]).toMatchObject({ LBSTRESN: 210, LBSTRESN_DEC: 0, LBSTRESC: '210' });
    expect(lock.lb[2]).toMatchObject({ LBSTRESN: null, LBSTRESC: '<10', LBSTNRHI: 30 });
    // cm.csv has a BOM, CRLF line ends and a verbatim that spans two lines (lines 5–6).
    expect(lock.cm.map((r) => r.src.line)).toEqual([2, 3, 4, 5, 7]);
    expect(lock.cm[3]).toMatchObject({ CMTRT: 'Solu-Medrol\r\n(pulse, 3 days)', CMDOSE: 500 });
    expect(lock.cm[0]).toMatchObject({ CMSTDTC: '2025-11', CMENDTC: '2026-03-01', CMENRTPT: null });
    expect(lock.ae[2]?.AEBODSYS).toBe('Injury, poisoning and procedural complications');
  });
  it('exposes the SHA-256 of every domain file read (equal to those lock.json records)', async () => {
    const { lock } = await readLock(MINI_LOCK, { draft: false });
    const json = JSON.parse(await readFile(join(MINI_LOCK, 'lock.json'), 'utf8')) as { files: Record<string, string> };
    expect(lock?.fileHashes).toEqual(json.files);
  });
});

describe('readLock: the folder itself', () => {
  it('throws RunError(NOINPUT) for a missing folder or a file', async () => {
    for (const dir of ['test/fixtures/lock/no-such-lock', join(MINI_LOCK, 'dm.csv')]) {
      const e = await readLock(dir, { draft: false }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(RunError);
      expect((e as RunError).exitCode).toBe(EXIT.NOINPUT);
    }
  });
  it('a domain file missing and listed nowhere is an error issue (exit 65, not 66), in draft too', async () => {
    const dir = await copyLock(MINI_LOCK);
    await rm(join(dir, 'ae.csv'));
    const json = JSON.parse(await readFile(join(dir, 'lock.json'), 'utf8')) as { files: Record<string, string> };
    delete json.files['ae.csv'];
    await writeFile(join(dir, 'lock.json'), JSON.stringify(json));
    const strict = await readLock(dir, { draft: false });
    expect(strict.lock).toBeNull();
    expect(strict.issues.map((i) => [i.severity, i.file, i.rule])).toEqual([
      ['error', 'ae.csv', 'required file of the lock is missing'],
      ['error', 'lock.json', 'ae.csv is not listed in "files"'],
    ]);
    const draft = await readLock(dir, { draft: true });
    expect(draft.issues.map((i) => [i.severity, i.file])).toEqual([
      ['error', 'ae.csv'],
      ['warning', 'lock.json'],
    ]);
    const e = await loadLock(dir, { draft: false }).catch((x: unknown) => x);
    expect((e as RunError).exitCode).toBe(EXIT.DATAERR);
    expect((e as RunError).issues).toHaveLength(2);
  });
  it('extra files are notices and do not stop the run', async () => {
    const dir = await copyLock(MINI_LOCK);
    await writeFile(join(dir, 'notes.txt'), 'x');
    await mkdir(join(dir, 'old'));
    const { lock, issues } = await loadLock(dir, { draft: false });
    expect(lock.dm).toHaveLength(3);
    expect(issues).toEqual([
      { severity: 'notice', file: 'notes.txt', rule: 'not part of a lock: ignored' },
      { severity: 'notice', file: 'old', rule: 'not part of a lock: ignored' },
    ]);
  });
});

describe('readLock: file encoding', () => {
  // The reader checks the bytes and parses them undecoded (csv.ts); these pin what decoding gave.
  it('a file that is not UTF-8 is one issue on that file, and nothing else is said about it', async () => {
    const dir = await copyLock(MINI_LOCK);
    const path = join(dir, 'ae.csv');
    const bytes = await readFile(path);
    // 0xC0 0x80: an over-long NUL, which a UTF-8 decoder must refuse; put in a line that is otherwise fine.
    await writeFile(path, Buffer.concat([bytes, Buffer.from([0x6e, 0xc0, 0x80, 0x0a])]));
    await resealLock(dir);
    const { lock, issues } = await readLock(dir, { draft: false });
    expect(lock).toBeNull();
    expect(issues.map((i) => [i.severity, i.file, i.line, i.rule])).toEqual([
      ['error', 'ae.csv', undefined, 'file is not valid UTF-8'],
    ]);
  });
  it('a file with a byte-order mark reads as without it, lines unchanged', async () => {
    const dir = await copyLock(MINI_LOCK);
    const path = join(dir, 'dm.csv');
    await writeFile(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), await readFile(path)]));
    await resealLock(dir);
    const withBom = await readLock(dir, { draft: false });
    const without = await readLock(MINI_LOCK, { draft: false });
    expect(withBom.issues).toEqual([]);
    expect(withBom.lock?.dm).toEqual(without.lock?.dm);
  });
});

describe('readLock: draft runs', () => {
  it('lock.json missing: an error, or in draft a warning with lock.draft = true and no manifest', async () => {
    const dir = await copyLock(MINI_LOCK);
    await rm(join(dir, 'lock.json'));
    const strict = await readLock(dir, { draft: false });
    expect(strict.lock).toBeNull();
    expect(strict.issues).toEqual([
      { severity: 'error', file: 'lock.json', rule: 'lock.json is missing: this folder is not a sealed lock' },
    ]);
    const { lock, issues } = await loadLock(dir, { draft: true });
    expect(issues.map((i) => i.severity)).toEqual(['warning']);
    expect(lock.draft).toBe(true);
    expect(lock.manifest).toBeNull();
    expect(lock.fileHashes['dm.csv']).toMatch(/^[0-9a-f]{64}$/);
  });
  it('a changed file: hash mismatch on that file; in draft a warning, the manifest kept', async () => {
    const dir = await copyLock(MINI_LOCK);
    await editCell(dir, 'dm.csv', 2, 'AGE', '35');
    const strict = await readLock(dir, { draft: false });
    expect(strict.issues.map((i) => [i.severity, i.file, i.line])).toEqual([['error', 'dm.csv', undefined]]);
    expect(strict.issues[0]?.rule).toMatch(/^SHA-256 [0-9a-f]{64} differs from lock\.json/);
    const { lock } = await loadLock(dir, { draft: true });
    expect(lock.draft).toBe(true);
    expect(lock.manifest?.lockId).toBe('DBL-MINI-01');
    expect(lock.dm[0]?.AGE).toBe(35);
  });
  it('a draft run of a sound lock is not a draft; data rules stay errors in draft', async () => {
    expect((await loadLock(MINI_LOCK, { draft: true })).lock.draft).toBe(false);
    const dir = await copyLock(MINI_LOCK);
    await editCell(dir, 'dm.csv', 2, 'AGE', '17');
    await resealLock(dir);
    const r = await readLock(dir, { draft: true });
    expect(r.lock).toBeNull();
    expect(r.issues.map((i) => [i.severity, i.file, i.line, i.column])).toEqual([['error', 'dm.csv', 2, 'AGE']]);
  });
});

describe('readLock: all issues, in file order', () => {
  it('collects every defect across files, sorted by file (domain order) then line', async () => {
    const dir = await copyLock(MINI_LOCK);
    await editCell(dir, 'ae.csv', 3, 'AESEV', 'MILDISH');
    await editCell(dir, 'dm.csv', 3, 'SEX', 'X');
    await editCell(dir, 'dm.csv', 2, 'COUNTRY', 'CAN');
    await editCell(dir, 'qs.csv', 7, 'QSSTRESN', '3.5');
    await resealLock(dir);
    const { issues } = await readLock(dir, { draft: false });
    expect(issues.map((i) => `${i.file}:${i.line}:${i.column}`)).toEqual([
      'dm.csv:2:COUNTRY',
      'dm.csv:3:SEX',
      'qs.csv:7:QSSTRESN',
      'ae.csv:3:AESEV',
    ]);
  });
});

describe.runIf(existsSync(join(SAMPLE_LOCK, 'lock.json')))('the bundled sample lock', () => {
  it('reads with no error', async () => {
    const { lock, issues } = await readLock(SAMPLE_LOCK, { draft: false });
    expect(issues.filter((i) => i.severity !== 'notice').map(formatIssue)).toEqual([]);
    expect(lock?.draft).toBe(false);
  });
});

describe('readLock: hostile files (lock.md: every listed file is a regular file)', () => {
  it('a FIFO as a domain file: an error on that file at once, not a run that waits forever', async () => {
    const dir = await copyLock(MINI_LOCK);
    await rm(join(dir, 'ex.csv'));
    execFileSync('mkfifo', [join(dir, 'ex.csv')]);
    const { lock, issues } = await readLock(dir, { draft: false });
    expect(lock).toBeNull();
    expect(issues.filter((i) => i.severity === 'error').map(formatIssue)).toEqual([
      'ex.csv: the file is a FIFO (named pipe), not a regular file: an input file must be a regular file',
    ]);
  });
  it('a link to /dev/zero as a domain file or as another listed file: refused without reading', async () => {
    const dir = await copyLock(MINI_LOCK);
    await rm(join(dir, 'qs.csv'));
    await symlink('/dev/zero', join(dir, 'qs.csv'));
    await symlink('/dev/zero', join(dir, 'define.xml'));
    const json = JSON.parse(await readFile(join(dir, 'lock.json'), 'utf8')) as { files: Record<string, string> };
    json.files['define.xml'] = '0'.repeat(64);
    await writeFile(join(dir, 'lock.json'), JSON.stringify(json));
    const { issues } = await readLock(dir, { draft: false });
    expect(issues.filter((i) => i.severity === 'error').map(formatIssue)).toEqual([
      'qs.csv: the file is a device, not a regular file: an input file must be a regular file',
      'define.xml: listed in lock.json, but is a device, not a regular file: an input file must be a regular file',
    ]);
  });
  it('lock.json a FIFO: an error on lock.json (a warning in draft), at once', async () => {
    const dir = await copyLock(MINI_LOCK);
    await rm(join(dir, 'lock.json'));
    execFileSync('mkfifo', [join(dir, 'lock.json')]);
    const r = await readLock(dir, { draft: false });
    expect(r.issues.map(formatIssue)).toEqual([
      'lock.json: is a FIFO (named pipe), not a regular file: an input file must be a regular file',
    ]);
  });
  it('an unreadable domain file (here a folder named ae.csv) is reported once, not also as "listed but not in the lock folder"', async () => {
    const dir = await copyLock(MINI_LOCK);
    await rm(join(dir, 'ae.csv'));
    await mkdir(join(dir, 'ae.csv'));
    const { issues } = await readLock(dir, { draft: false });
    expect(issues.map(formatIssue)).toEqual([
      'ae.csv: the file is a folder, not a regular file: an input file must be a regular file',
    ]);
  });
  it('dm.csv with a header and no rows: no subjects is an error, not an empty analysis', async () => {
    const dir = await copyLock(MINI_LOCK);
    for (const f of ['dm.csv', 'ds.csv', 'sv.csv', 'ex.csv', 'qs.csv', 'lb.csv', 'cm.csv', 'ae.csv']) {
      const text = await readFile(join(dir, f), 'utf8');
      await writeFile(join(dir, f), text.slice(0, text.indexOf('\n') + 1).replace(/^\ufeff/, ''));
    }
    await resealLock(dir);
    const { lock, issues } = await readLock(dir, { draft: false });
    expect(lock).toBeNull();
    expect(issues.map(formatIssue)).toEqual([
      'dm.csv: no subjects: dm.csv has a header but no rows, and a lock without subjects has nothing to analyse',
    ]);
  });
});
