/**
 * The figure thread of `sle-msc analyze` (figure-thread.ts starts it): draws the figures' SVGs and renders
 * them to PNG with resvg, encoding included, off the main thread. Bundled as its own entry point
 * (dist/figure-worker.js, scripts/build.mjs). Its drawing code (Observable Plot, linkedom, resvg) loads
 * when the thread starts, while the main thread derives and analyses (it never loads it); one batch of
 * figures, then it ends.
 */
import { parentPort } from 'node:worker_threads';
import { renderFigureFiles } from '../render/charts/figure-files.js';
import type { FigureSpec } from '../render/charts/figure-spec.js';

const port = parentPort;
if (port === null) throw new Error('figure-worker.js runs as a worker thread only');
port.once('message', (specs: readonly FigureSpec[]) => {
  try {
    const files = [...renderFigureFiles(specs)];
    // svgToPng gives each PNG its own buffer, so they move to the main thread without a copy.
    const pngBuffers = files.flatMap(([, c]) => (typeof c === 'string' ? [] : [c.buffer as ArrayBuffer]));
    port.postMessage({ ok: true, files }, pngBuffers);
  } catch (e) {
    port.postMessage({ ok: false, message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
