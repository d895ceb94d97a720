/**
 * Define-XML 2.1 (ODM 1.3.2 with the def: 2.1 extension) describing the submitted ADaM datasets: one
 * ItemGroupDef per dataset (ItemRefs with KeySequence and MethodOID, def:Class, def:leaf to the .xpt),
 * one ItemDef per variable (DataType, Length, def:DisplayFormat, label, CodeListRef, def:Origin), the
 * CodeLists the variables use, a MethodDef per derivation, and def:Standards naming ADaMIG 1.3. Lengths
 * are the ones the XPT and Dataset-JSON writers use (./columns.ts), so the three files agree. Dates are
 * SAS date numbers in the XPT, hence DataType integer with their display format (ADaM practice). The
 * creation datetime is the lock date, never the clock.
 */
import type { CodeListMeta, DatasetMeta, VariableMeta, VariableType } from '../derive/dataset-metadata.js';
import { columnSpecs, lockDateTime, SubmissionError, type ColumnSpec, type SubmissionDataset } from './columns.js';
import { itemGroupOid, itemOid } from './dataset-json.js';

export interface DefineContext {
  readonly lockedAt: string;
  readonly studyOID: string;
  readonly studyName: string;
  readonly studyDescription: string;
  readonly protocolName: string;
  readonly metaDataVersionOID: string;
  readonly originator: string;
  readonly sourceSystem: { readonly name: string; readonly version: string };
  /** Every codelist a variable may refer to (`VariableMeta.codelist`); only the referenced are written. */
  readonly codelists: readonly CodeListMeta[];
}

const STANDARD_OID = 'STD.ADAMIG.1.3';

/** ODM DataType of each metadata type; dates are SAS date numbers in the XPT. */
const ODM_TYPE: Readonly<Record<VariableType, string>> = {
  text: 'text',
  integer: 'integer',
  float: 'float',
  date: 'integer',
};

/** `adsl.xpt`: where the dataset is, relative to define.xml. */
export function xptFileName(meta: DatasetMeta): string {
  return `${meta.name.toLowerCase()}.xpt`;
}

/** `MT.ADSL.AGEGR1`: the MethodDef of a derived variable. */
export function methodOid(meta: DatasetMeta, v: VariableMeta): string {
  return `MT.${meta.name}.${v.name}`;
}

/** The text of a derived variable's MethodDef, if it has one (its derivation, else its source). */
function methodText(v: VariableMeta): string | undefined {
  return v.origin === 'Derived' ? (v.derivation ?? v.source) : undefined;
}

/** A dataset as Define-XML needs it: its metadata and the column specs of its rows (not the rows). */
export interface Described {
  readonly meta: DatasetMeta;
  readonly specs: readonly ColumnSpec[];
}

/** The define.xml text. Throws SubmissionError on bad metadata or rows, or on a codelist nobody defines. */
export function writeDefineXml(datasets: readonly SubmissionDataset[], ctx: DefineContext): string {
  return defineXmlOf(
    datasets.map((d) => describe(d)),
    ctx,
  );
}

/** The column specs of a dataset (checking its rows), so that the rows need not be kept for Define-XML. */
export function describe(d: SubmissionDataset): Described {
  return { meta: d.meta, specs: columnSpecs(xptFileName(d.meta), d.meta, d.table ?? d.rows) };
}

/** define.xml from datasets already described (see `describe`). */
export function defineXmlOf(described: readonly Described[], ctx: DefineContext): string {
  const codelists = referencedCodelists(described, ctx.codelists);
  const created = lockDateTime(ctx.lockedAt);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<ODM xmlns="http://www.cdisc.org/ns/odm/v1.3" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:def="http://www.cdisc.org/ns/def/v2.1"${attrs(
      {
        ODMVersion: '1.3.2',
        FileType: 'Snapshot',
        FileOID: `${ctx.studyOID}.DEFINE`,
        CreationDateTime: created,
        Originator: ctx.originator,
        SourceSystem: ctx.sourceSystem.name,
        SourceSystemVersion: ctx.sourceSystem.version,
        'def:Context': 'Submission',
      },
    )}>`,
    `  <Study${attrs({ OID: ctx.studyOID })}>`,
    '    <GlobalVariables>',
    `      <StudyName>${esc(ctx.studyName)}</StudyName>`,
    `      <StudyDescription>${esc(ctx.studyDescription)}</StudyDescription>`,
    `      <ProtocolName>${esc(ctx.protocolName)}</ProtocolName>`,
    '    </GlobalVariables>',
    `    <MetaDataVersion${attrs({ OID: ctx.metaDataVersionOID, Name: `${ctx.studyName} ADaM`, Description: `${ctx.studyName} analysis datasets`, 'def:DefineVersion': '2.1.0' })}>`,
    '      <def:Standards>',
    `        <def:Standard${attrs({ OID: STANDARD_OID, Name: 'ADaMIG', Type: 'IG', Version: '1.3', Status: 'Final' })}/>`,
    '      </def:Standards>',
  ];
  for (const d of described) out.push(...itemGroupDef(d));
  for (const d of described) for (const s of d.specs) out.push(...itemDef(d.meta, s));
  for (const cl of codelists) out.push(...codeList(cl));
  for (const d of described) for (const s of d.specs) out.push(...methodDef(d.meta, s.meta));
  out.push('    </MetaDataVersion>', '  </Study>', '</ODM>', '');
  return out.join('\n');
}

/** The codelists the variables refer to, in the context's order; an unknown reference is an error. */
export function referencedCodelists(described: readonly Described[], all: readonly CodeListMeta[]): CodeListMeta[] {
  const used = new Set<string>();
  const problems: string[] = [];
  const known = new Set(all.map((c) => c.id));
  for (const d of described)
    for (const s of d.specs) {
      const id = s.meta.codelist;
      if (id === undefined) continue;
      if (!known.has(id))
        problems.push(`define.xml: ${d.meta.name}.${s.meta.name} refers to codelist ${id}, which is not defined`);
      used.add(id);
    }
  const names = described.map((d) => d.meta.name);
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  for (const n of new Set(twice)) problems.push(`define.xml: dataset ${n} given twice`);
  if (problems.length > 0) throw new SubmissionError(problems);
  return all.filter((c) => used.has(c.id));
}

function itemGroupDef({ meta, specs }: Described): string[] {
  const leafId = `LF.${meta.name}`;
  const file = xptFileName(meta);
  return [
    `      <ItemGroupDef${attrs({
      OID: itemGroupOid(meta),
      Name: meta.name,
      SASDatasetName: meta.name,
      Repeating: meta.class === 'SUBJECT LEVEL ANALYSIS DATASET' ? 'No' : 'Yes',
      IsReferenceData: 'No',
      Purpose: 'Analysis',
      'def:Structure': meta.structure,
      'def:ArchiveLocationID': leafId,
      'def:StandardOID': STANDARD_OID,
    })}>`,
    ...description('        ', meta.label),
    ...specs.map(
      (s) =>
        `        <ItemRef${attrs({
          ItemOID: itemOid(meta, s.meta.name),
          OrderNumber: String(s.order),
          Mandatory: s.keySequence !== undefined ? 'Yes' : 'No',
          KeySequence: s.keySequence === undefined ? undefined : String(s.keySequence),
          MethodOID: methodText(s.meta) === undefined ? undefined : methodOid(meta, s.meta),
        })}/>`,
    ),
    `        <def:Class${attrs({ Name: meta.class })}/>`,
    `        <def:leaf${attrs({ ID: leafId, 'xlink:href': file })}>`,
    `          <def:title>${esc(file)}</def:title>`,
    '        </def:leaf>',
    '      </ItemGroupDef>',
  ];
}

function itemDef(meta: DatasetMeta, s: ColumnSpec): string[] {
  const v = s.meta;
  const open = `      <ItemDef${attrs({
    OID: itemOid(meta, v.name),
    Name: v.name,
    DataType: ODM_TYPE[v.type],
    Length: String(s.length),
    SASFieldName: v.name,
    'def:DisplayFormat': v.displayFormat,
  })}>`;
  return [
    open,
    ...description('        ', v.label),
    ...(v.codelist === undefined ? [] : [`        <CodeListRef${attrs({ CodeListOID: v.codelist })}/>`]),
    ...origin(v),
    '      </ItemDef>',
  ];
}

/** def:Origin; a Predecessor names its source variable in the origin's Description. */
function origin(v: VariableMeta): string[] {
  if (v.origin === 'Predecessor' && v.source !== undefined)
    return [
      `        <def:Origin${attrs({ Type: v.origin })}>`,
      ...description('          ', v.source),
      '        </def:Origin>',
    ];
  return [`        <def:Origin${attrs({ Type: v.origin })}/>`];
}

/** EnumeratedItems, or CodeListItems with decodes when any item has a decode (ODM allows one kind). */
function codeList(cl: CodeListMeta): string[] {
  const decoded = cl.items.some((i) => i.decode !== undefined);
  const items = cl.items.flatMap((item, i) => {
    const a = attrs({ CodedValue: item.code, OrderNumber: String(i + 1) });
    if (!decoded) return [`        <EnumeratedItem${a}/>`];
    return [
      `        <CodeListItem${a}>`,
      '          <Decode>',
      `            <TranslatedText xml:lang="en">${esc(item.decode ?? item.code)}</TranslatedText>`,
      '          </Decode>',
      '        </CodeListItem>',
    ];
  });
  return [
    `      <CodeList${attrs({ OID: cl.id, Name: cl.name, DataType: cl.dataType })}>`,
    ...items,
    '      </CodeList>',
  ];
}

function methodDef(meta: DatasetMeta, v: VariableMeta): string[] {
  const text = methodText(v);
  if (text === undefined) return [];
  return [
    `      <MethodDef${attrs({ OID: methodOid(meta, v), Name: `Algorithm to derive ${meta.name}.${v.name}`, Type: 'Computation' })}>`,
    ...description('        ', text),
    '      </MethodDef>',
  ];
}

function description(indent: string, text: string): string[] {
  return [
    `${indent}<Description>`,
    `${indent}  <TranslatedText xml:lang="en">${esc(text)}</TranslatedText>`,
    `${indent}</Description>`,
  ];
}

/** ` name="value"` for each defined attribute, in the order given. */
function attrs(values: Readonly<Record<string, string | undefined>>): string {
  let s = '';
  for (const [k, v] of Object.entries(values)) if (v !== undefined) s += ` ${k}="${esc(v)}"`;
  return s;
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** XML text or attribute value; control characters other than tab/newline cannot appear in XML 1.0. */
function esc(text: string): string {
  if (/[\x00-\x08\x0b\x0c\x0e-\x1f]/.test(text))
    throw new SubmissionError([`define.xml: control character in ${JSON.stringify(text)}`]);
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}
