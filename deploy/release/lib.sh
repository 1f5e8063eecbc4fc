# Shared by the release scripts (bash): the images, the release version, the registry, the output directory.
# shellcheck shell=bash
set -euo pipefail

RELEASE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# The five service images, by Maven module (the image name) and chart component (the values key).
# shellcheck disable=SC2034 # read by the scripts that source this file
RELEASE_MODULES="ingestion-service signal-service execution-service alert-service exchange-simulator"
# Where a release's files go (digests, SBOMs, the chart, the notes); kept out of git by target/.
RELEASE_DIR=${RELEASE_DIR:-$RELEASE_ROOT/target/release}

die() { echo "$(basename "$0"): $*" >&2; exit 1; }
log() { echo "[$(basename "$0" .sh)] $*" >&2; }

component_of() {
  case "$1" in
    exchange-simulator) echo simulator ;;
    *-service) echo "${1%-service}" ;;
    *) die "not a service module: $1" ;;
  esac
}

# v1.2.3 (a tag) or 1.2.3 -> 1.2.3; anything else (a SNAPSHOT, a branch name) is refused.
release_version() {
  local v=${1#v}
  if ! [[ $v =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]] || [[ ${v,,} == *snapshot* ]]; then
    die "not a release version: $1 (tags are vX.Y.Z or vX.Y.Z-rc.N)"
  fi
  echo "$v"
}

# Where the images go: IMAGE_REGISTRY, else ghcr.io/<repository owner> (GHCR wants lower case).
image_registry() {
  if [ -n "${IMAGE_REGISTRY:-}" ]; then echo "$IMAGE_REGISTRY"; return; fi
  [ -n "${GITHUB_REPOSITORY_OWNER:-}" ] || die "set IMAGE_REGISTRY (or run in GitHub Actions)"
  echo "ghcr.io/${GITHUB_REPOSITORY_OWNER,,}"
}

# The registry host of an image reference (ghcr.io/acme/x -> ghcr.io).
registry_host() { echo "${1%%/*}"; }

is_digest() { [[ $1 =~ ^sha256:[0-9a-f]{64}$ ]]; }

# The digest of a remote image or index as it is stored (the sha256 of its manifest's bytes), by tag.
remote_digest() {
  local sum
  sum=$(skopeo inspect --raw "docker://$1" | sha256sum) || die "cannot read the manifest of $1"
  is_digest "sha256:${sum%% *}" || die "no digest for $1"
  echo "sha256:${sum%% *}"
}

# Appends a line to the job summary of GitHub Actions (nothing elsewhere).
summary() {
  if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then echo "$*" >> "$GITHUB_STEP_SUMMARY"; fi
}
