#!/usr/bin/env bash
# Replaces the native launcher bin/kerasview of a jpackage app image with a shell script that
# starts the image's runtime with exactly the options, class path and main class of the
# image's lib/app/kerasview.cfg.
#
# Why: jpackage 17's Linux launcher asks `rpm -qf` and then `dpkg -S` which package owns it, on
# every start and twice (LinuxPackage.c, and again in libapplauncher), before Java starts. With
# dpkg's database of an ordinary desktop that is 0.4-0.5 s per query here; later JDKs dropped
# the query. The script does what the native launcher does for kerasview: resolve its own
# directory ($APPDIR = <image>/lib/app, physical path, as the CDS archive records the jars)
# and exec java.
#
# Usage: scripts/write-launcher.sh IMAGE    (IMAGE: e.g. target/dist/kerasview)
set -euo pipefail

image="${1:?usage: write-launcher.sh IMAGE}"
cfg="$image/lib/app/kerasview.cfg"
launcher="$image/bin/kerasview"
[ -f "$cfg" ] || { echo "write-launcher: $cfg not found" >&2; exit 1; }
[ -x "$image/lib/runtime/bin/java" ] || { echo "write-launcher: no runtime in $image" >&2; exit 1; }

# Each value goes into the script inside double quotes with $APPDIR expanded at run time; a
# value holding anything else the shell would interpret is refused rather than mangled.
quoted() {
  local v="$1"
  if [[ "${v//\$APPDIR/}" =~ [\"\\\`\$] ]]; then
    echo "write-launcher: cannot carry '$v' from $cfg into a shell script" >&2
    exit 1
  fi
  printf '"%s"' "${v//\$APPDIR/\$APPDIR}"
}

main=$(sed -n 's/^app\.mainclass=//p' "$cfg")
[ -n "$main" ] || { echo "write-launcher: no app.mainclass in $cfg" >&2; exit 1; }
classpath=""
while IFS= read -r entry; do
  classpath="${classpath:+$classpath:}$entry"
done < <(sed -n 's/^app\.classpath=//p' "$cfg")
[ -n "$classpath" ] || { echo "write-launcher: no app.classpath in $cfg" >&2; exit 1; }
options=""
while IFS= read -r option; do
  options="$options    $(quoted "$option") \\"$'\n'
done < <(sed -n 's/^java-options=//p' "$cfg")

tmp="$launcher.tmp"
{
  echo '#!/bin/sh'
  echo '# kerasview launcher, written by scripts/write-launcher.sh from lib/app/kerasview.cfg.'
  echo '# (jpackage 17'"'"'s native launcher asks rpm and dpkg which package owns it on every start.)'
  echo 'APPDIR=$(cd "$(dirname "$(readlink -f "$0")")/../lib/app" && pwd -P) || exit 1'
  # The devices of dev.kerasview.ui.RenderingPipeline (RenderingPipelineTest compares the lists).
  echo '# No GPU device (a virtual machine, a remote or virtual X server): kerasview renders in'
  echo '# software (RenderingPipeline), so GTK need not load OpenGL to sort its visuals (0.1-0.15 s).'
  echo 'if [ -z "${GDK_GL+set}" ] && [ ! -e /dev/dri ] && [ ! -e /dev/nvidiactl ] && [ ! -e /dev/dxg ]; then'
  echo '    GDK_GL=disable; export GDK_GL'
  echo 'fi'
  echo 'exec "$APPDIR/../runtime/bin/java" \'
  printf '%s' "$options"
  echo "    -cp $(quoted "$classpath") \\"
  echo "    $(quoted "$main") \"\$@\""
} > "$tmp"
chmod 755 "$tmp"
mv -f "$tmp" "$launcher"
