#!/usr/bin/env bash
# For every pushed image, by digest (never by tag): an SPDX SBOM (syft), a keyless cosign signature (the workflow's
# OIDC identity, recorded in Rekor) and a signed SBOM attestation; then checks the signature as an operator would.
#   sign-images.sh        (reads $RELEASE_DIR/images.txt, writes $RELEASE_DIR/sbom/<module>.spdx.json)
source "$(dirname "$0")/lib.sh"
[ -s "$RELEASE_DIR/images.txt" ] || die "no $RELEASE_DIR/images.txt (push-images.sh first)"
identity=${COSIGN_IDENTITY:-${GITHUB_SERVER_URL:-https://github.com}/${GITHUB_WORKFLOW_REF:?GITHUB_WORKFLOW_REF (or COSIGN_IDENTITY)}}
issuer=${COSIGN_ISSUER:-https://token.actions.githubusercontent.com}
mkdir -p "$RELEASE_DIR/sbom"
while read -r module ref <&3; do
  [[ $ref == *@sha256:* ]] || die "$module: $ref is not a reference by digest"
  sbom="$RELEASE_DIR/sbom/$module.spdx.json"
  syft scan "registry:$ref" -o "spdx-json=$sbom" -q
  [ -s "$sbom" ] || die "syft wrote no SBOM for $ref"
  cosign sign --yes "$ref"
  cosign attest --yes --type spdxjson --predicate "$sbom" "$ref"
  cosign verify "$ref" --certificate-identity "$identity" --certificate-oidc-issuer "$issuer" > /dev/null
  cosign verify-attestation "$ref" --type spdxjson --certificate-identity "$identity" \
    --certificate-oidc-issuer "$issuer" > /dev/null
  log "$ref signed, SBOM attested"
done 3< "$RELEASE_DIR/images.txt"
