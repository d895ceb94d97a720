import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { SLEDAI_WEIGHT } from '../../src/simulate/code-lists.js';
import { simulateTrial } from '../../src/simulate/simulate-trial.js';

// The committed sample (data-samples/README.md): seed 20270115, n 81.
const root = new URL('../../data-samples/', import.meta.url);
type Row = Record<string, string>;
const read = (f: string): Row[] => parse(readFileSync(new URL(f, root), 'utf8'), { columns: true }) as Row[];

describe('data-samples: the committed sample lock', () => {
  it('is exactly what the simulator makes from seed 20270115, n 81 (byte for byte)', () => {
    const sim = simulateTrial({ seed: '20270115', n: 81 });
    for (const [file, text] of sim.lockFiles) {
      expect(readFileSync(new URL(`lock/${file}`, root), 'utf8'), file).toBe(text);
    }
    expect(readFileSync(new URL('randomization.csv', root), 'utf8')).toBe(sim.randomizationCsv);
  });

  it('holds the special cases its README lists (counts from the committed files)', () => {
    const dm = read('lock/dm.csv');
    const ds = read('lock/ds.csv');
    const sv = read('lock/sv.csv');
    const ex = read('lock/ex.csv');
    const qs = read('lock/qs.csv');
    const lb = read('lock/lb.csv');
    const cm = read('lock/cm.csv');
    const ae = read('lock/ae.csv');
    const rand = read('randomization.csv');
    expect(dm).toHaveLength(81);
    expect(new Set(dm.map((r) => r.SITEID)).size).toBe(9);
    expect(ex.filter((r) => r.EXOCCUR === 'N')).toHaveLength(2);
    expect(rand.filter((r) => r.ACTARMCD !== '' && r.ACTARMCD !== r.ARMCD)).toHaveLength(1);
    const screening = new Map<string, number>();
    for (const q of qs.filter((r) => r.QSCAT === 'SLEDAI-2K' && r.VISITNUM === '1')) {
      screening.set(
        q.USUBJID ?? '',
        (screening.get(q.USUBJID ?? '') ?? 0) + (q.QSSTRESC === 'Y' ? (SLEDAI_WEIGHT.get(q.QSTESTCD ?? '') ?? 0) : 0),
      );
    }
    expect(
      rand.filter((r) => r.STRATUM !== ((screening.get(r.USUBJID ?? '') ?? 0) >= 10 ? '>=10' : '<10')),
    ).toHaveLength(1);
    expect(ds.filter((r) => r.DSDECOD === 'DEATH')).toHaveLength(1);
    const completers = new Set(ds.filter((r) => r.DSDECOD === 'COMPLETED').map((r) => r.USUBJID));
    const attended = (u: string, v: string) => sv.some((r) => r.USUBJID === u && r.VISITNUM === v);
    expect([...completers].filter((u) => !attended(u ?? '', '7')).length).toBeGreaterThanOrEqual(2);
    expect([...completers].filter((u) => !attended(u ?? '', '8')).length).toBeGreaterThanOrEqual(1);
    expect(sv.some((r) => r.VISITNUM === '1.01')).toBe(true);
    expect(sv.some((r) => Number(r.VISITNUM) > 2 && r.VISIT?.startsWith('UNSCHEDULED'))).toBe(true);
    expect(qs.some((r) => r.QSCAT === 'SLEDAI-2K' && r.QSSTAT === 'NOT DONE')).toBe(true);
    expect(qs.some((r) => r.QSCAT === 'PGA' && /^\d\.\d$/.test(r.QSSTRESN ?? ''))).toBe(true);
    expect(lb.some((r) => r.LBSTRESC === '<10')).toBe(true);
    expect(lb.some((r) => r.LBSTRESC === '>300')).toBe(true);
    expect(lb.some((r) => r.LBSTAT === 'NOT DONE')).toBe(true);
    expect(lb.some((r) => r.LBORRESU === 'g/dL')).toBe(true);
    for (const f of ['QOD', 'BID']) expect(cm.some((r) => r.CMCAT === 'CORTICOSTEROID' && r.CMDOSFRQ === f)).toBe(true);
    expect(cm.some((r) => r.CMDOSFRQ === 'ONCE' && r.CMROUTE === 'INTRAVENOUS')).toBe(true);
    expect(cm.some((r) => r.CMROUTE === 'INTRA-ARTICULAR')).toBe(true);
    expect(cm.some((r) => /^\d{4}-\d{2}$/.test(r.CMSTDTC ?? ''))).toBe(true);
    expect(cm.some((r) => r.CMCAT === 'CORTICOSTEROID' && r.CMENRTPT === 'ONGOING')).toBe(true);
    expect(ae.some((r) => /^\d{4}-\d{2}$/.test(r.AESTDTC ?? ''))).toBe(true);
    const rfst = new Map(dm.map((r) => [r.USUBJID, r.RFSTDTC ?? '']));
    expect(ae.some((r) => (r.AESTDTC ?? '').length === 10 && (r.AESTDTC ?? '') < (rfst.get(r.USUBJID) ?? ''))).toBe(
      true,
    );
  });
});
