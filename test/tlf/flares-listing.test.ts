import { describe, expect, it } from 'vitest';
import type { AdslRecord } from '../../src/derive/adsl.js';
import type { FlareTransitionRecord } from '../../src/derive/bilag-flare.js';
import { flareListingSpec } from '../../src/tlf/flares-listing.js';
import { renderListingFiles } from '../../src/tlf/listings/index.js';

const t = (
  USUBJID: string,
  ADY: number,
  PARAM: string,
  PREVC: string,
  AVALC: string,
  FLRSEV: FlareTransitionRecord['FLRSEV'],
): FlareTransitionRecord => ({
  USUBJID,
  VISITNUM: 3,
  VISIT: 'WEEK 4',
  ADT: '2025-01-29',
  ADY,
  PARAMCD: 'BLGX',
  PARAM,
  PREVC,
  AVALC,
  FLRSEV,
  FLAREFL: FLRSEV === 'MILD' ? 'N' : 'Y',
  RENALFL: 'N',
  src: null,
});
const adsl = (USUBJID: string, FASFL: 'Y' | 'N') => ({ USUBJID, FASFL }) as AdslRecord;

describe('flareListingSpec (L-16.2.6.5)', () => {
  it('lists FAS subjects only, in subject order, one block per subject, mild transitions included', () => {
    const spec = flareListingSpec(
      [
        t('S2', 28, 'Renal', 'C', 'B', 'MODERATE'),
        t('S1', 40, 'Mucocutaneous', 'D', 'C', 'MILD'),
        t('S9', 10, 'Renal', 'E', 'A', 'SEVERE'),
      ],
      [adsl('S1', 'Y'), adsl('S2', 'Y'), adsl('S9', 'N')],
    );
    expect(spec.id).toBe('L-16.2.6.5');
    expect(spec.blocks).toEqual([
      [['S1', 'WEEK 4', '2025-01-29', '40', 'Mucocutaneous', 'D', 'C', 'Mild']],
      [['S2', 'WEEK 4', '2025-01-29', '28', 'Renal', 'C', 'B', 'Moderate']],
    ]);
  });

  it('renders RTF, HTML and text under listings/, saying so when there is no flare', () => {
    const files = renderListingFiles(flareListingSpec([], [adsl('S1', 'Y')]), {
      blinding: 'blinded',
      draft: false,
      totalLabel: 'Total',
      includeTotal: true,
      armLabels: { PBO: 'P', MSC1E6: 'L', MSC5E6: 'H' },
    });
    expect([...files.keys()]).toEqual([
      'listings/L-16.2.6.5.rtf',
      'listings/L-16.2.6.5.html',
      'listings/L-16.2.6.5.txt',
    ]);
    expect(files.get('listings/L-16.2.6.5.txt')).toContain('No BILAG-2004 domain flare.');
    expect(files.get('listings/L-16.2.6.5.txt')).toContain('Listing 16.2.6.5');
  });
});
