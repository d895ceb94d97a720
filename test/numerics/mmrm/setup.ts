// Test helper: a small MMRM problem (first 40 subjects of fev_data) as PatternData.
import { buildDesignMatrix } from '../../../src/numerics/model/design.js';
import { parseModelFormula } from '../../../src/numerics/model/formula.js';
import { groupByPattern } from '../../../src/numerics/mmrm/patterns.js';
import type { PatternData } from '../../../src/numerics/mmrm/patterns.js';
import { VISITS, readFev } from './fev.js';

export function smallProblem(formula = 'FEV1 ~ ARMCD*AVISIT + FEV1_BL', subjects = 40): PatternData {
  const ids = [...new Set(readFev().map((r) => r.USUBJID!))].slice(0, subjects);
  const rows = readFev().filter((r) => ids.includes(r.USUBJID!));
  const design = buildDesignMatrix(rows, {
    formula: parseModelFormula(formula),
    classVariables: ['AVISIT'],
    requiredColumns: ['USUBJID', 'AVISIT'],
  });
  const subj = new Map<string, number>();
  const s = new Int32Array(design.usedRows.length);
  const v = new Int32Array(design.usedRows.length);
  design.usedRows.forEach((r, o) => {
    const id = rows[r]!.USUBJID!;
    if (!subj.has(id)) subj.set(id, subj.size);
    s[o] = subj.get(id)!;
    v[o] = VISITS.indexOf(rows[r]!.AVISIT!);
  });
  return groupByPattern(design, s, v, subj.size, 4);
}
