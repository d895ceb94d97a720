/**
 * Buffers that an evaluation of the likelihood uses and never returns, kept from one evaluation (and
 * fit) to the next. A fit of 8 visits makes ~100 such arrays an evaluation (Σ_P⁻¹Σ_kΣ_P⁻¹ per pattern
 * and parameter, the q transposed products of the Hessian's traces, u_k and Au_k), and making a typed
 * array is a call into V8's runtime and malloc, ~1–25 µs before the caller is compiled: more than the
 * arithmetic done in most of them. JavaScript runs one call at a time, so a buffer taken here is the
 * caller's until it returns; nothing taken from a pool may be kept in a result.
 */

/** One buffer of at least n entries (its contents are whatever the last user left). */
export class Float64Scratch {
  private buffer = new Float64Array(0);

  take(n: number): Float64Array {
    if (this.buffer.length < n) this.buffer = new Float64Array(n);
    return this.buffer;
  }
}

/** `count` vectors of length n, zeroed, the same arrays on every call with the same n. */
export class ZeroVectorPool {
  private vectors: Float64Array[] = [];
  private n = -1;

  take(count: number, n: number): readonly Float64Array[] {
    if (n !== this.n) {
      this.vectors = [];
      this.n = n;
    }
    for (let k = 0; k < count; k++) {
      if (k === this.vectors.length) this.vectors.push(new Float64Array(n));
      else this.vectors[k]!.fill(0);
    }
    return this.vectors;
  }
}

/**
 * Buffers handed back by their owner once nothing reads them any more (the optimiser's evaluations it
 * has moved past), taken again by byte length instead of asking for new memory: each new buffer is
 * fresh pages for the kernel to map (~13 µs a 4 KiB page on this host), ~1 MB an evaluation of 8 visits.
 * A buffer is zeroed when taken.
 */
export class BufferPool {
  private readonly free = new Map<number, ArrayBuffer[]>();

  take(byteLength: number): ArrayBuffer {
    const buffer = this.free.get(byteLength)?.pop();
    if (buffer === undefined) return new ArrayBuffer(byteLength);
    new Uint8Array(buffer).fill(0);
    return buffer;
  }

  give(buffer: ArrayBuffer): void {
    let list = this.free.get(buffer.byteLength);
    if (list === undefined) this.free.set(buffer.byteLength, (list = []));
    // Two per length, one evaluation's Q_k and ΦQ_k: the optimiser holds one evaluation while it makes the
    // next, so no more are ever free at once, and the pool keeps no more memory alive than that.
    if (list.length < 2) list.push(buffer);
  }
}
