// Runs the benchmarks: bundles each bench/*.bench.ts with esbuild (as scripts/build.mjs bundles the CLI)
// into a temporary folder and runs it with node. Usage: node bench/run.mjs [name-filter]
import { build } from 'esbuild';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
// Benchmarks that run the CLI (analyze.bench.ts) find the package from here: they run from a temporary folder.
process.env.SLE_MSC_ROOT ??= fileURLToPath(new URL('..', import.meta.url));
const filter = process.argv[2] ?? '';
// Inside the package, so that the bundle resolves the external native module (resvg) from node_modules.
const out = mkdtempSync(join(benchDir, '.build-'));
try {
  for (const file of readdirSync(benchDir)
    .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
    .sort()) {
    const outfile = join(out, file.replace(/\.ts$/, '.mjs'));
    await build({
      entryPoints: [join(benchDir, file)],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
      // resvg loads a platform-specific native .node binary at run time: it cannot be bundled.
      external: ['@resvg/resvg-js'],
      logLevel: 'warning',
    });
    console.log(`# ${file} (node ${process.version})`);
    await import(pathToFileURL(outfile).href);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
