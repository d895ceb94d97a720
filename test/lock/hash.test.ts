import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256File, sha256Hex } from '../../src/lock/hash.js';

// Reference: FIPS 180-2 appendix B.1 test vector, SHA-256("abc") (exact).
const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

describe('SHA-256', () => {
  it('of bytes and of a file', async () => {
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe(ABC);
    const dir = await mkdtemp(join(tmpdir(), 'sle-hash-'));
    await writeFile(join(dir, 'f'), 'abc');
    expect(await sha256File(join(dir, 'f'))).toBe(ABC);
  });
});
