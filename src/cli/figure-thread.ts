/**
 * The figures of `sle-msc analyze` drawn (SVG) and rendered (PNG) on a worker thread (figure-worker.ts),
 * started once the lock is read, so that loading the drawing code overlaps the derivations and analyses.
 * The main thread sends the figure specs (plain data) when the analyses are done and writes the
 * datasets, listings and tables meanwhile. Same bytes: the same `renderFigureFiles` on the same specs.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FigureSpec } from '../render/charts/figure-spec.js';

type Reply =
  | { readonly ok: true; readonly files: readonly (readonly [string, string | Uint8Array])[] }
  | { readonly ok: false; readonly message: string };

export interface FigureThread {
  /** The figures' SVG and PNG files by path; call once. */
  render(specs: readonly FigureSpec[]): Promise<Map<string, string | Uint8Array>>;
  /** Ends the thread (after a failure; a thread that rendered has ended by itself). */
  stop(): void;
}

/**
 * The thread, or null when the sources run unbundled (no dist/figure-worker.js) or SLE_MSC_THREADS=1. It
 * costs only its start (a few tens of ms): so it is used on a busy machine too.
 */
export function startFigureThread(): FigureThread | null {
  const file = new URL('./figure-worker.js', import.meta.url);
  if (!existsSync(fileURLToPath(file)) || process.env.SLE_MSC_THREADS === '1') return null;
  const worker = new Worker(file);
  const reply = new Promise<Reply>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the figure thread exited (${code}) without its figures`)));
  });
  reply.catch(() => undefined); // a failure counts only when the run asks for the figures
  return {
    async render(specs) {
      worker.postMessage(specs);
      const r = await reply;
      if (!r.ok) throw new Error(`figure thread: ${r.message}`);
      return new Map(r.files);
    },
    stop() {
      void worker.terminate();
    },
  };
}
