/**
 * Contract audit of README.md (what it promises about a run's output folder). Clauses proved elsewhere:
 * - quick start `sle-msc analyze` = the demo, exit codes, --quiet, --max-errors, colour, the output
 *   folder's replacement and refusal rules: test/contract/cli.test.ts and test/cli/main.test.ts;
 * - same inputs → byte-identical files; blinded run identical whatever the randomization says;
 *   DUMMY RANDOMIZATION in every table and the seed in the manifest: test/e2e/analyze.test.ts;
 * - --draft: test/contract/lock.test.ts; the sample regenerated from its seed: test/simulate/.
 * Here: the folder layout, the manifest (versions, lock id, blinding, draft, SHA-256 of every input and
 * output, checked against the bytes), and "outputs contain no clock time" with the clock moved to 2099.
 * Hashes are compared exactly with node:crypto's SHA-256 of the files.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { packageRoot } from '../../src/core/package-root.js';
import { SAMPLE_LOCK } from '../helpers/sample-run.js';
import { readTree, runMain } from './contract-helpers.js';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

interface Manifest {
  tool: string;
  toolVersion: string;
  sapVersion: string;
  lockId: string | null;
  blinding: string;
  draft: boolean;
  inputs: { name: string; sha256: string }[];
  outputs: { path: string; bytes?: number; sha256?: string; hashed?: boolean }[];
}

let tree: Map<string, Buffer>;
let manifest: Manifest;
beforeAll(async () => {
  // Only Date is faked: a clock far from every date of the sample, so any printed time would show.
  vi.useFakeTimers({ now: new Date('2099-09-09T09:09:09Z'), toFake: ['Date'] });
  const d = mkdtempSync(join(tmpdir(), 'sle-msc-contract-readme-'));
  const r = await runMain(['analyze', SAMPLE_LOCK, '--out', join(d, 'o'), '--quiet'], d);
  if (r.code !== 0) throw new Error(r.stderr);
  tree = readTree(join(d, 'o'));
  manifest = JSON.parse(tree.get('manifest.json')!.toString('utf8')) as Manifest;
});
afterAll(() => void vi.useRealTimers());

describe('README §Output folder', () => {
  it('holds index.html linking every table, listing and figure, and log.txt with the run, inputs and models', () => {
    const index = tree.get('index.html')!.toString('utf8');
    for (const path of tree.keys()) {
      if (/^(tables|listings|figures)\//.test(path)) expect(index, path).toContain(`href="${path}"`);
    }
    const log = tree.get('log.txt')!.toString('utf8');
    expect(log).toContain('## Run\ntool: sle-msc ');
    expect(log).toMatch(/^[0-9a-f]{64} {2}lock\/qs\.csv$/m);
    expect(log).toContain('## Warnings');
    expect(log).toContain('## Models');
  });

  it('holds manifest.json, ard.csv, adam/*.csv|xpt|json, adam/define.xml|html and tables/<id>.rtf|html|txt (each table in all three)', () => {
    const keys = [...tree.keys()];
    expect(keys).toContain('manifest.json');
    expect(keys).toContain('ard.csv');
    expect(keys).toContain('adam/adsl.csv');
    const adam = keys.filter((k) => k.startsWith('adam/'));
    expect(
      adam
        .filter((k) => k !== 'adam/define.xml' && k !== 'adam/define.html')
        .every((k) => /^adam\/[a-z0-9]+\.(csv|xpt|json)$/.test(k)),
    ).toBe(true);
    expect(adam).toContain('adam/define.xml');
    expect(adam).toContain('adam/define.html');
    const stems = (ext: string): string[] =>
      adam
        .filter((k) => k.endsWith(ext))
        .map((k) => k.slice(0, -ext.length))
        .sort();
    expect(stems('.xpt')).toEqual(stems('.csv'));
    expect(stems('.json')).toEqual(stems('.csv'));
    const tables = keys.filter((k) => k.startsWith('tables/'));
    const ids = new Set(tables.map((k) => k.replace(/^tables\/(.+)\.(rtf|html|txt)$/, '$1')));
    expect(ids.size).toBeGreaterThan(10);
    expect(tables.sort()).toEqual(
      [...ids].flatMap((id) => ['html', 'rtf', 'txt'].map((e) => `tables/${id}.${e}`)).sort(),
    );
  });

  it('manifest: tool and SAP versions, lock id, blinding and draft flag', () => {
    const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
    const lockJson = JSON.parse(readFileSync(join(SAMPLE_LOCK, 'lock.json'), 'utf8')) as { lockId: string };
    expect(manifest).toMatchObject({
      tool: 'sle-msc',
      toolVersion: pkg.version,
      lockId: lockJson.lockId,
      blinding: 'blinded',
      draft: false,
    });
    expect(manifest.sapVersion).toMatch(/\S/);
  });

  it('manifest: the SHA-256 of every input (each lock file, the SAP settings) equals the bytes read', () => {
    const lockJson = JSON.parse(readFileSync(join(SAMPLE_LOCK, 'lock.json'), 'utf8')) as {
      files: Record<string, string>;
    };
    const expected = [
      ...Object.keys(lockJson.files).map((f) => ({
        name: `lock/${f}`,
        sha256: sha256(readFileSync(join(SAMPLE_LOCK, f))),
      })),
      { name: 'sap/settings.json', sha256: sha256(readFileSync(join(packageRoot(), 'sap', 'settings.json'))) },
    ];
    const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    expect([...manifest.inputs].sort(byName)).toEqual(expected.sort(byName));
  });

  it('manifest: every output file is listed with its byte count and SHA-256 (log.txt by path only), and nothing else is', () => {
    const files = [...tree].filter(([k]) => k !== 'manifest.json');
    expect(manifest.outputs.map((o) => o.path).sort()).toEqual(files.map(([k]) => k).sort());
    for (const [k, v] of files) {
      if (k === 'log.txt') expect(manifest.outputs.find((o) => o.path === k)).toEqual({ path: k, hashed: false });
      else
        expect(
          manifest.outputs.find((o) => o.path === k),
          k,
        ).toEqual({ path: k, bytes: v.length, sha256: sha256(v) });
    }
  });

  it('outputs contain no clock time (the run happened, by its clock, in 2099)', () => {
    expect(new Date().getUTCFullYear()).toBe(2099); // the fake clock was in force
    // The fake instant in the forms a program prints a date or time (ISO, SAS date9., English, epoch).
    const clock = /2099-09-09|09:09:09|09SEP2099|Sep(tember)? 0?9,? 2099|0?9 Sep(tember)? 2099|4092628149/i;
    const stamped = [...tree].filter(([k, v]) => !k.endsWith('.png') && clock.test(v.toString('utf8'))).map(([k]) => k);
    expect(stamped).toEqual([]);
  });
});
