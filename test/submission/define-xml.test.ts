import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { SubmissionError } from '../../src/submission/columns.js';
import { writeDefineXml, type DefineContext } from '../../src/submission/define-xml.js';
import { SAMPLE_CODELISTS, SAMPLE_META, SAMPLE_ROWS, SAMPLE_SUBJECTS } from './samples.js';

const CTX: DefineContext = {
  lockedAt: '2027-01-15',
  studyOID: 'SLEMSC01',
  studyName: 'SLEMSC01',
  studyDescription: 'A trial',
  protocolName: 'SLEMSC01',
  metaDataVersionOID: 'MDV.SLEMSC01.ADAMIG.1.3',
  originator: 'Sponsor',
  sourceSystem: { name: 'sle-msc', version: '0.1.0' },
  codelists: [...SAMPLE_CODELISTS, { id: 'CL.UNUSED', name: 'Unused', dataType: 'text', items: [{ code: 'Z' }] }],
};

const DATASETS = [
  {
    meta: SAMPLE_SUBJECTS,
    rows: [
      { USUBJID: 'S-001', SAFFL: 'Y' },
      { USUBJID: 'S-0002', SAFFL: 'N' },
    ],
  },
  { meta: SAMPLE_META, rows: SAMPLE_ROWS },
];

const xml = writeDefineXml(DATASETS, CTX);
const SCHEMA = join(
  import.meta.dirname,
  '../fixtures/submission/define-xml-2.1-schema/cdisc-define-2.1/define2-1-0.xsd',
);
const tmp = mkdtempSync(join(tmpdir(), 'sle-msc-define-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;

/** xmllint's verdict on a document against the Define-XML 2.1 schema. */
function schemaCheck(text: string): { ok: boolean; messages: string } {
  const path = join(tmp, `define-${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(path, text);
  const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', SCHEMA, path], { encoding: 'utf8' });
  return { ok: r.status === 0, messages: r.stderr };
}

if (!hasXmllint) {
  console.warn(
    'define-xml.test.ts: schema check skipped — xmllint is not installed (Debian: apt-get install libxml2-utils); the structural checks still run',
  );
}

describe.skipIf(!hasXmllint)('writeDefineXml: Define-XML 2.1 schema (xmllint)', () => {
  it('validates against define2-1-0.xsd', () => {
    const r = schemaCheck(xml);
    expect(r.messages).toContain('validates');
    expect(r.ok, r.messages).toBe(true);
  });
  it('the schema check can fail: without def:Context, or with an ItemRef after def:Class', () => {
    expect(schemaCheck(xml.replace(' def:Context="Submission"', '')).ok).toBe(false);
    expect(
      schemaCheck(
        xml.replace(
          '<def:Class Name="SUBJECT LEVEL ANALYSIS DATASET"/>',
          '<def:Class Name="SUBJECT LEVEL ANALYSIS DATASET"/><ItemRef ItemOID="IT.ADSB.USUBJID" Mandatory="No"/>',
        ),
      ).ok,
    ).toBe(false);
  });
});

type Node = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (_name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute,
});
const arr = (n: unknown, key: string): Node[] => ((n as Node)[key] as Node[] | undefined) ?? [];

describe('writeDefineXml: structure', () => {
  const doc = parser.parse(xml) as Node;
  const odm = arr(doc, 'ODM')[0]!;
  const mdv = arr(arr(odm, 'Study')[0], 'MetaDataVersion')[0]!;
  const groups = arr(mdv, 'ItemGroupDef');
  const items = arr(mdv, 'ItemDef');
  const codelists = arr(mdv, 'CodeList');
  const methods = arr(mdv, 'MethodDef');

  it('is well-formed XML with the ODM 1.3.2 and def 2.1 namespaces, dated by the lock', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(odm['@xmlns']).toBe('http://www.cdisc.org/ns/odm/v1.3');
    expect(odm['@xmlns:def']).toBe('http://www.cdisc.org/ns/def/v2.1');
    expect(odm['@ODMVersion']).toBe('1.3.2');
    expect(odm['@CreationDateTime']).toBe('2027-01-15T00:00:00');
    expect(mdv['@def:DefineVersion']).toBe('2.1.0');
    expect(arr(arr(mdv, 'def:Standards')[0], 'def:Standard')[0]).toMatchObject({
      '@Name': 'ADaMIG',
      '@Version': '1.3',
    });
  });

  it('has unique OIDs, an ItemDef for every ItemRef, a CodeList for every CodeListRef, a MethodDef for every MethodOID', () => {
    const oids = [...groups, ...items, ...codelists, ...methods].map((n) => n['@OID'] as string);
    expect(new Set(oids).size).toBe(oids.length);
    const itemOids = new Set(items.map((i) => i['@OID']));
    const refs = groups.flatMap((g) => arr(g, 'ItemRef'));
    expect(refs).toHaveLength(SAMPLE_SUBJECTS.variables.length + SAMPLE_META.variables.length);
    for (const r of refs) expect(itemOids.has(r['@ItemOID'])).toBe(true);
    expect(items).toHaveLength(refs.length);
    const clOids = new Set(codelists.map((c) => c['@OID']));
    for (const i of items) for (const ref of arr(i, 'CodeListRef')) expect(clOids.has(ref['@CodeListOID'])).toBe(true);
    const methodOids = new Set(methods.map((m) => m['@OID']));
    for (const r of refs) if (r['@MethodOID'] !== undefined) expect(methodOids.has(r['@MethodOID'])).toBe(true);
  });

  it('writes only the codelists in use, decoded as CodeListItem, undecoded as EnumeratedItem', () => {
    expect(codelists.map((c) => c['@OID'])).toEqual(['CL.NY', 'CL.PARAMCD', 'CL.AVISITN']);
    expect(arr(codelists[0], 'CodeListItem').map((i) => i['@CodedValue'])).toEqual(['N', 'Y']);
    expect(xml).toContain('<TranslatedText xml:lang="en">Yes</TranslatedText>');
    expect(arr(codelists[1], 'EnumeratedItem').map((i) => i['@CodedValue'])).toEqual(['X', 'Y']);
  });

  it('states keys, lengths from the data, date formats, origins and derivations', () => {
    const adxt = groups.find((g) => g['@Name'] === 'ADXT')!;
    expect(adxt['@def:Structure']).toBe(SAMPLE_META.structure);
    expect(adxt['@Repeating']).toBe('Yes');
    expect(groups[0]!['@Repeating']).toBe('No');
    expect(
      arr(adxt, 'ItemRef')
        .filter((r) => r['@KeySequence'] !== undefined)
        .map((r) => [r['@ItemOID'], r['@KeySequence']]),
    ).toEqual([
      ['IT.ADXT.USUBJID', '1'],
      ['IT.ADXT.PARAMCD', '2'],
      ['IT.ADXT.SEQ', '3'],
    ]);
    expect(arr(arr(adxt, 'def:leaf')[0], 'def:title')[0]).toBe('adxt.xpt');
    expect(arr(adxt, 'def:leaf')[0]!['@xlink:href']).toBe('adxt.xpt');
    const item = (oid: string): Node => items.find((i) => i['@OID'] === oid)!;
    expect(item('IT.ADSB.USUBJID')['@Length']).toBe('6');
    expect(item('IT.ADXT.COMMENT')['@Length']).toBe('200');
    expect(item('IT.ADXT.ADT')).toMatchObject({
      '@DataType': 'integer',
      '@Length': '8',
      '@def:DisplayFormat': 'DATE9.',
    });
    expect(item('IT.ADXT.AVAL')).toMatchObject({ '@DataType': 'float', '@def:DisplayFormat': '8.3' });
    expect(arr(item('IT.ADSB.USUBJID'), 'def:Origin')[0]!['@Type']).toBe('Predecessor');
    expect(xml).toContain('<TranslatedText xml:lang="en">DM.USUBJID</TranslatedText>');
    expect(xml).toContain(
      '<TranslatedText xml:lang="en">Comment, with &quot;quotes&quot; &amp; &lt;markup&gt;</TranslatedText>',
    );
    const saffl = arr(groups[0], 'ItemRef')[1]!;
    expect(saffl['@MethodOID']).toBe('MT.ADSB.SAFFL');
    expect(xml).toContain('<TranslatedText xml:lang="en">Y when infused</TranslatedText>');
  });

  it('gives the same text on every call', () => {
    expect(writeDefineXml(DATASETS, CTX)).toBe(xml);
  });

  it('refuses a codelist reference nobody defines, and a dataset given twice', () => {
    expect(() => writeDefineXml(DATASETS, { ...CTX, codelists: [] })).toThrowError(SubmissionError);
    expect(() => writeDefineXml(DATASETS, { ...CTX, codelists: [] })).toThrowError(
      /ADSB\.SAFFL refers to codelist CL\.NY, which is not defined/,
    );
    expect(() => writeDefineXml([DATASETS[0]!, DATASETS[0]!], CTX)).toThrowError(/dataset ADSB given twice/);
  });
});
