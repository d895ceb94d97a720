/**
 * Patient-reported outcomes (SAP synopsis §4 "PROs", SAP §5.7; dts/instruments.md): one record per
 * score per administration — SF-36 v2 and LupusPRO scores as transferred, PROMIS T-scores (raw sum
 * prorated, then the form's conversion table) and the LIT score — with the SAP §3 baseline per score and
 * the change from baseline at scheduled post-baseline visits. ADaM `adpro` (PARAMCD = the score code of
 * the ARD, e.g. `SF36PCS`, `PROMISFAT`, `LIT`).
 */
import type { IsoDate } from '../core/dates.js';
import type { Lock, QsRow } from '../lock/types.js';
import type { SapSettings } from '../sap/index.js';
import { rowNumber, type QsAssessment } from './assessments.js';
import { mapWithBaseline } from './baseline.js';
import { makeDataset, type AdamDataset } from './dataset.js';
import type { DatasetContext } from './dataset-context.js';
import { ADPRO_META } from './metadata/qs-lb.js';
import { adamParamcd } from './metadata/paramcd.js';
import { groupBySubject } from './group.js';
import { computeLitScore } from './lit.js';
import { computePromisRawScore, computePromisTScore } from './promis.js';
import { assessmentsOf, indexLock, type LockIndex } from './lock-index.js';
import { computeAnl01fl, computeChange, scheduledVisitId, studyDay } from './visits.js';
import { SourceRuns, type SourceLines } from './source-lines.js';
import { holdEach, type HoldRecords } from './record-columns.js';

export interface ProRecord {
  readonly USUBJID: string;
  /** Score code (ARD `param` prefix). */
  readonly PARAMCD: string;
  readonly PARAM: string;
  /** The instrument's QSCAT. */
  readonly PARCAT1: string;
  readonly VISITNUM: number;
  readonly VISIT: string;
  /** ARD visit id of a scheduled visit; null for an unscheduled one. */
  readonly AVISIT: string | null;
  readonly ADT: IsoDate;
  readonly ADY: number | null;
  readonly AVAL: number | null;
  /** Items answered (PROMIS, LIT); null for scores transferred as scored. */
  readonly ANSWERED: number | null;
  /** PROMIS raw summed score after prorating; null otherwise. */
  readonly RAWSCORE: number | null;
  readonly ABLFL: 'Y' | null;
  readonly BASE: number | null;
  /** AVAL − BASE at scheduled post-baseline visits; null elsewhere or when either is missing. */
  readonly CHG: number | null;
  readonly src: SourceLines;
}

type Scored = Omit<ProRecord, 'ABLFL' | 'BASE' | 'CHG'>;

interface ScoreDefinition {
  readonly code: string;
  readonly name: string;
  readonly qscat: string;
  /** The QSTESTCDs the score is made from (its own code for a transferred score): its source rows. */
  readonly items: readonly string[];
  /**
   * Whether the administration has a score (a record; no row: none). The one filter of a score's
   * records, asked first to count them, so that they go into columns as they are made (`holdPros`).
   */
  readonly scored: (a: QsAssessment) => boolean;
  /** The score of a `scored` administration from its `items`' values (`itemNumber`), in their order. */
  readonly score: (values: readonly (number | null)[]) => {
    AVAL: number | null;
    ANSWERED: number | null;
    RAWSCORE: number | null;
  };
}

/** Every score of the SAP in ARD order: SF-36 v2, LupusPRO, PROMIS forms, LIT. */
function scoreDefinitions(settings: SapSettings): ScoreDefinition[] {
  const pro = settings.pro;
  const transferred = (list: SapSettings['pro']['sf36']): ScoreDefinition[] =>
    list.scores.map((s) => ({
      code: s.code,
      name: s.name,
      qscat: list.qscat,
      items: [s.code],
      scored: (a) => a.items.has(s.code),
      score: ([value]) => ({ AVAL: value ?? null, ANSWERED: null, RAWSCORE: null }),
    }));
  const promis: ScoreDefinition[] = pro.promis.map((form) => {
    const table = settings.promisTables[form.code];
    if (!table) throw new Error(`no PROMIS conversion table loaded for ${form.code}`);
    return {
      code: form.code,
      name: form.name,
      qscat: form.qscat,
      items: form.items,
      scored: () => true,
      score: (values) => {
        const raw = computePromisRawScore(values, pro.promisMinAnsweredFraction);
        return {
          AVAL: raw === null ? null : computePromisTScore(raw.raw, table),
          ANSWERED: answeredCount(values),
          RAWSCORE: raw?.raw ?? null,
        };
      },
    };
  });
  const lit: ScoreDefinition = {
    code: pro.lit.code,
    name: 'Lupus Impact Tracker',
    qscat: pro.lit.qscat,
    items: pro.lit.items,
    scored: () => true,
    score: (values) => {
      const s = computeLitScore(values, pro.lit.minAnswered, pro.lit.multiplier);
      return { AVAL: s?.score ?? null, ANSWERED: answeredCount(values), RAWSCORE: null };
    },
  };
  return [...transferred(pro.sf36), ...transferred(pro.lupuspro), ...promis, lit];
}

/** Items answered: the items' values (`itemNumber`) not null; counted from the values the score read. */
function answeredCount(values: readonly (number | null)[]): number {
  let n = 0;
  for (const v of values) if (v !== null) n++;
  return n;
}

/** Scores of one definition for every administration of its instrument (`assessments` in their order). */
function scoreAssessments(
  def: ScoreDefinition,
  assessments: readonly QsAssessment[],
  infusion: ReadonlyMap<string, IsoDate | null>,
  settings: SapSettings,
): Scored[] {
  const out: Scored[] = [];
  // An indexed loop, not for…of: V8 optimizes this loop whole (with the score and the sources inlined),
  // and an iterator loop's try/finally made that graph larger.
  for (let i = 0; i < assessments.length; i++) {
    const a = assessments[i] as QsAssessment;
    if (!def.scored(a)) continue;
    // Each item's row read once, for the score and for the sources (a read is a search and a new view).
    const rows = itemRows(def.items, a);
    const s = def.score(rows.map((r) => rowNumber(r, settings.notDone)));
    out.push({
      USUBJID: a.USUBJID,
      PARAMCD: def.code,
      PARAM: def.name,
      PARCAT1: def.qscat,
      VISITNUM: a.VISITNUM,
      VISIT: a.VISIT,
      AVISIT: scheduledVisitId(a.VISITNUM, settings),
      ADT: a.ADT,
      ADY: studyDay(a.ADT, infusion.get(a.USUBJID) ?? null),
      AVAL: s.AVAL,
      ANSWERED: s.ANSWERED,
      RAWSCORE: s.RAWSCORE,
      src: sourceLinesOf(rows),
    });
  }
  return out;
}

/**
 * The rows of a score's items at an assessment (absent: undefined), in the items' order. Pushed into a
 * new array, whatever the items list is: mapped from the settings' lists and from a score's own one-item
 * list, the arrays were of two kinds to V8, and scoreAssessments was deoptimized ("wrong map") and
 * compiled again at the first score of the other kind.
 */
function itemRows(items: readonly string[], a: QsAssessment): (QsRow | undefined)[] {
  const rows: (QsRow | undefined)[] = [];
  for (let i = 0; i < items.length; i++) rows.push(a.items.get(items[i] as string));
  return rows;
}

/** The source rows of a score's items present at the assessment (`rows`, absent: undefined), in their order. */
function sourceLinesOf(rows: readonly (QsRow | undefined)[]): SourceLines {
  const runs = new SourceRuns();
  for (const row of rows) if (row) runs.add(row.src);
  return runs.lines();
}

/** Baseline (SAP §3) and change, per score and subject. */
function withBaseline(
  scored: readonly Scored[],
  settings: SapSettings,
  infusion: ReadonlyMap<string, IsoDate | null>,
): ProRecord[] {
  return mapWithBaseline(
    scored,
    (r) => r.AVAL !== null,
    settings.baselineVisitnum,
    infusion,
    (r, baseline) => {
      const BASE = baseline?.AVAL ?? null;
      const CHG = computeChange(r.VISITNUM, r.AVAL, BASE, settings);
      return proRecord(r, baseline === r ? 'Y' : null, BASE, CHG);
    },
  );
}

/** The QSCATs the PRO scores are made from. */
export function proInstruments(settings: SapSettings): Set<string> {
  return new Set(scoreDefinitions(settings).map((d) => d.qscat));
}

/** All PRO records: subjects in DM order, then scores in settings order, then VISITNUM. */
export function derivePros(
  lock: Pick<Lock, 'dm' | 'qs'>,
  settings: SapSettings,
  index: LockIndex = indexLock(lock),
): ProRecord[] {
  const lists = scoreDefinitions(settings).map((def) => scoreRecords(def, index, settings));
  return [...interleavedPositions(lists, index.subjects)].map(([k, i]) => lists[k]?.[i] as ProRecord);
}

/**
 * derivePros's records as `hold` holds them, never all objects at once: made in the run's order
 * (subjects, then scores, then VISITNUM) and each held (as columns, in a run) as soon as it is made
 * (`holdEach`), their number counted first (`scored`, no score computed). A 20,000-subject lock has ~2M
 * PRO records: as objects they took ~0.5 GB of the heap; each score's records made whole as a list, held
 * and then copied in this order, lived long enough to be promoted to the old generation (the derive
 * stage's collections grew ~11× from 2,000 to 20,000 subjects).
 */
export function holdPros(settings: SapSettings, index: LockIndex, hold: HoldRecords): () => readonly ProRecord[] {
  const defs = scoreDefinitions(settings);
  const scores = defs.map((def) => scoredGroups(def, index));
  let length = 0;
  for (const [k, g] of mergedGroups(scores, index.subjects)) length += scores[k]?.counts[g] as number;
  return holdEach(
    hold,
    length,
    inOrder(length, () => mergedRecords(defs, scores, index, settings)),
  );
}

/** One score's assessments grouped by subject (subjects in the order of their assessments), with records. */
interface ScoredGroups {
  readonly groups: readonly (readonly QsAssessment[])[];
  /** Records of each group (`scored` assessments), every one at least one. */
  readonly counts: readonly number[];
}

/** A score's groups of assessments that make records: a group making none is left out, as in its list. */
function scoredGroups(def: ScoreDefinition, index: LockIndex): ScoredGroups {
  const groups: (readonly QsAssessment[])[] = [];
  const counts: number[] = [];
  for (const own of subjectAssessments(def, index)) {
    let n = 0;
    for (const a of own) if (def.scored(a)) n++;
    if (n === 0) continue;
    groups.push(own);
    counts.push(n);
  }
  return { groups, counts };
}

/**
 * interleavedPositions over the scores' groups of records (a subject's records in a score's list are its
 * group's): [score, group] pairs in subject order, then score order.
 */
function* mergedGroups(scores: readonly ScoredGroups[], subjects: readonly string[]): Generator<[number, number]> {
  const next = scores.map(() => 0);
  for (const s of subjects) {
    for (let k = 0; k < scores.length; k++) {
      const g = next[k] as number;
      if ((scores[k] as ScoredGroups).groups[g]?.[0]?.USUBJID !== s) continue;
      next[k] = g + 1;
      yield [k, g];
    }
  }
}

/** The PRO records in the run's order: each group's, in mergedGroups' order. */
function* mergedRecords(
  defs: readonly ScoreDefinition[],
  scores: readonly ScoredGroups[],
  index: LockIndex,
  settings: SapSettings,
): Generator<ProRecord> {
  for (const [k, g] of mergedGroups(scores, index.subjects)) {
    const own = (scores[k] as ScoredGroups).groups[g] as readonly QsAssessment[];
    yield* groupRecords(defs[k] as ScoreDefinition, own, index, settings);
  }
}

/** One score's records of one subject's assessments, with baseline and change. */
function groupRecords(
  def: ScoreDefinition,
  own: readonly QsAssessment[],
  index: LockIndex,
  settings: SapSettings,
): ProRecord[] {
  return withBaseline(scoreAssessments(def, own, index.infusion, settings), settings, index.infusion);
}

/** One score's records: subjects in the order of their assessments, then VISITNUM. */
function scoreRecords(def: ScoreDefinition, index: LockIndex, settings: SapSettings): ProRecord[] {
  // Subject by subject, so that the scores waiting for their baseline die young instead of all
  // 300,000 of a large lock being promoted to the old generation and collected there.
  const out: ProRecord[] = [];
  for (const own of subjectAssessments(def, index))
    for (const r of groupRecords(def, own, index, settings)) out.push(r);
  return out;
}

/** The instrument's assessments of each subject, subjects in the order of their assessments. */
function subjectAssessments(def: ScoreDefinition, index: LockIndex): (readonly QsAssessment[])[] {
  return [...groupBySubject(assessmentsOf(index, def.qscat)).values()];
}

/**
 * `make(i)` for holdEach from a sequence of `length` records: record i is the sequence's i-th, taken in
 * order; asked for an earlier one (holdEach makes them again should one not fit the columns), the
 * sequence starts again.
 */
function inOrder<R>(length: number, sequence: () => Iterator<R>): (i: number) => R {
  let it = sequence();
  let next = 0;
  let last: R | undefined;
  return (i) => {
    if (i === next - 1) return last as R;
    if (i < next) {
      it = sequence();
      next = 0;
    }
    for (; next <= i; next++) {
      const r = it.next();
      if (r.done === true) throw new Error(`PRO records: ${length} counted, fewer made`);
      last = r.value;
    }
    return last as R;
  };
}

/**
 * A PRO record as a plain object, its fields in one order (the dataset's; a held record may be a view).
 * Written out, not spread: a spread followed by more fields costs 3–6 µs a record on node 20.
 */
function proRecord(
  r: Omit<ProRecord, 'ABLFL' | 'BASE' | 'CHG'>,
  ABLFL: ProRecord['ABLFL'],
  BASE: ProRecord['BASE'],
  CHG: ProRecord['CHG'],
): ProRecord {
  return {
    USUBJID: r.USUBJID,
    PARAMCD: r.PARAMCD,
    PARAM: r.PARAM,
    PARCAT1: r.PARCAT1,
    VISITNUM: r.VISITNUM,
    VISIT: r.VISIT,
    AVISIT: r.AVISIT,
    ADT: r.ADT,
    ADY: r.ADY,
    AVAL: r.AVAL,
    ANSWERED: r.ANSWERED,
    RAWSCORE: r.RAWSCORE,
    src: r.src,
    ABLFL,
    BASE,
    CHG,
  };
}

/**
 * Where each record of the lists (each in subject order, then VISITNUM) goes when they are merged into
 * subject order, then list order, then VISITNUM: [list, index] pairs in that order, what sorting their
 * concatenation on those keys gives, in one pass.
 */
function* interleavedPositions(
  lists: readonly (readonly { readonly USUBJID: string }[])[],
  subjects: readonly string[],
): Generator<[number, number]> {
  const next = lists.map(() => 0);
  for (const s of subjects) {
    for (let k = 0; k < lists.length; k++) {
      const list = lists[k] as readonly { readonly USUBJID: string }[];
      let i = next[k] ?? 0;
      for (let r = list[i]; r !== undefined && r.USUBJID === s; r = list[++i]) yield [k, i];
      next[k] = i;
    }
  }
}

/** `adpro`: every score with baseline and change; PARAMCD in its ADaM (8-character) form. */
export function toProDataset(records: readonly ProRecord[], context: DatasetContext): AdamDataset {
  return makeDataset(
    ADPRO_META,
    records,
    (r) => ({
      PARAMCD: adamParamcd(r.PARAMCD),
      ANL01FL: computeAnl01fl(r, context.settings),
    }),
    context,
  );
}
