/**
 * T-14.1.5 Extent of exposure: infused volume (mL) of the single study infusion, Safety Set by arm
 * actually infused (SAP synopsis §5.5; ARD endpoint `EXPOSURE`, param `EXVOL`): n, mean (SD), median,
 * Q1, Q3, min, max with the SAP §3 precision rule on the data's precision d of the collected volumes.
 * Descriptive: the same layout blinded (Total only) and unblinded. The column N is the Safety Set count
 * (the `AE`/`TEAE` `N` rows, the Safety Set of every safety table).
 */
import type { ExRow } from '../lock/types.js';
import { dataPrecision } from '../render/format.js';
import type { TableSpec } from '../render/table-spec.js';
import { aeKey } from './ae-overview.js';
import type { TlfContext } from './context.js';
import { descriptiveByVisitSpec } from './descriptive-by-visit.js';

export const EXPOSURE_TABLE_ID = 'T-14.1.5';

/** d of the infused volumes (EX `EXVOL` of the infusion rows): the most decimals among the values. */
export function exposurePrecision(ex: readonly Pick<ExRow, 'EXVOL' | 'EXOCCUR'>[], infusedValue: string): number {
  return dataPrecision(ex.filter((r) => r.EXOCCUR === infusedValue).map((r) => r.EXVOL));
}

export function exposureTableSpec(ctx: TlfContext, precision: number): TableSpec {
  return descriptiveByVisitSpec(ctx, {
    id: EXPOSURE_TABLE_ID,
    titles: ['Extent of Exposure: Infused Volume of the Study Infusion'],
    populationLabel: 'Safety Set',
    key: { endpoint: 'EXPOSURE', param: 'EXVOL', population: 'SAF' },
    visits: [{ visit: '', label: 'Infused volume (mL)' }],
    precision,
    bigN: { key: aeKey('TEAE'), stat: { stat: 'N' } },
    footnotes: [
      'N = number of subjects in the Safety Set (infused), by arm actually infused. n = subjects with a recorded infused volume.',
      'Each subject receives a single intravenous infusion at Day 0. Q1, Q3: first and third quartiles (SAS PCTLDEF=5).',
    ],
    notEstimableFootnote: 'NE = not estimable.',
  });
}
