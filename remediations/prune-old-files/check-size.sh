#!/usr/bin/env bash
# Exit 0: total size of regular files under PARAM_DIR <= max-size-mb (healthy).
# Exit 1: above the threshold (prune needed). Exit 2: the check itself could not run.
set -Eeuo pipefail
# Any unexpected failure is a broken check (2), never "remediation needed" (1).
trap 'exit 2' ERR
# shellcheck source=lib.sh
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

require_dir
limit="$(threshold_bytes)"
total="$(total_bytes)"
if [ "$total" -gt "$limit" ]; then
  printf '%s holds %s bytes in regular files, above the threshold of %s bytes (%s MiB)\n' \
    "$PARAM_DIR" "$total" "$limit" "$PARAM_MAX_SIZE_MB"
  exit 1
fi
printf '%s holds %s bytes in regular files, within the threshold of %s bytes (%s MiB)\n' \
  "$PARAM_DIR" "$total" "$limit" "$PARAM_MAX_SIZE_MB"
