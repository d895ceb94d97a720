/**
 * What every table of a run needs to know about the run: its blinding (SAP §6), whether it is a
 * draft, and the display labels of the groups (from settings, not hard-coded here).
 */
import { ARMS, type Arm } from '../ard/arms.js';
import type { Group } from '../ard/types.js';
import type { PrintFlags, RunTrace } from '../render/print-form.js';
import type { ColumnSpec, RowKey, StatRef } from '../render/table-spec.js';
import { typesetPowersOfTen } from '../render/typeset.js';

export type Blinding = 'blinded' | 'randomization' | 'dummy';
/** Arms in display order, the reference first, and the arms compared with it (src/ard/arms.ts). */
export { ARMS, COMPARED_ARMS, type Arm } from '../ard/arms.js';

export interface TlfContext {
  readonly blinding: Blinding;
  readonly draft: boolean;
  /** Column label of each arm, e.g. `{ PBO: 'Placebo', MSC1E6: 'MSC 1x10^6 cells/kg', … }`. */
  readonly armLabels: Readonly<Record<Arm, string>>;
  readonly totalLabel: string;
  /** Add a Total column after the arms in an unblinded run (a blinded run has only Total). */
  readonly includeTotal: boolean;
  /** The run's provenance for the trace line of every output (absent in unit tests of a spec). */
  readonly trace?: RunTrace;
}

export function isBlinded(ctx: TlfContext): boolean {
  return ctx.blinding === 'blinded';
}

export function printFlagsOf(ctx: TlfContext): PrintFlags {
  return {
    draft: ctx.draft,
    dummyRandomization: ctx.blinding === 'dummy',
    ...(ctx.trace === undefined ? {} : { trace: ctx.trace }),
  };
}

export interface BigNSource {
  readonly key: RowKey;
  readonly stat: StatRef;
}

/**
 * The column N of a table of the Full Analysis Set: the FAS count of each group as the ARD gives it
 * (`BASECHAR`/`CSUSE` `N`, every FAS subject; the N of T-14.1.2).
 */
export const FAS_BIG_N: BigNSource = {
  key: { endpoint: 'BASECHAR', param: 'CSUSE', visit: '', population: 'FAS', comparator: '' },
  stat: { stat: 'N' },
};

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

/**
 * The display label of each arm, from the settings' arm names (the one source of arm labels, for
 * tables and figures alike), with `1x10^6` typeset `1×10⁶`.
 */
export function armDisplayLabels(settings: {
  readonly arms: readonly { readonly code: string; readonly name: string }[];
}): Readonly<Record<Arm, string>> {
  const label = (code: Arm) => typesetPowersOfTen(settings.arms.find((a) => a.code === code)?.name ?? code);
  return { PBO: label('PBO'), MSC1E6: label('MSC1E6'), MSC5E6: label('MSC5E6') };
}
