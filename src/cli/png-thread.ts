/**
 * The figures' PNGs of `sle-msc analyze` rendered on a worker thread (png-worker.ts), started with the
 * run so that its start-up overlaps the reading of the lock. resvg's own asynchronous rendering
 * (render/charts/png.ts `svgToPngAsync`) would draw on libuv's threads but encode each PNG on the main thread,
 * and only once the main thread is free, at the end of the run; the worker does both while the main
 * thread makes the tables. Same bytes: the same `svgToPng` on the same SVG text.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

type Reply =
  | { readonly ok: true; readonly pngs: readonly (readonly [string, Uint8Array])[] }
  | { readonly ok: false; readonly message: string };

export interface PngThread {
  /** PNGs of the SVGs, by the same keys; call once. */
  render(svgs: ReadonlyMap<string, string>): Promise<Map<string, Uint8Array>>;
  /** Ends the thread (after a failure; a thread that rendered has ended by itself). */
  stop(): void;
}

/**
 * The thread, or null when the sources run unbundled (no dist/png-worker.js) or SLE_MSC_THREADS=1. It
 * costs only its start (a few tens of ms): so it is used on a busy machine too.
 */
export function startPngThread(): PngThread | null {
  const file = new URL('./png-worker.js', import.meta.url);
  if (!existsSync(fileURLToPath(file)) || process.env.SLE_MSC_THREADS === '1') return null;
  const worker = new Worker(file);
  const reply = new Promise<Reply>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the PNG thread exited (${code}) without its figures`)));
  });
  reply.catch(() => undefined); // a failure counts only when the run asks for the PNGs
  return {
    async render(svgs) {
      worker.postMessage([...svgs]);
      const r = await reply;
      if (!r.ok) throw new Error(`PNG thread: ${r.message}`);
      return new Map(r.pngs);
    },
    stop() {
      void worker.terminate();
    },
  };
}
