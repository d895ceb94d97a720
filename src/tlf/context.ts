/**
 * What every table of a run needs to know about the run: its blinding (SAP §6), whether it is a
 * draft, and the display labels of the groups (from settings, not hard-coded here).
 */
import type { Group } from '../ard/types.js';
import type { PrintFlags } from '../render/print-form.js';
import type { ColumnSpec, RowKey, StatRef } from '../render/table-spec.js';

export type Blinding = 'blinded' | 'randomization' | 'dummy';
export type Arm = Exclude<Group, 'TOTAL'>;

/** Arms in display order, the reference first. */
export const ARMS: readonly Arm[] = ['PBO', 'MSC1E6', 'MSC5E6'];
/** Arms compared with the reference. */
export const COMPARED_ARMS: readonly Arm[] = ['MSC1E6', 'MSC5E6'];

export interface TlfContext {
  readonly blinding: Blinding;
  readonly draft: boolean;
  /** Column label of each arm, e.g. `{ PBO: 'Placebo', MSC1E6: 'MSC 1x10^6 cells/kg', … }`. */
  readonly armLabels: Readonly<Record<Arm, string>>;
  readonly totalLabel: string;
  /** Add a Total column after the arms in an unblinded run (a blinded run has only Total). */
  readonly includeTotal: boolean;
}

export function isBlinded(ctx: TlfContext): boolean {
  return ctx.blinding === 'blinded';
}

export function printFlagsOf(ctx: TlfContext): PrintFlags {
  return { draft: ctx.draft, dummyRandomization: ctx.blinding === 'dummy' };
}

export interface BigNSource {
  readonly key: RowKey;
  readonly stat: StatRef;
}

/**
 * The group columns of a table: blinded → Total only (SAP §6); otherwise the three arms, then Total
 * if asked. Column ids are the ARD group codes.
 */
export function treatmentColumns(ctx: TlfContext, bigN?: BigNSource): ColumnSpec[] {
  const groups: Group[] = isBlinded(ctx) ? ['TOTAL'] : [...ARMS, ...(ctx.includeTotal ? (['TOTAL'] as const) : [])];
  return groups.map((group) => ({
    id: group,
    label: group === 'TOTAL' ? ctx.totalLabel : ctx.armLabels[group],
    group,
    ...(bigN === undefined ? {} : { bigN }),
  }));
}
