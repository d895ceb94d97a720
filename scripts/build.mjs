// Bundles the CLI (dist/cli.js), the figure worker thread of `analyze` (dist/figure-worker.js) and the programmatic
// surface (dist/index.js, package.json `exports`): a few files load much faster than the many small @stdlib
// modules. Code they share, and each command's code (imported when the command runs, src/cli/main.ts), goes
// into chunks (dist/chunk-*.js), so a command compiles only what it uses.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

await build({
  entryPoints: { cli: 'src/cli/main.ts', index: 'src/index.ts', 'figure-worker': 'src/cli/figure-worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  chunkNames: 'chunk-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  legalComments: 'none',
  define: { __SLE_MSC_VERSION__: JSON.stringify(pkg.version) },
  banner: {
    // made on the first call only: every chunk carries the banner, and making it (import.meta and createRequire
    // in each of ~25 chunks) cost ~10 ms of every start, while only the CommonJS shim's chunk ever calls it.
    js: "import { createRequire as __cr } from 'node:module'; let __rq; const require = (id) => (__rq ??= __cr(import.meta.url))(id);",
  },
  // resvg loads a platform-specific native .node binary at run time: it cannot be bundled.
  external: ['@resvg/resvg-js'],
  logLevel: 'warning',
});
