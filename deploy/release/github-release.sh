#!/usr/bin/env bash
# The GitHub release of a tag: notes listing every image by digest, the chart, and how to verify and install them;
# assets: the chart package, the SBOMs, images.txt and digests.txt. Needs GH_TOKEN (contents: write).
#   github-release.sh TAG
source "$(dirname "$0")/lib.sh"
[ $# -eq 1 ] || die "usage: github-release.sh TAG"
tag=$1
version=$(release_version "$tag")
registry=$(image_registry)
repository=${GITHUB_REPOSITORY:?GITHUB_REPOSITORY}
server=${GITHUB_SERVER_URL:-https://github.com}
tgz="$RELEASE_DIR/chart/nova-quant-$version.tgz"
for file in "$tgz" "$RELEASE_DIR/images.txt" "$RELEASE_DIR/digests.txt" "$RELEASE_DIR/chart.txt"; do
  [ -s "$file" ] || die "no $file"
done
read -r _ _ chart_digest < "$RELEASE_DIR/chart.txt"
notes="$RELEASE_DIR/notes.md"
{
  echo "## Images"
  echo
  echo "| service | image (by digest) |"
  echo "|---|---|"
  while read -r module ref; do echo "| $module | \`$ref\` |"; done < "$RELEASE_DIR/images.txt"
  echo
  echo "Base image: \`$(cat "$RELEASE_DIR/base-image.txt" 2>/dev/null || echo unknown)\`"
  echo
  echo "## Chart"
  echo
  echo "\`oci://$registry/charts/nova-quant\` version \`$version\` (\`$chart_digest\`): every image pinned by digest."
  echo
  echo '```bash'
  echo "helm upgrade --install nova oci://$registry/charts/nova-quant --version $version -n nova -f values-production.yaml"
  echo '```'
  echo
  echo "## Verify"
  echo
  echo '```bash'
  echo "cosign verify $(sed -n '1s/^[^ ]* //p' "$RELEASE_DIR/images.txt") \\"
  echo "  --certificate-identity-regexp '^$server/$repository/\\.github/workflows/release\\.yml@refs/tags/v' \\"
  echo "  --certificate-oidc-issuer https://token.actions.githubusercontent.com"
  echo '```'
  echo
  echo "SBOMs (SPDX) are attached below and attested on every image (\`cosign verify-attestation --type spdxjson\`)."
} > "$notes"
prerelease=()
[[ $version == *-* ]] && prerelease=(--prerelease)
gh release create "$tag" --repo "$repository" --verify-tag --title "Nova Quant $version" --notes-file "$notes" \
  "${prerelease[@]}" "$tgz" "$RELEASE_DIR"/sbom/*.spdx.json "$RELEASE_DIR/images.txt" "$RELEASE_DIR/digests.txt"
log "release $tag published"
