#!/bin/sh
# Makes fonts/DejaVuSans-figures.ttf and fonts/DejaVuSans-Bold-figures.ttf: DejaVu Sans 2.37 (npm package
# dejavu-fonts-ttf 2.37.3) cut to the characters of fonts/figure-subset-unicodes.txt, for the PNG figures.
#
# Why: resvg-js 2.6.2 (the PNG renderer) reads the whole font file again for every glyph it lays out
# (~4,300 reads of DejaVuSans.ttf, 757 KB each, for the four figures of the sample: ~0.3 s of CPU, most
# of it the kernel copying the file). The subset (~125-140 KB) keeps every outline, metric, kerning pair
# and layout feature of the characters it holds, so a figure whose text it covers renders to the same
# PNG bytes; src/render/charts/fonts.ts uses the full files for any other figure. It drops the TrueType
# hinting (instructions, cvt, fpgm, prep: a quarter of the file) and the glyph names, which resvg never
# uses: it draws the outlines unhinted at any size and finds glyphs by code point.
#
# Run from the package root:   apt-get install fonttools   (4.38.0 here)   then   sh fonts/make-figure-fonts.sh
# Deterministic: the same inputs give the same bytes (sha256 printed below). fonts/check-figure-fonts.mjs
# checks the subset against the full files; test/render/charts/fonts.test.ts checks figure text.
# Licence: the DejaVu fonts licence (fonts/LICENSE) allows modified copies whose names contain neither
# "Bitstream" nor "Vera"; the family name stays "DejaVu Sans", which the figures' SVGs name.
set -eu
src=node_modules/dejavu-fonts-ttf/ttf
for face in DejaVuSans DejaVuSans-Bold; do
  pyftsubset "$src/$face.ttf" \
    --unicodes-file=fonts/figure-subset-unicodes.txt \
    --layout-features='*' --legacy-kern --notdef-outline --no-recalc-bounds --no-hinting \
    --no-prune-unicode-ranges \
    --name-IDs='*' --name-languages='*' --name-legacy \
    --output-file="fonts/$face-figures.ttf"
done
sha256sum fonts/DejaVuSans-figures.ttf fonts/DejaVuSans-Bold-figures.ttf
