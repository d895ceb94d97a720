/**
 * `sle-msc analyze` draws its figures on the figure thread (src/cli/figure-thread.ts), which alone loads
 * the drawing code: the main thread's static imports must not reach it, or every run pays for loading
 * Observable Plot, linkedom and resvg twice. Dynamic `import()` (the fallback without a thread) and
 * `import type` load nothing and are not followed.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/core/package-root.js';

const DRAWING_PACKAGES = ['@observablehq/plot', 'linkedom', '@resvg/resvg-js'];

/** Static value imports of a source file: relative ones resolved to .ts files, the others as written. */
function staticImports(file: string): { local: string[]; packages: string[] } {
  const text = readFileSync(file, 'utf8');
  const local: string[] = [];
  const packages: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?\sfrom\s+'([^']+)';/gms)) {
    const spec = m[1]!;
    if (spec.startsWith('.')) local.push(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
    else packages.push(spec);
  }
  for (const m of text.matchAll(/^import\s+'([^']+)';/gm)) packages.push(m[1]!);
  return { local, packages };
}

/** Every package a file loads through its static imports, with the chain of files that reaches it. */
function packagesReached(entry: string): Map<string, string[]> {
  const reached = new Map<string, string[]>();
  const seen = new Set<string>();
  const visit = (file: string, chain: string[]): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const { local, packages } = staticImports(file);
    for (const p of packages) if (!reached.has(p)) reached.set(p, [...chain, file]);
    for (const f of local) visit(f, [...chain, file]);
  };
  visit(entry, []);
  return reached;
}

describe('the figures’ drawing code', () => {
  const root = packageRoot();
  const src = (f: string) => join(root, 'src', f);
  const drawing = (entry: string) =>
    [...packagesReached(entry)]
      .filter(([p]) => DRAWING_PACKAGES.some((d) => p === d || p.startsWith(`${d}/`)))
      .map(([p, chain]) => `${p} via ${chain.map((f) => relative(root, f)).join(' → ')}`);

  it('is not loaded by the analyze command on its main thread', () => {
    expect(drawing(src('cli/analyze-command.ts'))).toEqual([]);
  });

  it('is loaded by the figure thread and by the in-thread pipeline (the check can see it)', () => {
    expect(drawing(src('cli/figure-worker.ts')).length).toBeGreaterThan(0);
    expect(drawing(src('pipeline/run-pipeline.ts')).length).toBeGreaterThan(0);
  });
});
