/**
 * The eight domains of a lock (../shared/dts/domains.md) as declarative schemas: column, type,
 * requirement, controlled terms, range. Rules across columns or rows are in `row-rules.ts` and the
 * cross-file rule modules.
 */
import type { AeRow, CmRow, DmRow, DsRow, ExRow, LbRow, QsRow, SvRow } from './types.js';
import { QSCATS } from './instruments.js';
import type { ColumnSpec, ColumnsOf, TableSchema } from './schema.js';

export const STUDY = 'SLEMSC01';
export const SITES: readonly string[] = Array.from({ length: 9 }, (_, i) => String(101 + i));
export const NOT_DONE = 'NOT DONE';
export const BLINDED = 'BLINDED';

const Y = (type: ColumnSpec['type'], more: Omit<ColumnSpec, 'type' | 'req'> = {}): ColumnSpec => ({
  type,
  req: 'Y',
  ...more,
});
const C = (type: ColumnSpec['type'], more: Omit<ColumnSpec, 'type' | 'req'> = {}): ColumnSpec => ({
  type,
  req: 'C',
  ...more,
});
const O = (type: ColumnSpec['type'], more: Omit<ColumnSpec, 'type' | 'req'> = {}): ColumnSpec => ({
  type,
  req: 'O',
  ...more,
});
const terms = (...t: string[]): { terms: readonly string[] } => ({ terms: t });

/** A domain's schema: its own columns plus STUDYID and DOMAIN, which every domain carries. */
function domainSchema<R>(
  file: string,
  code: string,
  columns: { readonly [K in Exclude<ColumnsOf<R>, 'STUDYID'>]: ColumnSpec },
): TableSchema<R> {
  return {
    file,
    columns: {
      STUDYID: Y('char', terms(STUDY)),
      DOMAIN: Y('char', terms(code)),
      ...columns,
    } as TableSchema<R>['columns'],
  };
}

export const DM_SCHEMA = domainSchema<DmRow>('dm.csv', 'DM', {
  USUBJID: Y('char'),
  SUBJID: Y('char'),
  SITEID: Y('char', { terms: SITES }),
  RFSTDTC: C('date'),
  RFENDTC: C('date'),
  AGE: Y('int', { min: 18, max: 80 }),
  AGEU: Y('char', terms('YEARS')),
  SEX: Y('char', terms('F', 'M')),
  RACE: Y(
    'char',
    terms(
      'WHITE',
      'BLACK OR AFRICAN AMERICAN',
      'ASIAN',
      'AMERICAN INDIAN OR ALASKA NATIVE',
      'NATIVE HAWAIIAN OR OTHER PACIFIC ISLANDER',
      'MULTIPLE',
      'OTHER',
      'UNKNOWN',
    ),
  ),
  ETHNIC: Y('char', terms('HISPANIC OR LATINO', 'NOT HISPANIC OR LATINO', 'NOT REPORTED', 'UNKNOWN')),
  COUNTRY: Y('char', terms('USA')),
  ARMCD: Y('char', terms(BLINDED)),
  ARM: Y('char', terms(BLINDED)),
  ACTARMCD: Y('char', terms(BLINDED)),
  ACTARM: Y('char', terms(BLINDED)),
  WEIGHTBL: O('num', { decimals: true, min: 0 }),
});

export const DS_MILESTONES: readonly string[] = ['RANDOMIZED', 'INFORMED CONSENT OBTAINED'];
export const DS_EVENTS: readonly string[] = [
  'COMPLETED',
  'ADVERSE EVENT',
  'LACK OF EFFICACY',
  'WITHDRAWAL BY SUBJECT',
  'LOST TO FOLLOW-UP',
  'PHYSICIAN DECISION',
  'PROTOCOL DEVIATION',
  'DEATH',
  'OTHER',
];

export const DS_SCHEMA = domainSchema<DsRow>('ds.csv', 'DS', {
  USUBJID: Y('char'),
  DSSEQ: Y('int'),
  DSCAT: Y('char', terms('PROTOCOL MILESTONE', 'DISPOSITION EVENT')),
  DSDECOD: Y('char', { terms: [...DS_MILESTONES, ...DS_EVENTS] }),
  DSTERM: Y('char'),
  DSSTDTC: Y('date'),
});

export const SV_SCHEMA = domainSchema<SvRow>('sv.csv', 'SV', {
  USUBJID: Y('char'),
  VISITNUM: Y('num'),
  VISIT: Y('char'),
  SVSTDTC: Y('date'),
});

export const EX_SCHEMA = domainSchema<ExRow>('ex.csv', 'EX', {
  USUBJID: Y('char'),
  EXSEQ: Y('int'),
  EXTRT: Y('char', terms('BLINDED STUDY INFUSION')),
  EXROUTE: Y('char', terms('INTRAVENOUS')),
  EXVOL: O('num', { min: 0 }),
  EXSTDTC: Y('date'),
  EXOCCUR: Y('char', terms('Y', 'N')),
});

export const QS_SCHEMA = domainSchema<QsRow>('qs.csv', 'QS', {
  USUBJID: Y('char'),
  QSSEQ: Y('int'),
  QSCAT: Y('char', { terms: QSCATS }),
  QSTESTCD: Y('char'),
  QSTEST: Y('char'),
  QSORRES: C('char'),
  QSSTRESC: C('char'),
  QSSTRESN: C('num', { decimals: true }),
  QSSTAT: O('char', terms(NOT_DONE)),
  QSREASND: O('char'),
  VISITNUM: Y('num'),
  VISIT: Y('char'),
  QSDTC: Y('date'),
});

/** LBTESTCD → the LBTEST, LBSPEC and LBSTRESU that go with it. */
export const LAB_TESTS: Readonly<
  Record<string, { readonly test: string; readonly spec: string; readonly unit: string }>
> = {
  C3: { test: 'Complement C3', spec: 'SERUM', unit: 'g/L' },
  C4: { test: 'Complement C4', spec: 'SERUM', unit: 'g/L' },
  DSDNA: { test: 'Anti-dsDNA Antibody', spec: 'SERUM', unit: 'IU/mL' },
  PROTCRT: { test: 'Protein/Creatinine', spec: 'URINE', unit: 'mg/mg' },
  WBC: { test: 'Leukocytes', spec: 'BLOOD', unit: '10^9/L' },
  LYM: { test: 'Lymphocytes', spec: 'BLOOD', unit: '10^9/L' },
  NEUT: { test: 'Neutrophils', spec: 'BLOOD', unit: '10^9/L' },
  PLAT: { test: 'Platelets', spec: 'BLOOD', unit: '10^9/L' },
  HGB: { test: 'Hemoglobin', spec: 'BLOOD', unit: 'g/L' },
};

export const LB_SCHEMA = domainSchema<LbRow>('lb.csv', 'LB', {
  USUBJID: Y('char'),
  LBSEQ: Y('int'),
  LBTESTCD: Y('char', { terms: Object.keys(LAB_TESTS) }),
  LBTEST: Y('char'),
  LBCAT: Y('char', terms('HEMATOLOGY', 'CHEMISTRY', 'IMMUNOLOGY', 'URINALYSIS')),
  LBSPEC: Y('char', terms('BLOOD', 'SERUM', 'URINE')),
  LBORRES: C('char'),
  LBORRESU: C('char'),
  LBSTRESN: C('num', { decimals: true }),
  LBSTRESC: C('char'),
  LBSTRESU: C('char'),
  LBSTNRLO: C('num'),
  LBSTNRHI: C('num'),
  LBNRIND: O('char', terms('LOW', 'NORMAL', 'HIGH')),
  LBSTAT: O('char', terms(NOT_DONE)),
  VISITNUM: Y('num'),
  VISIT: Y('char'),
  LBDTC: Y('date'),
});

/** The corticosteroids that have a prednisone factor in the SAP (CMDECOD on CORTICOSTEROID rows). */
export const STEROIDS: readonly string[] = [
  'PREDNISONE',
  'PREDNISOLONE',
  'METHYLPREDNISOLONE',
  'TRIAMCINOLONE',
  'HYDROCORTISONE',
  'CORTISONE',
  'DEXAMETHASONE',
  'BETAMETHASONE',
  'DEFLAZACORT',
];

export const CM_SCHEMA = domainSchema<CmRow>('cm.csv', 'CM', {
  USUBJID: Y('char'),
  CMSEQ: Y('int'),
  CMTRT: Y('char'),
  CMDECOD: Y('char'),
  CMCAT: Y('char', terms('CORTICOSTEROID', 'ANTIMALARIAL', 'IMMUNOSUPPRESSANT', 'BIOLOGIC', 'OTHER')),
  CMDOSE: C('num', { min: 0 }),
  CMDOSU: C('char'),
  CMDOSFRQ: C('char', terms('QD', 'BID', 'TID', 'QID', 'QOD', 'ONCE', 'PRN', 'QW')),
  CMROUTE: Y(
    'char',
    terms(
      'ORAL',
      'INTRAVENOUS',
      'INTRAMUSCULAR',
      'SUBCUTANEOUS',
      'TOPICAL',
      'INHALATION',
      'INTRA-ARTICULAR',
      'OPHTHALMIC',
      'NASAL',
    ),
  ),
  CMSTDTC: Y('pdate'),
  CMENDTC: C('pdate'),
  CMENRTPT: O('char', terms('ONGOING')),
});

export const AE_SCHEMA = domainSchema<AeRow>('ae.csv', 'AE', {
  USUBJID: Y('char'),
  AESEQ: Y('int'),
  AETERM: Y('char'),
  AEDECOD: Y('char'),
  AEBODSYS: Y('char'),
  AESTDTC: Y('pdate'),
  AEENDTC: O('pdate'),
  AESER: Y('char', terms('Y', 'N')),
  AESEV: Y('char', terms('MILD', 'MODERATE', 'SEVERE')),
  AEREL: Y('char', terms('RELATED', 'POSSIBLY RELATED', 'NOT RELATED')),
  AEOUT: O(
    'char',
    terms(
      'RECOVERED/RESOLVED',
      'RECOVERING/RESOLVING',
      'NOT RECOVERED/NOT RESOLVED',
      'RECOVERED/RESOLVED WITH SEQUELAE',
      'FATAL',
      'UNKNOWN',
    ),
  ),
  AEACN: O(
    'char',
    terms('NONE', 'INFUSION INTERRUPTED', 'INFUSION STOPPED', 'SUBJECT WITHDRAWN FROM STUDY', 'NOT APPLICABLE'),
  ),
});

/** Every domain file a lock must hold, in reading order. */
export const DOMAIN_FILES = ['dm.csv', 'ds.csv', 'sv.csv', 'ex.csv', 'qs.csv', 'lb.csv', 'cm.csv', 'ae.csv'] as const;
export type DomainFile = (typeof DOMAIN_FILES)[number];
