#!/bin/sh
# Reads and rewrites scalar settings of the chart's YAML files (Chart.yaml, values.yaml) by their dotted path, with
# POSIX sh and awk only, so that the release runs the same code on a GitHub runner and on a laptop without Helm.
# It understands block-style mappings (what the chart's files use); comments and the rest of the file are kept.
#   chart-values.sh get FILE PATH                 print the value at PATH (unquoted, without a trailing comment)
#   chart-values.sh set FILE PATH VALUE           replace the node at PATH with the scalar "VALUE"
#   chart-values.sh set-map FILE PATH KEY=VALUE…  replace the node at PATH (e.g. "digests: {}") with a block mapping
# PATH is keys joined by dots (image.digests, nodeTuning.pauseImage); keys and values are restricted to the characters
# an image reference, a digest or a version uses. Exits 1, changing nothing, when PATH is not in FILE.
set -eu

usage() { sed -n '2,9p' "$0" >&2; exit 2; }
die() { echo "chart-values.sh: $*" >&2; exit 1; }

[ $# -ge 3 ] || usage
mode=$1 file=$2 path=$3
shift 3
[ -f "$file" ] || die "no file $file"
case "$path" in
  ''|.*|*.|*..*|*[!A-Za-z0-9_.-]*) die "not a dotted key path: $path" ;;
esac

# One line of the characters of an image reference, a digest or a version: nothing YAML would read otherwise.
check_value() {
  case "$1" in
    ''|*[!A-Za-z0-9._:/@+-]*) die "unsupported characters in value: $1" ;;
  esac
}

entries=""
value=""
case "$mode" in
  get) [ $# -eq 0 ] || usage ;;
  set) [ $# -eq 1 ] || usage; check_value "$1"; value=$1 ;;
  set-map)
    for entry in "$@"; do
      case "${entry%%=*}" in
        ''|*[!A-Za-z0-9_-]*) die "not KEY=VALUE: $entry" ;;
      esac
      [ "${entry#*=}" != "$entry" ] || die "not KEY=VALUE: $entry"
      check_value "${entry#*=}"
      entries="$entries$entry
"
    done ;;
  *) usage ;;
esac

run_awk() {
  NQ_PATH=$path NQ_MODE=$mode NQ_VALUE=$value NQ_ENTRIES=$entries awk '
    function indent(s) { match(s, /^ */); return RLENGTH }
    function content(s) { return s !~ /^[ \t]*(#.*)?$/ }
    function pad(n,   s) { s = ""; while (n-- > 0) s = s " "; return s }
    function quoted(v) { return "\"" v "\"" }
    function flush() { if (held != "") { printf "%s", held; held = "" } }
    BEGIN {
      n = split(ENVIRON["NQ_PATH"], key, "."); mode = ENVIRON["NQ_MODE"]
      depth = 1; parent = -1; child = -1; found = 0; lost = 0; node = -1; held = ""
    }
    {
      line = $0
      if (node >= 0) {                      # dropping the replaced node'"'"'s children
        if (!content(line)) { held = held line "\n"; next }
        if (indent(line) > node) { held = ""; next }
        node = -1; flush()
      }
      if (!found && !lost && content(line)) {
        ind = indent(line)
        if (ind <= parent) lost = 1
        else {
          if (child < 0) child = ind
          if (ind == child && line ~ ("^ *" key[depth] ":( |$)")) {
            if (depth < n) { depth++; parent = ind; child = -1 }
            else {
              found = 1
              if (mode == "get") {
                v = line; sub(/^ *[^:]*:[ ]*/, "", v); sub(/[ ]+#.*$/, "", v); sub(/[ ]+$/, "", v)
                if (v ~ /^".*"$/ || v ~ /^'"'"'.*'"'"'$/) v = substr(v, 2, length(v) - 2)
                print v
                exit 0
              }
              if (mode == "set") print pad(ind) key[n] ": " quoted(ENVIRON["NQ_VALUE"])
              else {
                print pad(ind) key[n] ":"
                m = split(ENVIRON["NQ_ENTRIES"], entry, "\n")
                for (i = 1; i <= m; i++) if (entry[i] != "") {
                  eq = index(entry[i], "=")
                  print pad(ind + 2) substr(entry[i], 1, eq - 1) ": " quoted(substr(entry[i], eq + 1))
                }
              }
              node = ind
              next
            }
          }
        }
      }
      if (mode != "get") print line
    }
    END { flush(); if (!found) { print "chart-values.sh: no " ENVIRON["NQ_PATH"] " in the file" | "cat 1>&2"; exit 1 } }
  ' "$file"
}

if [ "$mode" = get ]; then
  run_awk
else
  tmp="$file.tmp.$$"
  if run_awk > "$tmp"; then mv "$tmp" "$file"; else rm -f "$tmp"; die "no $path in $file"; fi
fi
