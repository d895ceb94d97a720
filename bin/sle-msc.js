#!/usr/bin/env node
// Thin launcher: the CLI is bundled into dist/ by `npm run build` (run automatically by `npm ci`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write('sle-msc: dist/cli.js is missing; run `npm run build` (npm ci does it for you)\n');
  process.exit(70);
}
const { main } = await import(cli.href);
const code = await main(process.argv.slice(2));
// A finished command exits at once: left to end by itself, node first frees V8's heap page by page
// (~800 unmaps after an analyze run, ~35 ms of its wall time). Output still queued (stdout and stderr
// are asynchronous pipes on some platforms) is left to drain through the ordinary exit instead.
if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit(code);
process.exitCode = code;
