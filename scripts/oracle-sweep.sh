#!/usr/bin/env bash
# Converts every model file that Keras 3.15.1 refuses in ../shared/fixtures and ../shared/corpus
# (per their GROUND_TRUTH_INDEX.tsv) with `convert --to TARGET`, and loads each output with the
# real Keras of ../shared/tools/keras-oracle. A developer's check, never part of the test suite.
# Usage: scripts/oracle-sweep.sh [keras|h5|json] [OUTDIR]     (needs /opt/keras-oracle built)
#        EXTRA="--allow-custom-code" scripts/oracle-sweep.sh ...  passes more options to convert
#        ALL=1 converts every model file, also those Keras loads; SETS="fixtures corpus fixtures-modern"
#        picks the sets (each with its GROUND_TRUTH_INDEX.tsv; a set may also be a path outside ../shared)
set -uo pipefail
cd "$(dirname "$0")/.."
TARGET=${1:-keras}
OUT=${2:-$(mktemp -d)}
mkdir -p "$OUT"
SHARED=../shared
JAR=target/kerasview.jar
[[ -f $JAR ]] || { echo "build first: mvn -B -ntp -DskipTests package" >&2; exit 2; }
# shellcheck disable=SC1091
source /opt/keras-oracle/env.sh || { echo "the oracle is not built: see $SHARED/tools/keras-oracle/README.md" >&2; exit 2; }
CL="/usr/bin/python3 $KERAS_ORACLE/gen/check_load.py"
loaded=0; refused=0; bad=0; needs=0
while IFS=$'\t' read -r set cwd args verdict; do
    read -ra a <<<"$args"
    base=$SHARED/$set; [[ $set == /* ]] && base=$set
    model=$base/$cwd/${a[0]}; weights=()
    [[ ${#a[@]} -gt 1 && ${a[1]} != --* ]] && weights=(--weights "$base/$cwd/${a[1]}")
    name=$(basename "${a[0]}")
    dest="$OUT/$(basename "$set")-$(basename "$cwd")-$name.$TARGET"
    rm -f "$dest" "${dest%.json}_weights.h5"
    msg=$(java -jar $JAR convert "$model" "${weights[@]}" --to "$TARGET" -o "$dest" ${EXTRA:-} 2>&1 </dev/null)
    rc=$?
    if [[ -f $dest ]]; then
        extra=(); [[ $TARGET == json ]] && extra=("${dest%.json}_weights.h5")
        res=$(cd "$(dirname "$dest")" && $CL "$(basename "$dest")" "${extra[@]}" 2>&1 </dev/null | grep -m1 -E "^(OK|FAIL) ")
        if [[ $res == OK* ]]; then loaded=$((loaded+1)); st="LOADS"; [[ $rc == 3 ]] && st="LOADS (exit 3: the oracle registers the classes it needs)"
        elif [[ $rc == 3 ]]; then needs=$((needs+1)); st="WRITTEN-EXIT-3-NEEDS-CODE: $(grep -o 'loads where your code registers [^(]*' <<<"$msg" | head -1)| oracle: $res"
        else bad=$((bad+1)); st="WRITTEN-BUT-KERAS-REFUSES: $res"; fi
    else
        msg=$(tail -1 <<<"$msg"); refused=$((refused+1)); st="REFUSED: ${msg#kerasview convert: }"
    fi
    printf '%s\t%s\t%s\n' "$set/$cwd/${a[0]}" "$st" "${verdict:0:80}"
done < <(for set in ${SETS:-fixtures corpus}; do
    awk -F'\t' -v s="$set" -v all="${ALL:-0}" 'NR>1 && ($5==1 || all==1) && $1 !~ /-(unsafe|json-only|no-compile|renamed-[^.]*\.h5)\.txt$/ {
        d=$3; if (d ~ /^files\//) {} ; print s "\t" d "\t" $4 "\t" $6 }' "$([[ $set == /* ]] && echo "$set" || echo "$SHARED/$set")/GROUND_TRUTH_INDEX.tsv" \
        | awk -F'\t' '!seen[$2 FS $3]++'
done)
echo "loadable outputs: $loaded   refused: $refused   written with exit 3 (needs the person's classes, which the oracle lacks): $needs   written but Keras refuses: $bad   (outputs in $OUT)"
