import { describe, expect, it } from 'vitest';
import type { ArdRow } from '../../src/ard/types.js';
import type { ArdEndpoint, ArdStat } from '../../src/ard/vocabulary.js';
import type { StatRowSpec } from '../../src/render/table-spec.js';
import {
  aeRelationshipTableSpec,
  aeSeverityTableSpec,
  saeSocPtTableSpec,
  seriousSocPtOrder,
} from '../../src/tlf/ae-detail.js';
import type { TlfContext } from '../../src/tlf/context.js';
import { settings } from '../derive/helpers.js';
import { sampleRun } from '../helpers/sample-run.js';

const ctx: TlfContext = {
  blinding: 'blinded',
  draft: false,
  totalLabel: 'Total',
  includeTotal: true,
  armLabels: { PBO: 'P', MSC1E6: 'L', MSC5E6: 'H' },
};
const row = (endpoint: ArdEndpoint, param: string, stat: ArdStat, value: number): ArdRow => ({
  endpoint,
  param,
  visit: '',
  population: 'SAF',
  group: 'TOTAL',
  comparator: '',
  stat,
  method: '',
  value,
});

describe('T-14.3.3-5 AE breakdown tables', () => {
  it('orders serious terms by Total count then name, PTs under their SOC', () => {
    const ard = [
      row('AESER', 'SOC:B', 'n', 1),
      row('AESER', 'SOC:A', 'n', 1),
      row('AESER', 'SOC:C', 'n', 3),
      row('AESER', 'PT:x', 'n', 1),
      row('AESER', 'PT:y', 'n', 2),
      row('AESER', 'PT:z', 'n', 1),
      row('AESER', 'TEAE', 'n', 4),
    ];
    expect(
      seriousSocPtOrder(
        ard,
        new Map([
          ['x', 'C'],
          ['y', 'C'],
          ['z', 'A'],
        ]),
      ),
    ).toEqual([
      { soc: 'C', pts: ['y', 'x'] },
      { soc: 'A', pts: ['z'] },
      { soc: 'B', pts: [] },
    ]);
  });

  it('every value row of the sample tables has its ARD rows, blinded and unblinded; files are written', async () => {
    for (const kind of ['blinded', 'unblinded'] as const) {
      const { result, lock } = await sampleRun(kind);
      const hierarchy = new Map<string, string>();
      for (const r of lock.ae) hierarchy.set(r.AEDECOD, r.AEBODSYS);
      const groups = kind === 'blinded' ? ['TOTAL'] : ['PBO', 'MSC1E6', 'MSC5E6', 'TOTAL'];
      const specs = [
        aeSeverityTableSpec(ctx, result.ard, hierarchy, settings()),
        aeRelationshipTableSpec(ctx, result.ard, hierarchy, settings()),
        saeSocPtTableSpec(ctx, result.ard, hierarchy),
      ];
      const keys = new Set(result.ard.map((r) => `${r.endpoint}|${r.param}|${r.group}|${r.stat}`));
      for (const spec of specs) {
        const stats = spec.rows.filter((r): r is StatRowSpec => r.kind === 'stat');
        expect(stats.length, spec.id).toBeGreaterThan(10);
        for (const r of stats)
          for (const g of groups)
            expect(
              keys.has(`${r.key.endpoint}|${r.key.param}|${g}|n`) ||
                keys.has(`${r.key.endpoint}|${r.key.param}|${g}|events`),
              `${spec.id} ${r.key.param} ${g}`,
            ).toBe(true);
        for (const ext of ['rtf', 'html', 'txt']) expect(result.files.has(`tables/${spec.id}.${ext}`)).toBe(true);
      }
      const sev = result.files.get('tables/T-14.3.3.txt') as string;
      expect(sev).toContain('Moderate');
      expect(result.files.get('tables/T-14.3.5.txt') as string).toContain('Any serious TEAE');
    }
  });
});
