#!/usr/bin/env bash
# Deletes regular files under PARAM_DIR whose name matches PARAM_GLOB and that were last modified
# more than PARAM_OLDER_THAN_DAYS days ago, oldest first, until the total size of regular files
# under PARAM_DIR is at or below PARAM_MAX_SIZE_MB MiB. Writes freed-bytes and deleted-files
# to $REMEDIATION_OUTPUT. Succeeds even when it cannot get under the threshold (the verify stage
# reports that); fails (non-zero) only when it cannot work safely.
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

require_dir
limit="$(threshold_bytes)"
if ! is_uint "${PARAM_OLDER_THAN_DAYS-}" || [ "$PARAM_OLDER_THAN_DAYS" -lt 1 ]; then
  die "older-than-days must be an integer >= 1, got '${PARAM_OLDER_THAN_DAYS-}'"
fi
glob="${PARAM_GLOB-}"
[ -n "$glob" ] || die 'glob must not be empty'
case "$glob" in */*) die "glob must not contain '/', got '$glob'" ;; esac
: "${REMEDIATION_OUTPUT:?REMEDIATION_OUTPUT is not set}"

# Real path of the directory: every deleted file's parent must still resolve inside it, so a
# subdirectory swapped for a symlink after the listing cannot redirect a deletion elsewhere.
root="$(realpath -e -- "$PARAM_DIR")"
minutes=$((PARAM_OLDER_THAN_DAYS * 1440))

# Candidates as NUL-separated records "<mtime> <size> <path>", oldest first. Written to a file
# (not a process substitution) so that a failing find or sort fails this step.
list="$(mktemp)"
trap 'rm -f -- "$list"' EXIT
find -P "$PARAM_DIR" -xdev -type f -name "$glob" -mmin "+$minutes" -printf '%T@ %s %p\0' |
  LC_ALL=C sort -z -n -k1,1 >"$list"

total="$(total_bytes)"
freed=0
deleted=0
printf 'total %s bytes, threshold %s bytes; candidates: %s older than %s day(s)\n' \
  "$total" "$limit" "$glob" "$PARAM_OLDER_THAN_DAYS"

while [ "$total" -gt "$limit" ] && IFS= read -r -d '' record; do
  rest="${record#* }"
  size="${rest%% *}"
  path="${rest#* }"
  parent="$(realpath -e -- "$(dirname -- "$path")" 2>/dev/null)" || continue
  case "$parent/" in
    "$root"/*) ;;
    *)
      printf 'skipping %q: its directory now resolves outside %s\n' "$path" "$root" >&2
      continue
      ;;
  esac
  # Re-check right before deleting: still a regular file, not a symlink.
  if [ -L "$path" ] || [ ! -f "$path" ]; then
    continue
  fi
  rm -f -- "$path"
  printf 'deleted %q (%s bytes)\n' "$path" "$size"
  total=$((total - size))
  freed=$((freed + size))
  deleted=$((deleted + 1))
done <"$list"

printf 'freed-bytes=%s\ndeleted-files=%s\n' "$freed" "$deleted" >>"$REMEDIATION_OUTPUT"
printf 'deleted %s file(s), freed %s bytes; now %s bytes (threshold %s)\n' "$deleted" "$freed" "$total" "$limit"
if [ "$total" -gt "$limit" ]; then
  printf 'warning: no more files older than %s day(s) match %s; still above the threshold\n' \
    "$PARAM_OLDER_THAN_DAYS" "$glob" >&2
fi
