import { describe, expect, it } from 'vitest';
import { checkManifestFiles, duplicateKeys, parseLockManifest } from '../../src/lock/manifest.js';

// Expected values: shared/dts/lock.md §lock.json, by hand.
const H = (c: string) => c.repeat(64);
const good = {
  study: 'SLEMSC01',
  lockId: 'DBL-1',
  lockedAt: '2027-01-15',
  blinded: true,
  files: { 'dm.csv': H('a'), 'ds.csv': H('B') },
};

describe('parseLockManifest', () => {
  it('reads a well-formed lock.json (hashes lower-cased)', () => {
    const r = parseLockManifest(JSON.stringify(good));
    expect(r.issues).toEqual([]);
    expect(r.manifest).toEqual({ ...good, files: { 'dm.csv': H('a'), 'ds.csv': H('b') } });
  });
  it.each([
    ['{', /^not valid JSON/],
    ['[1]', /^must be a JSON object$/],
    [JSON.stringify({ ...good, study: 'SLEMSC02' }), /^"study" must be "SLEMSC01", not "SLEMSC02"$/],
    [JSON.stringify({ ...good, blinded: false }), /^"blinded" must be true/],
    [JSON.stringify({ ...good, blinded: 'true' }), /^"blinded" must be true/],
    [JSON.stringify({ ...good, lockedAt: '15/01/2027' }), /^"lockedAt" must be an ISO date/],
    [JSON.stringify({ ...good, lockId: '' }), /^"lockId" must be a non-empty string$/],
    [JSON.stringify({ ...good, files: [] }), /^"files" must be an object/],
    [
      JSON.stringify({ ...good, files: { 'dm.csv': 'abc' } }),
      /^"files": the hash of dm.csv must be 64 hexadecimal digits/,
    ],
    [JSON.stringify({ ...good, files: { '../dm.csv': H('a') } }), /^"files": "..\/dm.csv" is not a file name/],
  ])('%s → issue on lock.json', (text, rule) => {
    const r = parseLockManifest(text);
    expect(r.manifest).toBeNull();
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]?.file).toBe('lock.json');
    expect(r.issues[0]?.rule).toMatch(rule);
  });
});

describe('a key given twice is bad input (JSON.parse keeps the last silently)', () => {
  it('"blinded": false, "blinded": true is refused, not read as blinded', () => {
    const text = JSON.stringify(good).replace('"blinded":true', '"blinded":false,"blinded":true');
    const r = parseLockManifest(text);
    expect(r.manifest).toBeNull();
    expect(r.issues.map((i) => [i.file, i.rule])).toEqual([
      ['lock.json', '"blinded" is given twice: a key must appear once (JSON.parse would keep the last silently)'],
    ]);
  });
  it('a file listed twice in "files"', () => {
    const text = `{"study":"SLEMSC01","lockId":"DBL-1","lockedAt":"2027-01-15","blinded":true,"files":{"dm.csv":"${H('a')}","dm.csv":"${H('b')}"}}`;
    expect(parseLockManifest(text).issues.map((i) => i.rule)).toEqual([
      '"files" → "dm.csv" is given twice: a key must appear once (JSON.parse would keep the last silently)',
    ]);
  });
  it('duplicateKeys: per object, at any depth, escapes and brackets inside strings understood', () => {
    expect(duplicateKeys('{"a":1,"b":{"a":2,"c":[{"a":1},{"a":2}]}}')).toEqual([]);
    expect(duplicateKeys('{"a":1,"b":{"x":2,"x":3},"a":[1,"a"]}')).toEqual([['b', 'x'], ['a']]);
    expect(duplicateKeys('{"k\\"{[":1,"k\\u0022{[":2}')).toEqual([['k"{[']]);
    expect(duplicateKeys('[{"a":1,"a":2}]')).toEqual([['a']]);
    expect(duplicateKeys(JSON.stringify(good, null, 2))).toEqual([]);
  });
});

describe('checkManifestFiles', () => {
  const manifest = {
    ...good,
    blinded: true as const,
    files: { 'dm.csv': H('a'), 'ds.csv': H('b'), 'define.xml': H('c') },
  };
  it('passes when every required file is listed and every listed file matches', () => {
    expect(
      checkManifestFiles(
        manifest,
        new Map([
          ['dm.csv', H('a')],
          ['ds.csv', H('b')],
          ['define.xml', H('c')],
        ]),
        ['dm.csv', 'ds.csv'],
        new Set(),
      ),
    ).toEqual([]);
  });
  it('unlisted required file, changed file, absent listed file', () => {
    const issues = checkManifestFiles(
      manifest,
      new Map([
        ['dm.csv', H('a')],
        ['ds.csv', H('0')],
      ]),
      ['dm.csv', 'ds.csv', 'sv.csv'],
      new Set(),
    );
    expect(issues.map((i) => [i.file, i.rule])).toEqual([
      ['lock.json', 'sv.csv is not listed in "files"'],
      ['ds.csv', `SHA-256 ${H('0')} differs from lock.json (${H('b')}): the file changed after the lock`],
      ['lock.json', 'define.xml is listed but not in the lock folder'],
    ]);
  });
  it('leaves an absent domain file to its reader', () => {
    expect(
      checkManifestFiles(
        manifest,
        new Map([
          ['dm.csv', H('a')],
          ['define.xml', H('c')],
        ]),
        ['dm.csv', 'ds.csv'],
        new Set(['ds.csv']),
      ),
    ).toEqual([]);
  });
});
