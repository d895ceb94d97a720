import { describe, expect, it } from 'vitest';
import { groupQsAssessments, type QsAssessment } from '../../src/derive/assessments.js';
import { assessmentsOf, indexLock, keepInstruments } from '../../src/derive/lock-index.js';
import { bilag, DAY0, dm, pga, qs, sledai } from './helpers.js';

/** An assessment as plain data: its items as a Map (the index makes them as views of row positions). */
const plain = (list: readonly QsAssessment[]) =>
  list.map((a) => ({ USUBJID: a.USUBJID, VISITNUM: a.VISITNUM, VISIT: a.VISIT, ADT: a.ADT, items: new Map(a.items) }));

// The index replaces each derivation's own grouping of QS: it must give, instrument by instrument,
// exactly what `groupQsAssessments` gives (subjects in DM order, then VISITNUM; rows of a subject
// absent from DM left out), whatever order the rows come in.
describe('indexLock', () => {
  const rows = [
    pga('S2', 3, 28, 1.5),
    ...sledai('S1', 2, 0, ['SLED01']),
    pga('S1', 3, 28, 1),
    ...bilag('S1', 3, 28, 'EEEEEEEEE'),
    pga('S1', 1, -7, 2),
    pga('S9', 2, 0, 1), // not in DM
    ...bilag('S2', 2, 0, 'ABCDE-EEE'),
    pga('S1', 2, 0, 0.5),
    qs('S1', 5.01, 90, { QSCAT: 'LIT', QSTESTCD: 'LIT01', QSSTRESN: 2 }),
    ...sledai('S1', 1, -7, []),
  ];
  const lock = { dm: [dm('S2'), dm('S1', { RFSTDTC: null })], qs: rows };
  const index = indexLock(lock);

  it('holds the DM subjects in order and their Day 0', () => {
    expect(index.subjects).toEqual(['S2', 'S1']);
    expect(index.infusion).toEqual(
      new Map([
        ['S2', DAY0],
        ['S1', null],
      ]),
    );
  });

  it('groups every instrument as groupQsAssessments does', () => {
    expect([...index.qs.keys()].sort()).toEqual(['BILAG-2004', 'LIT', 'PGA', 'SLEDAI-2K']);
    for (const qscat of index.qs.keys()) {
      expect(plain(assessmentsOf(index, qscat))).toEqual(plain(groupQsAssessments(rows, qscat, ['S2', 'S1'])));
    }
    expect(assessmentsOf(index, 'PGA').map((a) => [a.USUBJID, a.VISITNUM])).toEqual([
      ['S2', 3],
      ['S1', 1],
      ['S1', 2],
      ['S1', 3],
    ]);
    expect(assessmentsOf(index, 'SLEDAI-2K').map((a) => a.items.size)).toEqual([24, 24]);
  });

  it('gives no assessment for an instrument without rows', () => {
    expect(assessmentsOf(index, 'SLICC/ACR DAMAGE INDEX')).toEqual([]);
  });
});

describe('keepInstruments', () => {
  it('lets go of every instrument but those kept; the kept ones are unchanged', () => {
    const rows = [pga('S1', 2, 0, 1), ...sledai('S1', 2, 0, ['SLED01']), ...bilag('S1', 2, 0, 'EEEEEEEEE')];
    const index = indexLock({ dm: [dm('S1')], qs: rows });
    const pgaBefore = plain(assessmentsOf(index, 'PGA'));
    keepInstruments(index, new Set(['PGA', 'LIT']));
    expect([...index.qs.keys()]).toEqual(['PGA']);
    expect(plain(assessmentsOf(index, 'PGA'))).toEqual(pgaBefore);
    expect(assessmentsOf(index, 'SLEDAI-2K')).toEqual([]);
  });
});
