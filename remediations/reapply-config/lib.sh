# Shared helpers for reapply-config; sourced by the stage scripts (bash).
# Inputs: PARAM_TARGET, PARAM_DESIRED, PARAM_MODE (validated by the engine; re-checked here).

die() {
  printf 'reapply-config: %s\n' "$*" >&2
  exit 2
}

here="$(dirname -- "${BASH_SOURCE[0]}")"

# Where backup.sh keeps the original and restore.sh finds it: inside the run's workspace.
backup_dir() {
  printf '%s/reapply-config-backup\n' "${REMEDIATION_WORKSPACE:-$PWD}"
}

require_params() {
  target="${PARAM_TARGET-}"
  case "$target" in
    /*) ;;
    *) die "target must be an absolute path, got '$target'" ;;
  esac
  case "/$target/" in
    */./* | */../*) die "target must not contain '.' or '..' components, got '$target'" ;;
  esac
  case "$target" in */) die "target must name a file, got '$target'" ;; esac
  if [ -L "$target" ]; then
    die "target is a symbolic link; give the real file instead: '$target'"
  fi
  if [ -e "$target" ] && [ ! -f "$target" ]; then
    die "target exists but is not a regular file: '$target'"
  fi
  target_dir="$(dirname -- "$target")"
  [ -d "$target_dir" ] || die "the target's directory does not exist: '$target_dir'"

  case "${PARAM_DESIRED-}" in
    '' | */* | .*) die "desired must be the name of a file in desired/, got '${PARAM_DESIRED-}'" ;;
  esac
  desired="$here/desired/$PARAM_DESIRED"
  [ -f "$desired" ] || die "no desired file named '$PARAM_DESIRED' is shipped with this remediation"

  mode="${PARAM_MODE-}"
  case "$mode" in
    0[0-7][0-7][0-7]) ;;
    *) die "mode must be four octal digits like 0644, got '$mode'" ;;
  esac
}

sha256_of() {
  sha256sum -- "$1" | awk '{ print $1 }'
}

# Permission bits as four octal digits (0644, 4755, ...).
mode_of() {
  local m
  m="$(stat -c '%a' -- "$1")"
  while [ "${#m}" -lt 4 ]; do m="0$m"; done
  printf '%s\n' "$m"
}
