/**
 * One row of the analysis results data (../shared/dts/ard.md): one statistic at full precision.
 * `value` null = not estimable (written as an empty field; tables show NE with a footnote).
 */
export type Population = 'FAS' | 'SAF' | 'ENR';
export type Group = 'PBO' | 'MSC1E6' | 'MSC5E6' | 'TOTAL';

export interface ArdRow {
  readonly endpoint: string;
  readonly param: string;
  readonly visit: string;
  readonly population: Population;
  readonly group: Group;
  /** 'PBO' on a comparison row, else ''. */
  readonly comparator: '' | 'PBO';
  readonly stat: string;
  readonly method: string;
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
