/**
 * Which subjects form each group of an analysis (SAP §2, §6; ard.md "Groups"): in an unblinded run
 * the three arms and TOTAL, in a blinded run TOTAL alone. FAS and ENR go by randomized arm, SAF by the
 * arm actually infused.
 */
import type { Group, Population } from '../ard/types.js';
import type { AdslRecord } from '../derive/adsl.js';
import { ARM_CODES, type ArmCode } from '../lock/types.js';
import type { SubjectIndex } from './subject-index.js';

export interface AnalysisGroup {
  readonly group: Group;
  readonly subjects: readonly AdslRecord[];
}

export function inPopulation(s: AdslRecord, population: Population): boolean {
  switch (population) {
    case 'FAS':
      return s.FASFL === 'Y';
    case 'SAF':
      return s.SAFFL === 'Y';
    case 'ENR':
      return s.ENRFL === 'Y';
  }
}

/** The arm a subject is analysed in for a population; null in a blinded run. */
export function analysisArm(s: AdslRecord, population: Population): ArmCode | null {
  return population === 'SAF' ? s.ACTARMCD : s.ARMCD;
}

/** Groups in display order (arms, then TOTAL); a blinded run has TOTAL only. */
export function analysisGroups(adsl: readonly AdslRecord[], population: Population, blinded: boolean): AnalysisGroup[] {
  const members = adsl.filter((s) => inPopulation(s, population));
  const total: AnalysisGroup = { group: 'TOTAL', subjects: members };
  if (blinded) return [total];
  const arms = ARM_CODES.map((arm) => ({
    group: arm,
    subjects: members.filter((s) => analysisArm(s, population) === arm),
  }));
  return [...arms, total];
}

/** A group with its subjects' positions in a subject index (subject-index.ts), in the subjects' order. */
export interface PositionedGroup extends AnalysisGroup {
  readonly positions: Int32Array;
}

/** The groups with their subjects' positions, found once for every parameter and visit summarised. */
export function positionedGroups(groups: readonly AnalysisGroup[], index: SubjectIndex): PositionedGroup[] {
  return groups.map((g) => ({ ...g, positions: index.positionsOf(g.subjects) }));
}

/** MSC arms compared with placebo, in display order, and placebo (src/ard/arms.ts). */
export { COMPARED_ARMS, REFERENCE_ARM } from '../ard/arms.js';
