#!/usr/bin/env bash
# The settings every later release step reads, for $GITHUB_ENV: the release version of the tag (v1.4.2 -> 1.4.2;
# anything else fails) and the image registry (ghcr.io/<owner>, lower case).
#   release-env.sh TAG >> "$GITHUB_ENV"
source "$(dirname "$0")/lib.sh"
[ $# -eq 1 ] || die "usage: release-env.sh TAG"
version=$(release_version "$1")
registry=$(image_registry)
echo "VERSION=$version"
echo "IMAGE_REGISTRY=$registry"
