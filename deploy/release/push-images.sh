#!/usr/bin/env bash
# Pushes the checked image tarballs as <registry>/<module>:<version> and records what the registry stored:
#   $RELEASE_DIR/images.txt   <module> <registry>/<module>@sha256:...
#   $RELEASE_DIR/digests.txt  <component>=sha256:...   (the input of package-chart.sh)
# A tag is never pushed twice: a version that exists already stops the release.
#   push-images.sh VERSION
source "$(dirname "$0")/lib.sh"
[ $# -eq 1 ] || die "usage: push-images.sh VERSION"
version=$(release_version "$1")
registry=$(image_registry)
images=${IMAGES_DIR:-$RELEASE_ROOT/deployment/target/images}
mkdir -p "$RELEASE_DIR"
: > "$RELEASE_DIR/images.txt"
: > "$RELEASE_DIR/digests.txt"
summary "| image | digest |"
summary "|---|---|"
for module in $RELEASE_MODULES; do
  tar="$images/$module.tar"
  [ -f "$tar" ] || die "no image tarball $tar (build-images.sh first)"
  repository="$registry/$module"
  if skopeo inspect --raw "docker://$repository:$version" >/dev/null 2>&1; then
    die "$repository:$version exists already: release tags are immutable, cut a new version"
  fi
  digest_file=$(mktemp)
  skopeo copy --quiet --digestfile "$digest_file" "docker-archive:$tar" "docker://$repository:$version"
  digest=$(tr -d '[:space:]' < "$digest_file")
  rm -f "$digest_file"
  is_digest "$digest" || die "skopeo reported no digest for $repository:$version"
  log "$repository:$version = $digest"
  echo "$module $repository@$digest" >> "$RELEASE_DIR/images.txt"
  echo "$(component_of "$module")=$digest" >> "$RELEASE_DIR/digests.txt"
  summary "| \`$repository:$version\` | \`$digest\` |"
done
