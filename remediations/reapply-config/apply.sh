#!/usr/bin/env bash
# Writes the desired content with the desired mode (and the current owner) to a temporary file in
# the target's directory, then renames it over the target: an atomic replacement.
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"
: "${REMEDIATION_OUTPUT:?REMEDIATION_OUTPUT is not set}"

require_params
tmp="$(mktemp -- "$target_dir/.$(basename -- "$target").remediate.XXXXXX")"
trap 'rm -f -- "$tmp"' EXIT
cat -- "$desired" >"$tmp"
chmod -- "$mode" "$tmp"
if [ -e "$target" ]; then
  # Keep the owner and group of the file being replaced; refuse rather than silently change them.
  if ! chown --reference="$target" -- "$tmp"; then
    die "cannot give the new file the owner of '$target' ($(stat -c '%U:%G' -- "$target")); not replacing it"
  fi
fi
mv -f -T -- "$tmp" "$target"
trap - EXIT
sha="$(sha256_of "$target")"
printf 'applied %s to %s (sha256 %s, mode %s)\n' "$PARAM_DESIRED" "$target" "$sha" "$mode"
printf 'applied-sha256=%s\n' "$sha" >>"$REMEDIATION_OUTPUT"
