#!/usr/bin/env bash
# Copies the current target (content, mode, owner, times) into the run's workspace so that the
# rollback stage can restore it, and records whether it existed.
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"
: "${REMEDIATION_OUTPUT:?REMEDIATION_OUTPUT is not set}"

require_params
dir="$(backup_dir)"
rm -rf -- "$dir"
mkdir -m 700 -- "$dir"
if [ -e "$target" ]; then
  cp -p -- "$target" "$dir/original"
  sha="$(sha256_of "$dir/original")"
  printf 'backed up %s (sha256 %s, mode %s) to the workspace\n' "$target" "$sha" "$(mode_of "$dir/original")"
  printf 'existed=true\nprevious-sha256=%s\nprevious-mode=%s\n' "$sha" "$(mode_of "$dir/original")" >>"$REMEDIATION_OUTPUT"
else
  : >"$dir/absent"
  printf '%s does not exist yet; rollback would remove it\n' "$target"
  printf 'existed=false\nprevious-sha256=\nprevious-mode=\n' >>"$REMEDIATION_OUTPUT"
fi
