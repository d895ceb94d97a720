import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/core/dates.js';
import { SLEDAI_WEIGHT } from '../../src/simulate/code-lists.js';
import { simulateTrial } from '../../src/simulate/simulate-trial.js';

type Row = Record<string, string>;
const sim = simulateTrial({ seed: 'records', n: 300 });
const read = (f: string): Row[] => parse(sim.lockFiles.get(f) ?? '', { columns: true }) as Row[];
const dm = read('dm.csv');
const ds = read('ds.csv');
const sv = read('sv.csv');
const ex = read('ex.csv');
const qs = read('qs.csv');
const lb = read('lb.csv');
const cm = read('cm.csv');
const ae = read('ae.csv');
const rand = parse(sim.randomizationCsv, { columns: true }) as Row[];
const key = (r: Row) => `${r.USUBJID}|${r.VISITNUM}`;
const by = <T>(rows: T[], k: (r: T) => string): Map<string, T[]> => {
  const m = new Map<string, T[]>();
  for (const r of rows) m.set(k(r), [...(m.get(k(r)) ?? []), r]);
  return m;
};

describe('simulateSubject: the records agree with each other', () => {
  it('sets the SLEDAI-2K laboratory descriptors from the visit’s reported labs (exact rule of sledai.ts)', () => {
    const labs = by(lb, key);
    let checked = 0;
    for (const q of qs) {
      if (q.QSCAT !== 'SLEDAI-2K' || q.QSSTAT === 'NOT DONE') continue;
      const l = new Map((labs.get(key(q)) ?? []).filter((r) => r.LBSTAT !== 'NOT DONE').map((r) => [r.LBTESTCD, r]));
      const num = (c: string) => Number(l.get(c)?.LBSTRESN);
      const y = q.QSSTRESC === 'Y';
      const rule: Record<string, () => boolean | null> = {
        SLED13: () => (l.has('PROTCRT') ? num('PROTCRT') > 0.5 : null),
        SLED20: () => (l.has('C3') && l.has('C4') ? num('C3') < 0.9 || num('C4') < 0.1 : null),
        SLED21: () =>
          l.has('DSDNA')
            ? l.get('DSDNA')?.LBSTRESC === '>300'
              ? true
              : l.get('DSDNA')?.LBSTRESC === '<10'
                ? false
                : num('DSDNA') > 30
            : null,
        SLED23: () => (l.has('PLAT') ? num('PLAT') < 100 : null),
        SLED24: () => (l.has('WBC') ? num('WBC') < 3 : null),
      };
      const expected = rule[q.QSTESTCD ?? '']?.() ?? null;
      if (expected === null) continue;
      expect(y, `${key(q)} ${q.QSTESTCD}`).toBe(expected);
      checked++;
    }
    expect(checked).toBeGreaterThan(10_000);
  });

  it('records the PGA in 0–3 with two decimals, one at sites 104 and 108', () => {
    for (const q of qs.filter((r) => r.QSCAT === 'PGA')) {
      const v = Number(q.QSSTRESN);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(3);
      const site = q.USUBJID?.split('-')[1] ?? '';
      expect(q.QSSTRESN).toMatch(site === '104' || site === '108' ? /^\d\.\d$/ : /^\d\.\d\d$/);
    }
  });

  it('never lowers a SLICC/ACR DI system score from screening to Week 52, and some worsen', () => {
    const sdi = by(
      qs.filter((r) => r.QSCAT === 'SLICC/ACR DAMAGE INDEX'),
      (r) => `${r.USUBJID}|${r.QSTESTCD}`,
    );
    let worse = 0;
    for (const rows of sdi.values()) {
      const s = rows.find((r) => r.VISITNUM === '1');
      const w = rows.find((r) => r.VISITNUM === '10');
      if (s === undefined || w === undefined) continue;
      expect(Number(w.QSSTRESN)).toBeGreaterThanOrEqual(Number(s.QSSTRESN));
      if (Number(w.QSSTRESN) > Number(s.QSSTRESN)) worse++;
    }
    expect(worse).toBeGreaterThan(10);
  });

  it('dates every record inside the subject’s participation (RFSTDTC = infusion = DAY 0; RFENDTC = disposition ≥ visits, CM ends)', () => {
    const visits = by(sv, (r) => r.USUBJID ?? '');
    const meds = by(cm, (r) => r.USUBJID ?? '');
    const events = by(ae, (r) => r.USUBJID ?? '');
    for (const d of dm) {
      const u = d.USUBJID ?? '';
      const x = ex.find((r) => r.USUBJID === u);
      const disp = ds.find((r) => r.USUBJID === u && r.DSCAT === 'DISPOSITION EVENT');
      expect(disp).toBeDefined();
      const v = visits.get(u) ?? [];
      if (d.RFSTDTC === '') {
        expect(x?.EXOCCUR).toBe('N');
        expect(v.every((r) => Number(r.VISITNUM) < 2)).toBe(true);
        continue;
      }
      expect(x?.EXOCCUR).toBe('Y');
      expect(x?.EXSTDTC).toBe(d.RFSTDTC);
      expect(v.find((r) => r.VISITNUM === '2')?.SVSTDTC).toBe(d.RFSTDTC);
      expect(disp?.DSSTDTC).toBe(d.RFENDTC);
      const end = dayNumber(d.RFENDTC ?? '');
      for (const r of v) expect(dayNumber(r.SVSTDTC ?? '')).toBeLessThanOrEqual(end);
      for (const r of meds.get(u) ?? []) {
        if (r.CMENRTPT === 'ONGOING') expect(r.CMENDTC).toBe('');
        else expect(dayNumber(r.CMENDTC ?? '')).toBeLessThanOrEqual(end);
      }
      for (const r of events.get(u) ?? [])
        if ((r.AESTDTC ?? '').length === 10) expect(dayNumber(r.AESTDTC ?? '')).toBeLessThanOrEqual(end);
    }
  });

  it('numbers unscheduled visits after the last scheduled visit attended, in date order', () => {
    for (const rows of by(sv, (r) => r.USUBJID ?? '').values()) {
      const sorted = [...rows].sort((a, b) => Number(a.VISITNUM) - Number(b.VISITNUM));
      for (let i = 1; i < sorted.length; i++) {
        expect((sorted[i]?.SVSTDTC ?? '') > (sorted[i - 1]?.SVSTDTC ?? '')).toBe(true);
      }
      for (const r of rows.filter((x) => x.VISIT?.startsWith('UNSCHEDULED'))) {
        expect(r.VISIT).toBe(`UNSCHEDULED ${r.VISITNUM}`);
        const base = Math.floor(Number(r.VISITNUM));
        expect(rows.some((x) => x.VISITNUM === String(base))).toBe(true);
      }
    }
  });

  it('tapers steroids in non-overlapping steps (at most one shared day) and stops them in some subjects', () => {
    const oral = by(
      cm.filter((r) => r.CMCAT === 'CORTICOSTEROID' && r.CMROUTE === 'ORAL'),
      (r) => `${r.USUBJID}|${r.CMDECOD}`,
    );
    let sharedDays = 0;
    let stopped = 0;
    for (const rows of oral.values()) {
      const sorted = rows
        .map((row) => ({
          row,
          start: dayNumber(row.CMSTDTC?.length === 7 ? `${row.CMSTDTC}-01` : (row.CMSTDTC ?? '')),
        }))
        .sort((a, b) => a.start - b.start);
      for (let i = 1; i < sorted.length; i++) {
        const prevEnd = dayNumber(sorted[i - 1]?.row.CMENDTC ?? '');
        expect((sorted[i]?.start ?? 0) - prevEnd).toBeGreaterThanOrEqual(0);
        if (sorted[i]?.start === prevEnd) sharedDays++;
      }
      if (sorted.at(-1)?.row.CMENRTPT !== 'ONGOING') stopped++;
      for (const r of rows) {
        expect(r.CMDOSU).toBe('mg');
        expect(['QD', 'BID', 'QOD']).toContain(r.CMDOSFRQ);
      }
    }
    expect(sharedDays).toBeGreaterThan(0);
    expect(stopped).toBeGreaterThan(20);
    expect(cm.some((r) => r.CMDOSFRQ === 'ONCE' && r.CMROUTE === 'INTRAVENOUS')).toBe(true);
  });

  it('shows the dose-related benefit: share with SLEDAI-2K down ≥ 4 at Week 24 is PBO < MSC1E6 < MSC5E6, ≥ 15 points apart end to end', () => {
    const arm = new Map(rand.map((r) => [r.USUBJID, r.ARMCD]));
    const totals = new Map<string, number | null>();
    for (const q of qs.filter((r) => r.QSCAT === 'SLEDAI-2K' && (r.VISITNUM === '2' || r.VISITNUM === '8'))) {
      const k = key(q);
      const cur = totals.get(k);
      if (q.QSSTAT === 'NOT DONE' || cur === null) totals.set(k, null);
      else totals.set(k, (cur ?? 0) + (q.QSSTRESC === 'Y' ? (SLEDAI_WEIGHT.get(q.QSTESTCD ?? '') ?? 0) : 0));
    }
    const share: Record<string, [number, number]> = { PBO: [0, 0], MSC1E6: [0, 0], MSC5E6: [0, 0] };
    for (const d of dm.filter((r) => r.RFSTDTC !== '')) {
      const s = share[arm.get(d.USUBJID) ?? ''];
      if (s === undefined) continue;
      const b = totals.get(`${d.USUBJID}|2`);
      const w = totals.get(`${d.USUBJID}|8`);
      s[1]++;
      if (b != null && w != null && w <= b - 4) s[0]++;
    }
    const p = (a: string) => (share[a]?.[0] ?? 0) / (share[a]?.[1] ?? 1);
    expect(p('PBO')).toBeLessThan(p('MSC1E6'));
    expect(p('MSC1E6')).toBeLessThan(p('MSC5E6'));
    expect(p('MSC5E6') - p('PBO')).toBeGreaterThan(0.15);
  });
});
