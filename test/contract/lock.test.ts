/**
 * Contract audit of ../shared/dts/lock.md through `sle-msc analyze`: what the lock may vary without
 * changing a single output byte, and what is bad input (exit 65, reported where it is). Clauses proved
 * elsewhere and not repeated here:
 * - each cell, key, visit, subject and lock.json rule, one defect at a time, with its file:line:COLUMN:
 *   test/lock/bad-input-corpus.test.ts (loadLock) and the unit tests beside it (csv, cells, table,
 *   row-rules, key-rules, subject-rules, visit-rules, manifest-read);
 * - lock.json missing → 65 unless --draft, every table then says DRAFT; a changed file → 65 naming it:
 *   test/e2e/analyze.test.ts;
 * - an extra file is a notice and does not stop the run: test/lock/read-lock.test.ts and
 *   test/contract/cli.test.ts (--quiet).
 * Nothing here is numeric: outputs are compared byte for byte.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_LOCK } from '../helpers/sample-run.js';
import { sampleOutput } from '../helpers/sample-output.js';
import { copyLock, editCell, editLine, MINI_LOCK, resealLock } from '../lock/lock-fixture.js';
import { packageRoot } from '../../src/core/package-root.js';
import { readTree, runMain } from './contract-helpers.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'sle-msc-contract-lock-'));
const DOMAINS = ['dm.csv', 'ds.csv', 'sv.csv', 'ex.csv', 'qs.csv', 'lb.csv', 'cm.csv', 'ae.csv'];

/** Every output but manifest.json, index.html and log.txt (which record the input hashes, which differ by design). */
function outputsOf(dir: string): Map<string, Buffer> {
  const tree = readTree(dir);
  tree.delete('manifest.json');
  tree.delete('log.txt');
  tree.delete('index.html');
  return tree;
}

/** A CSV field quoted where RFC 4180 needs it. */
const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

let pristine: Map<string, Buffer>;
beforeAll(() => {
  // The sample analysed blinded once for the whole run (test/setup/sample-outputs.ts).
  pristine = outputsOf(sampleOutput('blinded').dir);
});

describe('lock.md §File format: what may vary without changing the analysis', () => {
  it('BOM, CRLF line ends, any column order and unknown extra columns give byte-identical outputs', async () => {
    const lock = await copyLock(SAMPLE_LOCK);
    for (const f of DOMAINS) {
      const path = join(lock, f);
      const text = readFileSync(path, 'utf8');
      // Only records, no quoted line breaks, in the sample: LF → CRLF changes no value.
      expect(text.includes('\r'), f).toBe(false);
      let out = text;
      if (f === 'dm.csv' || f === 'ae.csv') {
        // Columns reversed, and an unknown column holding a comma and a quote (so it is quoted).
        const rows = parse(text) as string[][];
        out = rows
          .map(
            (r, i) => [...[...r].reverse(), i === 0 ? 'XNOTE' : 'note, "kept" and ignored'].map(field).join(',') + '\n',
          )
          .join('');
      }
      writeFileSync(path, `\ufeff${out.replace(/\n/g, '\r\n')}`);
    }
    await resealLock(lock);
    const d = tmp();
    const r = await runMain(['analyze', lock, '--out', join(d, 'o'), '--quiet'], d);
    expect(r.code, r.stderr).toBe(0);
    const variant = outputsOf(join(d, 'o'));
    expect([...variant.keys()]).toEqual([...pristine.keys()]);
    const differing = [...pristine].filter(([k, v]) => !variant.get(k)!.equals(v)).map(([k]) => k);
    expect(differing).toEqual([]);
    rmSync(lock, { recursive: true, force: true });
  });
});

describe('lock.md: bad input is exit 65, reported where it is', () => {
  it('line = physical line: a record spanning two lines shifts the lines after it', async () => {
    const lock = await copyLock(SAMPLE_LOCK);
    // AETERM (verbatim text) of the record on line 3 gets a line break inside its quotes.
    await editCell(lock, 'ae.csv', 3, 'AETERM', 'Upper respiratory\ntract infection');
    // The record that started on line 5 now starts on physical line 6; its AESER is not a term.
    await editCell(lock, 'ae.csv', 6, 'AESER', 'YES');
    await resealLock(lock);
    const r = await runMain(['analyze', lock, '--out', join(tmp(), 'o')], tmp());
    expect(r.code).toBe(65);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('ae.csv'))).toEqual([
      "ae.csv:6:AESER: 'YES' is not one of the controlled terms: Y, N",
    ]);
    rmSync(lock, { recursive: true, force: true });
  });

  it('lock.json: "blinded" not true, a listed file missing, a required file not listed → 65 naming lock.json or the file', async () => {
    const cases: [string, (dir: string) => Promise<void>, RegExp][] = [
      [
        'blinded false',
        async (dir) => {
          await resealLock(dir);
          const p = join(dir, 'lock.json');
          writeFileSync(p, readFileSync(p, 'utf8').replace('"blinded": true', '"blinded": false'));
        },
        /^lock\.json: .*"blinded" must be true/m,
      ],
      [
        'a listed file missing',
        async (dir) => {
          const p = join(dir, 'lock.json');
          const json = JSON.parse(readFileSync(p, 'utf8')) as { files: Record<string, string> };
          json.files['define.xml'] = '0'.repeat(64);
          writeFileSync(p, JSON.stringify(json));
        },
        /^lock\.json: .*define\.xml/m,
      ],
      [
        'dm.csv not listed',
        async (dir) => {
          const p = join(dir, 'lock.json');
          const json = JSON.parse(readFileSync(p, 'utf8')) as { files: Record<string, string> };
          delete json.files['dm.csv'];
          writeFileSync(p, JSON.stringify(json));
        },
        /^(lock\.json|dm\.csv): .*dm\.csv/m,
      ],
    ];
    for (const [name, make, says] of cases) {
      // The mini lock: lock.json's rules do not depend on the data (quicker to read than the sample).
      const lock = await copyLock(join(packageRoot(), MINI_LOCK));
      await make(lock);
      const d = tmp();
      const r = await runMain(['analyze', lock, '--out', join(d, 'o')], d);
      expect(r.code, name).toBe(65);
      expect(r.stderr, name).toMatch(says);
      rmSync(lock, { recursive: true, force: true });
    }
  });

  it('a run on a folder whose lock.json does not match refuses; --draft analyzes it and every table, listing and figure says DRAFT', async () => {
    // The mini lock (quicker to analyse than the sample; it has tables, listings and figures too).
    const lock = await copyLock(join(packageRoot(), MINI_LOCK));
    // One data file changed after the seal (not resealed): still valid data, but not the locked bytes.
    await editLine(lock, 'ae.csv', 2, (l) => {
      expect(l).toContain(',HEADACHE,');
      return l.replace(',HEADACHE,', ',HEADACHE (verbatim retyped),');
    });
    const d = tmp();
    const refused = await runMain(['analyze', lock, '--out', join(d, 'o')], d);
    expect(refused.code).toBe(65);
    expect(refused.stderr).toMatch(/^ae\.csv: .*differs from lock\.json/m);
    const draft = await runMain(['analyze', lock, '--draft', '--out', join(d, 'o')], d);
    expect(draft.code, draft.stderr).toBe(0);
    expect(draft.stderr).toMatch(/^ae\.csv: warning: /m);
    const tree = readTree(join(d, 'o'));
    expect(JSON.parse(tree.get('manifest.json')!.toString('utf8'))).toMatchObject({ draft: true });
    const shown = [...tree].filter(([k]) => /^(tables|listings)\/|\.svg$/.test(k));
    expect(shown.some(([k]) => k.startsWith('listings/')) && shown.some(([k]) => k.endsWith('.svg'))).toBe(true);
    for (const [k, v] of shown) expect(v.toString('utf8'), k).toMatch(/DRAFT/);
    rmSync(lock, { recursive: true, force: true });
  });
});
