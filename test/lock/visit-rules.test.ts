import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Issue } from '../../src/core/issues.js';
import { checkAssessmentVisits, checkVisitNames, indexVisits } from '../../src/lock/visit-rules.js';
import type { Loose } from '../../src/lock/schema.js';
import type { QsRow, SvRow } from '../../src/lock/types.js';

// Expected values: shared/dts/lock.md §Visits and §Identity and keys, by hand.
const sv = [
  { src: { file: 'sv.csv', line: 2 }, USUBJID: 'S1', VISITNUM: 2, VISIT: 'DAY 0', SVSTDTC: '2026-01-05' },
  { src: { file: 'sv.csv', line: 3 }, USUBJID: 'S1', VISITNUM: 3.01, VISIT: 'UNSCHEDULED 3.01', SVSTDTC: '2026-02-09' },
  { src: { file: 'sv.csv', line: 4 }, USUBJID: 'S1', VISITNUM: 2, VISIT: 'DAY 0', SVSTDTC: '2026-01-06' },
] as unknown as Loose<SvRow>[];
const qs = (line: number, USUBJID: string, VISITNUM: number, QSDTC: string, VISIT = 'DAY 0') =>
  ({ src: { file: 'qs.csv', line }, USUBJID, VISITNUM, VISIT, QSDTC }) as unknown as Loose<QsRow>;

describe('checkVisitNames', () => {
  it('reports the column at fault', () => {
    const issues: Issue[] = [];
    checkVisitNames(
      [
        qs(2, 'S1', 2, 'x'),
        qs(3, 'S1', 3, 'x', 'WEEK 8'),
        qs(4, 'S1', 3.5, 'x', 'UNSCHEDULED 3.50'),
        qs(5, 'S1', 3.001, 'x'),
      ],
      issues,
    );
    expect(issues.map((i) => [i.line, i.column])).toEqual([
      [3, 'VISIT'],
      [5, 'VISITNUM'],
    ]);
  });
});

describe('checkAssessmentVisits', () => {
  it('each assessment sits on a visit of sv.csv and is dated by it (the first SV row of a repeated key)', () => {
    const issues: Issue[] = [];
    const rows = [
      qs(2, 'S1', 2, '2026-01-05'),
      qs(3, 'S1', 3.01, '2026-02-09'),
      qs(4, 'S1', 5, '2026-03-30'),
      qs(5, 'S2', 2, '2026-01-05'),
      qs(6, 'S1', 2, '2026-01-06'),
    ];
    checkAssessmentVisits(rows, 'QSDTC', indexVisits(sv), issues);
    expect(issues.map((i) => [i.line, i.column, i.rule])).toEqual([
      [4, 'VISITNUM', 'subject S1 has no visit 5 in sv.csv'],
      [5, 'VISITNUM', 'subject S2 has no visit 2 in sv.csv'],
      [6, 'QSDTC', 'QSDTC 2026-01-06 is not the date of its visit (SVSTDTC 2026-01-05, sv.csv line 2)'],
    ]);
  });
});

describe('visit rules on runs of rows (the pair and the visit looked up once a run)', () => {
  it('report on every row of a run, as a row-by-row check does', () => {
    const svRows = [
      { src: { file: 'sv.csv', line: 2 }, USUBJID: 'S1', VISITNUM: 1, VISIT: 'SCREENING', SVSTDTC: '2025-01-01' },
      { src: { file: 'sv.csv', line: 3 }, USUBJID: 'S1', VISITNUM: 2, VISIT: 'BASELINE', SVSTDTC: '2025-01-08' },
    ] as unknown as Parameters<typeof indexVisits>[0];
    const visits = indexVisits(svRows);
    const cells = fc.record({
      USUBJID: fc.constantFrom('S1', 'S2'),
      VISITNUM: fc.constantFrom(1, 2, 3, 2.01),
      VISIT: fc.constantFrom('SCREENING', 'BASELINE', 'WEEK 4', 'UNSCHEDULED 2.01'),
      QSDTC: fc.constantFrom('2025-01-01', '2025-01-08', '2025-02-01'),
    });
    fc.assert(
      fc.property(fc.array(cells, { maxLength: 25 }), (list) => {
        const rows = list.map((c, i) => ({ src: { file: 'qs.csv', line: i + 2 }, ...c }));
        const names: Issue[] = [];
        const dates: Issue[] = [];
        checkVisitNames(rows, names);
        checkAssessmentVisits(rows, 'QSDTC', visits, dates);
        const oneByOne = (f: (rs: typeof rows, out: Issue[]) => void) =>
          rows.flatMap((r) => {
            const out: Issue[] = [];
            f([r], out);
            return out;
          });
        expect(names).toEqual(oneByOne((rs, out) => checkVisitNames(rs, out)));
        expect(dates).toEqual(oneByOne((rs, out) => checkAssessmentVisits(rs, 'QSDTC', visits, out)));
      }),
    );
  });
});
