/**
 * The font files the PNG renderer loads: DejaVu Sans (regular and bold) from the npm package
 * `dejavu-fonts-ttf`, resolved like any dependency from this module, so from the TypeScript sources
 * and from the bundle (dist/cli.js) alike; the package root's node_modules is the fallback.
 * System fonts are never used (see png.ts): text would otherwise depend on the machine.
 *
 * A figure whose SVG holds only characters of the package's figure subset (fonts/: DejaVu Sans cut to
 * fonts/figure-subset-unicodes.txt by fonts/make-figure-fonts.sh, every outline, metric, kerning pair and
 * layout feature of those characters kept) is drawn with the subset files instead: the same PNG bytes
 * (fonts/check-figure-fonts.mjs), for a fraction of the cost, because resvg-js reads the whole font
 * file again for every glyph it lays out (757 KB against ~140 KB). Any other character, and any
 * character reference (`&#…;`, whose character the SVG text does not show), takes the full files, so
 * no text is ever drawn without its glyph.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { packageRoot } from '../../core/package-root.js';

const FONT_PACKAGE = 'dejavu-fonts-ttf';
export const FIGURE_FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'] as const;
/** The subset of each of FIGURE_FONT_FILES, in the same order, in the package's fonts/ folder. */
export const FIGURE_SUBSET_FONT_FILES = ['DejaVuSans-figures.ttf', 'DejaVuSans-Bold-figures.ttf'] as const;
const SUBSET_FOLDER = 'fonts';
const SUBSET_UNICODES = 'figure-subset-unicodes.txt';

let cached: readonly string[] | undefined;
let cachedSubset: readonly string[] | undefined;
let covered: Uint8Array | undefined;

function fontPackageDir(): string {
  try {
    return dirname(createRequire(import.meta.url).resolve(`${FONT_PACKAGE}/package.json`));
  } catch {
    return join(packageRoot(), 'node_modules', FONT_PACKAGE);
  }
}

function existingFiles(files: readonly string[], what: string): readonly string[] {
  const missing = files.filter((f) => !existsSync(f));
  if (missing.length > 0) throw new Error(`figure font not found: ${missing.join(', ')} (${what})`);
  return files;
}

/** Absolute paths of the figure fonts; throws when the package is not installed. */
export function figureFontFiles(): readonly string[] {
  if (cached !== undefined) return cached;
  const dir = join(fontPackageDir(), 'ttf');
  return (cached = existingFiles(
    FIGURE_FONT_FILES.map((f) => join(dir, f)),
    `is ${FONT_PACKAGE} installed?`,
  ));
}

/** Absolute paths of the subset figure fonts (the package's fonts/ folder). */
export function figureSubsetFontFiles(): readonly string[] {
  if (cachedSubset !== undefined) return cachedSubset;
  const dir = join(packageRoot(), SUBSET_FOLDER);
  return (cachedSubset = existingFiles(
    FIGURE_SUBSET_FONT_FILES.map((f) => join(dir, f)),
    'part of the sle-msc package',
  ));
}

/**
 * The UTF-16 code units (all below the surrogates) that `U+XXXX-YYYY` lines name, as a table of 0x10000
 * entries (1: covered). Other lines (blank) are skipped; a malformed range line throws.
 */
export function parseUnicodeRanges(text: string): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const m = /^U\+([0-9A-F]{4})-([0-9A-F]{4})$/.exec(line);
    const from = m === null ? NaN : parseInt(m[1] as string, 16);
    const to = m === null ? NaN : parseInt(m[2] as string, 16);
    if (!(from <= to) || to >= 0xd800) throw new Error(`not a range of the Basic Multilingual Plane: ${line}`);
    table.fill(1, from, to + 1);
  }
  return table;
}

function coveredUnits(): Uint8Array {
  return (covered ??= parseUnicodeRanges(readFileSync(join(packageRoot(), SUBSET_FOLDER, SUBSET_UNICODES), 'utf8')));
}

/** True when the subset fonts hold every character of `svg` and it has no character reference. */
export function subsetCovers(svg: string): boolean {
  if (svg.includes('&#')) return false;
  const table = coveredUnits();
  for (let i = 0; i < svg.length; i++) {
    const c = svg.charCodeAt(i);
    // Markup characters (< > = " / newline) are covered too: they are all in U+0020-007E, or white space.
    if (table[c] !== 1 && c !== 0x0a && c !== 0x0d && c !== 0x09) return false;
  }
  return true;
}

/** The font files to draw `svg` with: the subset when it covers the SVG, else the full DejaVu Sans. */
export function figureFontFilesFor(svg: string): readonly string[] {
  return subsetCovers(svg) ? figureSubsetFontFiles() : figureFontFiles();
}
