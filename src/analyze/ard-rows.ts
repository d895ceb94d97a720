/**
 * Small constructors for ARD rows, so every analysis names the identity of its rows the same way and
 * turns non-finite numbers into "not estimable" (null) in one place.
 */
import type { ArdRow, Group, Population } from '../ard/types.js';
import type { ArdEndpoint, ArdMethod, ArdStat } from '../ard/vocabulary.js';

export interface RowIdentity {
  readonly endpoint: ArdEndpoint;
  readonly param: string;
  readonly visit: string;
  readonly population: Population;
}

/** A finite number, else null: NaN or ±Infinity never reach the ARD. */
export function finiteOrNull(x: number | null | undefined): number | null {
  return x === null || x === undefined || !Number.isFinite(x) ? null : x;
}

export function groupRow(
  id: RowIdentity,
  group: Group,
  stat: ArdStat,
  value: number | null,
  method: ArdMethod | '' = '',
): ArdRow {
  return ardRow(id, group, '', stat, method, value);
}

export function comparisonRow(
  id: RowIdentity,
  group: Group,
  stat: ArdStat,
  method: ArdMethod,
  value: number | null,
): ArdRow {
  return ardRow(id, group, 'PBO', stat, method, value);
}

/**
 * Every row built with the same properties in the same order (one object shape for the engine, and no
 * property of a caller's identity object other than the four that identify a row).
 */
function ardRow(
  id: RowIdentity,
  group: Group,
  comparator: ArdRow['comparator'],
  stat: ArdStat,
  method: ArdMethod | '',
  value: number | null,
): ArdRow {
  return {
    endpoint: id.endpoint,
    param: id.param,
    visit: id.visit,
    population: id.population,
    group,
    comparator,
    stat,
    method,
    value: finiteOrNull(value),
  };
}

/** `N`, `n`, `prop` of a binary attribute in a group (prop null when N = 0). */
export function proportionRows(id: RowIdentity, group: Group, n: number, bigN: number): ArdRow[] {
  return [
    groupRow(id, group, 'N', bigN),
    groupRow(id, group, 'n', n),
    groupRow(id, group, 'prop', bigN === 0 ? null : n / bigN),
  ];
}
