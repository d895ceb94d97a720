/**
 * The figures of `sle-msc analyze` drawn (SVG) and rendered (PNG) on a worker thread (figure-worker.ts),
 * started once the lock is read, so that loading the drawing code overlaps the derivations and analyses.
 * The main thread sends the figure specs (plain data) when the analyses are done and writes the
 * datasets, listings and tables meanwhile. Same bytes: the same `renderFigureFiles` on the same specs.
 * Before that, in an unblinded run, the thread shares the change MMRMs' fits with the main thread
 * (thread-fits.ts).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker } from 'node:worker_threads';
import type { ChangeMmrmFitter, ChangeMmrmInput } from '../analyze/mmrm-analysis.js';
import type { FigureSpec } from '../render/charts/figure-spec.js';
import type { SapSettings } from '../sap/index.js';
import { newFitState, threadFitter, type FitRequest, type WarmUpRequest } from './thread-fits.js';

type Reply =
  | { readonly ok: true; readonly files: readonly (readonly [string, string | Uint8Array])[] }
  | { readonly ok: false; readonly message: string };

export interface FigureThread {
  /** The figures' SVG and PNG files by path; call once. */
  render(specs: readonly FigureSpec[]): Promise<Map<string, string | Uint8Array>>;
  /** Starts fitting these change MMRMs on the thread; the fitter hands out the fits (thread-fits.ts). */
  fitChangeMmrms(inputs: readonly ChangeMmrmInput[], settings: SapSettings): ChangeMmrmFitter;
  /** Ends the thread (after a failure; a thread that rendered has ended by itself). */
  stop(): void;
}

/**
 * The thread, or null when the sources run unbundled (no dist/figure-worker.js) or SLE_MSC_THREADS=1. It
 * costs only its start (a few tens of ms): so it is used on a busy machine too.
 */
export function startFigureThread(settings?: SapSettings): FigureThread | null {
  const file = new URL('./figure-worker.js', import.meta.url);
  if (!existsSync(fileURLToPath(file)) || process.env.SLE_MSC_THREADS === '1') return null;
  const worker = new Worker(file);
  const reply = new Promise<Reply>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the figure thread exited (${code}) without its figures`)));
  });
  reply.catch(() => undefined); // a failure counts only when the run asks for the figures
  if (settings !== undefined) worker.postMessage({ kind: 'warm-up', settings } satisfies WarmUpRequest);
  return {
    fitChangeMmrms(inputs, settings) {
      const { port1, port2 } = new MessageChannel();
      const state = newFitState(inputs.length);
      const request: FitRequest = { kind: 'mmrm', inputs, settings, port: port2, state };
      worker.postMessage(request, [port2]);
      return threadFitter(inputs, settings, port1, state);
    },
    async render(specs) {
      worker.postMessage({ kind: 'figures', specs });
      const r = await reply;
      if (!r.ok) throw new Error(`figure thread: ${r.message}`);
      return new Map(r.files);
    },
    stop() {
      void worker.terminate();
    },
  };
}
