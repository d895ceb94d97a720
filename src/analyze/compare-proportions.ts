/**
 * Two-sample comparison of a proportion, MSC arm versus placebo (SAP §5, §5.1): the difference
 * p_MSC − p_PBO with the Miettinen–Nurminen score CI (bias factor N/(N − 1), as SAS RISKDIFF(CL=MN)),
 * and Fisher's exact two-sided p (R fisher.test). Both use the subjects of the two arms only; both are
 * reported with zero cells, and are not estimable only when an arm has N = 0.
 */
import type { ArdRow, Group } from '../ard/types.js';
import { fisherExactTwoSided } from '../numerics/binary/fisher-exact.js';
import { miettinenNurminenCi } from '../numerics/binary/miettinen-nurminen.js';
import { comparisonRow, type RowIdentity } from './ard-rows.js';

export interface ArmCount {
  /** Subjects with the attribute. */
  readonly n: number;
  /** Subjects in the denominator. */
  readonly bigN: number;
}

export function compareProportionRows(
  id: RowIdentity,
  arm: Group,
  msc: ArmCount,
  pbo: ArmCount,
  level: number,
): ArdRow[] {
  const estimable = msc.bigN > 0 && pbo.bigN > 0;
  const mn = estimable ? miettinenNurminenCi(msc.n, msc.bigN, pbo.n, pbo.bigN, level) : null;
  const fisher = estimable ? fisherExactTwoSided(msc.n, msc.bigN - msc.n, pbo.n, pbo.bigN - pbo.n) : null;
  return [
    comparisonRow(id, arm, 'diff', 'MN', mn?.estimate ?? null),
    comparisonRow(id, arm, 'diff_lcl', 'MN', mn?.lower ?? null),
    comparisonRow(id, arm, 'diff_ucl', 'MN', mn?.upper ?? null),
    comparisonRow(id, arm, 'p', 'FISHER', fisher),
  ];
}
