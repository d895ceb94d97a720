/**
 * Subject-level ICH E3 16.2 listings from ADSL (and SV/EX of the lock for the last visit and the
 * infusion records): 16.2.1 discontinued subjects, 16.2.3 subjects excluded from the efficacy analysis,
 * 16.2.4 demographics and baseline characteristics, 16.2.5 study infusion. Every value is an ADSL (or
 * source) value as the analyses use it; nothing is computed but protocol days.
 */
import type { AdslRecord } from '../../derive/adsl.js';
import type { ExRow, SvRow } from '../../lock/types.js';
import type { ListingSpec } from '../../render/listing.js';
import { isBlinded, type TlfContext } from '../context.js';
import {
  DAY_FOOTNOTE,
  armCodeText,
  armFootnotes,
  dayText,
  indexAdsl,
  orderSubjects,
  stackedArmFootnotes,
  stackedSubjectCell,
  stackedSubjectColumn,
  subjectCells,
  subjectColumns,
  text,
  withDay,
} from './common.js';

/** The subject's last visit of SV: latest date, then highest VISITNUM. */
export function lastVisit(sv: readonly SvRow[]): SvRow | null {
  let last: SvRow | null = null;
  for (const v of sv) {
    if (last === null || v.SVSTDTC > last.SVSTDTC || (v.SVSTDTC === last.SVSTDTC && v.VISITNUM > last.VISITNUM))
      last = v;
  }
  return last;
}

/** L-16.2.1: subjects whose end of study is a discontinuation (ADSL EOSSTT = DISCONTINUED). */
export function discontinuedListingSpec(
  adsl: readonly AdslRecord[],
  sv: readonly SvRow[],
  ctx: TlfContext,
): ListingSpec {
  const byId = indexAdsl(adsl);
  const visits = new Map<string, SvRow[]>();
  for (const v of sv) visits.set(v.USUBJID, [...(visits.get(v.USUBJID) ?? []), v]);
  const ids = orderSubjects(
    adsl.filter((s) => s.EOSSTT === 'DISCONTINUED').map((s) => s.USUBJID),
    byId,
    'randomized',
    ctx,
  );
  return {
    id: 'L-16.2.1',
    titles: ['Discontinued subjects'],
    populationLabel: 'All enrolled subjects',
    columns: [
      ...subjectColumns(ctx),
      'Infusion date',
      'Reason for discontinuation',
      'Date of discontinuation',
      'Last visit',
      'Last visit date',
    ],
    blocks: ids.map((id) => {
      const s = byId.get(id) as AdslRecord;
      const last = lastVisit(visits.get(id) ?? []);
      return [
        [
          ...subjectCells(id, byId, 'randomized', ctx),
          text(s.TRTSDT),
          text(s.DCSREAS),
          withDay(s.EOSDT, dayText(s.EOSDT, s.TRTSDT)),
          text(last?.VISIT),
          withDay(last?.SVSTDTC ?? null, dayText(last?.SVSTDTC ?? null, s.TRTSDT)),
        ],
      ];
    }),
    footnotes: [
      ...armFootnotes(ctx, 'randomized'),
      'Reason and date of discontinuation: the disposition event of DS (ADSL DCSREAS, EOSDT). Last visit: the latest visit in SV.',
      DAY_FOOTNOTE,
    ],
    emptyText: 'No subject discontinued the study.',
  };
}

/** Why a subject is outside the Full Analysis Set (randomized and infused, SAP §3). */
export function exclusionReason(s: AdslRecord): string {
  if (s.RANDFL !== 'Y' && s.INFFL !== 'Y') return 'Not randomized; not infused';
  if (s.RANDFL !== 'Y') return 'Not randomized';
  return 'Randomized, never infused';
}

/** L-16.2.3: subjects not in the FAS (FASFL = N) and why; whether they are in the SAF. */
export function excludedListingSpec(adsl: readonly AdslRecord[], ctx: TlfContext): ListingSpec {
  const byId = indexAdsl(adsl);
  const ids = orderSubjects(
    adsl.filter((s) => s.FASFL !== 'Y').map((s) => s.USUBJID),
    byId,
    'randomized',
    ctx,
  );
  return {
    id: 'L-16.2.3',
    titles: ['Subjects excluded from the efficacy analysis'],
    populationLabel: 'All enrolled subjects',
    columns: [
      stackedSubjectColumn(ctx),
      'Date randomized',
      'Infused',
      'Excluded from',
      'Reason',
      'End of study/ reason/ date',
    ],
    blocks: ids.map((id) => {
      const s = byId.get(id) as AdslRecord;
      return [
        [
          stackedSubjectCell(id, byId, 'randomized', ctx),
          text(s.RANDDT),
          s.INFFL === 'Y' ? 'Yes' : 'No',
          s.SAFFL === 'Y' ? 'FAS' : 'FAS, SAF',
          exclusionReason(s),
          [s.EOSSTT, text(s.DCSREAS), text(s.EOSDT)].filter((t) => t !== '').join('\n'),
        ],
      ];
    }),
    footnotes: [
      ...stackedArmFootnotes(ctx, 'randomized'),
      'Full Analysis Set (FAS): randomized and infused; Safety Analysis Set (SAF): infused (SAP Section 3).',
      'End of study: COMPLETED, DISCONTINUED or ONGOING (ADSL EOSSTT), with the disposition event of DS.',
    ],
    emptyText: 'Every enrolled subject is in the Full Analysis Set.',
  };
}

/** `12 (>=10)`: the screening SLEDAI-2K total and the stratum derived from it. */
function stratumText(total: number | null, stratum: string | null): string {
  if (stratum === null) return text(total);
  return `${text(total)} (${stratum})`;
}

/** L-16.2.4: demographics and baseline characteristics of every enrolled subject, populations flagged. */
export function demographicsListingSpec(adsl: readonly AdslRecord[], ctx: TlfContext): ListingSpec {
  const byId = indexAdsl(adsl);
  const ids = orderSubjects(
    adsl.map((s) => s.USUBJID),
    byId,
    'randomized',
    ctx,
  );
  return {
    id: 'L-16.2.4',
    titles: ['Demographics and baseline characteristics'],
    populationLabel: 'All enrolled subjects',
    columns: [
      stackedSubjectColumn(ctx),
      'Site/ country',
      'FAS/ SAF',
      'Age/ sex',
      'Race/ ethnicity',
      'Weight (kg)',
      'Screening SLEDAI-2K (stratum)',
      'Baseline SLEDAI-2K / PGA / SDI',
      'Prednisone Day 0 (mg/day)',
    ],
    blocks: ids.map((id) => {
      const s = byId.get(id) as AdslRecord;
      return [
        [
          stackedSubjectCell(id, byId, 'randomized', ctx),
          `${s.SITEID}/${s.COUNTRY}`,
          `${s.FASFL}/${s.SAFFL}`,
          `${text(s.AGE)}/${s.SEX}`,
          `${s.RACE}\n${s.ETHNIC}`,
          text(s.WEIGHTBL),
          stratumText(s.SCRSLED, s.STRATUM),
          `${text(s.BASESLED)}/${text(s.BASEPGA)}/${text(s.BASESDI)}`,
          text(s.CSDOSE0),
        ],
      ];
    }),
    footnotes: [
      ...stackedArmFootnotes(ctx, 'randomized'),
      'FAS/SAF: Y if in the Full Analysis Set / Safety Analysis Set. Age in years. Race above ethnicity. Stratum: derived from the screening SLEDAI-2K total (SAP Section 2.2).',
      'Baseline: the last non-missing value on or before Day 0 (SAP Section 4.2). Prednisone Day 0: prednisone-equivalent dose on the day of infusion.',
    ],
    emptyText: 'No enrolled subject.',
  };
}

/**
 * L-16.2.5: every EX record (the infusion, or a planned infusion not given), with the arms randomized
 * and, unblinded, infused; randomized subjects without any EX record are listed too.
 */
export function infusionListingSpec(adsl: readonly AdslRecord[], ex: readonly ExRow[], ctx: TlfContext): ListingSpec {
  const byId = indexAdsl(adsl);
  const exBySubject = new Map<string, ExRow[]>();
  for (const r of ex) exBySubject.set(r.USUBJID, [...(exBySubject.get(r.USUBJID) ?? []), r]);
  const ids = orderSubjects(
    [...adsl.filter((s) => s.RANDFL === 'Y').map((s) => s.USUBJID), ...exBySubject.keys()],
    byId,
    'randomized',
    ctx,
  );
  const armInfused = (id: string): string[] => (isBlinded(ctx) ? [] : [armCodeText(byId.get(id), 'infused')]);
  return {
    id: 'L-16.2.5',
    titles: ['Study infusion'],
    populationLabel: 'All randomized or infused subjects',
    columns: [
      ...subjectColumns(ctx),
      ...(isBlinded(ctx) ? [] : ['Arm infused']),
      'Randomization date',
      'Infusion given',
      'Treatment/ route',
      'Date',
      'Volume (mL)',
    ],
    blocks: ids.map((id) => {
      const s = byId.get(id);
      const lead = [...subjectCells(id, byId, 'randomized', ctx), ...armInfused(id), text(s?.RANDDT)];
      const rows = [...(exBySubject.get(id) ?? [])].sort((a, b) => a.EXSEQ - b.EXSEQ);
      if (rows.length === 0) return [[...lead, 'No record', '', '', '']];
      return rows.map((r) => [
        ...lead,
        r.EXOCCUR === 'Y' ? 'Yes' : 'No',
        `${r.EXTRT}\n${r.EXROUTE}`,
        withDay(r.EXSTDTC, r.EXOCCUR === 'Y' ? dayText(r.EXSTDTC, s?.TRTSDT ?? null) : ''),
        text(r.EXVOL),
      ]);
    }),
    footnotes: [
      ...(isBlinded(ctx)
        ? []
        : [armFootnotes(ctx, 'randomized')[0] as string, 'Arm infused: the arm of the cells infused, coded as Arm.']),
      'One row per EX record; Infusion given: EXOCCUR. Treatment as recorded (the study infusion is blinded), route below it.',
      DAY_FOOTNOTE,
    ],
    emptyText: 'No randomized or infused subject.',
  };
}
