#!/usr/bin/env bash
# Scale benchmark for kerasview (issue #7). Not part of the test suite.
#
#   bench/run.sh [all|inspect|convert|ui|graph]...      (default: all)
#
# Environment:
#   SCRATCH=/work/bench-scratch  where generated models and outputs go (outside the repo)
#   BIG_MB=2048 SMALL_MB=20      archive sizes for figures 1 and 2 (same layer structure)
#   REPS=3                       runs per side for the medians
#   UI_LAYERS=5000               layers of the model for figure 3
#   UI_JAVA_OPTS=                extra JVM options for figure 3 (e.g. the launcher's)
#   UI_IMAGE=                    an app image (scripts/package.sh: target/dist/kerasview): figure 3
#                                then runs on its runtime, with its launcher's JVM options and
#                                class path, so its class-data-sharing archive is used
#   UI_TOOLKIT=monocle           figure 3's toolkit: monocle (headless, software rendering) or gtk
#                                (the real one, on $DISPLAY, or on an Xvfb started for the run)
#   KEEP=1                       keep the big generated files afterwards
#   PY=/usr/bin/python3          a Python with numpy + h5py
#   XMX=256m                     heap of the measured kerasview processes
#   CONVERT_TO="h5 keras"        the conversion targets figure 2 measures
# Writes the markdown table to $SCRATCH/results.md and prints it.
set -euo pipefail

REPO="$(cd "$(dirname "$0")/.." && pwd)"
SCRATCH="${SCRATCH:-/work/bench-scratch}"
BIG_MB="${BIG_MB:-2048}"
SMALL_MB="${SMALL_MB:-20}"
REPS="${REPS:-3}"
UI_LAYERS="${UI_LAYERS:-5000}"
PY="${PY:-/usr/bin/python3}"
XMX="${XMX:-256m}"
CONVERT_TO="${CONVERT_TO:-h5 keras}"
MAKE_BIG="${MAKE_BIG:-$REPO/../shared/tools/make_big_keras.py}"
JAR="$REPO/target/kerasview.jar"
TIME=/usr/bin/time
WHAT=("${@:-all}")

mkdir -p "$SCRATCH"
LOG="$SCRATCH/bench.log"
OUT="$SCRATCH/results.md"
: > "$LOG"
ROWS=()

log() { echo "$*" | tee -a "$LOG" >&2; }
want() { local w; for w in "${WHAT[@]}"; do [[ $w == all || $w == "$1" ]] && return 0; done; return 1; }
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
cpu_s() { awk -F': ' '/User time|System time/ { t += $2 } END { printf "%.2f", t }' "$1"; }
maxrss_mb() { awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"; }

CAN_DROP=no
if [[ -w /proc/sys/vm/drop_caches ]]; then CAN_DROP=yes; fi
drop_caches() {
    sync
    if [[ $CAN_DROP == yes ]]; then echo 3 > /proc/sys/vm/drop_caches; fi
}

preflight() {
    [[ -x $TIME ]] || { echo "need GNU time at $TIME (apt-get install -y time)" >&2; exit 2; }
    "$PY" -c 'import h5py, numpy' || { echo "need numpy + h5py for $PY" >&2; exit 2; }
    if [[ ! -f $JAR ]]; then
        log "building $JAR"
        (cd "$REPO" && mvn -B -ntp -q -DskipTests package) >> "$LOG" 2>&1
    fi
    local need_mb=$(( BIG_MB * 3 + 500 )) free_mb
    free_mb=$(df -Pm "$SCRATCH" | awk 'NR == 2 { print $4 }')
    log "scratch $SCRATCH: ${free_mb} MiB free, up to ${need_mb} MiB needed; drop caches: $CAN_DROP"
    (( free_mb > need_mb )) || { echo "not enough free disk in $SCRATCH" >&2; exit 2; }
}

generate() {
    local mb=$1 f="$SCRATCH/big${1}.keras"
    if [[ ! -f $f ]]; then
        log "generating $f"
        "$PY" "$MAKE_BIG" "$mb" -o "$f" >> "$LOG" 2>&1
    fi
    echo "$f"
}

# run_timed LABEL CMD... : wall seconds (ms resolution) to stdout, /usr/bin/time -v log kept
run_timed() {
    local label=$1; shift
    local t0 t1 rc=0
    t0=$(now)
    "$TIME" -v -o "$SCRATCH/time-$label.txt" "$@" > /dev/null 2>> "$LOG" || rc=$?
    t1=$(now)
    if (( rc != 0 )); then log "FAILED ($rc): $*"; echo "fail"; return 0; fi
    secs "$t0" "$t1"
}

figure_inspect() {
    local small big
    small=$(generate "$SMALL_MB"); big=$(generate "$BIG_MB")
    for mode in warm cold; do
        local s=() b=() t rss_s=0 rss_b=0 cs=() cb=()
        if [[ $mode == cold && $CAN_DROP == no ]]; then continue; fi
        if [[ $mode == warm ]]; then   # one unmeasured run each fills the page cache
            run_timed warmup java -Xmx"$XMX" -jar "$JAR" inspect --json "$small" > /dev/null
            run_timed warmup java -Xmx"$XMX" -jar "$JAR" inspect --json "$big" > /dev/null
        fi
        for ((i = 1; i <= REPS; i++)); do
            [[ $mode == cold ]] && drop_caches
            t=$(run_timed inspect-small java -Xmx"$XMX" -jar "$JAR" inspect --json "$small"); s+=("$t")
            rss_s=$(maxrss_mb "$SCRATCH/time-inspect-small.txt"); cs+=("$(cpu_s "$SCRATCH/time-inspect-small.txt")")
            [[ $mode == cold ]] && drop_caches
            t=$(run_timed inspect-big java -Xmx"$XMX" -jar "$JAR" inspect --json "$big"); b+=("$t")
            rss_b=$(maxrss_mb "$SCRATCH/time-inspect-big.txt"); cb+=("$(cpu_s "$SCRATCH/time-inspect-big.txt")")
        done
        log "inspect $mode small: ${s[*]}  big: ${b[*]}"
        if [[ " ${s[*]} ${b[*]} " == *" fail "* ]]; then
            ROWS+=("| 1. inspect --json, ${BIG_MB} MiB vs ${SMALL_MB} MiB ($mode cache) | failed (see $LOG) | ≤ 1.5× | |")
            continue
        fi
        local ms mb
        ms=$(median "${s[@]}"); mb=$(median "${b[@]}")
        ROWS+=("| 1. inspect --json, ${BIG_MB} MiB vs ${SMALL_MB} MiB ($mode cache) | ${mb} s vs ${ms} s = **$(ratio "$mb" "$ms")×** | ≤ 1.5× | median of $REPS; runs big: ${b[*]}; small: ${s[*]}; CPU (user+sys) median $(median "${cb[@]}") s / $(median "${cs[@]}") s; peak RSS ${rss_b} / ${rss_s} MiB |")
    done
}

# evict_file F: drops only F's pages from the page cache (the JDK and jars stay cached, as on a
# machine that has run Java before); F must have no dirty pages, hence the sync.
evict_file() {
    sync
    "$PY" -c 'import os, sys; fd = os.open(sys.argv[1], os.O_RDONLY); os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)' "$1"
}

# figure_convert: two modes. "all": the whole page cache dropped before each run of either side
# (the JVM, its modules and the jars start cold too); "model": only the model file evicted.
figure_convert() {
    local to
    for to in $CONVERT_TO; do
        figure_convert_to "$to"
    done
}

figure_convert_to() {
    local big out copy mode to=$1
    big=$(generate "$BIG_MB"); out="$SCRATCH/converted.$to"; copy="$SCRATCH/copy.keras"
    for mode in model all; do
        if [[ $mode == all && $CAN_DROP == no ]]; then continue; fi
        local c=() p=() t t0 rss=() cc=()
        for ((i = 1; i <= REPS; i++)); do
            rm -f "$out" "$copy"
            if [[ $mode == all ]]; then drop_caches; else evict_file "$big"; fi
            t0=$(now)
            t=$(run_timed convert java -Xmx"$XMX" -jar "$JAR" convert "$big" --to "$to" -o "$out")
            sync
            [[ $t == fail ]] && c+=(fail) || c+=("$(secs "$t0" "$(now)")")
            rss+=("$(maxrss_mb "$SCRATCH/time-convert.txt")"); cc+=("$(cpu_s "$SCRATCH/time-convert.txt")")
            [[ -f $out ]] && log "converted: $(stat -c %s "$out") bytes"
            rm -f "$out"
            if [[ $mode == all ]]; then drop_caches; else evict_file "$big"; fi
            t0=$(now)
            run_timed cp cp "$big" "$copy" > /dev/null
            sync
            p+=("$(secs "$t0" "$(now)")")
            rm -f "$copy"
        done
        log "convert --to $to ($mode cold): ${c[*]}  cp+sync: ${p[*]}  convert peak RSS MiB: ${rss[*]}"
        if [[ " ${c[*]} " == *" fail "* ]]; then
            ROWS+=("| 2. convert --to $to (${BIG_MB} MiB) vs cp + sync | failed (see $LOG) | ≤ 2× | cp + sync: $(median "${p[@]}") s |")
            return
        fi
        local mc mp what
        mc=$(median "${c[@]}"); mp=$(median "${p[@]}")
        if [[ $mode == all ]]; then what="whole page cache dropped before each run"; else what="model file evicted from the page cache before each run"; fi
        ROWS+=("| 2. convert --to $to + sync vs cp + sync, ${BIG_MB} MiB, -Xmx$XMX, $what | ${mc} s vs ${mp} s = **$(ratio "$mc" "$mp")×** | ≤ 2× | median of $REPS; runs convert: ${c[*]}; cp: ${p[*]}; convert CPU (user+sys): ${cc[*]} s |")
        ROWS+=("| 2b. convert --to $to peak resident memory ($mode cold) | **$(median "${rss[@]}") MiB** (runs: ${rss[*]}) | bounded (heap $XMX) | /usr/bin/time -v, Maximum resident set size |")
    done
}

# UI_JAVA_OPTS: extra JVM options for the window (e.g. "-XX:TieredStopAtLevel=1"; a CDS archive needs a class path of
# jars only, which this harness does not use)
# to measure a launcher configured so; empty by default: the JVM's defaults, as `java -jar` gives them.
figure_ui() {
    local model="$SCRATCH/layers${UI_LAYERS}.keras" classes="$SCRATCH/bench-classes" cp mon
    [[ -f $model ]] || "$PY" "$REPO/bench/make_many_layers_keras.py" -n "$UI_LAYERS" -o "$model" >> "$LOG"
    # the same model under a second name, opened in the running window: a new tab, not the old one
    local again="$SCRATCH/layers${UI_LAYERS}-again.keras"
    ln -f "$model" "$again" 2>/dev/null || cp "$model" "$again"
    # a private single-instance folder: another kerasview window of this user must not take the files
    local xdg="$SCRATCH/xdg-runtime"
    mkdir -p "$xdg"; chmod 700 "$xdg"
    cp=$(ls "$REPO"/target/lib/*.jar | tr '\n' ':')"$REPO/target/classes"
    mon=$(ls ~/.m2/repository/org/testfx/openjfx-monocle/17.0.10/openjfx-monocle-17.0.10.jar)
    rm -rf "$classes"; mkdir -p "$classes"
    javac -d "$classes" -cp "$cp" "$REPO"/src/bench/java/dev/kerasview/bench/*.java
    (cd "$classes" && jar cf ../bench-classes.jar .)
    # the jar first, as `java -jar target/kerasview.jar` has it (its manifest adds target/lib/), so
    # the archive that `package` dumps for it applies when UI_JAVA_OPTS names it
    local java_bin=java launcher_opts=() launcher_env="" run_cp="$JAR:$SCRATCH/bench-classes.jar:$mon" where="java -jar class path"
    if [[ -n ${UI_IMAGE:-} ]]; then
        # the launcher's class path first, as its archive records it; the bench's classes after
        local img appdir
        img=$(cd "$UI_IMAGE" && pwd -P); appdir="$img/lib/app"
        java_bin="$img/lib/runtime/bin/java"
        mapfile -t launcher_opts < <(sed -n 's/^java-options=//p' "$appdir/kerasview.cfg" | sed "s#\\\$APPDIR#$appdir#g")
        run_cp="$(sed -n 's/^app\.classpath=//p' "$appdir/kerasview.cfg" | sed "s#\\\$APPDIR#$appdir#g" | paste -sd: -):$SCRATCH/bench-classes.jar:$mon"
        where="app image $img (its runtime, launcher options, environment and archive)"
        # the environment the launcher script sets up before it starts Java (GDK_GL without a GPU)
        launcher_env=$(sed -n '/^if \[ -z "\${GDK_GL+set}"/,/^fi$/p' "$img/bin/kerasview")
        log "figure 3 on $where: ${launcher_opts[*]}"
    fi
    local toolkit_opts=(-Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dprism.text=t2k -Djava.awt.headless=true)
    local toolkit="headless Monocle, software rendering" display=${DISPLAY:-} xvfb_pid=""
    if [[ ${UI_TOOLKIT:-monocle} == gtk ]]; then
        # the toolkit a user gets: GTK on an X server; JavaFX picks its renderer as it does for them
        toolkit_opts=()
        if [[ -z $display ]]; then
            command -v Xvfb > /dev/null || { ROWS+=("| 3. window (GTK) | skipped: no \$DISPLAY and no Xvfb (apt-get install -y xvfb) | ≤ 2 s | |"); return; }
            display=:$((90 + RANDOM % 9))
            Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >> "$LOG" 2>&1 &
            xvfb_pid=$!
            sleep 1
        fi
        toolkit="real GTK toolkit on X server $display$([[ -n $xvfb_pid ]] && echo ' (Xvfb, software rendering)')"
    fi
    local tree=() win=() jvm=() stall=() open_stall=() cpu=() fxopen=() fxtype=() reopen=() reopen_fx=() reopen_cpu=() start=() line v
    for ((i = 1; i <= REPS; i++)); do
        # the clock reading just before the JVM starts: start_to_tree_ms includes the JVM's own start
        # shellcheck disable=SC2086 # UI_JAVA_OPTS is a list of options
        line=$(eval "$launcher_env"; DISPLAY="$display" XDG_RUNTIME_DIR="$xdg" "$java_bin" -Xmx1g "${launcher_opts[@]}" ${UI_JAVA_OPTS:-} "${toolkit_opts[@]}" \
            -Dorg.slf4j.simpleLogger.log.io.jhdf=warn -Dbench.startEpochNanos="$(date +%s%N)" \
            -cp "$run_cp" dev.kerasview.bench.UiScaleBench "$model" "$UI_LAYERS" dense_4999 100 "$again" \
            2>> "$LOG" | grep '^result=' || true)
        log "ui run $i: $line"
        [[ $line == result=ok* ]] || { [[ -z $xvfb_pid ]] || kill "$xvfb_pid"; ROWS+=("| 3. ${UI_LAYERS}-layer model in the window | failed: ${line:-no result} (see $LOG) | ≤ 2 s | |"); return; }
        v() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<< "$line"; }
        start+=("$(v start_to_tree_ms)"); tree+=("$(v launch_to_tree_ms)"); win+=("$(v window_to_tree_ms)"); jvm+=("$(v jvm_to_launch_ms)")
        stall+=("$(v max_stall_typing_ms)"); open_stall+=("$(v max_stall_during_open_ms)")
        cpu+=("$(v process_cpu_to_tree_ms)"); fxopen+=("$(v max_fx_cpu_between_frames_open_ms)")
        fxtype+=("$(v max_fx_cpu_between_frames_typing_ms)")
        reopen+=("$(v reopen_to_tree_ms)"); reopen_fx+=("$(v max_fx_cpu_between_frames_reopen_ms)")
        reopen_cpu+=("$(v process_cpu_reopen_ms)")
    done
    [[ -z $xvfb_pid ]] || kill "$xvfb_pid"
    ROWS+=("| 3a. ${UI_LAYERS}-layer model: JVM start → tree rows laid out | **$(median "${start[@]}") ms** (of which launch call → tree: $(median "${tree[@]}") ms; window shown → tree: $(median "${win[@]}") ms) | ≤ 2 s | $where; $toolkit; median of $REPS; runs: ${start[*]}; process CPU until then: ${cpu[*]} ms; FX thread's longest busy stretch between two frames while opening: ${fxopen[*]} ms (wall stalls: ${open_stall[*]} ms) |")
    ROWS+=("| 3b. typing 10 chars into the search field (1 key / 100 ms) | longest FX-thread busy stretch between frames **$(median "${fxtype[@]}") ms** (wall-clock stall $(median "${stall[@]}") ms) | responsive (< 100 ms) | median of $REPS of the per-run max; busy (CPU) runs: ${fxtype[*]}; wall runs: ${stall[*]} |")
    ROWS+=("| 3c. ${UI_LAYERS}-layer model opened in the running window (single-instance hand-over, as a second \`kerasview FILE\`) → its tree rows laid out | **$(median "${reopen[@]}") ms** | ≤ 2 s | median of $REPS; runs: ${reopen[*]}; process CPU: ${reopen_cpu[*]} ms; FX thread's longest busy stretch between two frames meanwhile: ${reopen_fx[*]} ms |")
}

# figure 4 (issue #17): the graph tab of the UI_LAYERS model, headless Monocle, software rendering
figure_graph() {
    local model="$SCRATCH/layers${UI_LAYERS}.keras" classes="$SCRATCH/bench-classes" cp mon line
    [[ -f $model ]] || "$PY" "$REPO/bench/make_many_layers_keras.py" -n "$UI_LAYERS" -o "$model" >> "$LOG"
    cp=$(ls "$REPO"/target/lib/*.jar | tr '\n' ':')"$REPO/target/classes"
    mon=$(ls ~/.m2/repository/org/testfx/openjfx-monocle/17.0.10/openjfx-monocle-17.0.10.jar)
    rm -rf "$classes"; mkdir -p "$classes"
    javac -d "$classes" -cp "$cp" "$REPO"/src/bench/java/dev/kerasview/bench/*.java
    local settle
    for settle in 0 3000; do
        local first=() fx=() p95=() max=() over=()
        for ((i = 1; i <= REPS; i++)); do
            # shellcheck disable=SC2086 # UI_JAVA_OPTS is a list of options
            line=$(java -Xmx1g ${UI_JAVA_OPTS:-} -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw \
                -Dprism.text=t2k -Djava.awt.headless=true -Dorg.slf4j.simpleLogger.log.io.jhdf=warn \
                -cp "$JAR:$classes:$mon" dev.kerasview.bench.GraphScaleBench "$model" "$UI_LAYERS" "$settle" \
                2>> "$LOG" | grep '^result=' || true)
            log "graph run $i (tab opened ${settle} ms after the tree): $line"
            [[ $line == result=ok* ]] || { ROWS+=("| 4. graph of ${UI_LAYERS} layers | failed: ${line:-no result} (see $LOG) | | |"); return; }
            v() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<< "$line"; }
            first+=("$(v open_graph_to_first_frame_ms)"); fx+=("$(v fx_cpu_per_frame_median_ms)")
            p95+=("$(v fx_cpu_per_frame_p95_ms)"); max+=("$(v fx_cpu_per_frame_max_ms)"); over+=("$(v frames_over_16ms)")
        done
        ROWS+=("| 4a. ${UI_LAYERS}-layer model: graph tab opened ${settle} ms after the tree shows → first graph frame drawn | **$(median "${first[@]}") ms** | ≤ 2 s | headless Monocle, software rendering; median of $REPS; runs: ${first[*]} |")
        ROWS+=("| 4b. then pan/zoom, one wheel event per frame (60 zoom out to the whole graph, 60 in, 60 pan) | FX-thread CPU per frame: median **$(median "${fx[@]}") ms**, p95 $(median "${p95[@]}") ms, max $(median "${max[@]}") ms | ≤ 16 ms | medians of $REPS runs; per-run max: ${max[*]}; frames over 16 ms per run: ${over[*]} |")
    done
}

preflight
want inspect && figure_inspect
want convert && figure_convert
want ui && figure_ui
want graph && figure_graph

{
    echo "| figure | measured | goal | notes |"
    echo "|---|---|---|---|"
    printf '%s\n' "${ROWS[@]}"
    echo
    echo "Machine: $(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)), $(free -g | awk '/Mem:/ { print $2 }') GiB RAM, $(uname -sr), $(java -version 2>&1 | head -1); $(date -u '+%Y-%m-%d %H:%M UTC'); page cache dropped: $CAN_DROP; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (the cores are shared with other jobs)"
} | tee "$OUT"

if [[ ${KEEP:-0} != 1 ]]; then
    rm -f "$SCRATCH/big${BIG_MB}.keras" "$SCRATCH/big${BIG_MB}.keras.expected.txt" "$SCRATCH/converted".* "$SCRATCH/copy.keras"
fi
