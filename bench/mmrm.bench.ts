/**
 * MMRM benchmark (not part of the test suite): simulated trials of N subjects × m visits, 3 arms,
 * CHG ~ ARM*VISIT + BASE*VISIT, unstructured covariance, REML, Kenward–Roger, LS means by arm × visit.
 * Missing data: each post-baseline value missing at random with probability 0.1 (intermittent, so many
 * missing-data patterns: the hard case for the per-pattern accumulation). Run with `npm run bench`.
 */
import { fitMmrm } from '../src/numerics/mmrm/fit.js';
import { mmrmLsMeans } from '../src/numerics/mmrm/lsmeans.js';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function simulateTrial(n: number, m: number, seed: number, missing = 0.1): Record<string, string | number>[] {
  const rand = mulberry32(seed);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const rows: Record<string, string | number>[] = [];
  const arms = ['PBO', 'LOW', 'HIGH'];
  for (let i = 0; i < n; i++) {
    const arm = arms[i % 3]!;
    const base = 10 + 3 * normal();
    // AR(1)-like errors, correlation 0.6, SD growing over visits
    let e = normal();
    for (let v = 0; v < m; v++) {
      if (v > 0) e = 0.6 * e + 0.8 * normal();
      const effect = arm === 'PBO' ? 0 : arm === 'LOW' ? -0.5 : -1;
      const chg = -0.2 * v + (effect * (v + 1)) / m - 0.3 * (base - 10) + (1 + 0.1 * v) * e;
      rows.push({
        USUBJID: `S${i}`,
        ARM: arm,
        AVISIT: `WEEK${String(4 * (v + 1)).padStart(2, '0')}`,
        BASE: base,
        CHG: rand() < missing ? '' : chg,
      });
    }
  }
  return rows;
}

function time<T>(f: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = f();
  return { value, ms: performance.now() - t0 };
}

const sizes = [100, 1000, 10000];
const visits = [4, 8, 10];
console.log('subjects visits obs patterns iterations  fit+KR(ms)  lsmeans(ms)  -2REML');
for (const m of visits)
  for (const n of sizes) {
    const rows = simulateTrial(n, m, 20240501 + n + m);
    const spec = {
      formula: 'CHG ~ ARM*AVISIT + BASE*AVISIT',
      subject: 'USUBJID',
      visit: 'AVISIT',
      reference: { ARM: 'PBO' },
    } as const;
    fitMmrm(rows.slice(0, 300), spec); // warm-up (JIT)
    const fit = time(() => fitMmrm(rows, spec));
    const ls = time(() => mmrmLsMeans(fit.value, 'ARM*AVISIT'));
    const f = fit.value;
    console.log(
      [
        n,
        m,
        f.nObs,
        f.nPatterns,
        f.convergence.iterations,
        fit.ms.toFixed(0),
        ls.ms.toFixed(1),
        f.minus2LogLik.toFixed(3),
      ]
        .map(String)
        .map((s) => s.padStart(9))
        .join(' ') + (f.converged ? '' : '  NOT CONVERGED'),
    );
  }
