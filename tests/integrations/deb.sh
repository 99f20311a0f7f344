#!/usr/bin/env bash
# The Debian package: `cpack -G DEB` in the build folder of HANDOFF_BINARY, then
#   - its file list: /usr/bin/handoff, handoff(1), bash, zsh and fish completions, nothing else
#     outside /usr/share/doc/handoff;
#   - its Depends, computed by dpkg-shlibdeps: libc6, libyaml-cpp, libre2, ...;
#   - installed into a clean root (dpkg-deb -x), the binary runs: --version, a scan of examples/;
#   - the man page renders without warnings and names every subcommand; each completion names
#     every subcommand, and the bash one completes `handoff sc` to scan.
# usage: tests/integrations/deb.sh HANDOFF_BINARY
# Exit 0 passed, 1 failed, 77 dpkg-deb, dpkg-shlibdeps or cpack missing (SKIPPED; with CI set a failure).
set -uo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
handoff="$1"
build="$(cd "$(dirname "$handoff")" && pwd)"

missing=""
for tool in cpack dpkg-deb dpkg-shlibdeps; do command -v "$tool" >/dev/null || missing="$missing $tool"; done
if [ -n "$missing" ]; then
  if [ -n "${CI:-}" ]; then echo "FAILED: missing$missing (.ci/run installs dpkg-dev)"; exit 1; fi
  echo "SKIPPED: missing$missing (apt-get install dpkg-dev)"; exit 77
fi
[ -f "$build/CPackConfig.cmake" ] || { echo "FAILED: no CPackConfig.cmake in $build"; exit 1; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
failed=0
fail() { echo "FAILED: $*"; failed=1; }

(cd "$tmp" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/pkg") >"$tmp/cpack.log" 2>&1 || { cat "$tmp/cpack.log"; fail "cpack failed"; exit 1; }
deb="$(ls "$tmp"/pkg/handoff_*.deb 2>/dev/null | head -1)"
[ -n "$deb" ] || { cat "$tmp/cpack.log"; echo "FAILED: no .deb"; exit 1; }
echo "package: $(basename "$deb")"

# The file list.
dpkg-deb -c "$deb" >"$tmp/contents"
awk '{print $6}' "$tmp/contents" | grep -v '/$' | sort >"$tmp/files"
cat >"$tmp/expected" <<'LIST'
./usr/bin/handoff
./usr/share/bash-completion/completions/handoff
./usr/share/doc/handoff/README.md
./usr/share/fish/vendor_completions.d/handoff.fish
./usr/share/man/man1/handoff.1.gz
./usr/share/zsh/vendor-completions/_handoff
LIST
diff -u "$tmp/expected" "$tmp/files" >"$tmp/files.diff" || { cat "$tmp/files.diff"; fail "the package's file list differs"; }
grep -q '^-rwxr-xr-x root/root .* ./usr/bin/handoff$' "$tmp/contents" || fail "/usr/bin/handoff is not root-owned 0755"

# Depends.
depends="$(dpkg-deb -f "$deb" Depends)"
for lib in libc6 libstdc++6 libyaml-cpp libre2 libpugixml libtomlplusplus libgit2 libarchive; do
  case "$depends" in *"$lib"*) ;; *) fail "Depends lacks $lib: $depends" ;; esac
done
[ "$(dpkg-deb -f "$deb" Package)" = handoff ] || fail "package name"
dpkg-deb -f "$deb" Maintainer | grep -q . || fail "no Maintainer"

# Installed into a clean root.
root="$tmp/root"
dpkg-deb -x "$deb" "$root"
installed="$root/usr/bin/handoff"
version="$("$installed" --version 2>&1)" || fail "the installed binary does not run: $version"
case "$version" in [0-9]*.[0-9]*.[0-9]*) ;; *) fail "--version printed '$version'" ;; esac
"$installed" scan "$repo/examples" --format json --fail-on none >"$tmp/examples.json" 2>"$tmp/examples.err" ||
  fail "the installed binary failed on examples/: $(cat "$tmp/examples.err")"
python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert r["summary"]["high"] > 0, r["summary"]' "$tmp/examples.json" ||
  fail "the installed binary found nothing in examples/"

# Man page and completions name every subcommand the binary has.
commands="$("$installed" --help | sed -n '/^Subcommands:/,$p' | awk '/^  [a-z]/{print $1}')"
[ "$(echo "$commands" | wc -l)" -ge 8 ] || fail "could not read the subcommands from --help: $commands"
gzip -dc "$root/usr/share/man/man1/handoff.1.gz" >"$tmp/handoff.1"
if command -v groff >/dev/null; then
  warnings="$(groff -man -Tutf8 -ww -z "$tmp/handoff.1" 2>&1)"
  [ -z "$warnings" ] || fail "groff warns about handoff.1: $warnings"
fi
for c in $commands; do
  grep -q "^\.B $c$" "$tmp/handoff.1" || fail "handoff.1 does not describe '$c'"
  grep -qw "$c" "$root/usr/share/bash-completion/completions/handoff" || fail "bash completion lacks '$c'"
  grep -q "'$c:" "$root/usr/share/zsh/vendor-completions/_handoff" || fail "zsh completion lacks '$c'"
  grep -q -- "-a $c " "$root/usr/share/fish/vendor_completions.d/handoff.fish" || fail "fish completion lacks '$c'"
done
"$installed" scan --help | grep -o -- '--[a-z][a-z-]*' | sort -u | while read -r option; do
  grep -q -- "-l ${option#--}\b" "$root/usr/share/fish/vendor_completions.d/handoff.fish" || echo "fish completion lacks scan $option"
done >"$tmp/missing-options"
[ -s "$tmp/missing-options" ] && fail "$(cat "$tmp/missing-options")"
bash -n "$root/usr/share/bash-completion/completions/handoff" || fail "bash completion does not parse"
got="$(PATH="$root/usr/bin:$PATH" bash -c '
  source "$1"
  COMP_WORDS=(handoff sc); COMP_CWORD=1; _handoff; echo "${COMPREPLY[*]}"
  COMP_WORDS=(handoff scan . --fail-on m); COMP_CWORD=4; _handoff; echo "${COMPREPLY[*]}"
  COMP_WORDS=(handoff explain unpinned-ac); COMP_CWORD=2; _handoff; echo "${COMPREPLY[*]}"' _ "$root/usr/share/bash-completion/completions/handoff")"
[ "$got" = "$(printf 'scan\nmedium\nunpinned-action')" ] || fail "bash completion gave: $got"
# zsh and fish check their files when installed (.ci/run installs both; required with CI set).
for shell in zsh fish; do
  command -v $shell >/dev/null || { [ -n "${CI:-}" ] && fail "$shell is not installed"; }
done
if command -v zsh >/dev/null; then zsh -n "$root/usr/share/zsh/vendor-completions/_handoff" || fail "zsh completion does not parse"; fi
if command -v fish >/dev/null; then
  fish_completion="$root/usr/share/fish/vendor_completions.d/handoff.fish"
  fish -n "$fish_completion" || fail "fish completion does not parse"
  got="$(PATH="$root/usr/bin:$PATH" fish -c "source '$fish_completion'; complete -C'handoff sc'; complete -C'handoff scan --color '" 2>&1)"
  case "$got" in scan*always*auto*never*) ;; *) fail "fish completion gave: $got" ;; esac
fi

[ "$failed" = 1 ] && exit 1
echo "deb: passed"
