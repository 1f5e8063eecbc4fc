#!/usr/bin/env bash
# Resolves the third-party images the chart names (third-party-images: busybox, pause, curl) from their tags to the
# digests those tags point to now, and appends <values path>=sha256:... to $RELEASE_DIR/digests.txt, so that the
# released chart runs exactly these images (package-chart.sh writes tag@digest).
#   pin-third-party.sh
source "$(dirname "$0")/lib.sh"
here=$(dirname "$0")
values=${NOVA_CHART_DIR:-$RELEASE_ROOT/deploy/helm/nova-quant}/values.yaml
mkdir -p "$RELEASE_DIR"
while IFS= read -r path <&3 || [ -n "$path" ]; do
  path=${path%%#*}
  path=${path//[[:space:]]/}
  [ -n "$path" ] || continue
  image=$("$here/chart-values.sh" get "$values" "$path")
  [ -n "$image" ] || die "$path is empty in $values"
  if [[ $image == *@sha256:* ]]; then
    digest=${image##*@}
  else
    [[ ${image##*/} == *:* && $image != *:latest ]] || die "$path ($image) names no version tag to pin"
    digest=$(remote_digest "$image")
  fi
  log "$path: $image = $digest"
  echo "$path=$digest" >> "$RELEASE_DIR/digests.txt"
  summary "| \`${image%%@*}\` (third party) | \`$digest\` |"
done 3< "$here/third-party-images"
