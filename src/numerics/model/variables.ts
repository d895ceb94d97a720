/**
 * Reading raw values and classifying variables: a variable with any non-numeric value (or one the
 * caller names) is a class variable, else continuous. Class levels sort numerically when every level
 * is a number (as SAS orders unformatted numeric class variables), otherwise by UTF-16 code unit (as
 * SAS sorts character values, byte order for ASCII); the reference level is the first sorted unless one
 * is given.
 */
import { ModelInputError } from './errors.js';

export type RawValue = string | number | null | undefined;
export type DataRow = Readonly<Record<string, RawValue>>;

export interface ClassVariable {
  readonly kind: 'class';
  readonly name: string;
  /** Levels in sorted order. */
  readonly levels: readonly string[];
  readonly reference: string;
}

export interface ContinuousVariable {
  readonly kind: 'continuous';
  readonly name: string;
  /** Mean over the observations used in the model. */
  readonly mean: number;
}

export type ModelVariable = ClassVariable | ContinuousVariable;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function isMissing(v: RawValue): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === 'number') return Number.isNaN(v);
  return v.trim() === '';
}

/** The number a value stands for, or null when it is missing or not a number. */
export function numericValue(v: RawValue): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  const s = v.trim();
  return NUMBER.test(s) ? Number(s) : null;
}

/** The class level a value stands for (numbers printed as JavaScript prints them). */
export function levelLabel(v: RawValue): string {
  return typeof v === 'number' ? String(v) : String(v ?? '').trim();
}

export function sortLevels(levels: Iterable<string>): string[] {
  const list = [...new Set(levels)];
  if (list.every((l) => NUMBER.test(l)))
    return list.sort((a, b) => Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0));
  return list.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Natural order of labels: digit runs compare as numbers, the rest by code unit
 * (`WEEK4` < `WEEK12` < `WEEK52`, `VIS2` < `VIS10`).
 */
export function naturalCompare(a: string, b: string): number {
  const ta = a.match(/\d+|\D+/g) ?? [];
  const tb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(ta.length, tb.length); i++) {
    const x = ta[i]!;
    const y = tb[i]!;
    if (x === y) continue;
    const dx = /^\d/.test(x);
    const dy = /^\d/.test(y);
    if (dx && dy) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d;
    }
    return x < y ? -1 : 1;
  }
  return ta.length - tb.length || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * Classifies `name` from the values of all rows (class if any non-missing value is not a number or
 * `forceClass`), taking levels and the mean from the rows in `used` only.
 */
export function classifyVariable(
  name: string,
  rows: readonly DataRow[],
  used: ArrayLike<number>,
  forceClass: boolean,
  reference: string | undefined,
): ModelVariable {
  let isClass = forceClass;
  if (!isClass)
    for (const r of rows) {
      const v = r[name];
      if (!isMissing(v) && numericValue(v) === null) {
        isClass = true;
        break;
      }
    }
  if (isClass) {
    // The distinct labels as they come (sortLevels orders them whatever their order): no array of a
    // label per observation.
    const labels = new Set<string>();
    for (let k = 0; k < used.length; k++) labels.add(levelLabel(rows[used[k]!]![name]));
    const levels = sortLevels(labels);
    if (levels.length === 0) throw new ModelInputError('data', `variable ${name} has no non-missing value`);
    if (reference !== undefined && !levels.includes(reference))
      throw new ModelInputError(
        'spec',
        `reference level "${reference}" is not a level of ${name} (levels: ${levels.join(', ')})`,
      );
    return { kind: 'class', name, levels, reference: reference ?? levels[0]! };
  }
  if (reference !== undefined) throw new ModelInputError('spec', `${name} is continuous: it has no reference level`);
  let s = 0;
  for (let k = 0; k < used.length; k++) s += numericValue(rows[used[k]!]![name])!;
  return { kind: 'continuous', name, mean: used.length > 0 ? s / used.length : NaN };
}
