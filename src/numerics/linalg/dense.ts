/**
 * Small dense kernels on row-major Float64Array square matrices (n × n). Written here rather than
 * taken from ml-matrix because REML and IRLS need an explicit not-positive-definite signal and a
 * Cholesky that reads only the lower triangle (see ../../../docs/numerics.md); ml-matrix stays as an
 * independent check in tests.
 */

/** Square matrix in row-major order. */
export interface SquareMatrix {
  readonly n: number;
  readonly data: Float64Array;
}

export function squareMatrix(n: number, data?: ArrayLike<number>): SquareMatrix {
  const d = new Float64Array(n * n);
  if (data) d.set(data);
  return { n, data: d };
}

export function fromRows(rows: readonly (readonly number[])[]): SquareMatrix {
  const n = rows.length;
  const m = squareMatrix(n);
  rows.forEach((r, i) => {
    if (r.length !== n) throw new Error('fromRows: matrix is not square');
    m.data.set(r, i * n);
  });
  return m;
}

export function toRows(m: SquareMatrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m.n; i++) out.push(Array.from(m.data.subarray(i * m.n, (i + 1) * m.n)));
  return out;
}

/**
 * Cholesky factor L (lower triangular, A = L Lᵀ) from the lower triangle of A. Returns null when A is
 * not numerically positive definite (a pivot ≤ n·ε·max|diag|, or not finite), the signal optimisers
 * need to step back.
 */
export function cholesky(a: SquareMatrix): SquareMatrix | null {
  const n = a.n;
  const A = a.data;
  const L = new Float64Array(n * n);
  let maxDiag = 0;
  for (let i = 0; i < n; i++) maxDiag = Math.max(maxDiag, Math.abs(A[i * n + i]!));
  const tol = n * Number.EPSILON * maxDiag;
  for (let j = 0; j < n; j++) {
    let s = A[j * n + j]!;
    for (let k = 0; k < j; k++) s -= L[j * n + k]! * L[j * n + k]!;
    if (!(s > tol) || !Number.isFinite(s)) return null;
    const d = Math.sqrt(s);
    L[j * n + j] = d;
    for (let i = j + 1; i < n; i++) {
      let t = A[i * n + j]!;
      for (let k = 0; k < j; k++) t -= L[i * n + k]! * L[j * n + k]!;
      L[i * n + j] = t / d;
    }
  }
  return { n, data: L };
}

/** Solves L y = b in place (forward substitution). */
export function forwardSolveInPlace(L: SquareMatrix, b: Float64Array): void {
  const n = L.n;
  const D = L.data;
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= D[i * n + k]! * b[k]!;
    b[i] = s / D[i * n + i]!;
  }
}

/** Solves Lᵀ x = y in place (back substitution). */
export function backSolveTransposeInPlace(L: SquareMatrix, y: Float64Array): void {
  const n = L.n;
  const D = L.data;
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < n; k++) s -= D[k * n + i]! * y[k]!;
    y[i] = s / D[i * n + i]!;
  }
}

/** x = A⁻¹ b given the Cholesky factor of A. */
export function choleskySolve(L: SquareMatrix, b: ArrayLike<number>): Float64Array {
  const x = Float64Array.from(b as ArrayLike<number>);
  forwardSolveInPlace(L, x);
  backSolveTransposeInPlace(L, x);
  return x;
}

/** A⁻¹ from the Cholesky factor of A (symmetric result). */
export function choleskyInverse(L: SquareMatrix): SquareMatrix {
  const n = L.n;
  const inv = squareMatrix(n);
  const e = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    e.fill(0);
    e[j] = 1;
    forwardSolveInPlace(L, e);
    backSolveTransposeInPlace(L, e);
    for (let i = 0; i < n; i++) inv.data[i * n + j] = e[i]!;
  }
  // symmetrise to remove round-off asymmetry
  for (let i = 0; i < n; i++)
    for (let j = 0; j < i; j++) {
      const v = 0.5 * (inv.data[i * n + j]! + inv.data[j * n + i]!);
      inv.data[i * n + j] = v;
      inv.data[j * n + i] = v;
    }
  return inv;
}

/** log det A = 2 Σ log L_ii. */
export function choleskyLogDet(L: SquareMatrix): number {
  let s = 0;
  for (let i = 0; i < L.n; i++) s += Math.log(L.data[i * L.n + i]!);
  return 2 * s;
}

/** Whether two vectors hold the same entries bit for bit (Object.is: −0 differs from 0, NaN equals NaN). */
export function sameEntries(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}
