/**
 * The submission files of the sample run, end to end: one .xpt and one .json per dataset CSV and a
 * define.xml; the JSON holds exactly the CSV's rows and validates against the Dataset-JSON v1.1 schema;
 * xport-js reads the CSV's values back from every XPT; define.xml validates against the Define-XML 2.1
 * schema (where xmllint is installed); a blinded run names no arm anywhere; the bytes are the same on
 * every run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse } from 'csv-parse/sync';
import { Ajv2019 } from 'ajv/dist/2019.js';
import xportJs from 'xport-js';
import { afterAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/run-pipeline.js';
import { sasDate } from '../../src/submission/columns.js';
import { sampleOutput } from '../helpers/sample-output.js';
import { runInputs, sampleRun } from '../helpers/sample-run.js';
import { MINI_LOCK, MINI_RANDOMIZATION } from '../lock/lock-fixture.js';
import { packageRoot } from '../../src/core/package-root.js';

const Library = ((xportJs as unknown as { default?: unknown }).default ?? xportJs) as unknown as typeof xportJs.default;
const root = packageRoot();
const FIXTURES = join(import.meta.dirname, '../fixtures/submission');
const schema = JSON.parse(readFileSync(join(FIXTURES, 'dataset-json-1.1/dataset.schema.json'), 'utf8')) as object;
const validate = new Ajv2019({ allErrors: true, strict: false }).compile(schema);
const tmp = mkdtempSync(join(tmpdir(), 'sle-msc-submission-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface RSummary {
  missing: number;
  chars?: number;
  first?: string | null;
  last?: string | null;
  sum?: string;
  sumsq?: string;
}

interface RRead {
  rows: number;
  foreign_rows: number;
  names: string[];
  foreign_names: string[];
  labels: string[];
  formats: string[];
  foreign_widths: number[];
  haven: Record<string, RSummary>;
  foreign: Record<string, RSummary>;
}

interface DatasetJson {
  columns: { name: string; label: string; dataType: string; length?: number; displayFormat?: string }[];
  rows: (string | number | null)[][];
}

/** A JSON cell as the CSV writes it. */
const asCsvCell = (v: string | number | null): string => (v === null ? '' : String(v));

describe('submission files of the sample run', async () => {
  const { result, lock, settings } = await sampleRun('unblinded');
  const files = result.files;
  const csvPaths = [...files.keys()].filter((p) => p.startsWith('adam/') && p.endsWith('.csv'));

  it('writes an .xpt and a .json beside every dataset CSV, and define.xml', () => {
    expect(csvPaths.length).toBeGreaterThan(10);
    for (const p of csvPaths) {
      expect(files.has(p.replace(/\.csv$/, '.xpt')), p).toBe(true);
      expect(files.has(p.replace(/\.csv$/, '.json')), p).toBe(true);
    }
    expect(files.has('adam/define.xml')).toBe(true);
  });

  it('Dataset-JSON: valid against the v1.1 schema, the CSV rows exactly, dated by the lock', () => {
    for (const p of csvPaths) {
      const doc = JSON.parse(files.get(p.replace(/\.csv$/, '.json')) as string) as DatasetJson & {
        datasetJSONCreationDateTime: string;
      };
      expect(validate(doc), `${p}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(doc.datasetJSONCreationDateTime).toBe(`${lock.manifest!.lockedAt}T00:00:00`);
      const csv = parse(files.get(p) as string, { columns: false }) as string[][];
      expect(
        doc.columns.map((c) => c.name),
        p,
      ).toEqual(csv[0]);
      expect(
        doc.rows.map((r) => r.map(asCsvCell)),
        p,
      ).toEqual(csv.slice(1));
    }
  });

  it('XPT: xport-js reads every CSV value back (numbers exactly, dates as SAS date numbers)', async () => {
    for (const p of csvPaths) {
      const path = join(tmp, p.replace('adam/', '').replace(/\.csv$/, '.xpt'));
      writeFileSync(path, files.get(p.replace(/\.csv$/, '.xpt')) as Uint8Array);
      const doc = JSON.parse(files.get(p.replace(/\.csv$/, '.json')) as string) as DatasetJson;
      const rows: (string | number | null)[][] = [];
      for await (const obs of new Library(path).read({ rowFormat: 'array', skipHeader: true }))
        rows.push(obs as (string | number | null)[]);
      const expected = doc.rows.map((r) =>
        r.map((v, c) =>
          v === null
            ? doc.columns[c]!.dataType === 'string'
              ? ''
              : null
            : doc.columns[c]!.dataType === 'date'
              ? sasDate(v as string)
              : v,
        ),
      );
      expect(rows, p).toEqual(expected);
    }
  });

  it('XPT: R (haven::read_xpt, foreign::read.xport) reads what the CSV holds (make-sample-xpt-read.R)', () => {
    const r = JSON.parse(readFileSync(join(FIXTURES, 'sample-xpt-read.json'), 'utf8')) as {
      datasets: Record<string, RRead>;
    };
    expect(Object.keys(r.datasets).sort()).toEqual(csvPaths.map((p) => p.slice(5, -4)).sort());
    for (const [name, read] of Object.entries(r.datasets)) {
      const doc = JSON.parse(files.get(`adam/${name}.json`) as string) as DatasetJson;
      const csv = parse(files.get(`adam/${name}.csv`) as string, { columns: false }) as string[][];
      const rows = csv.slice(1);
      expect([read.rows, read.foreign_rows], name).toEqual([rows.length, rows.length]);
      expect(read.names, name).toEqual(csv[0]);
      expect(read.foreign_names, name).toEqual(csv[0]);
      expect(read.labels, name).toEqual(doc.columns.map((c) => c.label));
      expect(read.formats, name).toEqual(doc.columns.map((c) => (c.displayFormat ?? '').replace(/\.$/, '')));
      expect(read.foreign_widths, name).toEqual(doc.columns.map((c) => c.length ?? 8));
      doc.columns.forEach((c, i) => {
        const values = rows.map((row) => row[i]!);
        const present = values.filter((v) => v !== '');
        const at = `${name}.${c.name}`;
        for (const [reader, got] of [
          ['haven', read.haven[c.name]!],
          ['foreign', read.foreign[c.name]!],
        ] as const) {
          expect(got.missing, `${reader} ${at}`).toBe(values.length - present.length);
          if (c.dataType === 'string') {
            expect(got.chars, `${reader} ${at}`).toBe(values.reduce((n, v) => n + v.length, 0));
            expect(got.first, `${reader} ${at}`).toBe(values[0] ?? null);
          } else if (c.dataType === 'date' && reader === 'haven') {
            expect([got.first, got.last], at).toEqual([present[0] ?? null, present.at(-1) ?? null]);
          } else {
            const xs = present.map((v) => (c.dataType === 'date' ? sasDate(v) : Number(v)));
            const close = (a: string, b: number): boolean =>
              Math.abs(Number(a) - b) <= 1e-12 * Math.max(1, Math.abs(b));
            expect(
              close(
                got.sum!,
                xs.reduce((s, x) => s + x, 0),
              ),
              `${reader} ${at} sum`,
            ).toBe(true);
            expect(
              close(
                got.sumsq!,
                xs.reduce((s, x) => s + x * x, 0),
              ),
              `${reader} ${at} sum of squares`,
            ).toBe(true);
          }
        }
      });
    }
  });

  it('define.xml: one ItemGroupDef leaf per dataset, pointing at its .xpt', () => {
    const xml = files.get('adam/define.xml') as string;
    for (const p of csvPaths)
      expect(xml).toContain(`def:leaf ID="LF.${p.slice(5, -4).toUpperCase()}" xlink:href="${p.slice(5, -4)}.xpt"`);
  });

  // Where xmllint is absent, test/submission/define-xml.test.ts says so once.
  it.skipIf(spawnSync('xmllint', ['--version']).status !== 0)('define.xml: valid Define-XML 2.1 (xmllint)', () => {
    const xml = files.get('adam/define.xml') as string;
    const path = join(tmp, 'define.xml');
    writeFileSync(path, xml);
    const schemaPath = join(FIXTURES, 'define-xml-2.1-schema/cdisc-define-2.1/define2-1-0.xsd');
    const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schemaPath, path], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  });

  it('gives the same bytes on a second run', async () => {
    // The second run: the built command on the same inputs in another process, once for the whole test
    // run (test/setup/sample-outputs.ts), as written to its output folder. Every file the pipeline makes
    // (ADaM, ARD, tables, listings, figures and the submission files), unblinded and blinded: the
    // in-process runs are also the ones whose settings reads are recorded (test/helpers/sample-run.ts).
    const submission = [...files.keys()].filter((p) => /\.(xpt|json|xml)$/.test(p));
    expect(submission.length).toBeGreaterThan(10);
    for (const [kind, mode] of [
      ['unblinded', 'randomization'],
      ['blinded', 'blinded'],
    ] as const) {
      const run = (await sampleRun(kind)).result.files;
      const again = sampleOutput(mode).dir;
      const written = readdirSync(again, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => relative(again, join(e.parentPath, e.name)))
        .filter((p) => !['index.html', 'log.txt', 'manifest.json'].includes(p));
      expect(written.sort(), mode).toEqual([...run.keys()].sort());
      expect(written.length, mode).toBeGreaterThan(100);
      for (const [p, content] of run)
        expect(readFileSync(join(again, p)).equals(Buffer.from(content)), `${mode}: ${p}`).toBe(true);
    }
  });

  it('a draft run writes no submission file (they are for a locked database)', async () => {
    // The mini lock (three subjects) with its randomization file: a quicker run than the sample's.
    const mini = await runInputs(join(root, MINI_LOCK), join(root, MINI_RANDOMIZATION));
    const run = (draft: boolean) => runPipeline({ ...mini, lock: { ...mini.lock, draft } }).files;
    // Not a draft, it writes them (so this test can fail).
    expect([...run(false).keys()].filter((p) => /\.(xpt|json|xml)$/.test(p)).length).toBeGreaterThan(10);
    const draft = run(true);
    expect([...draft.keys()].filter((p) => /\.(xpt|json|xml)$/.test(p))).toEqual([]);
    expect(draft.has('adam/adsl.csv')).toBe(true);
  });

  it('blinded: no arm code or name in any submission file', () => {
    // The built command's blinded run of the sample, once for the whole test run (test/setup/sample-outputs.ts).
    const dir = sampleOutput('blinded').dir;
    const blinded = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((p) => /\.(xpt|json|xml)$/.test(p))
      .map((p) => [p, readFileSync(join(dir, p))] as const);
    expect(blinded.filter(([p]) => p.endsWith('.xpt')).length).toBeGreaterThan(10);
    const armWords = settings.arms.flatMap((a) => [a.code, a.name]);
    const unblindedXpt = Buffer.from(files.get('adam/adsl.xpt')!).toString('latin1');
    expect(armWords.filter((w) => unblindedXpt.includes(w)).length).toBeGreaterThan(0); // the check can fail
    for (const [p, content] of blinded) {
      if (!/\.(xpt|json|xml)$/.test(p)) continue;
      const text = Buffer.from(content).toString('latin1');
      for (const w of armWords) expect(text.includes(w), `${p} names ${w}`).toBe(false);
    }
  });
});
