#!/usr/bin/env bash
# Rollback: puts the file saved by backup.sh back in place (atomically, via a temporary file in the
# same directory), or removes the target if it did not exist before the run. Does nothing if the
# backup step never completed.
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

require_params
dir="$(backup_dir)"
case "${STEP_BACKUP_EXISTED-}" in
  true)
    [ -f "$dir/original" ] || die "backup step reported a backup but $dir/original is missing"
    tmp="$(mktemp -- "$target_dir/.$(basename -- "$target").restore.XXXXXX")"
    trap 'rm -f -- "$tmp"' EXIT
    cp -p -- "$dir/original" "$tmp"
    mv -f -T -- "$tmp" "$target"
    trap - EXIT
    printf 'restored %s (sha256 %s, mode %s)\n' "$target" "$(sha256_of "$target")" "$(mode_of "$target")"
    ;;
  false)
    [ -f "$dir/absent" ] || die "backup step reported no previous file but left no marker in $dir"
    if [ -f "$target" ]; then
      rm -f -- "$target"
      printf 'removed %s, which did not exist before this run\n' "$target"
    fi
    ;;
  *)
    printf 'the backup step did not complete; %s was not changed by this run, nothing to restore\n' "$target"
    ;;
esac
