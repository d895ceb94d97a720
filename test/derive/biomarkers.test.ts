import { describe, expect, it } from 'vitest';
import { deriveBiomarkers, toBiomarkerDatasets } from '../../src/derive/biomarkers.js';
import { dm, settings } from './helpers.js';
import { lb } from './lb-helpers.js';
import { datasetContext } from '../helpers/dataset-context.js';

const s = settings();

describe('deriveBiomarkers', () => {
  it('derives lab records, then flags for every DM subject, and writes adlb and adbiom', () => {
    const d = deriveBiomarkers(
      { dm: [dm('S1'), dm('S2')], lb: [lb('S1', 'PROTCRT', 2, 0, '>0.5'), lb('S1', 'PROTCRT', 5, 84, 0.4)] },
      s,
    );
    expect(d.labs.map((r) => [r.VISITNUM, r.AVAL, r.CHG])).toEqual([
      [2, 0.5, null],
      [5, 0.4, 0.4 - 0.5],
    ]);
    const upcr = d.flags.filter((f) => f.USUBJID === 'S1' && f.PARAMCD === 'UPCRGT05');
    expect(upcr.find((f) => f.AVISIT === 'BASELINE')?.AVALC).toBe('ABN');
    expect(upcr.find((f) => f.AVISIT === 'WEEK12')).toMatchObject({ AVALC: 'NORM', BASEC: 'ABN' });
    expect(new Set(d.flags.map((f) => f.USUBJID))).toEqual(new Set(['S1', 'S2']));
    expect(toBiomarkerDatasets(d, datasetContext(['S1', 'S2'], s)).map((x) => x.name)).toEqual(['adlb', 'adbiom']);
  });
});
