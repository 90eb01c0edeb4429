#!/usr/bin/env bash
# Renders the toolbar/store icons from the SVG sources. Needs rsvg-convert (Debian: librsvg2-bin).
# The PNGs are committed; run this only after changing an SVG.
set -euo pipefail
cd "$(dirname "$0")"
command -v rsvg-convert >/dev/null || { echo "build-icons.sh: rsvg-convert missing (apt-get install -y librsvg2-bin)" >&2; exit 1; }
rsvg-convert -w 16 -h 16 small.svg -o icon-16.png
for size in 32 48 128; do
  rsvg-convert -w "$size" -h "$size" caveat.svg -o "icon-$size.png"
done
echo "icons: $(ls icon-*.png | tr '\n' ' ')"
# The demo page shows the same mark.
cp caveat.svg ../../www/icon.svg
