/**
 * The figure thread of `sle-msc analyze` (figure-thread.ts starts it): draws the figures' SVGs and renders
 * them to PNG with resvg, encoding included, off the main thread. Bundled as its own entry point
 * (dist/figure-worker.js, scripts/build.mjs). Its drawing code (Observable Plot, linkedom, resvg) loads
 * when the thread starts, while the main thread derives (it never loads it). In an unblinded run it first
 * shares the change MMRMs' fits with the main thread (thread-fits.ts); one batch of figures, then it ends.
 */
import { parentPort } from 'node:worker_threads';
import { renderFigureFiles } from '../render/charts/figure-files.js';
import type { FigureSpec } from '../render/charts/figure-spec.js';
import { answerFits, warmUpFits, type FitRequest, type WarmUpRequest } from './thread-fits.js';

type Request = WarmUpRequest | FitRequest | { readonly kind: 'figures'; readonly specs: readonly FigureSpec[] };

const port = parentPort;
if (port === null) throw new Error('figure-worker.js runs as a worker thread only');
port.on('message', function onRequest(request: Request) {
  if (request.kind === 'warm-up') {
    warmUpFits(request);
    return;
  }
  if (request.kind === 'mmrm') {
    answerFits(request);
    return;
  }
  port.off('message', onRequest); // the figures are the last request: the thread then ends
  const specs = request.specs;
  try {
    const files = [...renderFigureFiles(specs)];
    // svgToPng gives each PNG its own buffer, so they move to the main thread without a copy.
    const pngBuffers = files.flatMap(([, c]) => (typeof c === 'string' ? [] : [c.buffer as ArrayBuffer]));
    port.postMessage({ ok: true, files }, pngBuffers);
  } catch (e) {
    port.postMessage({ ok: false, message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
