/** Argument checks shared by the binary methods (a wrong argument is a programming error: throw). */

export function assertCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  }
}

/** x events out of n trials: whole numbers with 0 ≤ x ≤ n. */
export function assertEvents(x: number, n: number): void {
  assertCount('n', n);
  assertCount('x', x);
  if (x > n) throw new RangeError(`x (${x}) must not exceed n (${n})`);
}

export function assertLevel(level: number): void {
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
}
