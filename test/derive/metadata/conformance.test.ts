/**
 * Every dataset the sample run writes conforms to its metadata (src/derive/metadata/), blinded and
 * unblinded: ADaM/SAS V5 names and labels, the variables in order, values of the declared type, unique
 * keys, codelist terms, PARAM = decode of PARAMCD, and no arm anywhere in a blinded run.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { CodeListMeta, DatasetMeta } from '../../../src/derive/dataset-metadata.js';
import { adamCodelists, adamDatasetMetadata, ARM_CODELISTS } from '../../../src/derive/metadata/index.js';
import { sampleRun } from '../../helpers/sample-run.js';

const NAME = /^[A-Z][A-Z0-9]{0,7}$/;
const ASCII = /^[\x20-\x7e]+$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isValidDate(s: string): boolean {
  return ISO_DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
}

/** The problems of one written dataset against its metadata (empty when it conforms). */
function checkDataset(csv: string, meta: DatasetMeta, codelists: ReadonlyMap<string, CodeListMeta>): string[] {
  const problems: string[] = [];
  const fail = (m: string) => problems.push(`${meta.name}: ${m}`);
  const names = meta.variables.map((v) => v.name);
  const [header, ...rows] = parse(csv, { relax_column_count: false }) as string[][];
  if (JSON.stringify(header) !== JSON.stringify(names))
    fail(`header ${header?.join(',')} is not the metadata's ${names.join(',')}`);
  if (new Set(names).size !== names.length) fail('duplicate variable names');
  for (const k of meta.keys) if (!names.includes(k)) fail(`key ${k} is not a variable`);
  const seen = new Set<string>();
  for (const [i, row] of rows.entries()) {
    const cell = (n: string) => row[names.indexOf(n)] ?? '';
    const key = JSON.stringify(meta.keys.map(cell));
    if (seen.has(key)) fail(`row ${i + 2}: key ${key} is not unique`);
    seen.add(key);
    for (const [j, v] of meta.variables.entries()) {
      const x = row[j] ?? '';
      if (x === '') continue;
      const at = `row ${i + 2} ${v.name} = ${JSON.stringify(x)}`;
      if (v.type === 'date' && !isValidDate(x)) fail(`${at} is not an ISO date`);
      if (v.type === 'integer' && !Number.isInteger(Number(x))) fail(`${at} is not an integer`);
      if (v.type === 'float' && !Number.isFinite(Number(x))) fail(`${at} is not a number`);
      if (!/^[\x20-\x7e]*$/.test(x)) fail(`${at} is not printable ASCII`);
      if (Buffer.byteLength(x) > (v.length ?? 200)) fail(`${at} is longer than ${v.length ?? 200} bytes`);
      if (v.codelist !== undefined) {
        const cl = codelists.get(v.codelist);
        const codes = cl?.items.map((t) => t.code) ?? [];
        if (!codes.includes(x)) fail(`${at} is not a term of ${v.codelist}`);
      }
    }
    const paramcd = meta.variables.find((v) => v.name === 'PARAMCD');
    if (paramcd?.codelist !== undefined && names.includes('PARAM')) {
      const decode = codelists.get(paramcd.codelist)?.items.find((t) => t.code === cell('PARAMCD'))?.decode;
      if (decode !== cell('PARAM'))
        fail(`row ${i + 2}: PARAM ${cell('PARAM')} is not the decode of PARAMCD ${cell('PARAMCD')}`);
    }
  }
  return problems;
}

/** The problems of the metadata itself (names, labels, origins, formats). */
function checkMeta(meta: DatasetMeta, codelists: ReadonlyMap<string, CodeListMeta>): string[] {
  const problems: string[] = [];
  const fail = (m: string) => problems.push(`${meta.name}: ${m}`);
  if (!NAME.test(meta.name)) fail('dataset name is not upper case of at most 8 characters');
  if (!ASCII.test(meta.label) || meta.label.length > 40)
    fail(`dataset label ${meta.label} is not ASCII of at most 40 characters`);
  if (meta.keys.length === 0) fail('no keys');
  for (const v of meta.variables) {
    if (!NAME.test(v.name)) fail(`variable name ${v.name} is not upper case of at most 8 characters`);
    if (!ASCII.test(v.label) || v.label.length > 40)
      fail(`${v.name}: label ${v.label} is not ASCII of at most 40 characters`);
    if (v.origin === 'Derived' && !(v.derivation ?? '').trim()) fail(`${v.name}: Derived without derivation text`);
    if (v.origin === 'Predecessor' && !(v.source ?? '').includes('.'))
      fail(`${v.name}: Predecessor without a DOMAIN.VARIABLE source`);
    if (v.type === 'date' && v.displayFormat !== 'DATE9.' && v.displayFormat !== 'E8601DA.')
      fail(`${v.name}: date without a date format`);
    if (v.codelist !== undefined && !codelists.has(v.codelist))
      fail(`${v.name}: codelist ${v.codelist} is not defined`);
  }
  return problems;
}

for (const kind of ['unblinded', 'blinded'] as const) {
  describe(`the ${kind} sample run's analysis datasets against their metadata`, async () => {
    const { settings, result } = await sampleRun(kind);
    const blinded = kind === 'blinded';
    const metas = adamDatasetMetadata(settings, blinded);
    const codelists = adamCodelists(settings, blinded);
    const byId = new Map(codelists.map((c) => [c.id, c]));
    const written = [...result.files.keys()].filter((k) => k.startsWith('adam/') && k.endsWith('.csv')).sort();

    it('writes exactly one adam/<name>.csv per dataset of the metadata', () => {
      expect(written).toEqual(metas.map((m) => `adam/${m.name.toLowerCase()}.csv`).sort());
      expect(metas.length).toBe(blinded ? 19 : 20);
    });

    it('has conformant metadata: names, labels, origins, date formats, defined codelists', () => {
      expect(metas.flatMap((m) => checkMeta(m, byId))).toEqual([]);
      for (const c of codelists)
        expect(c.items.length > 0 && new Set(c.items.map((t) => t.code)).size === c.items.length, c.id).toBe(true);
    });

    it('writes every dataset as its metadata says: variables, types, lengths, codelists, unique keys', () => {
      const problems = metas.flatMap((m) =>
        checkDataset(result.files.get(`adam/${m.name.toLowerCase()}.csv`) as string, m, byId),
      );
      expect(problems.slice(0, 20)).toEqual([]);
    });

    it('has STUDYID and USUBJID in every dataset, and treatment and population flags in every one but ADSL', () => {
      for (const m of metas) {
        const names = m.variables.map((v) => v.name);
        expect(names.slice(0, 2), m.name).toEqual(['STUDYID', 'USUBJID']);
        const expected =
          m.name === 'ADSL'
            ? ['TRT01P', 'TRT01PN', 'TRT01A', 'TRT01AN', 'FASFL', 'SAFFL', 'ENRLFL', 'RANDFL']
            : ['TRTP', 'TRTPN', 'TRTA', 'TRTAN', 'FASFL', 'SAFFL'];
        for (const n of expected) expect(names, `${m.name} ${n}`).toContain(n);
        if (m.class === 'BASIC DATA STRUCTURE')
          for (const n of ['PARAMCD', 'PARAM']) expect(names, `${m.name} ${n}`).toContain(n);
      }
    });

    if (blinded) {
      it('names no arm: no arm codelist, no arm code or name in any dataset, TRTP/TRTA empty', () => {
        expect(codelists.filter((c) => ARM_CODELISTS.has(c.id))).toEqual([]);
        expect(
          metas.flatMap((m) => m.variables).filter((v) => v.codelist !== undefined && ARM_CODELISTS.has(v.codelist)),
        ).toEqual([]);
        for (const path of written) {
          const text = result.files.get(path) as string;
          for (const arm of settings.arms) {
            expect(text.includes(arm.code), `${path} ${arm.code}`).toBe(false);
            expect(text.includes(arm.name), `${path} ${arm.name}`).toBe(false);
          }
        }
        const adae = parse(result.files.get('adam/adae.csv') as string, { columns: true }) as Record<string, string>[];
        expect(adae.every((r) => r.TRTP === '' && r.TRTA === '' && r.TRTPN === '' && r.TRTAN === '')).toBe(true);
      });
    } else {
      it('carries the arms of ADSL: TRTP is TRT01P, TRTA is TRT01A of the subject', () => {
        const adsl = new Map(
          (parse(result.files.get('adam/adsl.csv') as string, { columns: true }) as Record<string, string>[]).map(
            (r) => [r.USUBJID, r],
          ),
        );
        for (const path of written.filter((p) => p !== 'adam/adsl.csv')) {
          const rows = parse(result.files.get(path) as string, { columns: true }) as Record<string, string>[];
          for (const r of rows) {
            const s = adsl.get(r.USUBJID!)!;
            expect([r.TRTP, r.TRTPN, r.TRTA, r.TRTAN], path).toEqual([s.TRT01P, s.TRT01PN, s.TRT01A, s.TRT01AN]);
          }
        }
        expect([...adsl.values()].filter((s) => s.TRT01P !== '').length).toBe(adsl.size);
      });
    }
  });
}
