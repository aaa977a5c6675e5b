#!/usr/bin/env bash
# Regenerates the truths of ConvertedOutputTruthTest: converts each INDEX.tsv input with the
# current build and loads the output with real Keras 3.15.1 (../shared/tools/keras-oracle).
# A developer's tool: it needs the oracle built at /opt/keras-oracle.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd); REPO=$(cd "$HERE/../../../.." && pwd); SHARED=$REPO/../shared
source /opt/keras-oracle/env.sh
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
# An optional argument regenerates only the truths whose file name contains it.
only=${1:-}
grep -v '^#' "$HERE/INDEX.tsv" | while IFS=$'\t' read -r truth input weights rule; do
    [[ -n $only && $truth != *"$only"* ]] && continue
    src() { case $1 in fixtures/*|fixtures-modern/*|upgrade/*|lambda-models/*) echo "$REPO/src/test/resources/$1" ;; corpus/*) echo "$SHARED/corpus/files/${1#corpus/}" ;; esac; }
    w=(); [[ $weights != - ]] && w=(--weights "$(src "$weights")")
    out="$work/${truth%.keras-3.15.1.txt}.keras"
    java -jar "$REPO/target/kerasview.jar" convert "$(src "$input")" "${w[@]}" --to keras --allow-custom-code -o "$out" </dev/null >/dev/null || { echo "conversion refused for $truth" >&2; continue; }
    (cd "$work" && /usr/bin/python3 "$HERE/check_load_bare.py" --predict "$(basename "$out")" </dev/null > "$HERE/$truth" 2>&1) \
        || echo "Keras refused the output for $truth" >&2
done
