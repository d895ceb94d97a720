/**
 * Per-subject rules between DM, DS and EX (../shared/dts/domains.md): exactly one RANDOMIZED milestone
 * and at most one DISPOSITION EVENT per subject; at most one infusion (EXOCCUR = Y), dated RFSTDTC;
 * RFSTDTC and RFENDTC given exactly for the infused subjects.
 */
import { issue, type Issue } from '../core/issues.js';
import type { Loose } from './schema.js';
import type { DmRow, DsRow, ExRow } from './types.js';

/**
 * Exactly one RANDOMIZED milestone per DM subject; at most one DISPOSITION EVENT per subject. Subjects in
 * `unsure` (a DS row of theirs has a broken cell, already reported) are not said to lack a milestone.
 */
export function checkDisposition(
  dm: readonly Loose<DmRow>[],
  ds: readonly Loose<DsRow>[],
  unsure: ReadonlySet<string>,
  issues: Issue[],
): void {
  const randomized = new Map<string, number>();
  const event = new Map<string, number>();
  for (const row of ds) {
    if (row.USUBJID === null) continue;
    const seen = row.DSDECOD === 'RANDOMIZED' ? randomized : row.DSCAT === 'DISPOSITION EVENT' ? event : null;
    if (seen === null) continue;
    const first = seen.get(row.USUBJID);
    if (first === undefined) seen.set(row.USUBJID, row.src.line);
    else {
      const what = seen === randomized ? 'RANDOMIZED milestone' : 'DISPOSITION EVENT';
      issues.push(
        issue(
          'error',
          row.src.file,
          `second ${what} of ${row.USUBJID} (first on line ${first})`,
          row.src.line,
          'DSDECOD',
        ),
      );
    }
  }
  for (const row of dm) {
    if (row.USUBJID !== null && !randomized.has(row.USUBJID) && !unsure.has(row.USUBJID)) {
      issues.push(
        issue('error', row.src.file, `subject has no RANDOMIZED milestone in ds.csv`, row.src.line, 'USUBJID'),
      );
    }
  }
}

/**
 * At most one EXOCCUR = Y row per subject. Returns the infusion row of each subject (the first), which
 * the reference-date rule and the randomization rule read.
 */
export function indexInfusions(ex: readonly Loose<ExRow>[], issues: Issue[]): ReadonlyMap<string, Loose<ExRow>> {
  const infusion = new Map<string, Loose<ExRow>>();
  for (const row of ex) {
    if (row.USUBJID === null || row.EXOCCUR !== 'Y') continue;
    const first = infusion.get(row.USUBJID);
    if (first === undefined) infusion.set(row.USUBJID, row);
    else {
      const rule = `second infusion (EXOCCUR = Y) of ${row.USUBJID} (first on line ${first.src.line})`;
      issues.push(issue('error', row.src.file, rule, row.src.line, 'EXOCCUR'));
    }
  }
  return infusion;
}

/**
 * RFSTDTC/RFENDTC exactly for infused subjects, and the infusion dated RFSTDTC. Pass only DM rows whose
 * cells are sound; subjects in `unsure` (an EX row of theirs has a broken cell) are skipped.
 */
export function checkReferenceDates(
  dm: readonly Loose<DmRow>[],
  infusions: ReadonlyMap<string, Loose<ExRow>>,
  unsure: ReadonlySet<string>,
  issues: Issue[],
): void {
  for (const row of dm) {
    if (row.USUBJID === null || unsure.has(row.USUBJID)) continue;
    const ex = infusions.get(row.USUBJID);
    for (const col of ['RFSTDTC', 'RFENDTC'] as const) {
      if (ex !== undefined && row[col] === null) {
        issues.push(
          issue(
            'error',
            row.src.file,
            `${col} is required: the subject was infused (ex.csv line ${ex.src.line})`,
            row.src.line,
            col,
          ),
        );
      } else if (ex === undefined && row[col] !== null) {
        issues.push(
          issue(
            'error',
            row.src.file,
            `${col} must be empty: the subject has no infusion (EXOCCUR = Y) in ex.csv`,
            row.src.line,
            col,
          ),
        );
      }
    }
    if (ex !== undefined && ex.EXSTDTC !== null && row.RFSTDTC !== null && ex.EXSTDTC !== row.RFSTDTC) {
      const rule = `EXSTDTC ${ex.EXSTDTC} of the infusion differs from DM RFSTDTC ${row.RFSTDTC} (dm.csv line ${row.src.line})`;
      issues.push(issue('error', ex.src.file, rule, ex.src.line, 'EXSTDTC'));
    }
  }
}
