import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/core/issues.js';
import { checkDisposition, checkReferenceDates, indexInfusions } from '../../src/lock/subject-rules.js';
import type { Loose } from '../../src/lock/schema.js';
import type { DmRow, DsRow, ExRow } from '../../src/lock/types.js';

// Expected values: shared/dts/domains.md (DM, DS, EX rules), by hand.
const dm = (line: number, USUBJID: string, RFSTDTC: string | null, RFENDTC: string | null) =>
  ({ src: { file: 'dm.csv', line }, USUBJID, RFSTDTC, RFENDTC }) as unknown as Loose<DmRow>;
const ds = (line: number, USUBJID: string, DSCAT: string, DSDECOD: string) =>
  ({ src: { file: 'ds.csv', line }, USUBJID, DSCAT, DSDECOD }) as unknown as Loose<DsRow>;
const ex = (line: number, USUBJID: string, EXOCCUR: string, EXSTDTC: string) =>
  ({ src: { file: 'ex.csv', line }, USUBJID, EXOCCUR, EXSTDTC }) as unknown as Loose<ExRow>;
const locs = (issues: Issue[]) => issues.map((i) => [i.file, i.line, i.column]);

describe('checkDisposition', () => {
  const dmRows = [dm(2, 'S1', null, null), dm(3, 'S2', null, null), dm(4, 'S3', null, null)];
  it('exactly one RANDOMIZED per subject, at most one DISPOSITION EVENT', () => {
    const issues: Issue[] = [];
    checkDisposition(
      dmRows,
      [
        ds(2, 'S1', 'PROTOCOL MILESTONE', 'RANDOMIZED'),
        ds(3, 'S1', 'DISPOSITION EVENT', 'COMPLETED'),
        ds(4, 'S2', 'PROTOCOL MILESTONE', 'RANDOMIZED'),
        ds(5, 'S2', 'PROTOCOL MILESTONE', 'RANDOMIZED'),
        ds(6, 'S1', 'DISPOSITION EVENT', 'DEATH'),
        ds(7, 'S3', 'PROTOCOL MILESTONE', 'INFORMED CONSENT OBTAINED'),
      ],
      new Set(),
      issues,
    );
    expect(locs(issues)).toEqual([
      ['ds.csv', 5, 'DSDECOD'],
      ['ds.csv', 6, 'DSDECOD'],
      ['dm.csv', 4, 'USUBJID'],
    ]);
    expect(issues[0]?.rule).toBe('second RANDOMIZED milestone of S2 (first on line 4)');
  });
  it('does not say a subject lacks the milestone when one of its DS rows is broken', () => {
    const issues: Issue[] = [];
    checkDisposition([dm(2, 'S1', null, null)], [], new Set(['S1']), issues);
    expect(issues).toEqual([]);
  });
});

describe('indexInfusions and checkReferenceDates', () => {
  it('at most one infusion; RFSTDTC/RFENDTC exactly for infused subjects; EXSTDTC = RFSTDTC', () => {
    const issues: Issue[] = [];
    const inf = indexInfusions(
      [
        ex(2, 'S1', 'Y', '2026-01-05'),
        ex(3, 'S1', 'Y', '2026-01-06'),
        ex(4, 'S2', 'N', '2026-01-05'),
        ex(5, 'S3', 'Y', '2026-01-09'),
        ex(6, 'S4', 'Y', '2026-01-05'),
      ],
      issues,
    );
    expect(locs(issues)).toEqual([['ex.csv', 3, 'EXOCCUR']]);
    issues.length = 0;
    checkReferenceDates(
      [
        dm(2, 'S1', '2026-01-05', '2026-12-01'),
        dm(3, 'S2', '2026-01-05', null),
        dm(4, 'S3', '2026-01-08', '2026-12-01'),
        dm(5, 'S4', null, null),
        dm(6, 'S5', null, null),
      ],
      inf,
      new Set(),
      issues,
    );
    expect(locs(issues)).toEqual([
      ['dm.csv', 3, 'RFSTDTC'],
      ['ex.csv', 5, 'EXSTDTC'],
      ['dm.csv', 5, 'RFSTDTC'],
      ['dm.csv', 5, 'RFENDTC'],
    ]);
  });
});
