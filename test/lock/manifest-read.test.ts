import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLockManifest } from '../../src/lock/manifest-read.js';
import { copyLock, MINI_LOCK } from './lock-fixture.js';
import { readdir } from 'node:fs/promises';

// Expected values: shared/dts/lock.md §lock.json; SHA-256 of "abc" from FIPS 180-2 appendix B.1.
const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

async function setup(extra: Record<string, string>) {
  const dir = await copyLock(MINI_LOCK);
  await writeFile(join(dir, 'define.txt'), 'abc');
  const json = JSON.parse(await readFile(join(dir, 'lock.json'), 'utf8')) as { files: Record<string, string> };
  await writeFile(join(dir, 'lock.json'), JSON.stringify({ ...json, files: { ...json.files, ...extra } }));
  return { dir, hashes: new Map(Object.entries(json.files)), entries: new Set(await readdir(dir)) };
}

describe('checkLockManifest', () => {
  it('hashes a listed non-domain file itself and accepts it when it matches', async () => {
    const { dir, hashes, entries } = await setup({ 'define.txt': ABC });
    const r = await checkLockManifest(dir, entries, hashes, false);
    expect(r.issues).toEqual([]);
    expect(r.draft).toBe(false);
    expect(r.manifest?.files['define.txt']).toBe(ABC);
  });
  it('a listed file that changed or is absent is an error, a warning in draft', async () => {
    const { dir, hashes, entries } = await setup({ 'define.txt': '0'.repeat(64), 'gone.txt': ABC });
    const strict = await checkLockManifest(dir, entries, hashes, false);
    expect(strict.issues.map((i) => [i.severity, i.file])).toEqual([
      ['error', 'define.txt'],
      ['error', 'lock.json'],
    ]);
    const draft = await checkLockManifest(dir, entries, hashes, true);
    expect(draft.issues.map((i) => i.severity)).toEqual(['warning', 'warning']);
    expect(draft.draft).toBe(true);
    expect(draft.manifest).not.toBeNull();
  });
  it('a domain hash differing from the file read is reported on that file', async () => {
    const { dir, entries, hashes } = await setup({});
    hashes.set('qs.csv', ABC);
    const r = await checkLockManifest(dir, entries, hashes, false);
    expect(r.issues.map((i) => i.file)).toEqual(['qs.csv']);
  });
});
