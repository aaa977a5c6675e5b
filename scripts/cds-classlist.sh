#!/usr/bin/env bash
# Records the classes a real kerasview start loads, for the class-data-sharing (AppCDS) archive
# that the installed package dumps (packaging/cds/kerasview-cds.sh): the window opening the
# bundled sample under a virtual X server (Xvfb, GTK as on a desktop) until its diagnosis is
# shown, then `inspect --json` and `diagnose --json` of the same file. Classes the list misses
# still load from the jars, only slower; classes it names that a build no longer has are skipped
# at dump time, so a stale list degrades, it never breaks a start. The whole class-data-sharing
# design (both archives, why static, measurements): packaging/cds/README.md.
#
# Usage: scripts/cds-classlist.sh [OUT]      (default OUT: packaging/cds/kerasview.classlist)
# Needs target/jpackage-input/ (scripts/package.sh stages it; run `scripts/package.sh
# --image-only` first) and Xvfb. Exits 3 without writing OUT when Xvfb is missing or the window
# did not get as far as its diagnosis within 90 s. To refresh the committed fallback list:
#   scripts/package.sh --image-only && scripts/cds-classlist.sh && git add packaging/cds
set -euo pipefail
cd "$(dirname "$0")/.."

out="${1:-packaging/cds/kerasview.classlist}"
jdk="${KERASVIEW_JDK:-/usr/lib/jvm/java-17-openjdk-amd64}"
input=target/jpackage-input
if [ ! -f "$input/kerasview.jar" ] || [ ! -f "$input/assets/sample-vae.keras" ]; then
  echo "cds-classlist: $input/ is not staged; run scripts/package.sh --image-only first" >&2
  exit 1
fi
if ! command -v Xvfb >/dev/null 2>&1; then
  echo "cds-classlist: Xvfb not found (apt-get install xvfb); no class list recorded" >&2
  exit 3
fi

# The launcher's own JVM options (jpackage.cfg) but not the archive itself, and its class path
# order: the main jar, then lib/ as jpackage lists it (sorted by name).
mapfile -t jvm_options < <(sed -n 's/^--java-options //p' jpackage.cfg | grep -v 'APPDIR' | tr -d '"')
classpath="$input/kerasview.jar$(LC_ALL=C ls "$input"/lib/*.jar | sed 's/^/:/' | tr -d '\n')"
sample="$input/assets/sample-vae.keras"

work=$(mktemp -d)
xvfb_pid=""
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

run_java() { # class-list file, then kerasview's arguments
  local list="$1"; shift
  "$jdk/bin/java" -XX:DumpLoadedClassList="$list" "${jvm_options[@]}" -cp "$classpath" dev.kerasview.Main "$@"
}

# -displayfd: Xvfb picks a free display and writes its number once it accepts clients.
Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp 3>"$work/display" >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 1 100); do [ -s "$work/display" ] && break; sleep 0.1; done
if [ ! -s "$work/display" ]; then
  echo "cds-classlist: Xvfb did not start: $(head -c 300 "$work/xvfb.log")" >&2
  exit 3
fi
display=":$(tr -d '\n' < "$work/display")"

# The window with no file opens the bundled sample; Verdict is made when the diagnosis is
# shown, the last step of a start. A second more lets the frames after it load their classes.
DISPLAY="$display" run_java "$work/window.classlist" >"$work/window.log" 2>&1 &
app_pid=$!
shown=no
for _ in $(seq 1 900); do
  if grep -q '^dev/kerasview/ui/Verdict$' "$work/window.classlist" 2>/dev/null; then shown=yes; break; fi
  kill -0 "$app_pid" 2>/dev/null || break
  sleep 0.1
done
if [ "$shown" = yes ]; then sleep 1; fi
kill "$app_pid" 2>/dev/null || true
wait "$app_pid" 2>/dev/null || true
app_pid=""
if [ "$shown" != yes ]; then
  echo "cds-classlist: the window did not show its diagnosis on $display within 90 s; output:" >&2
  head -c 2000 "$work/window.log" >&2
  exit 3
fi

run_java "$work/inspect.classlist" inspect --json "$sample" >/dev/null
run_java "$work/diagnose.classlist" diagnose --json "$sample" >/dev/null || true  # exit 1/2 = findings

# ELK and EMF come in signed jars, which -Xshare:dump skips; the lambda proxies of their classes
# then crash JDK 17's dump (SIGSEGV in adjust_lambda_proxy_class_dictionary): leave them all out.
mkdir -p "$(dirname "$out")"
{
  echo "# Classes loaded by a kerasview start (window on the bundled sample, inspect, diagnose),"
  echo "# recorded by scripts/cds-classlist.sh with -XX:DumpLoadedClassList on $("$jdk/bin/java" -version 2>&1 | head -1 | tr -d '"')."
  echo "# Input to -Xshare:dump -XX:SharedClassListFile (packaging/cds/kerasview-cds.sh)."
  cat "$work/window.classlist" "$work/inspect.classlist" "$work/diagnose.classlist" \
    | grep -v '^#' | grep -v 'org/eclipse/' | awk '!seen[$0]++'
} > "$out.tmp"
mv "$out.tmp" "$out"
echo "cds-classlist: $out: $(grep -vc '^#' "$out") entries, $(grep -c '^dev/kerasview/' "$out") of them kerasview's"
