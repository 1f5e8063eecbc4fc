#!/usr/bin/env bash
# Logs the release's tools in to the release registry: docker's credential file (read by cosign and syft), skopeo's
# and Helm's.
#   REGISTRY_USER=... REGISTRY_PASSWORD=... registry-login.sh
source "$(dirname "$0")/lib.sh"
: "${REGISTRY_USER:?REGISTRY_USER}" "${REGISTRY_PASSWORD:?REGISTRY_PASSWORD}"
host=$(registry_host "$(image_registry)")
printf '%s' "$REGISTRY_PASSWORD" | docker login "$host" -u "$REGISTRY_USER" --password-stdin
printf '%s' "$REGISTRY_PASSWORD" | skopeo login "$host" -u "$REGISTRY_USER" --password-stdin
printf '%s' "$REGISTRY_PASSWORD" | helm registry login "$host" -u "$REGISTRY_USER" --password-stdin
