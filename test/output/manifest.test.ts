import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildManifest, readManifestOutputs, sha256Hex, stableJson } from '../../src/output/manifest.js';
import type { ManifestInput } from '../../src/output/manifest.js';
import { digestOf } from '../../src/output/output-files.js';

const base: ManifestInput = {
  toolVersion: '0.1.0',
  sapVersion: '1.0',
  lockId: 'SLEMSC01-LOCK-2025-01',
  draft: false,
  blinding: 'randomization',
  inputs: [
    { name: 'randomization.csv', sha256: 'b'.repeat(64) },
    { name: 'dm.csv', sha256: 'a'.repeat(64) },
  ],
  outputs: new Map<string, string | Uint8Array>([
    ['tables/t.txt', 'x'],
    ['ard.csv', 'endpoint\n'],
    ['fig.png', new Uint8Array([0, 255])],
  ]),
};

describe('sha256Hex', () => {
  it('hashes UTF-8 text and bytes (reference: node:crypto and the FIPS 180-2 test vector for "abc")', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(new Uint8Array([0, 255]))).toBe(
      createHash('sha256')
        .update(Buffer.from([0, 255]))
        .digest('hex'),
    );
  });
});

describe('stableJson', () => {
  it('sorts keys at every level by code units and ends with LF', () => {
    expect(stableJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe(
      '{\n  "a": {\n    "c": null,\n    "d": [\n      {\n        "y": 2,\n        "z": 1\n      }\n    ]\n  },\n  "b": 1\n}\n',
    );
  });
});

describe('buildManifest', () => {
  it('lists inputs by name and outputs by path with byte counts and SHA-256, no timestamps', () => {
    const json = buildManifest(base);
    const m = JSON.parse(json) as Record<string, unknown>;
    expect(Object.keys(m)).toEqual([
      'blinding',
      'draft',
      'inputs',
      'lockId',
      'manifestVersion',
      'outputs',
      'sapVersion',
      'tool',
      'toolVersion',
      'warnings',
    ]);
    expect(m.tool).toBe('sle-msc');
    expect(m.inputs).toEqual([
      { name: 'dm.csv', sha256: 'a'.repeat(64) },
      { name: 'randomization.csv', sha256: 'b'.repeat(64) },
    ]);
    expect(m.outputs).toEqual([
      { bytes: 9, path: 'ard.csv', sha256: sha256Hex('endpoint\n') },
      { bytes: 2, path: 'fig.png', sha256: sha256Hex(new Uint8Array([0, 255])) },
      { bytes: 1, path: 'tables/t.txt', sha256: sha256Hex('x') },
    ]);
    expect(json.endsWith('}\n')).toBe(true);
    expect(json).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });
  it('is deterministic whatever the order of inputs and outputs', () => {
    const shuffled: ManifestInput = {
      ...base,
      inputs: [...base.inputs].reverse(),
      outputs: new Map([...base.outputs.entries()].reverse()),
    };
    expect(buildManifest(shuffled)).toBe(buildManifest(base));
  });
  it('lists the coded warnings sorted by code, then message, whatever their order', () => {
    const warnings = [
      { code: 'STRATUM_DEVIATION', message: 'S2: stratum' },
      { code: 'NB_POISSON', message: 'FLARE_RENAL: Poisson used' },
      { code: 'MMRM_FALLBACK', message: 'PRO B: US did not converge' },
      { code: 'MMRM_FALLBACK', message: 'PRO A: US did not converge' },
    ];
    const m = JSON.parse(buildManifest({ ...base, warnings })) as { warnings: unknown };
    expect(m.warnings).toEqual([warnings[3], warnings[2], warnings[1], warnings[0]]);
    expect(buildManifest({ ...base, warnings: [...warnings].reverse() })).toBe(buildManifest({ ...base, warnings }));
    expect((JSON.parse(buildManifest(base)) as { warnings: unknown }).warnings).toEqual([]);
  });
  it('records the dummy seed with a dummy randomization, and only then', () => {
    const m = JSON.parse(buildManifest({ ...base, blinding: 'dummy', dummySeed: 42 })) as Record<string, unknown>;
    expect(m.dummySeed).toBe(42);
    expect(() => buildManifest({ ...base, blinding: 'dummy' })).toThrow(/dummySeed/);
    expect(() => buildManifest({ ...base, dummySeed: 42 })).toThrow(/dummySeed/);
  });
  it('allows a draft without a lock id', () => {
    const m = JSON.parse(buildManifest({ ...base, draft: true, lockId: null })) as Record<string, unknown>;
    expect(m.lockId).toBeNull();
    expect(m.draft).toBe(true);
  });
  it('rejects bad hashes, duplicate inputs, bad paths and listing itself', () => {
    expect(() => buildManifest({ ...base, inputs: [{ name: 'dm.csv', sha256: 'ABC' }] })).toThrow(/SHA-256/);
    expect(() => buildManifest({ ...base, inputs: [...base.inputs, base.inputs[0]!] })).toThrow(/twice/);
    expect(() => buildManifest({ ...base, outputs: new Map([['../x', 'y']]) })).toThrow(/valid output/);
    expect(() => buildManifest({ ...base, outputs: new Map([['manifest.json', 'y']]) })).toThrow(/itself/);
  });
});

describe('readManifestOutputs', () => {
  it('returns the listed paths of an sle-msc manifest and null for anything else', () => {
    expect(readManifestOutputs(buildManifest(base))).toEqual(['ard.csv', 'fig.png', 'tables/t.txt']);
    expect(readManifestOutputs('not json')).toBeNull();
    expect(readManifestOutputs('{"tool":"other","outputs":[]}')).toBeNull();
    expect(readManifestOutputs('{"tool":"sle-msc"}')).toBeNull();
    expect(readManifestOutputs('{"tool":"sle-msc","outputs":[{"file":1}]}')).toBeNull();
    expect(readManifestOutputs('null')).toBeNull();
  });
});

describe('buildManifest from digests (files written as they were made)', () => {
  it('lists a size and SHA-256 given as a digest exactly as it lists the content they describe', () => {
    const digests = new Map(
      [...base.outputs].map(([path, content]) => [path, digestOf(content as string | Uint8Array)] as const),
    );
    expect(buildManifest({ ...base, outputs: digests })).toBe(buildManifest(base));
    expect(
      buildManifest({
        ...base,
        outputs: new Map([...digests].map(([p, d]) => [p, { sha256: d.sha256, bytes: d.bytes, extra: 1 }])),
      }),
    ).toBe(buildManifest(base));
  });

  it('refuses a digest that is not a size and a lower-case SHA-256', () => {
    expect(() => buildManifest({ ...base, outputs: new Map([['ard.csv', { bytes: 3, sha256: 'ABC' }]]) })).toThrow(
      /digest/,
    );
    expect(() =>
      buildManifest({ ...base, outputs: new Map([['ard.csv', { bytes: -1, sha256: '0'.repeat(64) }]]) }),
    ).toThrow(/digest/);
  });
});
