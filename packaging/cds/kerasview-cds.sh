#!/bin/sh
# Dumps kerasview's class-data-sharing archive lib/kerasview.jsa for the app image this script
# sits in (lib/app/cds/), the file the launcher names with -XX:SharedArchiveFile (jpackage.cfg).
# The Debian package's postinst runs it at install time, scripts/package.sh for the app image:
# the archive records the jars' absolute paths, sizes and times, so it must be made where the
# image is. The JVM refuses it silently (no sharing at all, no message) once the image moves or
# a jar changes; running this script again in the new place makes a matching archive.
# Design and measurements: packaging/cds/README.md.
#
# Usage: kerasview-cds.sh [dump|remove] [IMAGE]   (IMAGE: default the image holding this script)
#   dump    writes lib/kerasview.jsa from lib/app/cds/kerasview.classlist with the launcher's
#           class path; when the dump or its check fails, lib/kerasview.jsa becomes a link to
#           the runtime's own archive, so the launcher still shares the JDK's classes. Exit 0
#           with the archive, 1 with the link (message on stderr).
#   remove  deletes lib/kerasview.jsa (and a leftover temporary file or log).
set -u

action="${1:-dump}"
image="${2:-$(dirname "$0")/../../..}"
# The launcher finds its jars through its own resolved path; the archive must name the same.
image=$(cd "$image" && pwd -P) || { echo "kerasview-cds: no image at ${2:-}" >&2; exit 2; }
lib="$image/lib"
archive="$lib/kerasview.jsa"
java="$lib/runtime/bin/java"
classlist="$lib/app/cds/kerasview.classlist"
cfg="$lib/app/kerasview.cfg"

case "$action" in
  remove)
    rm -f "$archive" "$archive.tmp" "$archive.log"
    exit 0 ;;
  dump) ;;
  *) echo "kerasview-cds: unknown action '$action' (known: dump, remove)" >&2; exit 2 ;;
esac

fallback() { # the reason; keeps the JDK's default sharing through a link to its archive
  rm -f "$archive.tmp"
  ln -sfn runtime/lib/server/classes.jsa "$archive"
  echo "kerasview-cds: $1; $archive now links to the runtime's archive (JDK classes shared only)" >&2
  exit 1
}

for file in "$java" "$classlist" "$cfg" "$lib/runtime/lib/server/classes.jsa"; do
  [ -e "$file" ] || fallback "$file not found"
done

# Exactly the launcher's class path: its app.classpath lines in order, $APPDIR expanded.
appdir="$lib/app"
classpath=$(sed -n 's/^app\.classpath=//p' "$cfg" | sed "s#\\\$APPDIR#$appdir#g" | paste -sd: -)
[ -n "$classpath" ] || fallback "no app.classpath in $cfg"

# Dumped with the launcher's collector: with the serial collector an archive holds no Java
# heap objects, which the serial collector could not map anyway. No perf-data file in /tmp
# (the dump runs as root in postinst). The JVM's output is kept (lib/kerasview.jsa.log) only
# when something fails.
# Options from the installing user's environment could change what is dumped or print into it.
unset JAVA_TOOL_OPTIONS _JAVA_OPTIONS JDK_JAVA_OPTIONS
rm -f "$archive.tmp"
if ! "$java" -Xshare:dump -XX:+UseSerialGC -XX:-UsePerfData -XX:SharedClassListFile="$classlist" \
       -XX:SharedArchiveFile="$archive.tmp" -cp "$classpath" > "$archive.log" 2>&1; then
  fallback "-Xshare:dump failed (see $archive.log)"
fi
# -Xshare:on fails instead of running unshared, so this proves the launcher's class path maps it.
if ! "$java" -Xshare:on -XX:+UseSerialGC -XX:-UsePerfData -XX:SharedArchiveFile="$archive.tmp" -cp "$classpath" \
       -version > "$archive.log" 2>&1; then
  fallback "the new archive does not map with the launcher's class path (see $archive.log)"
fi
rm -f "$archive.log"
chmod 644 "$archive.tmp"
mv -f "$archive.tmp" "$archive"
exit 0
