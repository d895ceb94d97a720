/**
 * One row of the analysis results data (../shared/dts/ard.md): one statistic at full precision.
 * `value` null = not estimable (written as an empty field; tables show NE with a footnote).
 */
import type { Group, Population, REFERENCE_ARM } from './arms.js';
import type { ArdEndpoint, ArdMethod, ArdStat } from './vocabulary.js';

export type { Group, Population };

export interface ArdRow {
  readonly endpoint: ArdEndpoint;
  readonly param: string;
  readonly visit: string;
  readonly population: Population;
  readonly group: Group;
  /** The reference arm on a comparison row, else ''. */
  readonly comparator: '' | typeof REFERENCE_ARM;
  readonly stat: ArdStat;
  /** Empty on plain counts and descriptives. */
  readonly method: ArdMethod | '';
  readonly value: number | null;
}

export const ARD_COLUMNS = [
  'endpoint',
  'param',
  'visit',
  'population',
  'group',
  'comparator',
  'stat',
  'method',
  'value',
] as const;

/** The eight columns that identify an ARD row (ard.md sorts and compares by them). */
export const ARD_KEY_COLUMNS = ARD_COLUMNS.slice(0, 8) as readonly Exclude<(typeof ARD_COLUMNS)[number], 'value'>[];

/**
 * An ARD row's key as people read it (`sle-msc compare`, the HTML tables' `data-ard`): the eight key
 * columns joined by `|`, e.g. `SRI4||WEEK24|FAS|MSC1E6|PBO|diff|MN`. Also for a row read back from an
 * ard.csv as text, where a missing column counts as empty.
 */
export function ardKeyText(row: Readonly<Partial<Record<(typeof ARD_KEY_COLUMNS)[number], string>>>): string {
  // Written out in ARD_KEY_COLUMNS order (a test holds them together): made for every value of every
  // table cell, where mapping over the column names and joining cost more than the lookup itself.
  const r = row;
  return `${r.endpoint ?? ''}|${r.param ?? ''}|${r.visit ?? ''}|${r.population ?? ''}|${r.group ?? ''}|${r.comparator ?? ''}|${r.stat ?? ''}|${r.method ?? ''}`;
}
