#!/usr/bin/env bash
# Pushes the packaged chart to <registry>/charts as an OCI artifact and signs it by digest (cosign keyless):
#   $RELEASE_DIR/chart.txt   oci://<registry>/charts/nova-quant <version> sha256:...
# A chart version that exists already stops the release.
#   publish-chart.sh VERSION
source "$(dirname "$0")/lib.sh"
[ $# -eq 1 ] || die "usage: publish-chart.sh VERSION"
version=$(release_version "$1")
registry=$(image_registry)
tgz="$RELEASE_DIR/chart/nova-quant-$version.tgz"
[ -f "$tgz" ] || die "no $tgz (package-chart.sh first)"
if helm show chart "oci://$registry/charts/nova-quant" --version "$version" >/dev/null 2>&1; then
  die "chart nova-quant $version exists already in $registry/charts: cut a new version"
fi
output=$(helm push "$tgz" "oci://$registry/charts" 2>&1) || { echo "$output" >&2; die "helm push failed"; }
echo "$output" >&2
digest=$(printf '%s\n' "$output" | sed -n 's/^Digest: *//p' | tr -d '[:space:]')
is_digest "$digest" || die "helm push reported no digest"
cosign sign --yes "$registry/charts/nova-quant@$digest"
echo "oci://$registry/charts/nova-quant $version $digest" > "$RELEASE_DIR/chart.txt"
log "chart oci://$registry/charts/nova-quant:$version = $digest, signed"
summary "Chart: \`oci://$registry/charts/nova-quant\` version \`$version\` (\`$digest\`)"
