import { describe, expect, it } from 'vitest';
import { parsePromisTable } from '../../src/sap/promis-table.js';

describe('parsePromisTable', () => {
  it('reads raw, T-score and an optional SE', () => {
    const r = parsePromisTable('raw,tscore,se\n2,40.1,3.5\n3,45,\n4,50.5,2\n', 2, 4);
    expect(r).toEqual({
      ok: true,
      rows: [
        { raw: 2, tscore: 40.1, se: 3.5 },
        { raw: 3, tscore: 45, se: null },
        { raw: 4, tscore: 50.5, se: 2 },
      ],
    });
  });

  it('requires every raw score exactly once and nothing outside the range', () => {
    const r = parsePromisTable('raw,tscore,se\n2,40,\n2,41,\n5,50,\n', 2, 4);
    expect(r).toEqual({
      ok: false,
      problems: [
        'raw score 2 must appear exactly once (found 2)',
        'raw score 3 must appear exactly once (found 0)',
        'raw score 4 must appear exactly once (found 0)',
        'raw score 5 is outside 2–4',
      ],
    });
  });

  it('names the line of a non-numeric value and checks the header', () => {
    expect(parsePromisTable('raw,tscore,se\n2,x,\n', 2, 2)).toMatchObject({ ok: false, problems: [expect.stringMatching(/^line 2: /), expect.anything()] });
    expect(parsePromisTable('raw,t,se\n', 2, 2)).toEqual({ ok: false, problems: ['the header must be raw,tscore,se'] });
  });
});
