/**
 * BILAG-2004 domain grades from the organ levels (Isenberg et al., Rheumatology 2005): level 3 → A,
 * 2 → B, 1 → C; an inactive domain is D if it was ever involved (before the study or at an earlier
 * assessment) and E otherwise.
 */
import { BILAG_DOMAINS } from './code-lists.js';
import type { BilagDomain } from './code-lists.js';
import { qsRow } from './qs-row.js';
import type { CsvRow, Levels, SimVisit } from './types.js';

export type BilagGrade = 'A' | 'B' | 'C' | 'D' | 'E';

/** Grades for one assessment; `everInvolved` is updated with the domains active now. */
export function bilagGrades(
  levels: Levels,
  everInvolved: Record<BilagDomain, boolean>,
): Record<BilagDomain, BilagGrade> {
  const out = {} as Record<BilagDomain, BilagGrade>;
  for (const { domain } of BILAG_DOMAINS) {
    const l = levels[domain];
    out[domain] = l >= 3 ? 'A' : l === 2 ? 'B' : l === 1 ? 'C' : everInvolved[domain] ? 'D' : 'E';
    if (l > 0) everInvolved[domain] = true;
  }
  return out;
}

export function bilagRows(usubjid: string, visit: SimVisit, grades: Record<BilagDomain, BilagGrade>): CsvRow[] {
  return BILAG_DOMAINS.map((d) =>
    qsRow(usubjid, visit, 'BILAG-2004', d.code, d.label, {
      kind: 'text',
      orres: grades[d.domain],
      stresc: grades[d.domain],
    }),
  );
}
