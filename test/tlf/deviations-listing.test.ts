import { describe, expect, it } from 'vitest';
import { adslDeviations, deviationListingSpec, renderDeviationListing, type DeviationSubject } from '../../src/tlf/deviations-listing.js';
import { tlfCtx } from './render-helpers.js';

const s = (over: Partial<DeviationSubject> & Pick<DeviationSubject, 'USUBJID'>): DeviationSubject => ({
  ARMCD: 'PBO', ACTARMCD: 'PBO', INFFL: 'Y', RANDSTR: '<10', STRATUM: '<10', SCRSLED: 8, ...over,
});

describe('adslDeviations (SAP synopsis §5.5)', () => {
  it('flags a randomized stratum that differs from the screening stratum, or a missing screening stratum', () => {
    expect(adslDeviations(s({ USUBJID: 'A' }))).toEqual([]);
    expect(adslDeviations(s({ USUBJID: 'A', RANDSTR: '>=10' }))).toEqual(['STRATUM']);
    expect(adslDeviations(s({ USUBJID: 'A', STRATUM: null, SCRSLED: null }))).toEqual(['STRATUM']);
  });

  it('flags an infusion of another arm, and never infused (not both)', () => {
    expect(adslDeviations(s({ USUBJID: 'A', ACTARMCD: 'MSC5E6' }))).toEqual(['ARM']);
    expect(adslDeviations(s({ USUBJID: 'A', INFFL: 'N', ACTARMCD: null }))).toEqual(['NOTINFUSED']);
    expect(adslDeviations(s({ USUBJID: 'A', INFFL: 'N', ACTARMCD: null, RANDSTR: '>=10' }))).toEqual(['STRATUM', 'NOTINFUSED']);
  });
});

describe('deviationListingSpec (L-16.2.2)', () => {
  const subjects = [
    s({ USUBJID: 'S-010', ARMCD: 'MSC5E6', ACTARMCD: 'MSC1E6' }),
    s({ USUBJID: 'S-003', ARMCD: 'MSC1E6', ACTARMCD: 'MSC1E6' }), // no deviation: not listed
    s({ USUBJID: 'S-007', ARMCD: 'PBO', INFFL: 'N', ACTARMCD: null, RANDSTR: '>=10', SCRSLED: 9 }),
    s({ USUBJID: 'S-002', ARMCD: 'MSC5E6', ACTARMCD: 'MSC5E6', SCRSLED: null, STRATUM: null }),
    s({ USUBJID: 'S-001', ARMCD: 'MSC1E6', ACTARMCD: 'MSC1E6', RANDSTR: '<10', SCRSLED: 12, STRATUM: '>=10' }),
  ];

  it('lists subjects with a deviation by randomized arm, then subject, one row per deviation with its values', () => {
    const spec = deviationListingSpec(tlfCtx(), subjects);
    expect(spec.id).toBe('L-16.2.2');
    expect(spec.columns).toEqual(['Randomized arm', 'Subject', 'Deviation', 'Randomized stratum', 'Screening SLEDAI-2K', 'Screening stratum', 'Arm infused']);
    expect(spec.blocks).toEqual([
      [
        ['Placebo', 'S-007', 'Randomized in the wrong stratum', '>=10', '9', '<10', 'Not infused'],
        ['Placebo', 'S-007', 'Never infused', '>=10', '9', '<10', 'Not infused'],
      ],
      [['MSC 1x10^6 cells/kg', 'S-001', 'Randomized in the wrong stratum', '<10', '12', '>=10', 'MSC 1x10^6 cells/kg']],
      [['MSC 5x10^6 cells/kg', 'S-002', 'Randomized in the wrong stratum', '<10', 'Missing', 'Missing', 'MSC 5x10^6 cells/kg']],
      [['MSC 5x10^6 cells/kg', 'S-010', 'Infused with another arm than randomized', '<10', '8', '<10', 'MSC 1x10^6 cells/kg']],
    ]);
  });

  it('uses the deviations it is given (the derived flags), in the listing order of kinds', () => {
    const spec = deviationListingSpec(tlfCtx(), subjects, (x) => (x.USUBJID === 'S-003' ? ['NOTINFUSED', 'STRATUM'] : []));
    expect(spec.blocks.map((b) => b.map((r) => `${r[1]} ${r[2]}`))).toEqual([['S-003 Randomized in the wrong stratum', 'S-003 Never infused']]);
  });

  it('renders RTF, HTML and text under listings/, saying so when there is no deviation; DUMMY in a dummy run', () => {
    const files = renderDeviationListing(tlfCtx('dummy'), [s({ USUBJID: 'S-1' })]);
    expect([...files.keys()]).toEqual(['listings/L-16.2.2.rtf', 'listings/L-16.2.2.html', 'listings/L-16.2.2.txt']);
    expect(files.get('listings/L-16.2.2.txt')).toContain('No protocol deviation derived from the data.');
    expect(files.get('listings/L-16.2.2.txt')).toContain('Listing L-16.2.2');
    for (const text of files.values()) expect(text).toContain('DUMMY RANDOMIZATION');
  });

  it('writes nothing in a blinded run, and its spec is refused there', () => {
    expect(renderDeviationListing(tlfCtx('blinded'), subjects).size).toBe(0);
    expect(() => deviationListingSpec(tlfCtx('blinded'), subjects)).toThrow(/blinded/);
  });
});
