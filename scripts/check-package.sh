#!/usr/bin/env bash
# Builds the .deb with scripts/package.sh and checks that it installs kerasview as a desktop
# application: the launcher entry passes the clicked files (%F), .keras gets its own MIME type,
# .h5/.hdf5 are offered to kerasview, GTK is a dependency, the payload starts on its own
# runtime, and opening a file the way a file manager does runs kerasview with that file; and the
# class-data-sharing archive: postinst's dump, run on the extracted tree, makes an archive the
# launcher maps, and a start with the archive missing or refused prints nothing.
# Exits 0 when every check passes, 1 when one fails, 0 with "SKIPPED" when jpackage,
# dpkg-deb or fakeroot is missing. Usage: scripts/check-package.sh [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."

jdk="${KERASVIEW_JDK:-/usr/lib/jvm/java-17-openjdk-amd64}"
absent=""
[ -x "$jdk/bin/jpackage" ] || absent="$absent jpackage($jdk/bin/jpackage)"
command -v dpkg-deb >/dev/null 2>&1 || absent="$absent dpkg-deb"
command -v fakeroot >/dev/null 2>&1 || absent="$absent fakeroot"
if [ -n "$absent" ]; then
  echo "check-package: SKIPPED: packaging tools missing:$absent"
  exit 0
fi

build_args=()
for arg in "$@"; do
  case "$arg" in
    --no-build) build_args+=(--no-build) ;;
    *) echo "check-package: unknown option '$arg' (known: --no-build)" >&2; exit 2 ;;
  esac
done

# The checks look at the package's contents, not its compression: gzip -1 instead of xz
# saves most of a minute, and skipping the separate app image saves another jlink, which
# keeps this check short enough for every CI run; so does the committed class list (--no-train)
# instead of recording one under Xvfb.
DPKG_DEB_COMPRESSOR_TYPE=gzip DPKG_DEB_COMPRESSOR_LEVEL=1 \
  scripts/package.sh --deb-only --no-train "${build_args[@]+"${build_args[@]}"}"

deb=target/dist/kerasview_0.1.0-1_amd64.deb
if [ ! -f "$deb" ]; then
  echo "check-package: FAIL: $deb was not built" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
pass() { echo "  ok    $1"; }
fail() { echo "  FAIL  $1"; failures=$((failures + 1)); }
check() { # description, then a command that must succeed
  local what="$1"; shift
  if "$@" >/dev/null 2>&1; then pass "$what"; else fail "$what"; fi
}

echo "check-package: checking $deb"
dpkg-deb -I "$deb" > "$work/info.txt"
dpkg-deb -c "$deb" > "$work/contents.txt"
dpkg-deb -x "$deb" "$work/root"
dpkg-deb -e "$deb" "$work/control"

depends=$(dpkg-deb -f "$deb" Depends)
echo "  Depends: $depends"
has_dep() { printf '%s\n' "$depends" | tr ',' '\n' | sed 's/^ *//; s/ .*//' | grep -qx "$1"; }
check "Depends names libgtk-3-0 (JavaFX's glass needs GTK 3)" has_dep libgtk-3-0
check "Depends names libxtst6 (JavaFX's libglassgtk3 links it)" has_dep libxtst6

opt=./opt/kerasview
for path in bin/kerasview lib/kerasview-kerasview.desktop lib/kerasview-kerasview-MimeInfo.xml \
            lib/kerasview.png lib/application-x-keras.png lib/app/kerasview.jar \
            lib/app/assets/sample-vae.keras; do
  check "package contains $opt/$path" grep -q " $opt/$path\$" "$work/contents.txt"
done

desktop="$work/root/opt/kerasview/lib/kerasview-kerasview.desktop"
echo "  .desktop: $(grep -E '^(Exec|MimeType)=' "$desktop" | tr '\n' ' ')"
check ".desktop Exec passes the clicked files: Exec=/opt/kerasview/bin/kerasview %F" \
  grep -qx 'Exec=/opt/kerasview/bin/kerasview %F' "$desktop"
mime_line=$(grep -E '^MimeType=' "$desktop" || true)
for type in application/x-keras application/x-hdf; do
  check ".desktop MimeType lists $type" grep -q "[=;]$type;" <<<"$mime_line"
done
icon=$(sed -n 's/^Icon=//p' "$desktop")
check ".desktop Icon=$icon is in the package" test -f "$work/root$icon"
if command -v desktop-file-validate >/dev/null 2>&1; then
  check ".desktop passes desktop-file-validate" desktop-file-validate "$desktop"
fi

mimexml="$work/root/opt/kerasview/lib/kerasview-kerasview-MimeInfo.xml"
check "MIME XML defines application/x-keras" grep -q '<mime-type type="application/x-keras">' "$mimexml"
check "MIME XML globs *.keras" grep -q '<glob pattern="\*.keras">' "$mimexml"
check "postinst installs the .desktop file" \
  grep -q '^xdg-desktop-menu install /opt/kerasview/lib/kerasview-kerasview.desktop' "$work/control/postinst"
check "postinst registers the MIME XML" \
  grep -q '^xdg-mime install /opt/kerasview/lib/kerasview-kerasview-MimeInfo.xml' "$work/control/postinst"

launcher="$work/root/opt/kerasview/bin/kerasview"
root_opt="$work/root/opt/kerasview"
check "no class-data-sharing archive in the payload (it only matches where it is dumped)" \
  test ! -e "$root_opt/lib/kerasview.jsa"
# The JVM's own warnings go to stdout, where they would corrupt `inspect --json`: a start with
# the archive missing (as here), in use or refused must print its version and nothing else.
version=$("$launcher" --version 2>&1 || true)
check "packaged launcher runs on its bundled runtime, archive missing, printing only: '$version'" \
  test "$version" = "kerasview 0.1.0"
# jpackage 17's native launcher asks rpm and dpkg which package owns it on every start (0.4 s
# here); the package's launcher is a script that starts Java directly. Stand-ins for both tools,
# first on PATH, record any call.
mkdir -p "$work/fakebin"
for tool in rpm dpkg dpkg-query; do
  printf '#!/bin/sh\necho "%s $*" >> "%s"\nexit 1\n' "$tool" "$work/package-queries.txt" > "$work/fakebin/$tool"
  chmod 755 "$work/fakebin/$tool"
done
PATH="$work/fakebin:$PATH" "$launcher" --version > /dev/null 2>&1 || true
check "the launcher starts without asking rpm or dpkg who owns it" test ! -e "$work/package-queries.txt"
sample="$work/root/opt/kerasview/lib/app/assets/sample-vae.keras"
check "packaged launcher reads the bundled sample: kerasview inspect sample-vae.keras" \
  "$launcher" inspect "$sample"

# Class-data sharing: postinst dumps lib/kerasview.jsa from the shipped class list where the
# package is installed. Its own command runs here on the extracted tree instead of /opt, in the
# background while the checks that do not start kerasview run.
dump_cmd=$(sed -n 's#^ *\(sh /opt/kerasview/lib/app/cds/kerasview-cds.sh dump /opt/kerasview\).*#\1#p' \
  "$work/control/postinst" | head -n 1)
(
  started=$SECONDS
  ${dump_cmd//\/opt\/kerasview/$root_opt} > "$work/dump.out" 2>&1 || true
  echo $((SECONDS - started)) > "$work/dump.seconds"
) &
dump_pid=$!
cfg="$root_opt/lib/app/kerasview.cfg"
classlist="$root_opt/lib/app/cds/kerasview.classlist"
check "launcher names the archive: java-options=-XX:SharedArchiveFile=\$APPDIR/../kerasview.jsa" \
  grep -qx 'java-options=-XX:SharedArchiveFile=$APPDIR/../kerasview.jsa' "$cfg"
check "package carries the class list $opt/lib/app/cds/kerasview.classlist" test -s "$classlist"
listed=$(grep -c '^dev/kerasview/' "$classlist" || true)
check "class list names kerasview's window classes ($listed dev/kerasview classes)" \
  grep -qx 'dev/kerasview/ui/KerasviewApplication' "$classlist"
check "package carries the dump script $opt/lib/app/cds/kerasview-cds.sh" \
  test -f "$root_opt/lib/app/cds/kerasview-cds.sh"
dump_line='sh /opt/kerasview/lib/app/cds/kerasview-cds.sh dump /opt/kerasview || true'
check "postinst dumps the archive and never fails on it: '$dump_line'" \
  grep -qF "$dump_line" "$work/control/postinst"
check "prerm removes the archive" grep -q '^ *rm -f /opt/kerasview/lib/kerasview.jsa' "$work/control/prerm"
check "postrm removes the archive" grep -q '^ *rm -f /opt/kerasview/lib/kerasview.jsa' "$work/control/postrm"
# prerm's own function on a defaults.list like the one xdg-desktop-menu leaves behind
printf '[Default Applications]\napplication/x-hdf5=other.desktop;kerasview-kerasview.desktop\napplication/x-hdf=kerasview-kerasview.desktop\n' \
  > "$work/defaults.list"
sed -n '/^drop_default_handler ()/,/^}/p' "$work/control/prerm" \
  | sed "s#/usr/share/applications/defaults.list /usr/local/share/applications/defaults.list#$work/defaults.list#" \
  > "$work/drop.sh"
sh -c ". '$work/drop.sh'; drop_default_handler application/x-hdf5; drop_default_handler application/x-hdf" || true
check "prerm un-defaults kerasview for application/x-hdf and x-hdf5, keeping other handlers" \
  test "$(tail -n +2 "$work/defaults.list")" = "application/x-hdf5=other.desktop"

# A machine without a desktop menu (WSL, servers, minimal images): xdg-desktop-menu exits 3 there.
# The scripts' own desktop functions run with stand-ins for the xdg tools, first on PATH, that
# record each call; the menu one fails as it does there. Install and removal must still succeed,
# with the other registrations made and the failure reported.
mkdir -p "$work/nomenu"
for tool in xdg-desktop-menu xdg-mime xdg-icon-resource; do
  code=0; [ "$tool" = xdg-desktop-menu ] && code=3
  printf '#!/bin/sh\necho "%s $*" >> "%s"\nexit %s\n' "$tool" "$work/nomenu/calls.txt" "$code" > "$work/nomenu/$tool"
  chmod 755 "$work/nomenu/$tool"
done
desktop_script() { # $1 script, $2 function, $3 argument for the case branch
  { echo 'set -e'
    echo 'uninstall_default_mime_handler () { echo "uninstall_default_mime_handler $*" >> "'"$work/nomenu/calls.txt"'"; }'
    sed -n "/^$2() {/,/^}/p" "$work/control/$1"
    echo "$2"
    echo 'echo completed'
  } > "$work/nomenu/$1.sh"
  PATH="$work/nomenu:$PATH" sh "$work/nomenu/$1.sh" > "$work/nomenu/$1.out" 2>&1 || true
}
desktop_script postinst register_desktop
check "without a desktop menu, postinst registers the MIME type and icon and goes on" \
  sh -c "grep -qx completed '$work/nomenu/postinst.out' && grep -q '^xdg-mime install' '$work/nomenu/calls.txt' \
    && grep -q '^xdg-icon-resource install' '$work/nomenu/calls.txt'"
check "... and says which registration failed" \
  grep -q 'failed:' "$work/nomenu/postinst.out"
: > "$work/nomenu/calls.txt"
desktop_script prerm unregister_desktop
check "without a desktop menu, prerm undoes the MIME type and icon and goes on" \
  sh -c "grep -qx completed '$work/nomenu/prerm.out' && grep -q '^xdg-mime uninstall' '$work/nomenu/calls.txt' \
    && grep -q '^uninstall_default_mime_handler' '$work/nomenu/calls.txt'"

# What a file manager does on double-click, replayed with GLib in a private XDG tree: detect
# the file's type from the package's MIME XML plus the system's database, find the handler
# through mimeinfo.cache (what update-desktop-database derives from MimeType=), run its Exec.
if command -v gio >/dev/null 2>&1 && command -v update-mime-database >/dev/null 2>&1 \
   && [ -d /usr/share/mime ]; then
  xdg="$work/xdg"
  mkdir -p "$xdg/share/mime/packages" "$xdg/share/applications" "$xdg/home" "$xdg/files"
  cp "$mimexml" "$xdg/share/mime/packages/"
  update-mime-database "$xdg/share/mime" >/dev/null 2>&1
  recorder="$work/record-args.sh"
  printf '#!/bin/sh\nfor a in "$@"; do echo "$a"; done > "%s/opened.txt"\n' "$work" > "$recorder"
  chmod +x "$recorder"
  sed "s#^Exec=/opt/kerasview/bin/kerasview #Exec=$recorder #" "$desktop" \
    > "$xdg/share/applications/kerasview-kerasview.desktop"
  {
    echo "[MIME Cache]"
    for type in $(sed -n 's/^MimeType=//p' "$desktop" | tr ';' ' '); do
      echo "$type=kerasview-kerasview.desktop;"
    done
  } > "$xdg/share/applications/mimeinfo.cache"
  cp assets/sample-vae.keras "$xdg/files/my model.keras"
  printf '\211HDF\r\n\032\n' > "$xdg/files/weights.h5"
  printf '\211HDF\r\n\032\n' > "$xdg/files/weights.hdf5"
  gio_env=(env XDG_DATA_DIRS="$xdg/share:/usr/share" XDG_DATA_HOME="$xdg/home"
           XDG_CONFIG_HOME="$xdg/home" HOME="$xdg/home")
  for pair in "my model.keras:application/x-keras" "weights.h5:application/x-hdf" \
              "weights.hdf5:application/x-hdf"; do
    name="${pair%%:*}"; type="${pair#*:}"
    found=$("${gio_env[@]}" gio info -a standard::content-type "$xdg/files/$name" 2>/dev/null \
      | sed -n 's/^ *standard::content-type: //p')
    check "desktop sees '$name' as $type (found: ${found:-nothing})" test "$found" = "$type"
    rm -f "$work/opened.txt"
    "${gio_env[@]}" gio open "$xdg/files/$name" >/dev/null 2>&1 || true
    for _ in 1 2 3 4 5 6 7 8 9 10; do [ -s "$work/opened.txt" ] && break; sleep 0.3; done
    opened=$(cat "$work/opened.txt" 2>/dev/null || true)
    check "opening '$name' runs kerasview's Exec with that file" test "$opened" = "$xdg/files/$name"
  done
else
  echo "  skip  double-click replay (needs gio and update-mime-database: libglib2.0-bin, shared-mime-info)"
fi

wait "$dump_pid" || true
archive="$root_opt/lib/kerasview.jsa"
check "postinst's dump makes lib/kerasview.jsa in $(cat "$work/dump.seconds" 2>/dev/null)s: '$(head -c 200 "$work/dump.out")'" \
  test -f "$archive" -a ! -L "$archive"
echo "  archive: $(du -h "$archive" 2>/dev/null | cut -f1)"
shared_main() { JAVA_TOOL_OPTIONS=-Xlog:class+load "$launcher" --version 2>/dev/null \
  | grep -q '^\[.*\] dev\.kerasview\.Main source: shared objects file$'; }
check "the launcher maps it: dev.kerasview.Main from 'source: shared objects file'" shared_main
only_version() { # launcher: prints its --version output when that has anything besides it
  local out
  out=$("$1" --version 2>&1 || true)
  [ "$out" = "kerasview 0.1.0" ] || { printf '%s' "${out:0:300}"; return 1; }
}
quiet() { # description, launcher
  local extra
  if extra=$(only_version "$2"); then pass "$1"; else fail "$1: '$extra'"; fi
}
quiet "a start with the archive prints only its version" "$launcher"
check "packaged launcher with the archive reads the bundled sample" "$launcher" inspect "$sample"
# refused archives: the JVM must fall back without a word
touch "$root_opt/lib/app/lib/"picocli-*.jar
quiet "a changed jar: the archive is refused without a word" "$launcher"
check "a changed jar: dev.kerasview.Main no longer comes from the archive" test "$(shared_main && echo y)" != y
mv "$root_opt" "$work/root/opt/moved"
quiet "a moved image: the archive is refused without a word" "$work/root/opt/moved/bin/kerasview"
mv "$work/root/opt/moved" "$root_opt"

# The README's run command, taken from the README itself: `package` dumps target/kerasview.jsa
# next to the jar, and the command must map its classes from it and print nothing extra.
readme_run=$(sed -n 's/^mvn -B -ntp -DskipTests package && \(java .*\) \[FILE\.\.\.\]$/\1/p' README.md)
check "README's run command found: '$readme_run'" test -n "$readme_run"
check "package dumped target/kerasview.jsa for it" test -s target/kerasview.jsa
readme_shared() {
  # shellcheck disable=SC2086 # the command line is a list of words
  JAVA_TOOL_OPTIONS="-Xlog:class+load=info" $readme_run --version 2>&1 \
    | grep -q 'dev.kerasview.Main source: shared objects file'
}
check "the README's run command maps dev.kerasview.Main from target/kerasview.jsa" readme_shared
# shellcheck disable=SC2086
readme_version=$($readme_run --version 2>&1 || true)
check "and prints only its version: '$readme_version'" test "$readme_version" = "kerasview 0.1.0"

if [ "$failures" -ne 0 ]; then
  echo "check-package: FAILED ($failures check(s)) after ${SECONDS}s"
  exit 1
fi
echo "check-package: all checks passed in ${SECONDS}s"
