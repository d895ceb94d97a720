/**
 * The ICH E3 16.2 patient data listings of a run (cli.md: `listings/L-16.2.<k>[.<m>].<ext>`), in
 * number order. 16.2.2 (protocol deviations) is made elsewhere; the flare listing (16.2.6.5) is
 * rendered by flares-listing.ts.
 */
import type { AdaeRecord } from '../../derive/adae.js';
import type { AdslRecord } from '../../derive/adsl.js';
import type { Lock } from '../../lock/types.js';
import type { ListingSpec } from '../../render/listing.js';
import type { TlfContext } from '../context.js';
import { AE_LISTINGS, aeListingSpec } from './adverse-events.js';
import { demographicsListingSpec, discontinuedListingSpec, excludedListingSpec, infusionListingSpec } from './subjects.js';

export interface ListingInputs {
  readonly lock: Pick<Lock, 'sv' | 'ex'>;
  readonly adsl: readonly AdslRecord[];
  readonly adae: readonly AdaeRecord[];
}

/** Every listing spec of this module, in number order. */
export function patientListingSpecs(inputs: ListingInputs, ctx: TlfContext): ListingSpec[] {
  const { lock, adsl, adae } = inputs;
  return [
    discontinuedListingSpec(adsl, lock.sv, ctx),
    excludedListingSpec(adsl, ctx),
    demographicsListingSpec(adsl, ctx),
    infusionListingSpec(adsl, lock.ex, ctx),
    ...AE_LISTINGS.map((sub) => aeListingSpec(sub, adae, adsl, ctx)),
  ];
}

export { listingCatalogEntry, renderListingFiles } from './common.js';
