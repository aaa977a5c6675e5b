#!/usr/bin/env bash
# Renders the application icon's PNG sizes from its SVG sources into assets/icons/.
# 16 px comes from the hinted assets/icon-16.svg, every other size from assets/icon.svg.
# Needs rsvg-convert (Debian: apt-get install librsvg2-bin). The PNGs are committed, so
# packaging does not need this script; run it after editing an SVG.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v rsvg-convert >/dev/null 2>&1; then
  echo "render-icons: rsvg-convert not found; install librsvg2-bin" >&2
  exit 1
fi

mkdir -p assets/icons
for size in 16 32 48 64 128 256 512; do
  source=assets/icon.svg
  [ "$size" -eq 16 ] && source=assets/icon-16.svg
  rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio "$source" \
    --output "assets/icons/kerasview-$size.png"
  echo "assets/icons/kerasview-$size.png  (${size}x${size}, from $source)"
done
