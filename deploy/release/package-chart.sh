#!/bin/sh
# Packages the Helm chart of a release: a copy of deploy/helm/nova-quant whose version and appVersion are the release
# version and whose values pin every image by digest, then `helm lint`, a render with the live values (which refuse
# unpinned images) and `helm package`.
#   package-chart.sh [--registry REGISTRY] [--no-package] VERSION DIGESTS_FILE OUT_DIR
# VERSION: X.Y.Z or X.Y.Z-PRERELEASE (a leading v is dropped; never -SNAPSHOT).
# DIGESTS_FILE: KEY=sha256:<64 hex> per line (# comments allowed), KEY being
#   - a component (ingestion, signal, execution, alert, simulator) or its module (signal-service, exchange-simulator):
#     written to image.digests; all five are required;
#   - a values path naming a third-party image (see third-party-images, e.g. nodeTuning.image): its tag gets @digest.
# --registry: image.registry of the released chart (where the digests were pushed, e.g. ghcr.io/nova-quant).
# --no-package: stop after writing OUT_DIR/nova-quant (no Helm needed); otherwise prints the .tgz path.
# POSIX sh and awk (chart-values.sh) only, apart from helm for the last step.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
chart_src=${NOVA_CHART_DIR:-$here/../helm/nova-quant}
values=$here/chart-values.sh
components="ingestion signal execution alert simulator"

die() { echo "package-chart.sh: $*" >&2; exit 1; }

registry=""
package=1
while [ $# -gt 0 ]; do
  case "$1" in
    --registry) [ $# -ge 2 ] || die "--registry needs a value"; registry=$2; shift 2 ;;
    --no-package) package=0; shift ;;
    --) shift; break ;;
    -*) die "unknown option $1" ;;
    *) break ;;
  esac
done
[ $# -eq 3 ] || { sed -n '2,14p' "$0" >&2; exit 2; }
version=${1#v} digests=$2 out=$3

case "$version" in
  *[!0-9A-Za-z.-]*) die "not a release version: $1 (X.Y.Z or X.Y.Z-rc.N)" ;;
esac
printf '%s\n' "$version" | grep -Eq '^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$' \
  || die "not a release version: $1 (X.Y.Z or X.Y.Z-rc.N)"
case "$version" in *[Ss][Nn][Aa][Pp][Ss][Hh][Oo][Tt]*) die "a release is never a SNAPSHOT: $1" ;; esac
[ -f "$digests" ] || die "no digests file $digests"
[ -f "$chart_src/Chart.yaml" ] || die "no chart at $chart_src"

# Read and check the digests file before touching anything.
component_digests=""
third_party=""
seen=" "
line_no=0
while IFS= read -r line || [ -n "$line" ]; do
  line_no=$((line_no + 1))
  line=$(printf '%s' "$line" | sed 's/[[:space:]]*#.*$//; s/^[[:space:]]*//; s/[[:space:]]*$//')
  [ -n "$line" ] || continue
  case "$line" in *=*) ;; *) die "$digests:$line_no: expected KEY=sha256:..., got: $line" ;; esac
  key=${line%%=*} digest=${line#*=}
  printf '%s\n' "$digest" | grep -Eq '^sha256:[0-9a-f]{64}$' || die "$digests:$line_no: not a sha256 digest: $digest"
  case "$key" in
    exchange-simulator) key=simulator ;;
    *-service) key=${key%-service} ;;
  esac
  case " $seen " in *" $key "*) die "$digests:$line_no: $key appears twice" ;; esac
  seen="$seen$key "
  case " $components " in
    *" $key "*) component_digests="$component_digests $key=$digest" ;;
    *)
      case "$key" in
        *.*)
          "$values" get "$chart_src/values.yaml" "$key" >/dev/null 2>&1 \
            || die "$digests:$line_no: no $key in the chart's values.yaml"
          third_party="$third_party $key=$digest" ;;
        *) die "$digests:$line_no: unknown image $key (components: $components; or a values path of a third-party image)" ;;
      esac ;;
  esac
done < "$digests"
ordered=""
for c in $components; do
  d=""
  for entry in $component_digests; do [ "${entry%%=*}" = "$c" ] && d=${entry#*=}; done
  [ -n "$d" ] || die "$digests has no digest for $c: a release pins every image"
  ordered="$ordered $c=$d"
done

# Rewritten in a scratch copy, moved into place once complete.
mkdir -p "$out"
chart="$out/nova-quant"
work="$out/.nova-quant.$$"
trap 'rm -rf "$work"' EXIT
rm -rf "$work"
cp -R "$chart_src" "$work"

"$values" set "$work/Chart.yaml" version "$version"
"$values" set "$work/Chart.yaml" appVersion "$version"
# shellcheck disable=SC2086 # one KEY=VALUE word per component
"$values" set-map "$work/values.yaml" image.digests $ordered
if [ -n "$registry" ]; then
  "$values" set "$work/values.yaml" image.registry "$registry"
fi
for entry in $third_party; do
  path=${entry%%=*} digest=${entry#*=}
  current=$("$values" get "$work/values.yaml" "$path")
  [ -n "$current" ] || die "$path is empty in the chart's values.yaml"
  "$values" set "$work/values.yaml" "$path" "${current%%@*}@$digest"
done
rm -rf "$chart"
mv "$work" "$chart"

if [ "$package" -eq 0 ]; then
  echo "$chart"
  exit 0
fi
command -v helm >/dev/null 2>&1 || die "helm is not installed (use --no-package to only write $chart)"
helm lint --strict "$chart" >&2
# The live values refuse images that are not pinned: the released chart must render with them as they are.
helm template nova "$chart" -f "$chart/values-production.yaml" > /dev/null
helm package "$chart" --destination "$out" >&2
tgz="$out/nova-quant-$version.tgz"
[ -f "$tgz" ] || die "helm package wrote no $tgz"
echo "$tgz"
