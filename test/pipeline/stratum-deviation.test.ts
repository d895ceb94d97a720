/**
 * SAP §4.12 / synopsis §6: a randomized stratum that disagrees with screening SLEDAI-2K is a protocol
 * deviation, not bad input. The run warns about it (stderr) and also keeps it as data: the subject's
 * `addv` record (DVSTRFL = Y with both strata) and the DEVIATION STRATUM count.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ardValue, sampleRun } from '../helpers/sample-run.js';

describe('stratum disagreement: a warning and data the outputs keep', async () => {
  const { result } = await sampleRun('unblinded');
  const addv = parse(result.files.get('adam/addv.csv') as string, { columns: true }) as Record<string, string>[];
  const disagreeing = result.derivations.adsl.filter((s) => s.STRATDFL === 'Y');

  it('the sample has a disagreement to test with', () => {
    expect(disagreeing.length).toBeGreaterThan(0);
  });

  it('warns once per disagreeing subject, naming both strata and where the deviation is kept', () => {
    const stratum = result.warnings.filter((w) => w.rule.includes('randomization stratum'));
    expect(stratum.map((w) => w.rule.split(':')[0])).toEqual(disagreeing.map((s) => s.USUBJID));
    for (const w of stratum) expect(w.rule).toMatch(/protocol deviation STRATUM, kept in adam\/addv\.csv/);
  });

  it('keeps each disagreement in addv (DVSTRFL = Y, both strata) and counts it in DEVIATION STRATUM', () => {
    for (const s of disagreeing) {
      expect(addv.find((r) => r.USUBJID === s.USUBJID)).toMatchObject({
        STRATUM: s.STRATUM,
        RANDSTR: s.RANDSTR,
        DVSTRFL: 'Y',
        DVANYFL: 'Y',
      });
    }
    const flagged = addv.filter((r) => r.DVSTRFL === 'Y').length;
    expect(
      ardValue(result.ard, { endpoint: 'DEVIATION', param: 'STRATUM', population: 'ENR', group: 'TOTAL', stat: 'n' }),
    ).toBe(flagged);
    expect(flagged).toBeGreaterThanOrEqual(disagreeing.length);
  });

  it('a blinded run has no deviation data (no addv, no DEVIATION rows) and no stratum warning', async () => {
    const blinded = (await sampleRun('blinded')).result;
    expect(blinded.files.has('adam/addv.csv')).toBe(false);
    expect(blinded.ard.some((r) => r.endpoint === 'DEVIATION')).toBe(false);
    expect(blinded.warnings.some((w) => w.rule.includes('randomization stratum'))).toBe(false);
  });
});
