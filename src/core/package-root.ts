/**
 * The installed package's root folder (the one holding sle-msc's package.json), found by walking up
 * from this module. Works from the TypeScript sources (src/core/) and from the bundle (dist/cli.js).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function packageRoot(): string {
  if (cached !== undefined) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string };
      if (pkg.name === 'sle-msc') return (cached = dir);
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('sle-msc package root not found');
    dir = parent;
  }
}

export function toolVersion(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
