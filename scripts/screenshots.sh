#!/usr/bin/env bash
# Takes the README's screenshots from the real window (GTK under Xvfb, 1280x800): the bundled
# sample VAE, a Keras 2 legacy .h5 Keras 3 refuses, and a model needing its own class (amber).
# A developer's tool: needs Xvfb, xdotool and ImageMagick's import, and a built target/kerasview.jar.
# Usage: scripts/screenshots.sh [OUTDIR]      (default: assets)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-assets}
mkdir -p "$out"
for tool in Xvfb xdotool import; do
  command -v "$tool" >/dev/null || { echo "screenshots: $tool not found" >&2; exit 2; }
done
work=$(mktemp -d)
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$work/display" >"$work/xvfb.log" 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do [[ -s $work/display ]] && break; sleep 0.1; done
export DISPLAY=":$(cat "$work/display")"
# a state folder of its own: no remembered geometry, no second-start hand-over to another window
export XDG_STATE_HOME=$work/state XDG_CONFIG_HOME=$work/config XDG_RUNTIME_DIR=$work/run
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"

shot() { # shot NAME FILE...
  local name=$1; shift
  java -jar target/kerasview.jar "$@" >"$work/$name.log" 2>&1 &
  local pid=$!
  local win=""
  for _ in $(seq 100); do
    win=$(xdotool search --onlyvisible --name "kerasview" 2>/dev/null | head -1 || true)
    [[ -n $win ]] && break; sleep 0.2
  done
  [[ -n $win ]] || { echo "screenshots: no window for $name" >&2; kill $pid; return 1; }
  xdotool windowsize "$win" 1280 800 windowmove "$win" 0 0
  sleep 6   # the diagnosis and the graph's layout settle in the background
  import -window root "$out/$name.png"
  kill $pid; wait $pid 2>/dev/null || true
  echo "wrote $out/$name.png"
}
shot screenshot-1280x800 assets/sample-vae.keras
shot screenshot-legacy "${LEGACY:-../shared/corpus/files/kerasimporttests/pollution_tensorflow.h5}"
shot screenshot-custom-class "${CUSTOM:-src/test/resources/fixtures/custom_layer/custom_layer.keras}"
