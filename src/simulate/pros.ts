/**
 * Patient-reported outcomes at DAY 0, WEEK 12, 24 and 52: SF-36 v2 norm-based scores and LupusPRO domain
 * scores (transferred already scored), PROMIS Fatigue 7a / Pain Interference 6a / Depression 8a and LIT
 * items. Each subject has a latent burden per instrument; scores move with the SLEDAI-2K of the visit
 * (about 0.8 T-score points per SLEDAI point on the physical SF-36 scales), so that lower activity
 * improves them. PROMIS and LIT items come from a latent symptom level with rounding to the response
 * scale; about 1.5% of items are unanswered (QSSTAT NOT DONE).
 */
import type { Prng } from '../core/prng.js';
import { LIT_FORM, LUPUSPRO_DOMAINS, PROMIS_FORMS, SF36_SCALES } from './code-lists.js';
import type { ItemForm } from './code-lists.js';
import { numberResult, qsRow } from './qs-row.js';
import { clamp, fixed } from './numbers.js';
import type { CsvRow, SimVisit } from './types.js';

export interface ProTraits {
  readonly physical: number;
  readonly mental: number;
  readonly sf36Offsets: readonly number[];
  readonly lproOffsets: readonly number[];
  /** Latent symptom level per item form (PROMIS forms, then LIT), in SD units. */
  readonly symptom: readonly number[];
}

export function drawProTraits(rng: Prng): ProTraits {
  return {
    physical: rng.normal(0, 1),
    mental: rng.normal(0, 1),
    sf36Offsets: SF36_SCALES.map(() => rng.normal(0, 3)),
    lproOffsets: LUPUSPRO_DOMAINS.map(() => rng.normal(0, 7)),
    symptom: [...PROMIS_FORMS, LIT_FORM].map(() => rng.normal(0, 0.8)),
  };
}

const PHYSICAL = new Set(['SF36PF', 'SF36RP', 'SF36BP', 'SF36GH', 'SF36VT']);

function sf36Rows(rng: Prng, usubjid: string, visit: SimVisit, tr: ProTraits, activity: number): CsvRow[] {
  const scales = SF36_SCALES.slice(0, 8).map((s, i) => {
    const phys = PHYSICAL.has(s.code);
    const mean = phys ? 38 + 4 * tr.physical - 0.8 * activity : 43 + 5 * tr.mental - 0.45 * activity;
    return clamp(mean + (tr.sf36Offsets[i] ?? 0) + rng.normal(0, 3.5), 12, 70);
  });
  const avg = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  // Component summaries lean on their own four scales (Ware's factor weights, simplified).
  const pcs = clamp(avg(scales.slice(0, 4)) * 0.85 + avg(scales.slice(4)) * 0.15 + rng.normal(0, 1.5), 10, 70);
  const mcs = clamp(avg(scales.slice(4)) * 0.85 + avg(scales.slice(0, 4)) * 0.15 + rng.normal(0, 1.5), 10, 70);
  const values = [...scales, pcs, mcs];
  return SF36_SCALES.map((s, i) =>
    qsRow(usubjid, visit, 'SF-36 V2', s.code, s.label, numberResult(fixed(values[i] ?? 0, 2))),
  );
}

function lupusProRows(rng: Prng, usubjid: string, visit: SimVisit, tr: ProTraits, activity: number): CsvRow[] {
  const domains = LUPUSPRO_DOMAINS.slice(0, 12).map((_, i) =>
    clamp(
      62 + 8 * (i < 8 ? tr.physical : tr.mental) - 1.6 * activity + (tr.lproOffsets[i] ?? 0) + rng.normal(0, 6),
      0,
      100,
    ),
  );
  const avg = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const values = [...domains, avg(domains.slice(0, 8)), avg(domains.slice(8, 12))];
  return LUPUSPRO_DOMAINS.map((d, i) =>
    qsRow(usubjid, visit, 'LUPUSPRO', d.code, d.label, numberResult(fixed(values[i] ?? 0, 1))),
  );
}

function itemRows(rng: Prng, usubjid: string, visit: SimVisit, form: ItemForm, level: number): CsvRow[] {
  const n = form.responses.length;
  return form.items.map((item) => {
    if (rng.bernoulli(0.015)) {
      return qsRow(usubjid, visit, form.qscat, item.code, item.label, { kind: 'not done', reason: 'NOT ANSWERED' });
    }
    const k = clamp(Math.round((n - 1) / 2 - 0.3 + 1.1 * level + rng.normal(0, 0.7)), 0, n - 1);
    // A reversed item is asked positively; the stored value is recoded so that higher = more symptom.
    const label = form.responses[item.reversed ? n - 1 - k : k] ?? '';
    return qsRow(usubjid, visit, form.qscat, item.code, item.label, {
      kind: 'number',
      orres: label,
      stresc: String(form.first + k),
    });
  });
}

/** All PRO rows of one visit; `activity` is the visit's SLEDAI-2K total (centred at 9 inside). */
export function proRows(rng: Prng, usubjid: string, visit: SimVisit, tr: ProTraits, sledai: number): CsvRow[] {
  const activity = sledai - 9;
  const rows: CsvRow[] = [];
  // About 3% of questionnaires are not returned at a visit (no rows at all for that instrument).
  const returned = () => !rng.bernoulli(0.03);
  if (returned()) rows.push(...sf36Rows(rng, usubjid, visit, tr, activity));
  if (returned()) rows.push(...lupusProRows(rng, usubjid, visit, tr, activity));
  const forms = [...PROMIS_FORMS, LIT_FORM];
  forms.forEach((form, i) => {
    if (returned()) rows.push(...itemRows(rng, usubjid, visit, form, (tr.symptom[i] ?? 0) + 0.07 * activity));
  });
  return rows;
}
