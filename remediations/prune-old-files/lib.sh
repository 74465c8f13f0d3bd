# Shared helpers for prune-old-files; sourced by check-size.sh and prune.sh (bash).
# Inputs: PARAM_DIR, PARAM_MAX_SIZE_MB (validated by the engine; re-checked here as defence in depth).

die() {
  printf 'prune-old-files: %s\n' "$*" >&2
  exit 2
}

is_uint() {
  case "${1-}" in '' | *[!0-9]*) return 1 ;; *) return 0 ;; esac
}

# Refuses anything but an existing, real (not symlinked) directory given by an absolute path.
require_dir() {
  local dir="${PARAM_DIR-}"
  [ -n "$dir" ] || die 'PARAM_DIR is not set'
  case "$dir" in
    /*) ;;
    *) die "dir must be an absolute path, got '$dir'" ;;
  esac
  case "/$dir/" in
    */./* | */../*) die "dir must not contain '.' or '..' components, got '$dir'" ;;
  esac
  case "$dir" in
    / | /bin | /boot | /dev | /etc | /lib | /lib32 | /lib64 | /proc | /sbin | /sys | /usr | /dev/* | /proc/* | /sys/*)
      die "refusing to prune a system directory: '$dir'"
      ;;
  esac
  [ ! -L "$dir" ] || die "dir is a symbolic link; give the real directory instead: '$dir'"
  [ -d "$dir" ] || die "dir does not exist or is not a directory: '$dir'"
}

# Threshold in bytes.
threshold_bytes() {
  is_uint "${PARAM_MAX_SIZE_MB-}" || die "max-size-mb must be a positive integer, got '${PARAM_MAX_SIZE_MB-}'"
  echo $((PARAM_MAX_SIZE_MB * 1048576))
}

# Sum of the apparent sizes of the regular files under PARAM_DIR: no symlinks followed (-P),
# no other filesystems entered (-xdev).
total_bytes() {
  find -P "$PARAM_DIR" -xdev -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%.0f\n", s }'
}
