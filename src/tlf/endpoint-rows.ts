/**
 * The ARD's rows of one endpoint, in ARD order. Several table specs scan the ARD for the parameters
 * of one endpoint (SOCs and PTs, sites, medications, discontinuation reasons, flare windows); a pass
 * over every row of the whole ARD per spec was a large part of the fixed cost of a run, so the ARD is
 * split by endpoint once and each spec reads only its endpoint's rows.
 */
import type { ArdRow } from '../ard/types.js';
import type { ArdEndpoint } from '../ard/vocabulary.js';

const byEndpoint = new WeakMap<readonly ArdRow[], ReadonlyMap<string, readonly ArdRow[]>>();

const NONE: readonly ArdRow[] = [];

function splitByEndpoint(ard: readonly ArdRow[]): ReadonlyMap<string, readonly ArdRow[]> {
  const out = new Map<string, ArdRow[]>();
  // By index, not for…of: V8 compiles this loop (on-stack replacement), and an iterator loop's
  // try/finally made the compiled graph larger.
  for (let i = 0; i < ard.length; i++) {
    const r = ard[i] as ArdRow;
    const rows = out.get(r.endpoint);
    if (rows === undefined) out.set(r.endpoint, [r]);
    else rows.push(r);
  }
  return out;
}

/** The rows of `endpoint` (ard.filter by endpoint), the ARD split once per ARD array. */
export function endpointRows(ard: readonly ArdRow[], endpoint: ArdEndpoint): readonly ArdRow[] {
  let split = byEndpoint.get(ard);
  if (split === undefined) byEndpoint.set(ard, (split = splitByEndpoint(ard)));
  return split.get(endpoint) ?? NONE;
}
