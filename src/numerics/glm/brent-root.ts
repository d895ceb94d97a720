/**
 * Brent's root finder (Brent 1973, "zeroin"; the algorithm of R's `uniroot`, R_zeroin2 in zeroin.c):
 * inverse quadratic / secant steps safeguarded by bisection inside a bracket [a, b] with f(a), f(b) of
 * opposite signs. Every new point lies inside the current bracket and replaces the end of its own sign,
 * so the bracket keeps its orientation: started with f(a) > 0 > f(b) it converges to a crossing from +
 * to −, i.e. a local maximum when f is a derivative.
 */
export interface BrentRootResult {
  readonly root: number;
  readonly iterations: number;
  readonly converged: boolean;
}

export function brentRoot(
  f: (x: number) => number,
  ax: number,
  bx: number,
  fax: number,
  fbx: number,
  tolerance: number,
  maxIterations = 200,
): BrentRootResult {
  let a = ax;
  let b = bx;
  let fa = fax;
  let fb = fbx;
  let c = a;
  let fc = fa;
  if (fa === 0) return { root: a, iterations: 0, converged: true };
  if (fb === 0) return { root: b, iterations: 0, converged: true };
  for (let it = 1; it <= maxIterations; it++) {
    const prevStep = b - a;
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tolAct = 2 * Number.EPSILON * Math.abs(b) + tolerance / 2;
    let newStep = (c - b) / 2;
    if (Math.abs(newStep) <= tolAct || fb === 0) return { root: b, iterations: it - 1, converged: true };
    if (Math.abs(prevStep) >= tolAct && Math.abs(fa) > Math.abs(fb)) {
      const cb = c - b;
      let p: number;
      let q: number;
      if (a === c) {
        const t1 = fb / fa; // secant
        p = cb * t1;
        q = 1 - t1;
      } else {
        const qq = fa / fc; // inverse quadratic interpolation
        const t1 = fb / fc;
        const t2 = fb / fa;
        p = t2 * (cb * qq * (qq - t1) - (b - a) * (t1 - 1));
        q = (qq - 1) * (t1 - 1) * (t2 - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (p < 0.75 * cb * q - Math.abs(tolAct * q) / 2 && p < Math.abs((prevStep * q) / 2)) newStep = p / q;
    }
    if (Math.abs(newStep) < tolAct) newStep = newStep > 0 ? tolAct : -tolAct;
    a = b;
    fa = fb;
    b += newStep;
    fb = f(b);
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
    }
  }
  return { root: b, iterations: maxIterations, converged: false };
}
