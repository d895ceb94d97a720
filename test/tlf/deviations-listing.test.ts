import { describe, expect, it } from 'vitest';
import type { DeviationRecord } from '../../src/derive/deviations.js';
import { deviationListingSpec } from '../../src/tlf/deviations-listing.js';
import { renderListingFiles } from '../../src/tlf/listings/index.js';
import { tlfCtx } from './render-helpers.js';

// Hand-made addv records (src/derive/deviations.ts): the listing shows what the flags say, with the values.
const r = (over: Partial<DeviationRecord> & Pick<DeviationRecord, 'USUBJID'>): DeviationRecord => ({
  ARMCD: 'PBO',
  ACTARMCD: 'PBO',
  INFFL: 'Y',
  SCRSLED: 8,
  STRATUM: '<10',
  RANDSTR: '<10',
  DVSTRFL: 'N',
  DVARMFL: 'N',
  DVNINFFL: 'N',
  DVANYFL: 'N',
  ...over,
});

describe('deviationListingSpec (L-16.2.2)', () => {
  const records = [
    r({ USUBJID: 'S-010', ARMCD: 'MSC5E6', ACTARMCD: 'MSC1E6', DVARMFL: 'Y', DVANYFL: 'Y' }),
    r({ USUBJID: 'S-003', ARMCD: 'MSC1E6', ACTARMCD: 'MSC1E6' }), // no deviation: not listed
    r({
      USUBJID: 'S-007',
      ARMCD: 'PBO',
      INFFL: 'N',
      ACTARMCD: null,
      RANDSTR: '>=10',
      SCRSLED: 9,
      DVSTRFL: 'Y',
      DVNINFFL: 'Y',
      DVANYFL: 'Y',
    }),
    r({
      USUBJID: 'S-002',
      ARMCD: 'MSC5E6',
      ACTARMCD: 'MSC5E6',
      SCRSLED: null,
      STRATUM: null,
      DVSTRFL: 'Y',
      DVANYFL: 'Y',
    }),
    r({
      USUBJID: 'S-001',
      ARMCD: 'MSC1E6',
      ACTARMCD: 'MSC1E6',
      RANDSTR: '<10',
      SCRSLED: 12,
      STRATUM: '>=10',
      DVSTRFL: 'Y',
      DVANYFL: 'Y',
    }),
  ];

  it('lists subjects with a deviation by randomized arm, then subject, one row per deviation with its values', () => {
    const spec = deviationListingSpec(tlfCtx(), records);
    expect(spec.id).toBe('L-16.2.2');
    expect(spec.columns).toEqual(['Randomized arm', 'Subject', 'Deviation', 'Values behind the deviation']);
    expect(spec.blocks).toEqual([
      [
        ['Placebo', 'S-007', 'Wrong stratum', 'randomized >=10; screening SLEDAI-2K 9 (<10)'],
        ['Placebo', 'S-007', 'Never infused', 'no infusion recorded'],
      ],
      [['MSC 1x10^6 cells/kg', 'S-001', 'Wrong stratum', 'randomized <10; screening SLEDAI-2K 12 (>=10)']],
      [['MSC 5x10^6 cells/kg', 'S-002', 'Wrong stratum', 'randomized <10; screening SLEDAI-2K missing']],
      [['MSC 5x10^6 cells/kg', 'S-010', 'Other arm infused', 'infused MSC 1x10^6 cells/kg']],
    ]);
  });

  it('follows the flags, not its own reading of the values', () => {
    // Values that look like a stratum deviation, flags that say none: not listed (the flags are the derivation).
    const spec = deviationListingSpec(tlfCtx(), [r({ USUBJID: 'S-1', RANDSTR: '>=10' })]);
    expect(spec.blocks).toEqual([]);
  });

  it('renders RTF, HTML and text under listings/, saying so when there is no deviation; DUMMY in a dummy run', () => {
    const ctx = tlfCtx('dummy');
    const files = renderListingFiles(deviationListingSpec(ctx, [r({ USUBJID: 'S-1' })]), ctx);
    expect([...files.keys()]).toEqual(['listings/L-16.2.2.rtf', 'listings/L-16.2.2.html', 'listings/L-16.2.2.txt']);
    expect(files.get('listings/L-16.2.2.txt')).toContain('No protocol deviation derived from the data.');
    expect(files.get('listings/L-16.2.2.txt')).toContain('Listing 16.2.2');
    for (const text of files.values()) expect(text).toContain('DUMMY RANDOMIZATION');
  });

  // The blinded pipeline makes no L-16.2.2 at all: test/e2e/sensitivity-deviation-outputs.test.ts (UNBLINDED_ONLY).
  it('writes nothing in a blinded run, and its spec is refused there', () => {
    expect(() => deviationListingSpec(tlfCtx('blinded'), records)).toThrow(/blinded/);
  });
});
