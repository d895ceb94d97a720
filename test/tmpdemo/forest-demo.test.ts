import { writeFileSync } from 'node:fs';
import { it } from 'vitest';
import type { ArdRow, Group } from '../../src/ard/types.js';
import { renderFigureFiles } from '../../src/figures/figure-files.js';
import { sri4ForestFigureSpec } from '../../src/figures/sri4-forest.js';
import { defaultSettingsPath, loadSapSettings } from '../../src/sap/index.js';
it('demo', () => {
  const rows: ArdRow[] = [];
  const params: [string, string][] = [['SRI4', ''], ['SRI4_SUB', 'STRATUM:<10'], ['SRI4_SUB', 'STRATUM:>=10'], ['SRI4_SUB', 'SEX:F'], ['SRI4_SUB', 'SEX:M'], ['SRI4_SUB', 'AGE:<40'], ['SRI4_SUB', 'AGE:>=40']];
  let k = 0;
  for (const [endpoint, param] of params) {
    k++;
    for (const g of ['PBO', 'MSC1E6', 'MSC5E6', 'TOTAL'] as Group[]) {
      const N = 10 + k + (g === 'TOTAL' ? 30 : 0);
      rows.push({ endpoint, param, visit: 'WEEK24', population: 'FAS', group: g, comparator: '', stat: 'N', method: '', value: N });
      rows.push({ endpoint, param, visit: 'WEEK24', population: 'FAS', group: g, comparator: '', stat: 'n', method: '', value: Math.floor(N / 3) });
    }
    for (const g of ['MSC1E6', 'MSC5E6'] as Group[]) {
      const d = (g === 'MSC1E6' ? 0.1 : 0.22) - k * 0.02;
      const vals: Record<string, number | null> = { diff: d, diff_lcl: d - 0.3, diff_ucl: d + 0.28 };
      if (param === 'SEX:M' && g === 'MSC5E6') { vals.diff = null; vals.diff_lcl = null; vals.diff_ucl = null; }
      for (const [stat, value] of Object.entries(vals)) rows.push({ endpoint, param, visit: 'WEEK24', population: 'FAS', group: g, comparator: 'PBO', stat, method: 'MN', value });
    }
  }
  const ctx = { blinding: 'randomization' as const, draft: false, armLabels: { PBO: 'Placebo', MSC1E6: 'MSC 1x10^6 cells/kg', MSC5E6: 'MSC 5x10^6 cells/kg' }, totalLabel: 'Total', includeTotal: true };
  const spec = sri4ForestFigureSpec({ ard: rows, settings: loadSapSettings(defaultSettingsPath()), ctx })!;
  const files = renderFigureFiles([spec]);
  writeFileSync('/tmp/i10/f.svg', files.get('figures/F-14.2.4.svg') as string);
  writeFileSync('/tmp/i10/f.png', files.get('figures/F-14.2.4.png') as Uint8Array);
});
