/**
 * The test run's shared infrastructure does what the tests that lean on it assume: each shared sample
 * output (test/setup/sample-outputs.ts) is the run its mode names, complete, and temporary folders land
 * under the run's own root (test/setup/temp-root.ts), which is removed when the run ends.
 */
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleOutput } from '../helpers/sample-output.js';
import { SAMPLE_MODES } from '../setup/sample-modes.js';

const BLINDING = { blinded: 'blinded', randomization: 'randomization', dummy: 'dummy' } as const;

describe('shared sample outputs', () => {
  it.each(SAMPLE_MODES)(
    '%s: exit 0, and the manifest says that blinding and lists only files that are there',
    (mode) => {
      const { dir } = sampleOutput(mode);
      const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
        blinding: string;
        outputs: { path: string }[];
      };
      expect(manifest.blinding).toBe(BLINDING[mode]);
      expect(manifest.outputs.length).toBeGreaterThan(50);
      expect(manifest.outputs.filter((o) => !existsSync(join(dir, o.path))).map((o) => o.path)).toEqual([]);
    },
  );

  it('live under the run’s temporary root, like every temporary folder of the tests', () => {
    expect(basename(tmpdir())).toMatch(/^sle-msc-test-/);
    expect(dirname(dirname(sampleOutput('blinded').dir))).toBe(tmpdir());
  });
});
