import { describe, expect, it } from 'vitest';
import { csvCell, DOMAIN_COLUMNS, headerLine, lockJson, sha256Hex } from '../../src/simulate/lock-files.js';

describe('lock-files', () => {
  it('quotes a cell only when it holds a comma, a quote or a line break (RFC 4180)', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('')).toBe('');
    expect(csvCell('Respiratory, thoracic')).toBe('"Respiratory, thoracic"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('a\nb')).toBe('"a\nb"');
  });

  it('starts every domain with STUDYID, DOMAIN, USUBJID', () => {
    for (const file of Object.keys(DOMAIN_COLUMNS) as (keyof typeof DOMAIN_COLUMNS)[]) {
      expect(headerLine(file).startsWith('STUDYID,DOMAIN,USUBJID,')).toBe(true);
    }
  });

  it('hashes with SHA-256 (FIPS 180-2 test vector "abc") and writes lock.json in the DTS shape', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const hashes = Object.fromEntries(Object.keys(DOMAIN_COLUMNS).map((f) => [f, sha256Hex(f)]));
    const m = JSON.parse(lockJson(hashes)) as Record<string, unknown>;
    expect(m).toEqual({
      study: 'SLEMSC01',
      lockId: 'DBL-2027-01-15',
      lockedAt: '2027-01-15',
      blinded: true,
      files: hashes,
    });
    expect(() => lockJson({})).toThrow();
  });
});
