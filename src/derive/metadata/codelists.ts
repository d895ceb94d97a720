/**
 * The codelists the dataset metadata refer to (`VariableMeta.codelist`), built from the SAP settings
 * where the SAP defines the terms (arms, visits, scores, biomarker flags) and from the data transfer
 * specification otherwise. In a blinded run the arm codelists are left out, and `forRun` drops the
 * references to them, so that no arm code or name appears in any output.
 */
import type { SapSettings } from '../../sap/index.js';
import type { CodeListItem, CodeListMeta, DatasetMeta } from '../dataset-metadata.js';
import { TTFLARE } from '../flares-tte.js';
import { TTCSDISC } from '../steroid-sparing.js';
import { adamParamcd } from './paramcd.js';

/** The codelists that name or number the arms. */
export const ARM_CODELISTS: ReadonlySet<string> = new Set(['CL.ARMCD', 'CL.TRT', 'CL.TRTN']);

/** The metadata as a run writes it: without references to the arm codelists when blinded. */
export function metaForRun(meta: DatasetMeta, blinded: boolean): DatasetMeta {
  if (!blinded) return meta;
  return {
    ...meta,
    variables: meta.variables.map((v) => {
      if (v.codelist === undefined || !ARM_CODELISTS.has(v.codelist)) return v;
      const { codelist: _hidden, ...rest } = v;
      return rest;
    }),
  };
}

/** The planned/actual treatment number of an arm code: its position in the SAP's display order, from 1. */
export function armNumber(code: string, settings: SapSettings): number | null {
  const i = settings.armDisplayOrder.indexOf(code as (typeof settings.armDisplayOrder)[number]);
  return i < 0 ? null : i + 1;
}

/** The analysis visit number (AVISITN) of each scheduled visit id: its protocol week. */
export function visitWeeks(settings: SapSettings): ReadonlyMap<string, number> {
  return new Map(settings.visits.map((v) => [v.id, v.day / settings.analysis.daysPerWeek]));
}

function text(id: string, name: string, items: readonly CodeListItem[]): CodeListMeta {
  return { id, name, dataType: 'text', items };
}

/** Every codelist of a run. */
export function adamCodelists(settings: SapSettings, blinded: boolean): CodeListMeta[] {
  const arms = settings.armDisplayOrder.map((code) => ({
    code,
    name: settings.arms.find((a) => a.code === code)?.name ?? code,
  }));
  const armLists: CodeListMeta[] = blinded
    ? []
    : [
        text(
          'CL.ARMCD',
          'Arm Code',
          arms.map((a) => ({ code: a.code, decode: a.name })),
        ),
        text(
          'CL.TRT',
          'Treatment',
          arms.map((a) => ({ code: a.name })),
        ),
        {
          id: 'CL.TRTN',
          name: 'Treatment (N)',
          dataType: 'integer',
          items: arms.map((a) => ({ code: String(armNumber(a.code, settings)), decode: a.name })),
        },
      ];
  return [
    text('CL.NY', 'No Yes Response', [
      { code: 'N', decode: 'No' },
      { code: 'Y', decode: 'Yes' },
    ]),
    ...armLists,
    text(
      'CL.AVISIT',
      'Analysis Visit',
      settings.visits.map((v) => ({ code: v.id })),
    ),
    {
      id: 'CL.AVISITN',
      name: 'Analysis Visit (N)',
      dataType: 'integer',
      items: [...visitWeeks(settings)].map(([id, week]) => ({ code: String(week), decode: id })),
    },
    text('CL.PARAMCD.ADSLED', 'SLEDAI-2K Parameter Code', [{ code: 'SLEDAI', decode: 'SLEDAI-2K Total Score' }]),
    text('CL.PARAMCD.ADPGA', 'PGA Parameter Code', [{ code: 'PGA', decode: 'Physician Global Assessment (0-3)' }]),
    text('CL.PARAMCD.ADSDI', 'SDI Parameter Code', [{ code: 'SDI', decode: 'SLICC/ACR Damage Index Total Score' }]),
    text('CL.PARAMCD.BLGDOM', 'BILAG-2004 Domain', bilagDomainNames(settings)),
    text('CL.PARAMCD.ADBILAG', 'BILAG-2004 Parameter Code', [
      ...bilagDomains(settings),
      { code: 'NEWAB', decode: 'BILAG-2004 New A and New B Counts' },
    ]),
    text('CL.PARAMCD.ADLB', 'Laboratory Parameter Code', LAB_PARAMETERS),
    text(
      'CL.PARAMCD.ADBIOM',
      'Biomarker Parameter Code',
      settings.biomarkers.map((b) => ({
        code: adamParamcd(b.flag),
        decode: `${b.testcd} ${b.compare} ${b.limit.kind === 'fixed' ? String(b.limit.value) : b.limit.kind === 'rangeLow' ? 'LLN' : 'ULN'} status`,
      })),
    ),
    text('CL.PARAMCD.ADPRO', 'PRO Parameter Code', proScores(settings)),
    text(
      'CL.PARAMCD.ADTTE',
      'Time-to-Event Parameter Code',
      [TTFLARE, TTCSDISC].map((p) => ({ code: p.PARAMCD, decode: p.PARAM })),
    ),
    text('CL.PARAMCD.ADSRI4', 'SRI-4 Parameter Code', SRI4_PARAMETERS),
    text('CL.PARAMCD.ADCSDOSE', 'Corticosteroid Dose Parameter Code', [
      { code: 'PEDOSE', decode: 'Prednisone-Equivalent Dose (mg/day)' },
    ]),
    text('CL.PARAMCD.ADEX', 'Exposure Parameter Code', [{ code: 'INFVOL', decode: 'Infused Volume (mL)' }]),
  ];
}

function bilagDomains(settings: SapSettings): CodeListItem[] {
  return settings.bilag.domains.map((d) => ({ code: d.code, decode: `BILAG-2004 ${d.name} Grade` }));
}

function bilagDomainNames(settings: SapSettings): CodeListItem[] {
  return settings.bilag.domains.map((d) => ({ code: d.code, decode: d.name }));
}

function proScores(settings: SapSettings): CodeListItem[] {
  const p = settings.pro;
  return [
    ...p.sf36.scores,
    ...p.lupuspro.scores,
    ...p.promis.map((f) => ({ code: f.code, name: f.name })),
    { code: p.lit.code, name: 'Lupus Impact Tracker' },
  ].map((s) => ({ code: adamParamcd(s.code), decode: s.name }));
}

/** The LB tests of the data transfer specification (dts/domains.md), with their standard units. */
const LAB_PARAMETERS: readonly CodeListItem[] = [
  { code: 'C3', decode: 'Complement C3 (g/L)' },
  { code: 'C4', decode: 'Complement C4 (g/L)' },
  { code: 'DSDNA', decode: 'Anti-dsDNA Antibody (IU/mL)' },
  { code: 'PROTCRT', decode: 'Protein/Creatinine (mg/mg)' },
  { code: 'WBC', decode: 'Leukocytes (10^9/L)' },
  { code: 'LYM', decode: 'Lymphocytes (10^9/L)' },
  { code: 'NEUT', decode: 'Neutrophils (10^9/L)' },
  { code: 'PLAT', decode: 'Platelets (10^9/L)' },
  { code: 'HGB', decode: 'Hemoglobin (g/L)' },
];

/** ADSRI4: the response, its four components and withdrawal (AVALC), and the values judged (AVAL). */
export const SRI4_PARAMETERS: readonly CodeListItem[] = [
  { code: 'SRI4', decode: 'SRI-4 Response at Week 24' },
  { code: 'SRI4SLED', decode: 'SRI-4 SLEDAI-2K Component Met' },
  { code: 'SRI4BLG', decode: 'SRI-4 BILAG-2004 Component Met' },
  { code: 'SRI4PGA', decode: 'SRI-4 PGA Component Met' },
  { code: 'SRI4CS', decode: 'SRI-4 Corticosteroid Component Met' },
  { code: 'WDBFW24', decode: 'Withdrawn Before Week 24' },
  { code: 'SLEDW24', decode: 'SLEDAI-2K Total at Week 24' },
  { code: 'BLGNEWA', decode: 'BILAG-2004 New A Count at Week 24' },
  { code: 'BLGNEWB', decode: 'BILAG-2004 New B Count at Week 24' },
  { code: 'PGAW24H', decode: 'PGA at Week 24 (hundredths)' },
  { code: 'CSMAXDOS', decode: 'Max Pred-Eq Dose in SRI-4 Window (mg/d)' },
];
