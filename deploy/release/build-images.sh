#!/usr/bin/env bash
# Builds the five service images of a release as tarballs with the images profile (Jib), on the base image pinned
# by digest, and checks every one of them with ReleasedImagesCheck (JVM flags, user 10001:10001, entrypoint, /app layers,
# port, labels) before anything is pushed: verification/deployment/target/images/<module>.tar.
#   build-images.sh VERSION
# BASE_IMAGE (default eclipse-temurin:25-jre) is resolved to its digest first (skopeo), so every image of the release
# stands on the same base; IMAGE_REGISTRY as in lib.sh.
source "$(dirname "$0")/lib.sh"
[ $# -eq 1 ] || die "usage: build-images.sh VERSION"
version=$(release_version "$1")
registry=$(image_registry)
base=${BASE_IMAGE:-eclipse-temurin:25-jre}
if [[ $base != *@sha256:* ]]; then
  base="$base@$(remote_digest "$base")"
fi
revision=${GITHUB_SHA:-$(git -C "$RELEASE_ROOT" rev-parse HEAD)}
source_url=${GITHUB_SERVER_URL:-https://github.com}/${GITHUB_REPOSITORY:-nova-quant/nova-quant}
log "images $registry/<module>:$version on $base"

cd "$RELEASE_ROOT" || exit 1
# The profile copies the services' exec jars from the local repository.
./nq mvn -B -ntp -DskipTests install -pl ":${RELEASE_MODULES// /,:},:test-support" -am
./nq mvn -B -ntp -Pimages -pl :deployment verify \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=ReleasedImagesCheck \
  -Dnova.image.base="$base" -Dnova.image.registry="$registry" -Dnova.image.tag="$version" \
  -Dnova.image.revision="$revision" -Dnova.image.source="$source_url"
for module in $RELEASE_MODULES; do
  [ -f "verification/deployment/target/images/$module.tar" ] || die "no image tarball for $module"
done
mkdir -p "$RELEASE_DIR"
echo "$base" > "$RELEASE_DIR/base-image.txt"
summary "Base image: \`$base\`"
