import { describe, expect, it } from 'vitest';
import {
  groupQsAssessments,
  itemNumber,
  itemText,
  sourceLinesOfAssessment,
  type QsAssessment,
} from '../../src/derive/assessments.js';
import { SourceLines } from '../../src/derive/source-lines.js';
import type { QsRow } from '../../src/lock/types.js';
import { pga, qs, sledai } from './helpers.js';

describe('groupQsAssessments', () => {
  it('groups one instrument by subject (in the order given) then VISITNUM', () => {
    const rows = [
      pga('S2', 3, 28, 1),
      pga('S1', 3, 28, 1),
      pga('S1', 1, -7, 2),
      qs('S1', 2, 0, { QSCAT: 'LIT', QSTESTCD: 'LIT01' }),
    ];
    const a = groupQsAssessments(rows, 'PGA', ['S1', 'S2']);
    expect(a.map((x) => [x.USUBJID, x.VISITNUM, x.ADT])).toEqual([
      ['S1', 1, '2024-12-25'],
      ['S1', 3, '2025-01-29'],
      ['S2', 3, '2025-01-29'],
    ]);
  });

  it('reads an item as missing when NOT DONE or absent', () => {
    const [a] = groupQsAssessments([pga('S1', 2, 0, null)], 'PGA', ['S1']);
    if (!a) throw new Error('no assessment');
    expect(itemNumber(a, 'PGA', 'NOT DONE')).toBeNull();
    expect(itemText(a, 'OTHER', 'NOT DONE')).toBeNull();
    const [b] = groupQsAssessments([pga('S1', 2, 0, 1.5)], 'PGA', ['S1']);
    if (!b) throw new Error('no assessment');
    expect([itemNumber(b, 'PGA', 'NOT DONE'), itemText(b, 'PGA', 'NOT DONE')]).toEqual([1.5, '1.5']);
  });
});

/**
 * What the index gave before it held row positions: a Map per instrument, subject and VISITNUM, its
 * rows set by QSTESTCD in the order read (so a repeated QSTESTCD keeps its first place and its last row).
 */
function referenceGrouping(rows: readonly QsRow[], qscat: string, subjects: readonly string[]) {
  const bySubject = new Map<string, Map<number, { first: QsRow; items: Map<string, QsRow> }>>();
  for (const r of rows) {
    if (r.QSCAT !== qscat) continue;
    let visits = bySubject.get(r.USUBJID);
    if (!visits) bySubject.set(r.USUBJID, (visits = new Map()));
    let a = visits.get(r.VISITNUM);
    if (!a) visits.set(r.VISITNUM, (a = { first: r, items: new Map() }));
    a.items.set(r.QSTESTCD, r);
  }
  return subjects.flatMap((s) => {
    const visits = bySubject.get(s);
    if (!visits) return [];
    return [...visits.keys()]
      .sort((a, b) => a - b)
      .map((v) => {
        const { first, items } = visits.get(v)!;
        return { USUBJID: s, VISITNUM: v, VISIT: first.VISIT, ADT: first.QSDTC, items };
      });
  });
}

/** An assessment as plain data, its items read through every ReadonlyMap method. */
function plain(a: QsAssessment, probe: readonly string[]) {
  return {
    USUBJID: a.USUBJID,
    VISITNUM: a.VISITNUM,
    VISIT: a.VISIT,
    ADT: a.ADT,
    entries: [...a.items.entries()],
    keys: [...a.items.keys()],
    values: [...a.items.values()],
    iterated: [...a.items],
    forEach: (() => {
      const seen: [string, QsRow][] = [];
      a.items.forEach((v, k) => seen.push([k, v]));
      return seen;
    })(),
    size: a.items.size,
    got: probe.map((t) => [a.items.has(t), a.items.get(t)]),
  };
}

describe('the QS index (row positions, assessments made when read)', () => {
  // Shuffled rows: subjects, visits and items out of order, a subject not listed, a repeated QSTESTCD.
  const rows: QsRow[] = [
    pga('S3', 3, 28, 1),
    ...sledai('S1', 3, 28, ['SLED01', 'SLED05']),
    pga('S1', 1, -7, 2),
    qs('S2', 2, 0, { QSCAT: 'LIT', QSTESTCD: 'LIT02', QSSTRESN: 1 }),
    pga('S9', 2, 0, 1),
    qs('S2', 2, 0, { QSCAT: 'LIT', QSTESTCD: 'LIT01', QSSTRESN: 3 }),
    ...sledai('S1', 1, -7, ['SLED02']).reverse(),
    pga('S1', 3, 28, 0.5),
    qs('S2', 2, 0, { QSCAT: 'LIT', QSTESTCD: 'LIT02', QSSTRESN: 4 }),
    qs('S2', 1, -7, { QSCAT: 'LIT', QSTESTCD: 'LIT01', QSSTRESN: 0 }),
    pga('S1', 2, 0, 1.5),
  ];
  const subjects = ['S2', 'S1', 'S3'];
  const probe = ['PGA', 'LIT01', 'LIT02', 'SLED01', 'SLED02', 'NONE'];

  it('gives each instrument as a Map per assessment gave it, from an array or from rows by position', () => {
    const byPosition = { length: rows.length, at: (i: number) => ({ ...rows[i]! }) };
    for (const qscat of ['PGA', 'SLEDAI-2K', 'LIT', 'BILAG-2004']) {
      const expected = referenceGrouping(rows, qscat, subjects).map((a) => plain(a, probe));
      expect(groupQsAssessments(rows, qscat, subjects).map((a) => plain(a, probe))).toEqual(expected);
      expect(groupQsAssessments(byPosition, qscat, subjects).map((a) => plain(a, probe))).toEqual(expected);
    }
    // The repeated LIT02 of S2 at visit 2: its first place, its last row (QSSTRESN 4).
    const [lit] = groupQsAssessments(rows, 'LIT', ['S2']).filter((a) => a.VISITNUM === 2);
    expect([...lit!.items.keys()]).toEqual(['LIT02', 'LIT01']);
    expect(lit!.items.get('LIT02')?.QSSTRESN).toBe(4);
    expect(lit!.items.size).toBe(2);
  });

  it('reads every item of assessments whose items come in another order than the first one', () => {
    const a = groupQsAssessments(rows, 'SLEDAI-2K', ['S1']);
    expect(a.map((x) => x.VISITNUM)).toEqual([1, 3]);
    // Visit 1 lists its items in reverse: each is still found, by a hint that misses and a scan.
    for (const x of a) for (const r of x.items.values()) expect(x.items.get(r.QSTESTCD)).toEqual(r);
    expect(itemText(a[0]!, 'SLED02', 'NOT DONE')).not.toBeNull();
  });

  it('gives the source rows of an assessment as its values in order, repeated QSTESTCD or not', () => {
    // What sourcesOfAssessment gave (a generator of the values' src) before it read the index directly.
    const expected = (a: QsAssessment) => SourceLines.of([...a.items.values()].map((r) => r.src));
    const asLines = (l: SourceLines) => ({ rows: [...l], length: l.length, oneRun: l.oneRun() });
    for (const qscat of ['PGA', 'SLEDAI-2K', 'LIT']) {
      const assessments = groupQsAssessments(rows, qscat, subjects);
      expect(assessments.length).toBeGreaterThan(0);
      for (const a of assessments) expect(asLines(sourceLinesOfAssessment(a))).toEqual(asLines(expected(a)));
      // An assessment whose items are a plain Map (as a test or another caller may make) reads the same.
      for (const a of referenceGrouping(rows, qscat, subjects))
        expect(asLines(sourceLinesOfAssessment(a))).toEqual(asLines(expected(a)));
    }
    // The LIT assessment with LIT02 twice (the index's repeat path) cites its two rows, not three.
    const [lit] = groupQsAssessments(rows, 'LIT', ['S2']).filter((a) => a.VISITNUM === 2);
    expect(sourceLinesOfAssessment(lit!)).toHaveLength(2);
  });

  it('leaves out rows of subjects not listed, and gives nothing without subjects', () => {
    expect(groupQsAssessments(rows, 'PGA', ['S9']).map((x) => x.USUBJID)).toEqual(['S9']);
    expect(groupQsAssessments(rows, 'PGA', [])).toEqual([]);
    expect(groupQsAssessments([], 'PGA', subjects)).toEqual([]);
  });
});
