import { describe, expect, it } from 'vitest';
import { deriveAll } from '../../src/derive/derive-all.js';
import { runInputs, SAMPLE_LOCK, SAMPLE_RANDOMIZATION } from '../helpers/sample-run.js';

describe('deriveAll', () => {
  it('calls `settled` after its large steps (the command line collects garbage there) and derives the same', async () => {
    const { lock, unblinding, settings } = await runInputs(SAMPLE_LOCK, SAMPLE_RANDOMIZATION);
    let calls = 0;
    const settled = deriveAll(lock, unblinding, settings, () => calls++);
    expect(calls).toBe(2);
    const plain = deriveAll(lock, unblinding, settings);
    const pick = (d: typeof plain) => ({
      adsl: d.primary.adsl,
      pro: d.pro.map((r) => [r.USUBJID, r.PARAMCD, r.VISITNUM, r.AVAL, r.BASE, r.CHG]),
      labs: d.biomarkers.labs.map((r) => [r.USUBJID, r.PARAMCD, r.AVAL, r.CHG]),
      flags: d.biomarkers.flags.map((r) => [r.USUBJID, r.PARAMCD, r.AVISIT, r.AVALC, r.BASEC]),
    });
    expect(pick(settled)).toEqual(pick(plain));
  });
});
