#!/usr/bin/env bash
# Scale of sharded Keras 3 weights (issue #19, item 4): an 8 GiB model in 2 GiB shards against the
# same model at 20 MiB. Prints a markdown table (also $SCRATCH/sharded-results.md).
#   BIG_MB=8192 SHARD_MB=2048 REPS=3 bench/sharded.sh
# Needs /usr/bin/python3 with numpy + h5py, GNU time, target/kerasview.jar, ~3 x BIG_MB of disk.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd); REPO=$(cd "$HERE/.." && pwd)
SCRATCH=${SCRATCH:-/work/bench-scratch}; BIG_MB=${BIG_MB:-8192}; SHARD_MB=${SHARD_MB:-2048}
REPS=${REPS:-3}; JAVA=(java -Xmx256m -jar "$REPO/target/kerasview.jar")
mkdir -p "$SCRATCH"; cd "$SCRATCH"
gen() { [[ -f $1.weights.json ]] || /usr/bin/python3 "$HERE/make_big_sharded.py" "$2" -o "$1" --shard-mb "$SHARD_MB" >&2; }
gen small20 20; gen big "$BIG_MB"
evict() { /usr/bin/python3 -c 'import os,sys
for p in sys.argv[1:]:
    fd=os.open(p,os.O_RDONLY); os.posix_fadvise(fd,0,0,os.POSIX_FADV_DONTNEED); os.close(fd)' "$@"; }
secs() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null; t1=$(date +%s.%N); echo "$t1 - $t0" | bc; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
rss() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident/ {printf "%d", $2/1024}'; }
shards() { ls "$1"_0*.weights.h5; }
bytes=$(cat $(shards big) | wc -c)
out=()
# 1. inspect --json, warm (after one untimed run)
for m in small20 big; do "${JAVA[@]}" inspect "$m.json" --weights "$m.weights.json" --json >/dev/null; done
a=(); b=()
for _ in $(seq "$REPS"); do
  a+=("$(secs "${JAVA[@]}" inspect small20.json --weights small20.weights.json --json)")
  b+=("$(secs "${JAVA[@]}" inspect big.json --weights big.weights.json --json)")
done
ma=$(median "${a[@]}"); mb=$(median "${b[@]}")
out+=("| inspect --json, ${BIG_MB} MiB in $(shards big | wc -l) shards vs 20 MiB, warm | $mb s vs $ma s = **$(echo "scale=2; $mb / $ma" | bc)×** (runs ${b[*]} vs ${a[*]}); peak RSS $(rss "${JAVA[@]}" inspect big.json --weights big.weights.json --json) MiB | ≤ 1.5× |")
# 2. convert vs cp + sync, model evicted from the page cache before each run
for target in keras h5; do
  c=(); p=(); r=()
  for _ in $(seq "$REPS"); do
    rm -rf cpdir out.$target; mkdir cpdir; sync
    evict big.json big.weights.json $(shards big)
    p+=("$(secs bash -c "cp $(shards big | tr '\n' ' ') big.json big.weights.json cpdir/ && sync")")
    rm -rf cpdir; sync
    evict big.json big.weights.json $(shards big)
    c+=("$(secs bash -c "${JAVA[*]} convert big.json --weights big.weights.json --to $target -o out.$target && sync")")
    rm -f out.$target; sync
  done
  evict big.json big.weights.json $(shards big)
  r=$(rss "${JAVA[@]}" convert big.json --weights big.weights.json --to $target -o out.$target); rm -f out.$target
  mc=$(median "${c[@]}"); mp=$(median "${p[@]}")
  out+=("| convert --to $target + sync vs cp + sync, $((bytes / 1048576)) MiB of shards, -Xmx256m, evicted | $mc s vs $mp s = **$(echo "scale=2; $mc / $mp" | bc)×** (runs ${c[*]} vs ${p[*]}); peak RSS $r MiB | ≤ 1.5× |")
done
{ echo "| figure | measured | goal |"; echo "|---|---|---|"; printf '%s\n' "${out[@]}"; } | tee "$SCRATCH/sharded-results.md"
