/**
 * The ICH E3 16.2 patient data listings of a run (cli.md: `listings/L-16.2.<k>[.<m>].<ext>`), in
 * number order. 16.2.2 (protocol deviations) is made elsewhere; the flare listing (16.2.6.5) is
 * rendered by flares-listing.ts.
 */
import type { AdaeRecord } from '../../derive/adae.js';
import type { AdslRecord } from '../../derive/adsl.js';
import type { BilagGradeRecord, BilagVisitRecord } from '../../derive/bilag.js';
import type { LabRecord } from '../../derive/lab-results.js';
import type { PgaRecord } from '../../derive/pga.js';
import type { SledaiRecord } from '../../derive/sledai.js';
import type { Sri4Record } from '../../derive/sri4.js';
import type { Lock } from '../../lock/types.js';
import type { SapSettings } from '../../sap/index.js';
import type { ListingSource } from '../../render/listing.js';
import type { TlfContext } from '../context.js';
import { AE_LISTINGS, aeListingSpec } from './adverse-events.js';
import { bilagListingSpec, pgaListingSpec, sledaiListingSpec, sri4ListingSpec } from './efficacy.js';
import { LAB_LISTINGS, labListingIndex, labListingSpec } from './labs.js';
import {
  demographicsListingSpec,
  discontinuedListingSpec,
  excludedListingSpec,
  infusionListingSpec,
} from './subjects.js';

export interface ListingInputs {
  readonly lock: Pick<Lock, 'sv' | 'ex' | 'lb'>;
  readonly settings: SapSettings;
  readonly adsl: readonly AdslRecord[];
  readonly adae: readonly AdaeRecord[];
  readonly sri4: readonly Sri4Record[];
  readonly sledai: readonly SledaiRecord[];
  readonly bilagGrades: readonly BilagGradeRecord[];
  readonly bilagVisits: readonly BilagVisitRecord[];
  readonly pga: readonly PgaRecord[];
  readonly labs: readonly LabRecord[];
}

/**
 * Every listing spec of this module, in number order, each made when it is asked for: a caller that
 * renders and writes one before asking for the next holds one listing at a time (memory: a listing of a
 * large lock has hundreds of thousands of rows).
 */
export function* patientListingSpecs(inputs: ListingInputs, ctx: TlfContext): Generator<ListingSource> {
  const { lock, adsl, settings } = inputs;
  yield discontinuedListingSpec(adsl, lock.sv, ctx);
  yield excludedListingSpec(adsl, ctx);
  yield demographicsListingSpec(adsl, ctx);
  yield infusionListingSpec(adsl, lock.ex, ctx);
  yield sri4ListingSpec(inputs.sri4, adsl, ctx);
  yield sledaiListingSpec(inputs.sledai, adsl, ctx);
  yield bilagListingSpec(inputs.bilagGrades, inputs.bilagVisits, adsl, settings, ctx);
  yield pgaListingSpec(inputs.pga, adsl, ctx);
  for (const sub of AE_LISTINGS) yield aeListingSpec(sub, inputs.adae, adsl, ctx);
  // Both lab listings look up one index of LB and ADLB (dropped with this generator after the second).
  const labIndex = labListingIndex(inputs.labs, lock.lb);
  for (const sub of LAB_LISTINGS) yield labListingSpec(sub, inputs.labs, lock.lb, adsl, ctx, labIndex);
}

export { listingCatalogEntry, renderListingFilePieces, renderListingFiles } from './common.js';
