#!/usr/bin/env bash
# Exit 0: target has the desired content and mode. Exit 1: it drifted (or is missing).
# Exit 2: the comparison itself could not run (bad parameters, unreadable file, ...).
set -Eeuo pipefail
# Any unexpected failure is a broken check (2), never "drifted" (1).
trap 'exit 2' ERR
# shellcheck source=lib.sh
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

require_params
want_sha="$(sha256_of "$desired")"
if [ ! -e "$target" ]; then
  printf 'drift: %s does not exist (want %s, sha256 %s, mode %s)\n' "$target" "$PARAM_DESIRED" "$want_sha" "$mode"
  exit 1
fi
have_sha="$(sha256_of "$target")"
have_mode="$(mode_of "$target")"
drift=0
if [ "$have_sha" != "$want_sha" ]; then
  printf 'drift: %s content has sha256 %s, want %s (%s)\n' "$target" "$have_sha" "$want_sha" "$PARAM_DESIRED"
  drift=1
fi
if [ "$have_mode" != "$mode" ]; then
  printf 'drift: %s has mode %s, want %s\n' "$target" "$have_mode" "$mode"
  drift=1
fi
if [ "$drift" -ne 0 ]; then
  exit 1
fi
printf 'ok: %s matches %s (sha256 %s, mode %s)\n' "$target" "$PARAM_DESIRED" "$want_sha" "$mode"
