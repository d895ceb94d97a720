/**
 * The arms, groups and populations of the ARD (../shared/dts/ard.md "Groups"; dts/randomization.md):
 * the one place that states the arm codes, their display order, the reference arm, the arms compared
 * with it and the arm names of the randomization file. The lock reader, the dummy randomization, the
 * simulator, the analyses and the tables all take them from here. The tables' column labels come from
 * `sap/settings.json` `arms` (src/tlf/context.ts `armDisplayLabels`), whose order and reference arm
 * src/sap/fixed-settings.ts checks against these at load.
 */

/** Arm codes (ARMCD, ACTARMCD, the ARD's arm groups) in display order, the reference arm first. */
export const ARMS = ['PBO', 'MSC1E6', 'MSC5E6'] as const;
export type Arm = (typeof ARMS)[number];

/** The comparator of every comparison row (`comparator` column). */
export const REFERENCE_ARM = 'PBO' as const satisfies Arm;
export type ComparedArm = Exclude<Arm, typeof REFERENCE_ARM>;
/** The arms compared with the reference, in display order. */
export const COMPARED_ARMS: readonly ComparedArm[] = ARMS.filter((a): a is ComparedArm => a !== REFERENCE_ARM);

/** ARMCD → ARM of the randomization file (dts/randomization.md), in display order. */
export const ARM_NAMES: Readonly<Record<Arm, string>> = {
  PBO: 'Placebo',
  MSC1E6: 'MSC 1x10^6 cells/kg',
  MSC5E6: 'MSC 5x10^6 cells/kg',
};

/** The pooled group: every subject of the population (the only group of a blinded run). */
export const TOTAL_GROUP = 'TOTAL' as const;
/** The `group` column's codes in ARD order of display: the arms, then the total. */
export const GROUPS = [...ARMS, TOTAL_GROUP] as const;
export type Group = (typeof GROUPS)[number];

/** The `population` column: full analysis set, safety set, enrolled. */
export const POPULATIONS = ['FAS', 'SAF', 'ENR'] as const;
export type Population = (typeof POPULATIONS)[number];
