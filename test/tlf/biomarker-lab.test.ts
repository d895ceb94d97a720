import { describe, expect, it } from 'vitest';
import { LAB_TABLE_ID, labTableSpec } from '../../src/tlf/biomarker-lab.js';
import { settings } from '../derive/helpers.js';
import { ard, completeArd, renderSpec, tlfCtx } from './render-helpers.js';

const s = settings();

describe('labTableSpec (T-14.2.14)', () => {
  it('summarises the value at every scheduled visit and the change after baseline, each test with its own d', () => {
    const spec = labTableSpec(
      tlfCtx(),
      s,
      new Map([
        ['C3', 2],
        ['DSDNA', 0],
      ]),
    );
    expect(spec.id).toBe(LAB_TABLE_ID);
    const keys = spec.rows.flatMap((r) =>
      r.kind === 'stat' && r.label === 'n' ? [`${r.key.param}@${r.key.visit}`] : [],
    );
    expect(keys).toHaveLength(s.labSummaryTests.length * (9 + 8));
    expect(keys).not.toContain('C3:CHG@BASELINE');
    // Made-up values: C3 (d = 2) min/max with 2 decimals, mean with 3; DSDNA (d = 0) min/max whole.
    const text = renderSpec(
      spec,
      completeArd(spec, [
        ard('LAB', 'C3:AVAL', 'BASELINE', 'PBO', 'n', 27),
        ard('LAB', 'C3:AVAL', 'BASELINE', 'PBO', 'mean', 0.8791),
        ard('LAB', 'C3:AVAL', 'BASELINE', 'PBO', 'min', 0.53),
        ard('LAB', 'C3:AVAL', 'BASELINE', 'PBO', 'max', 1.39),
        ard('LAB', 'DSDNA:AVAL', 'BASELINE', 'PBO', 'min', 10),
        ard('LAB', 'DSDNA:AVAL', 'BASELINE', 'PBO', 'max', 300),
      ]),
    );
    expect(text).toMatch(/0\.53, 1\.39/);
    expect(text).toMatch(/0\.879 \(0\.0000\)/); // SD filler 0 with d + 2 = 4 decimals
    expect(text).toMatch(/10, 300/);
  });

  it('takes d = 0 for a test without any collected result', () => {
    const spec = labTableSpec(tlfCtx('blinded'), { ...s, labSummaryTests: ['C4'] }, new Map());
    const text = renderSpec(
      spec,
      completeArd(spec, [
        ard('LAB', 'C4:AVAL', 'WEEK4', 'TOTAL', 'min', 0.1),
        ard('LAB', 'C4:AVAL', 'WEEK4', 'TOTAL', 'max', 0.4),
      ]),
    );
    expect(text).toMatch(/ 0, 0\b/);
  });
});
