/**
 * The ARD of the bundled sample holds every row that ../shared/dts/ard.md lists (unblinded run), and
 * a blinded run holds TOTAL rows only: no arm, no model, no comparison.
 */
import { describe, expect, it } from 'vitest';
import type { ArdRow } from '../../src/ard/types.js';
import type { ArdEndpoint, ArdMethod, ArdStat } from '../../src/ard/vocabulary.js';
import { sampleRun } from '../helpers/sample-run.js';

const GROUPS = ['PBO', 'MSC1E6', 'MSC5E6', 'TOTAL'] as const;
const ARMS = ['PBO', 'MSC1E6', 'MSC5E6'] as const;
const MSC = ['MSC1E6', 'MSC5E6'] as const;
const DESCRIPTIVES: readonly ArdStat[] = ['n', 'mean', 'sd', 'median', 'q1', 'q3', 'min', 'max'];
const VISITS = ['BASELINE', 'WEEK4', 'WEEK8', 'WEEK12', 'WEEK16', 'WEEK20', 'WEEK24', 'WEEK36', 'WEEK52'];
const POST = VISITS.slice(1);
const PRO_VISITS = ['BASELINE', 'WEEK12', 'WEEK24', 'WEEK52'];
const PRO_CODES = [
  'SF36PF',
  'SF36RP',
  'SF36BP',
  'SF36GH',
  'SF36VT',
  'SF36SF',
  'SF36RE',
  'SF36MH',
  'SF36PCS',
  'SF36MCS',
  'LPROLS',
  'LPROCOG',
  'LPROMED',
  'LPROPRO',
  'LPROPHY',
  'LPROPV',
  'LPROEMO',
  'LPROBI',
  'LPRODG',
  'LPROSS',
  'LPROCOP',
  'LPROSAT',
  'LPROHRQ',
  'LPRONHRQ',
  'PROMISFAT',
  'PROMISPAIN',
  'PROMISDEP',
  'LIT',
];
const FLAGS = ['LOWC3', 'LOWC4', 'DSDNAPOS', 'UPCRGT05', 'LEUKOPENIA', 'THROMBOCYTOPENIA', 'LYMPHOPENIA', 'ANEMIA'];
const STATUSES = ['ABN', 'NORM', 'MISS'];
const MMRM = /^MMRM-(US|TOEPH|AR1H|CS)-KR$/;

type Want = Omit<ArdRow, 'value' | 'method' | 'comparator'> & { comparator?: '' | 'PBO'; method?: string | RegExp };

describe('ARD contract (ard.md) on the bundled sample', async () => {
  const { result } = await sampleRun('unblinded');
  const index = new Map<string, ArdRow[]>();
  for (const r of result.ard) {
    const k = [r.endpoint, r.param, r.visit, r.population, r.group, r.comparator, r.stat].join('|');
    index.set(k, [...(index.get(k) ?? []), r]);
  }
  const missing: string[] = [];
  const want = (w: Want) => {
    const k = [w.endpoint, w.param, w.visit, w.population, w.group, w.comparator ?? '', w.stat].join('|');
    const hits = index.get(k) ?? [];
    const method = w.method ?? '';
    const ok = hits.filter((h) => (typeof method === 'string' ? h.method === method : method.test(h.method)));
    if (ok.length !== 1)
      missing.push(`${k} method=${String(method)} (found ${hits.map((h) => h.method).join('/') || 'none'})`);
  };
  const perGroup = (
    e: ArdEndpoint,
    param: string,
    visit: string,
    population: ArdRow['population'],
    stats: readonly ArdStat[],
    method: ArdMethod | '' = '',
  ) => {
    for (const group of GROUPS)
      for (const stat of stats) want({ endpoint: e, param, visit, population, group, stat, method });
  };
  const versusPbo = (
    e: ArdEndpoint,
    param: string,
    visit: string,
    stats: readonly ArdStat[],
    method: ArdMethod | RegExp,
  ) => {
    for (const group of MSC)
      for (const stat of stats)
        want({ endpoint: e, param, visit, population: 'FAS', group, comparator: 'PBO', stat, method });
  };
  const mnFisher = (e: ArdEndpoint, param: string, visit: string) => {
    versusPbo(e, param, visit, ['diff', 'diff_lcl', 'diff_ucl'], 'MN');
    versusPbo(e, param, visit, ['p'], 'FISHER');
  };
  const mmrmRows = (e: ArdEndpoint, param: string, visits: string[]) => {
    for (const visit of visits) {
      for (const group of ARMS)
        for (const stat of ['lsmean', 'lsmean_se', 'lsmean_lcl', 'lsmean_ucl'] as const)
          want({ endpoint: e, param, visit, population: 'FAS', group, stat, method: MMRM });
      versusPbo(e, param, visit, ['diff', 'diff_se', 'diff_lcl', 'diff_ucl', 'df', 'p'], MMRM);
    }
  };
  const timeToEvent = (e: ArdEndpoint) => {
    perGroup(e, '', '', 'FAS', ['n', 'events', 'censored']);
    perGroup(e, '', '', 'FAS', ['median_time', 'median_lcl', 'median_ucl'], 'KM');
    for (const day of ['84', '168', '364']) perGroup(e, day, '', 'FAS', ['km', 'km_lcl', 'km_ucl'], 'KM');
    versusPbo(e, '', '', ['hr', 'hr_lcl', 'hr_ucl'], 'COX-EFRON');
    versusPbo(e, '', '', ['p'], 'LOGRANK');
  };

  it('has every row for SLEDAI, flares, time to flare, SDI, steroids, PROs, biomarkers, labs', () => {
    for (const v of VISITS) perGroup('SLEDAI', 'AVAL', v, 'FAS', DESCRIPTIVES);
    for (const v of POST) perGroup('SLEDAI', 'CHG', v, 'FAS', DESCRIPTIVES);
    mmrmRows('SLEDAI', 'CHG', POST);

    for (const e of ['FLARE', 'FLARE_RENAL', 'FLARE_NONRENAL', 'FLARE_SEVERE'] as const)
      for (const v of ['WEEK12', 'WEEK24', 'WEEK52']) {
        perGroup(e, '', v, 'FAS', ['N', 'n', 'prop', 'events', 'pyears', 'rate']);
        mnFisher(e, '', v);
        if (v === 'WEEK52') versusPbo(e, '', v, ['rr', 'rr_lcl', 'rr_ucl', 'p'], /^(NEGBIN|POISSON)$/);
      }
    timeToEvent('TTFLARE');

    perGroup('SDI', 'AVAL', 'BASELINE', 'FAS', DESCRIPTIVES);
    perGroup('SDI', 'AVAL', 'WEEK52', 'FAS', DESCRIPTIVES);
    perGroup('SDI', 'CHG', 'WEEK52', 'FAS', DESCRIPTIVES);
    perGroup('SDI', 'WORSEN', 'WEEK52', 'FAS', ['N', 'n', 'prop']);
    mnFisher('SDI', 'WORSEN', 'WEEK52');

    perGroup('CSDISC', '', 'WEEK52', 'FAS', ['N', 'n', 'prop']);
    mnFisher('CSDISC', '', 'WEEK52');
    timeToEvent('TTCSDISC');
    perGroup('CSCUM', '', 'WEEK52', 'FAS', DESCRIPTIVES);
    versusPbo('CSCUM', '', 'WEEK52', ['p'], 'WILCOXON');

    for (const code of PRO_CODES) {
      for (const v of PRO_VISITS) perGroup('PRO', `${code}:AVAL`, v, 'FAS', DESCRIPTIVES);
      for (const v of PRO_VISITS.slice(1)) perGroup('PRO', `${code}:CHG`, v, 'FAS', DESCRIPTIVES);
      mmrmRows('PRO', `${code}:CHG`, PRO_VISITS.slice(1));
    }

    for (const flag of FLAGS) for (const v of VISITS) perGroup('BIOMARKER', flag, v, 'FAS', ['N', 'n', 'prop']);
    for (const flag of FLAGS)
      for (const b of STATUSES)
        for (const s of STATUSES)
          for (const v of ['WEEK12', 'WEEK24', 'WEEK52'])
            perGroup('BIOSHIFT', `${flag}:${b}:${s}`, v, 'FAS', ['N', 'n', 'prop']);
    for (const test of ['C3', 'C4', 'DSDNA', 'PROTCRT']) {
      for (const v of VISITS) perGroup('LAB', `${test}:AVAL`, v, 'FAS', DESCRIPTIVES);
      for (const v of POST) perGroup('LAB', `${test}:CHG`, v, 'FAS', DESCRIPTIVES);
    }
    expect(missing.slice(0, 20), `${missing.length} rows missing`).toEqual([]);
  });

  it('has every row for baseline characteristics, safety and disposition', () => {
    for (const p of ['AGE', 'WEIGHTBL', 'SLEDAI', 'PGA', 'SDI', 'CSDOSE0'])
      perGroup('BASECHAR', p, '', 'FAS', DESCRIPTIVES);
    const domains = ['BLGCONS', 'BLGMUCO', 'BLGNEUR', 'BLGMUSK', 'BLGCARD', 'BLGGAST', 'BLGOPHT', 'BLGRENL', 'BLGHAEM'];
    for (const p of ['STRATUM:<10', 'STRATUM:>=10', 'CSUSE', ...domains.map((d) => `BILAGAB:${d}`)])
      perGroup('BASECHAR', p, '', 'FAS', ['N', 'n', 'prop']);
    const adsl = result.derivations.adsl.filter((s) => s.FASFL === 'Y');
    for (const v of new Set(adsl.map((s) => `SEX:${s.SEX}`))) perGroup('BASECHAR', v, '', 'FAS', ['N', 'n', 'prop']);
    for (const v of new Set(adsl.map((s) => `RACE:${s.RACE}`))) perGroup('BASECHAR', v, '', 'FAS', ['N', 'n', 'prop']);
    for (const v of new Set(adsl.map((s) => `ETHNIC:${s.ETHNIC}`)))
      perGroup('BASECHAR', v, '', 'FAS', ['N', 'n', 'prop']);

    for (const p of [
      'TEAE',
      'SAE',
      'RELATED',
      'SEVERE',
      'DISC',
      'DEATH',
      'WORST:MILD',
      'WORST:MODERATE',
      'WORST:SEVERE',
    ])
      perGroup('AE', p, '', 'SAF', ['N', 'n', 'prop', 'events']);
    for (const p of ['RANDOMIZED', 'INFUSED', 'COMPLETED']) perGroup('DISPOSITION', p, '', 'ENR', ['n']);
    expect(missing.slice(0, 20), `${missing.length} rows missing`).toEqual([]);
  });

  it('has every row for the SRI-4 sensitivity and subgroup analyses, exposure, medication at Day 0 and deviations', () => {
    for (const m of MSC) {
      want({
        endpoint: 'SRI4_STRAT',
        param: '',
        visit: 'WEEK24',
        population: 'FAS',
        group: m,
        comparator: 'PBO',
        stat: 'p',
        method: 'CMH',
      });
      for (const stat of ['or', 'or_lcl', 'or_ucl'] as const)
        want({
          endpoint: 'SRI4_STRAT',
          param: '',
          visit: 'WEEK24',
          population: 'FAS',
          group: m,
          comparator: 'PBO',
          stat,
          method: 'MH',
        });
    }
    const responderTable = (e: ArdEndpoint, param: string, population: ArdRow['population']) => {
      perGroup(e, param, 'WEEK24', population, ['N', 'n', 'prop']);
      for (const group of MSC) {
        for (const stat of ['diff', 'diff_lcl', 'diff_ucl'] as const)
          want({ endpoint: e, param, visit: 'WEEK24', population, group, comparator: 'PBO', stat, method: 'MN' });
        want({
          endpoint: e,
          param,
          visit: 'WEEK24',
          population,
          group,
          comparator: 'PBO',
          stat: 'p',
          method: 'FISHER',
        });
      }
    };
    responderTable('SRI4_OC', '', 'FAS');
    responderTable('SRI4_AT', '', 'SAF');
    for (const p of ['STRATUM:<10', 'STRATUM:>=10', 'SEX:F', 'SEX:M', 'AGE:<40', 'AGE:>=40'])
      responderTable('SRI4_SUB', p, 'FAS');
    perGroup('EXPOSURE', 'EXVOL', '', 'SAF', DESCRIPTIVES);
    for (const c of ['CORTICOSTEROID', 'ANTIMALARIAL', 'IMMUNOSUPPRESSANT', 'BIOLOGIC', 'OTHER'])
      perGroup('CONMED', c, 'BASELINE', 'SAF', ['N', 'n', 'prop']);
    for (const p of ['STRATUM', 'ARM', 'NOTINFUSED', 'ANY']) perGroup('DEVIATION', p, '', 'ENR', ['N', 'n', 'prop']);
    expect(missing.slice(0, 20), `${missing.length} rows missing`).toEqual([]);
  });

  it('has a CONMED <CMCAT>:<CMDECOD> row for every medication taken at Day 0 by a SAF subject (full dates), and none other', async () => {
    const { lock } = await sampleRun('unblinded');
    const saf = new Map(result.derivations.adsl.filter((s) => s.SAFFL === 'Y').map((s) => [s.USUBJID, s.TRTSDT!]));
    const full = /^\d{4}-\d{2}-\d{2}$/;
    const rows = new Set(
      result.ard.filter((r) => r.endpoint === 'CONMED' && r.param.includes(':')).map((r) => r.param),
    );
    const surelyTaken = lock.cm.filter((c) => {
      const day0 = saf.get(c.USUBJID);
      return (
        day0 !== undefined &&
        full.test(c.CMSTDTC) &&
        c.CMSTDTC <= day0 &&
        (c.CMENDTC === null || (full.test(c.CMENDTC) && c.CMENDTC >= day0))
      );
    });
    expect(surelyTaken.length).toBeGreaterThan(0);
    for (const c of surelyTaken) expect(rows.has(`${c.CMCAT}:${c.CMDECOD}`), `${c.CMCAT}:${c.CMDECOD}`).toBe(true);
    for (const p of rows)
      for (const g of GROUPS)
        want({ endpoint: 'CONMED', param: p, visit: 'BASELINE', population: 'SAF', group: g, stat: 'N' });
    expect(missing).toEqual([]);
  });

  it('has a SOC:/PT: row for every term among the TEAEs and a DISC: row for every other disposition reason', async () => {
    const { lock } = await sampleRun('unblinded');
    const rows = result.ard;
    const has = (endpoint: string, param: string) =>
      GROUPS.every((g) =>
        rows.some((r) => r.endpoint === endpoint && r.param === param && r.group === g && r.stat === 'n'),
      );
    const day0 = new Map(lock.dm.map((d) => [d.USUBJID, d.RFSTDTC]));
    for (const ae of lock.ae) {
      const start = day0.get(ae.USUBJID);
      if (!start || ae.AESTDTC.length < 10 || ae.AESTDTC < start) continue; // clearly treatment-emergent ones only
      expect(has('AE', `SOC:${ae.AEBODSYS}`), ae.AEBODSYS).toBe(true);
      expect(has('AE', `PT:${ae.AEDECOD}`), ae.AEDECOD).toBe(true);
    }
    for (const ds of lock.ds)
      if (ds.DSCAT === 'DISPOSITION EVENT' && ds.DSDECOD !== 'COMPLETED')
        expect(has('DISPOSITION', `DISC:${ds.DSDECOD}`)).toBe(true);
  });

  it('a blinded run holds TOTAL rows only, with no comparison and no model', async () => {
    const blinded = (await sampleRun('blinded')).result.ard;
    expect(blinded.length).toBeGreaterThan(1000);
    const offending = blinded.filter(
      (r) => r.group !== 'TOTAL' || r.comparator !== '' || !['', 'KM'].includes(r.method),
    );
    expect(offending.slice(0, 5)).toEqual([]);
    // …and the same TOTAL descriptives as the unblinded run
    const key = (r: ArdRow) =>
      [r.endpoint, r.param, r.visit, r.population, r.group, r.comparator, r.stat, r.method].join('|');
    // …no sensitivity, subgroup or deviation row at all (they exist to compare arms), but EXPOSURE and CONMED totals.
    const endpoints = new Set(blinded.map((r) => r.endpoint));
    for (const e of ['SRI4_STRAT', 'SRI4_OC', 'SRI4_AT', 'SRI4_SUB', 'DEVIATION'] as const)
      expect(endpoints.has(e), e).toBe(false);
    for (const e of ['EXPOSURE', 'CONMED'] as const) expect(endpoints.has(e), e).toBe(true);
    const unblindedTotals = new Map(
      result.ard.filter((r) => r.group === 'TOTAL' && r.comparator === '').map((r) => [key(r), r.value]),
    );
    for (const r of blinded) expect(unblindedTotals.get(key(r)), key(r)).toBe(r.value);
  });
});
