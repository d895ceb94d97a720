// Checks that the subset fonts draw exactly what the full DejaVu Sans draws: SVGs holding every character
// of fonts/figure-subset-unicodes.txt, and every ordered pair of the Latin characters (kerning, ligatures),
// regular and bold, rendered with each pair of font files, must give the same PNG bytes.
// Run from the package root after make-figure-fonts.sh:   node fonts/check-figure-fonts.mjs   (~1 minute)
import { Resvg } from '@resvg/resvg-js';
import { readFileSync } from 'node:fs';

const full = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => `node_modules/dejavu-fonts-ttf/ttf/${f}`);
const subset = ['DejaVuSans-figures.ttf', 'DejaVuSans-Bold-figures.ttf'].map((f) => `fonts/${f}`);

function codePoints() {
  const out = [];
  for (const line of readFileSync('fonts/figure-subset-unicodes.txt', 'utf8').split('\n')) {
    const m = /^U\+([0-9A-F]{4})-([0-9A-F]{4})$/.exec(line.trim());
    if (m === null) continue;
    for (let c = parseInt(m[1], 16); c <= parseInt(m[2], 16); c++) out.push(c);
  }
  return out;
}

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
function svgOf(lines, weight) {
  const body = lines
    .map((l, i) => `<text x="4" y="${14 + i * 16}" font-weight="${weight}" xml:space="preserve">${escape(l)}</text>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1400" height="${lines.length * 16 + 8}" font-family="DejaVu Sans" font-size="12"><rect width="100%" height="100%" fill="white"/>${body}</svg>`;
}
function png(svg, fontFiles) {
  const font = { loadSystemFonts: false, fontFiles, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' };
  return new Resvg(svg, { font, background: 'white', logLevel: 'off' }).render().asPng();
}

const all = codePoints().map((c) => String.fromCodePoint(c));
const latin = all.filter((ch) => ch.codePointAt(0) < 0x180 && ch.trim() !== '');
const singles = [];
for (let i = 0; i < all.length; i += 60) singles.push(all.slice(i, i + 60).join(' '));
const pairs = [];
for (const a of latin) pairs.push(latin.map((b) => a + b).join(' '));

let bad = 0;
for (const [name, lines] of [
  ['every character', singles],
  ['Latin pairs', pairs],
]) {
  for (const weight of ['normal', 'bold']) {
    for (let i = 0; i < lines.length; i += 40) {
      const svg = svgOf(lines.slice(i, i + 40), weight);
      if (Buffer.compare(png(svg, full), png(svg, subset)) !== 0) {
        bad++;
        console.log(`DIFFERENT: ${name}, ${weight}, lines ${i + 1}-${i + 40}`);
      }
    }
  }
}
console.log(
  bad === 0
    ? `same PNG bytes: ${all.length} characters, ${latin.length ** 2} Latin pairs, regular and bold`
    : `${bad} differences`,
);
process.exitCode = bad === 0 ? 0 : 1;
