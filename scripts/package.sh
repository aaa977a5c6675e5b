#!/usr/bin/env bash
# Builds kerasview as a desktop application with jpackage:
#   target/dist/kerasview/                       app image (bin/kerasview, its own trimmed runtime)
#   target/dist/kerasview_0.1.0-1_amd64.deb      Debian package (menu entry, file associations)
# Usage: scripts/package.sh [--no-build] [--no-train] [--image-only | --deb-only]
#   --no-build    reuse target/kerasview.jar and target/lib/ instead of running Maven
#   --no-train    ship the committed class list packaging/cds/kerasview.classlist instead of
#                 recording one from this build's start (which needs Xvfb; without it, or when
#                 the recording fails, the committed list is used too)
#   --image-only  only the app image (no .deb, no fakeroot needed)
#   --deb-only    only the .deb (packaged from an image built in target/deb-image/)
# Class-data sharing: the image carries lib/app/cds/ (class list + kerasview-cds.sh); the app
# image gets its archive lib/kerasview.jsa dumped here, the .deb dumps it at install (postinst);
# the design: packaging/cds/README.md.
# The launcher bin/kerasview is a shell script (scripts/write-launcher.sh): jpackage 17's native
# one asks rpm and dpkg which package owns it on every start (≈ 0.4 s here). So the .deb is
# made from the app image (jpackage --app-image), not by jpackage building its own.
# One JDK builds everything (jar, jdeps check, jlink, jpackage): $KERASVIEW_JDK, default the
# Debian OpenJDK 17. The options themselves live in jpackage.cfg and packaging/deb.cfg.
set -euo pipefail
cd "$(dirname "$0")/.."

build=yes
train=yes
image=yes
deb=yes
for arg in "$@"; do
  case "$arg" in
    --no-build) build=no ;;
    --no-train) train=no ;;
    --image-only) deb=no ;;
    --deb-only) image=no ;;
    *) echo "package.sh: unknown option '$arg' (known: --no-build, --no-train, --image-only, --deb-only)" >&2; exit 2 ;;
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
rm -rf target/jpackage-input target/dist target/deb-image
mkdir -p target/jpackage-input
cp target/kerasview.jar target/jpackage-input/
cp -r target/lib target/jpackage-input/lib
cp -r assets target/jpackage-input/assets
mkdir -p target/jpackage-input/cds
cp packaging/cds/kerasview-cds.sh target/jpackage-input/cds/

# The class list the archive is dumped from: recorded from this build's own start when Xvfb
# is here, so new classes are in it; else the committed one (a stale list only shares less).
classlist=target/jpackage-input/cds/kerasview.classlist
if [ "$train" = yes ] && command -v Xvfb >/dev/null 2>&1; then
  step "recording the class list of a start (scripts/cds-classlist.sh, Xvfb)"
  if ! KERASVIEW_JDK="$jdk" scripts/cds-classlist.sh "$classlist"; then
    echo "  recording failed; shipping the committed packaging/cds/kerasview.classlist" >&2
  fi
fi
if [ ! -f "$classlist" ]; then
  step "class list: the committed packaging/cds/kerasview.classlist"
  cp packaging/cds/kerasview.classlist "$classlist"
fi

# A library update can need a module the trimmed runtime lacks; that would only show as a
# crash at run time, so compare what jdeps sees with the modules the runtime really holds.
# jdeps runs beside jpackage: it only reads the jars.
jdeps --print-module-deps --ignore-missing-deps --multi-release 17 \
  --class-path 'target/lib/*' target/kerasview.jar target/lib/*.jar \
  > target/jdeps-modules.txt 2>/dev/null &
jdeps_pid=$!
trap 'kill "$jdeps_pid" 2>/dev/null || true' EXIT

# the .deb alone is packaged from an image outside target/dist, which then holds only the .deb
image_parent=target/dist
if [ "$image" = no ]; then
  image_parent=target/deb-image
fi
rm -rf target/deb-image
step "jpackage app image ($image_parent/kerasview)"
jpackage @jpackage.cfg --type app-image --dest "$image_parent"
app_image="$image_parent/kerasview"
step "launcher: bin/kerasview as a script (scripts/write-launcher.sh)"
scripts/write-launcher.sh "$app_image"

if [ "$deb" = yes ]; then
  # Before the archive is dumped: it only matches where it is made, postinst makes the .deb's.
  # With --app-image jpackage takes only the package's own options from jpackage.cfg.
  grep -E '^--(name|app-version|description|vendor|copyright|icon) ' jpackage.cfg > target/jpackage-package.cfg
  step "jpackage .deb (from the app image)"
  jpackage @target/jpackage-package.cfg @packaging/deb.cfg --app-image "$app_image" --dest target/dist
fi

if [ "$image" = yes ]; then
  step "dumping the app image's class-data-sharing archive (lib/kerasview.jsa)"
  if ! sh "$app_image/lib/app/cds/kerasview-cds.sh" dump "$app_image"; then
    echo "package.sh: the app image's CDS archive could not be dumped (see above)" >&2
    exit 1
  fi
fi

step "checking the runtime's modules against jdeps"
if ! wait "$jdeps_pid"; then
  echo "package.sh: jdeps failed on target/kerasview.jar and target/lib/" >&2
  exit 1
fi
needed=$(tail -n 1 target/jdeps-modules.txt)
release=$(cat "$app_image/lib/runtime/release")
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
