#!/usr/bin/env bash
# Builds kerasview as a desktop application with jpackage:
#   target/dist/kerasview/                       app image (bin/kerasview, its own trimmed runtime)
#   target/dist/kerasview_0.1.0-1_amd64.deb      Debian package (menu entry, file associations)
# Usage: scripts/package.sh [--no-build] [--image-only | --deb-only]
#   --no-build    reuse target/kerasview.jar and target/lib/ instead of running Maven
#   --image-only  only the app image (no .deb, no fakeroot needed)
#   --deb-only    only the .deb (jpackage builds its own copy of the image inside it)
# One JDK builds everything (jar, jdeps check, jlink, jpackage): $KERASVIEW_JDK, default the
# Debian OpenJDK 17. The options themselves live in jpackage.cfg and packaging/deb.cfg.
set -euo pipefail
cd "$(dirname "$0")/.."

build=yes
image=yes
deb=yes
for arg in "$@"; do
  case "$arg" in
    --no-build) build=no ;;
    --image-only) deb=no ;;
    --deb-only) image=no ;;
    *) echo "package.sh: unknown option '$arg' (known: --no-build, --image-only, --deb-only)" >&2; exit 2 ;;
  esac
done

if [ "$image" = no ] && [ "$deb" = no ]; then
  echo "package.sh: --image-only and --deb-only together build nothing; pick one" >&2
  exit 2
fi

jdk="${KERASVIEW_JDK:-/usr/lib/jvm/java-17-openjdk-amd64}"
for tool in java jdeps jpackage; do
  if [ ! -x "$jdk/bin/$tool" ]; then
    echo "package.sh: $jdk/bin/$tool not found; set KERASVIEW_JDK to a JDK 17+ that has jpackage" >&2
    exit 1
  fi
done
if [ "$deb" = yes ]; then
  for tool in fakeroot dpkg-deb; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      echo "package.sh: '$tool' not found; install it (apt-get install fakeroot dpkg) or use --image-only" >&2
      exit 1
    fi
  done
fi
export JAVA_HOME="$jdk"
export PATH="$jdk/bin:$PATH"
step() { printf '[package %3ss] %s\n' "$SECONDS" "$*"; }

if [ "$build" = yes ]; then
  step "mvn package (JAVA_HOME=$JAVA_HOME)"
  mvn -B -ntp -q -DskipTests package
fi
if [ ! -f target/kerasview.jar ] || [ ! -d target/lib ]; then
  echo "package.sh: target/kerasview.jar or target/lib/ missing; run without --no-build" >&2
  exit 1
fi

step "staging target/jpackage-input (jar, lib/, assets/)"
rm -rf target/jpackage-input target/dist
mkdir -p target/jpackage-input
cp target/kerasview.jar target/jpackage-input/
cp -r target/lib target/jpackage-input/lib
cp -r assets target/jpackage-input/assets

# A library update can need a module the trimmed runtime lacks; that would only show as a
# crash at run time, so compare what jdeps sees with the modules the runtime really holds.
# jdeps runs beside jpackage: it only reads the jars.
jdeps --print-module-deps --ignore-missing-deps --multi-release 17 \
  --class-path 'target/lib/*' target/kerasview.jar target/lib/*.jar \
  > target/jdeps-modules.txt 2>/dev/null &
jdeps_pid=$!
trap 'kill "$jdeps_pid" 2>/dev/null || true' EXIT

if [ "$image" = yes ]; then
  step "jpackage app image"
  jpackage @jpackage.cfg --type app-image --dest target/dist
fi

if [ "$deb" = yes ]; then
  step "jpackage .deb"
  jpackage @jpackage.cfg @packaging/deb.cfg --dest target/dist
fi

step "checking the runtime's modules against jdeps"
if ! wait "$jdeps_pid"; then
  echo "package.sh: jdeps failed on target/kerasview.jar and target/lib/" >&2
  exit 1
fi
needed=$(tail -n 1 target/jdeps-modules.txt)
if [ "$image" = yes ]; then
  release=$(cat target/dist/kerasview/lib/runtime/release)
else
  release=$(dpkg-deb --fsys-tarfile target/dist/kerasview_*.deb | tar -xOf - ./opt/kerasview/lib/runtime/release)
fi
present=$(sed -n 's/^MODULES="\(.*\)"$/\1/p' <<<"$release")
missing=""
for module in ${needed//,/ }; do
  case " $present " in *" $module "*) ;; *) missing="$missing $module" ;; esac
done
if [ -n "$missing" ]; then
  echo "package.sh: the runtime lacks module(s)$missing that jdeps finds in the jars;" \
       "add them to --add-modules in jpackage.cfg" >&2
  exit 1
fi
echo "  jdeps needs: $needed (all in the runtime)"

step "done"
for output in target/dist/kerasview target/dist/*.deb; do
  if [ -e "$output" ]; then
    echo "  $output  $(du -sh "$output" | cut -f1)"
  fi
done
