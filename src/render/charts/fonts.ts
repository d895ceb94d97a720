/**
 * The font files the PNG renderer loads: DejaVu Sans (regular and bold) from the npm package
 * `dejavu-fonts-ttf`, resolved like any dependency from this module, so from the TypeScript sources
 * and from the bundle (dist/cli.js) alike; the package root's node_modules is the fallback.
 * System fonts are never used (see png.ts): text would otherwise depend on the machine.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { packageRoot } from '../../core/package-root.js';

const FONT_PACKAGE = 'dejavu-fonts-ttf';
export const FIGURE_FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'] as const;

let cached: readonly string[] | undefined;

function fontPackageDir(): string {
  try {
    return dirname(createRequire(import.meta.url).resolve(`${FONT_PACKAGE}/package.json`));
  } catch {
    return join(packageRoot(), 'node_modules', FONT_PACKAGE);
  }
}

/** Absolute paths of the figure fonts; throws when the package is not installed. */
export function figureFontFiles(): readonly string[] {
  if (cached !== undefined) return cached;
  const dir = join(fontPackageDir(), 'ttf');
  const files = FIGURE_FONT_FILES.map((f) => join(dir, f));
  const missing = files.filter((f) => !existsSync(f));
  if (missing.length > 0)
    throw new Error(`figure font not found: ${missing.join(', ')} (is ${FONT_PACKAGE} installed?)`);
  return (cached = files);
}
