/**
 * The PNG thread of `sle-msc analyze` (png-thread.ts starts it): renders the figures' SVGs to PNG with
 * resvg, encoding included, off the main thread. Bundled as its own entry point (dist/png-worker.js,
 * scripts/build.mjs); one batch of figures, then it ends.
 */
import { parentPort } from 'node:worker_threads';
import { svgToPng } from '../render/charts/png.js';

const port = parentPort;
if (port === null) throw new Error('png-worker.js runs as a worker thread only');
port.once('message', (svgs: readonly (readonly [string, string])[]) => {
  try {
    // svgToPng gives each PNG its own buffer, so they move to the main thread without a copy.
    const pngs = svgs.map(([key, svg]) => [key, svgToPng(svg) as Uint8Array<ArrayBuffer>] as const);
    port.postMessage(
      { ok: true, pngs },
      pngs.map(([, png]) => png.buffer),
    );
  } catch (e) {
    port.postMessage({ ok: false, message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
