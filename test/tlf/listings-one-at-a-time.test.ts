import { describe, expect, it } from 'vitest';
import type { TlfContext } from '../../src/tlf/context.js';
import type { AdslRecord } from '../../src/derive/adsl.js';
import { subjectBlocksOnDemand } from '../../src/tlf/listings/common.js';
import { patientListingSpecs, type ListingInputs } from '../../src/tlf/listings/index.js';

const ctx: TlfContext = {
  blinding: 'blinded',
  draft: false,
  totalLabel: 'Total',
  includeTotal: true,
  armLabels: { PBO: 'Placebo', MSC1E6: 'Low', MSC5E6: 'High' },
};

/** Inputs whose adverse events, labs and LB throw when read: only the listings made from them touch them. */
function inputsTouching(): ListingInputs {
  const untouchable = (name: string) => () => {
    throw new Error(`${name} read`);
  };
  return {
    lock: {
      sv: [],
      ex: [],
      get lb(): never {
        return untouchable('lb')();
      },
    },
    settings: { bilag: { domains: [] } },
    adsl: [],
    get adae(): never {
      return untouchable('adae')();
    },
    sri4: [],
    sledai: [],
    bilagGrades: [],
    bilagVisits: [],
    pga: [],
    get labs(): never {
      return untouchable('labs')();
    },
  } as unknown as ListingInputs;
}

describe('patientListingSpecs', () => {
  // Memory: a caller renders and writes each listing before the next is made (run-pipeline writeListings),
  // so a large lock never holds every listing at once.
  it('makes each listing when it is asked for, not all at once', () => {
    const specs = patientListingSpecs(inputsTouching(), ctx);
    const first = specs.next();
    expect(first.done).toBe(false);
    expect(first.value?.id).toBe('L-16.2.1');
    const ids: string[] = [];
    expect(() => {
      for (const s of specs) ids.push(s.id);
    }).toThrow(/adae read/);
    expect(ids).toEqual(['L-16.2.3', 'L-16.2.4', 'L-16.2.5', 'L-16.2.6.1', 'L-16.2.6.2', 'L-16.2.6.3', 'L-16.2.6.4']);
  });
});

describe('subjectBlocksOnDemand', () => {
  // Memory: render/listing.ts streams a listing known to be longer than HELD_LISTING_ROWS from its first
  // row (holdsBlocks), so the count must be the rows the blocks give, a row a record.
  it('says how many rows its blocks give, before they are read', () => {
    const records = ['S2', 'S1', 'S2', 'S3', 'S1', 'S2'].map((USUBJID, i) => ({ USUBJID, i }));
    const adslById = new Map(['S1', 'S2', 'S3'].map((id) => [id, { USUBJID: id } as AdslRecord]));
    const blocks = subjectBlocksOnDemand(records, adslById, 'randomized', ctx, (r) => [String(r.i)]);
    expect(blocks.rowCount).toBe(6);
    const read = [...blocks];
    expect(read.map((b) => b.length)).toEqual([2, 3, 1]);
    expect(read.flat().map((row) => row.join('|'))).toEqual(['S1|1', 'S1|4', 'S2|0', 'S2|2', 'S2|5', 'S3|3']);
  });
});
