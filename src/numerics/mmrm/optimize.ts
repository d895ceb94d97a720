/**
 * Newton–Raphson on the unconstrained scale φ with the exact Hessian (chain rule from θ:
 * g_φ = J'g, H_φ = J'HJ + Σ_k g_k K_k), Levenberg damping when H_φ is not positive definite, and
 * step halving (Armijo) when −2ℓ does not decrease or Σ leaves the positive-definite cone.
 * Once the relative Newton decrement g_φ'H_φ⁻¹g_φ / max(1, |f|) ≤ stopTolerance, one last full step is
 * taken and iterations stop; the optimiser's own convergence test is SAS PROC MIXED's relative Hessian
 * criterion g'H⁻¹g/|f| ≤ 1e-8 at the final point.
 */
import { cholesky, choleskySolve, sameEntries, squareMatrix } from '../linalg/dense.js';
import { completeLikelihood, evaluateLikelihood, likelihoodBase, releaseEvaluation } from './likelihood.js';
import type { LikelihoodBase, LikelihoodEvaluation } from './likelihood.js';
import type { PatternData } from './patterns.js';
import type { CovarianceStructure, ParameterMap } from './structures/types.js';

export interface OptimizerControl {
  readonly reml: boolean;
  /**
   * Default 50, SAS PROC MIXED's MAXITER. Newton with the exact Hessian converges in < 20 iterations
   * on every fit that converges at all (sample lock, FEV data, simulated locks of 6–30 subjects); a
   * structure the data cannot support (a few subjects, 8 visits) drifts to the boundary instead and
   * would otherwise spend 200 iterations before the SAP fallback moves on.
   */
  readonly maxIterations?: number;
  /** Relative Newton decrement at which iterations stop (default 1e-11). */
  readonly stopTolerance?: number;
  /** Relative Newton decrement that counts as converged (default 1e-8, SAS's CONVH). */
  readonly convergenceTolerance?: number;
}

export interface OptimizerResult {
  readonly phi: Float64Array;
  readonly theta: Float64Array;
  /** Order-2 evaluation at θ. */
  readonly evaluation: LikelihoodEvaluation;
  readonly iterations: number;
  /** g_φ'H_φ⁻¹g_φ / max(1, |f|) at the end (NaN when H_φ was not positive definite). */
  readonly relativeDecrement: number;
  readonly converged: boolean;
  readonly message: string;
}

/** Gradient and Hessian on the φ scale from those in θ. */
export function chainToPhi(
  structure: CovarianceStructure,
  phi: Float64Array,
  gradTheta: Float64Array,
  hessTheta: Float64Array,
  map: ParameterMap = structure.fromPhi(phi),
): { gradient: Float64Array; hessian: Float64Array } {
  const q = structure.q;
  const { jacobian: J, second: K } = map;
  // One function per loop nest (see likelihood.ts: V8's on-stack replacement and the code after a loop).
  const gradient = transposedTimes(J, gradTheta, q);
  const hessian = chainedHessian(J, K, gradTheta, timesJacobian(hessTheta, J, q), q);
  return { gradient, hessian };
}

/** J'g. */
function transposedTimes(J: Float64Array, g: Float64Array, q: number): Float64Array {
  const out = new Float64Array(q);
  for (let a = 0; a < q; a++) {
    let s = 0;
    for (let k = 0; k < q; k++) s += J[k * q + a]! * g[k]!;
    out[a] = s;
  }
  return out;
}

/** HJ (zeros of H skipped). */
function timesJacobian(H: Float64Array, J: Float64Array, q: number): Float64Array {
  const HJ = new Float64Array(q * q);
  for (let k = 0; k < q; k++)
    for (let l = 0; l < q; l++) {
      const h = H[k * q + l]!;
      if (h === 0) continue;
      for (let b = 0; b < q; b++) HJ[k * q + b]! += h * J[l * q + b]!;
    }
  return HJ;
}

/** J'(HJ) + Σ_k g_k K_k. */
function chainedHessian(J: Float64Array, K: Float64Array, g: Float64Array, HJ: Float64Array, q: number): Float64Array {
  const hessian = new Float64Array(q * q);
  for (let a = 0; a < q; a++)
    for (let b = 0; b < q; b++) {
      let s = 0;
      for (let k = 0; k < q; k++) s += J[k * q + a]! * HJ[k * q + b]! + g[k]! * K[(k * q + a) * q + b]!;
      hessian[a * q + b] = s;
    }
  return hessian;
}

/** Newton direction −H⁻¹g, damped (H + λ·diag) until H is positive definite. */
function newtonStep(g: Float64Array, H: Float64Array, q: number): { step: Float64Array; damped: boolean } {
  let lambda = 0;
  let maxDiag = 0;
  for (let a = 0; a < q; a++) maxDiag = Math.max(maxDiag, Math.abs(H[a * q + a]!));
  const scale = maxDiag > 0 ? maxDiag : 1;
  for (let attempt = 0; attempt < 60; attempt++) {
    const M = squareMatrix(q, H);
    for (let a = 0; a < q; a++) M.data[a * q + a]! += lambda * scale;
    const L = cholesky(M);
    if (L) {
      const x = choleskySolve(L, g);
      return { step: x.map((v) => -v), damped: lambda > 0 };
    }
    lambda = lambda === 0 ? 1e-8 : lambda * 10;
  }
  return { step: g.map((v) => -v / scale), damped: true };
}

/**
 * `structure.fromPhi` keeping its last answer: an iteration asks for the same φ up to four times (the
 * accepted trial, its order-2 evaluation, the chain rule, the result), and an unstructured Σ's map holds
 * q³ second derivatives (46,656 for 8 visits). Compared by value: callers may pass a copy. A map's
 * Jacobian and second derivatives hold until another φ is asked for (they are then reused for its
 * map); its θ holds for good.
 */
export function lastParameterMap(structure: CovarianceStructure): (phi: Float64Array) => ParameterMap {
  let lastPhi: Float64Array | null = null;
  let last: ParameterMap | null = null;
  return (phi) => {
    if (last === null || lastPhi === null || !sameEntries(phi, lastPhi)) {
      last = structure.fromPhi(phi, last ?? undefined);
      lastPhi = Float64Array.from(phi);
    }
    return last;
  };
}

export function optimizeLikelihood(
  data: PatternData,
  structure: CovarianceStructure,
  phiStart: Float64Array,
  control: OptimizerControl,
): OptimizerResult | null {
  const maxIterations = control.maxIterations ?? 50;
  const stopTol = control.stopTolerance ?? 1e-11;
  const convTol = control.convergenceTolerance ?? 1e-8;
  const q = structure.q;
  const mapOf = lastParameterMap(structure);
  const evalAt = (phi: Float64Array) =>
    evaluateLikelihood(data, structure, mapOf(phi).theta, { reml: control.reml, order: 2 });
  // A trial point needs only −2ℓ; the one accepted is completed to order 2 from the same base.
  const baseAt = (phi: Float64Array): LikelihoodBase | null => {
    const theta = mapOf(phi).theta;
    return likelihoodBase(data, theta, structure.sigma(theta), control.reml);
  };
  const complete = (phi: Float64Array, base: LikelihoodBase) =>
    completeLikelihood(data, structure, base, 2) ?? evalAt(phi);

  let phi: Float64Array = Float64Array.from(phiStart);
  let ev = evalAt(phi);
  if (!ev) return null;
  let iterations = 0;
  let message = `iteration limit (${maxIterations}) reached`;
  let relDec = NaN;
  for (; iterations < maxIterations; iterations++) {
    const { gradient, hessian } = chainToPhi(structure, phi, ev.gradient!, ev.hessian!, mapOf(phi));
    const { step, damped } = newtonStep(gradient, hessian, q);
    let slope = 0;
    for (let a = 0; a < q; a++) slope += gradient[a]! * step[a]!;
    const fScale = Math.max(1, Math.abs(ev.objective));
    relDec = damped ? NaN : -slope / fScale;
    if (!damped && relDec <= stopTol * 1e-4) {
      message = 'Newton decrement below tolerance';
      break;
    }
    // Near the optimum one more full Newton step reaches machine precision (quadratic convergence);
    // it is accepted unless −2ℓ rises beyond rounding noise, and then iterations stop.
    const final = !damped && relDec <= stopTol;
    // keep exp() of log-variances finite on wild early steps
    let maxStep = 0;
    for (const s of step) maxStep = Math.max(maxStep, Math.abs(s));
    const cap = maxStep > 5 ? 5 / maxStep : 1;
    let alpha = cap;
    let accepted: { phi: Float64Array; base: LikelihoodBase } | null = null;
    for (let halving = 0; halving < 40; halving++) {
      const trial = phi.map((v, a) => v + alpha * step[a]!);
      const tr = baseAt(trial);
      const noise = final ? 1e-13 * fScale : 0;
      if (tr && Number.isFinite(tr.objective) && tr.objective <= ev.objective + 1e-4 * alpha * slope + noise) {
        accepted = { phi: trial, base: tr };
        break;
      }
      alpha /= 2;
    }
    if (!accepted) {
      message = 'no step decreases −2 log-likelihood (step halving exhausted)';
      break;
    }
    const next = complete(accepted.phi, accepted.base);
    if (!next) {
      message = 'evaluation failed after an accepted step';
      break;
    }
    phi = accepted.phi;
    // the evaluation moved past is read no more: its Q_k and ΦQ_k blocks serve the next one
    releaseEvaluation(ev);
    ev = next;
    if (final) {
      iterations++;
      message = 'Newton decrement below tolerance';
      break;
    }
  }
  {
    // the decrement at the final point, for the convergence test
    const { gradient, hessian } = chainToPhi(structure, phi, ev.gradient!, ev.hessian!, mapOf(phi));
    const { step, damped } = newtonStep(gradient, hessian, q);
    let slope = 0;
    for (let a = 0; a < q; a++) slope += gradient[a]! * step[a]!;
    relDec = damped ? NaN : -slope / Math.max(1, Math.abs(ev.objective));
  }
  if (relDec <= convTol && message !== 'Newton decrement below tolerance')
    message += '; SAS relative Hessian criterion met';
  return {
    phi,
    theta: mapOf(phi).theta,
    evaluation: ev,
    iterations,
    relativeDecrement: relDec,
    converged: relDec <= convTol,
    message,
  };
}
