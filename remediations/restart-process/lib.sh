# Shared helpers for restart-process; sourced by the stage scripts (bash, Linux /proc).
# Inputs: PARAM_PIDFILE, PARAM_PORT, PARAM_HOST, PARAM_SERVICE, PARAM_GRACE_SECONDS, PARAM_PROBE,
# PARAM_PROBE_TIMEOUT_SECONDS, PARAM_STARTUP_SECONDS (validated by the engine; re-checked here).

die() {
  printf 'restart-process: %s\n' "$*" >&2
  exit 2
}

# shellcheck disable=SC2034 # used by the scripts that source this file
here="$(dirname -- "${BASH_SOURCE[0]}")"

is_uint() {
  case "${1-}" in '' | *[!0-9]*) return 1 ;; *) return 0 ;; esac
}

require_uint_param() { # name value min max
  # shellcheck disable=SC2015 # die exits, so it runs only when a test failed
  is_uint "$2" && [ "${#2}" -le 6 ] && [ "$2" -ge "$3" ] && [ "$2" -le "$4" ] ||
    die "$1 must be an integer from $3 to $4, got '$2'"
}

require_probe_params() {
  host="${PARAM_HOST-}"
  case "$host" in
    '' | -* | */* | *[!A-Za-z0-9.:-]*) die "host must be a loopback address or a host name, got '$host'" ;;
  esac
  port="${PARAM_PORT-}"
  require_uint_param port "$port" 1 65535
  probe="${PARAM_PROBE:-http}"
  case "$probe" in http | connect) ;; *) die "probe must be http or connect, got '$probe'" ;; esac
  probe_timeout="${PARAM_PROBE_TIMEOUT_SECONDS:-3}"
  require_uint_param probe-timeout-seconds "$probe_timeout" 1 60
}

require_pidfile_param() {
  pidfile="${PARAM_PIDFILE-}"
  case "$pidfile" in
    /*) ;;
    *) die "pidfile must be an absolute path, got '$pidfile'" ;;
  esac
  case "/$pidfile/" in
    */./* | */../*) die "pidfile must not contain '.' or '..' components, got '$pidfile'" ;;
  esac
  case "$pidfile" in */) die "pidfile must name a file, got '$pidfile'" ;; esac
  [ -d "$(dirname -- "$pidfile")" ] || die "the pid file's directory does not exist: '$pidfile'"
  if [ -L "$pidfile" ] || { [ -e "$pidfile" ] && [ ! -f "$pidfile" ]; }; then
    die "pidfile must be a regular file (not a symlink): '$pidfile'"
  fi
}

# One probe: exit 0 if host:port answers within probe_timeout seconds, 1 if not.
# bash's /dev/tcp does the connecting; host and port are passed as arguments, never as code.
probe_once() {
  # shellcheck disable=SC2016 # the inner bash expands $1 and $2: host and port are data, never code
  timeout -k 1 "$probe_timeout" bash -c '
    { exec 3<>"/dev/tcp/$1/$2"; } 2>/dev/null || exit 1
    [ "$3" = connect ] && exit 0
    printf "GET / HTTP/1.0\r\nHost: %s\r\nUser-Agent: remediate-restart-process\r\nConnection: close\r\n\r\n" "$1" >&3 || exit 1
    line=""
    IFS= read -r line <&3 || [ -n "$line" ] || exit 1
    case "$line" in HTTP/*) exit 0 ;; *) exit 1 ;; esac
  ' probe "$host" "$port" "$probe" && return 0
  return 1
}

# Field N (numbered as in proc(5), N >= 3) of /proc/PID/stat; fails if the process is gone.
# The command name (field 2) may hold spaces and parentheses, so split after its last ')'.
proc_stat_field() { # pid n
  local line
  line="$(cat -- "/proc/$1/stat" 2>/dev/null)" || return 1
  line="${line##*) }"
  printf '%s\n' "$line" | awk -v n="$2" '{ print $(n - 2) }'
}

# True if PID is a running process (a zombie has already exited).
is_alive() { # pid
  local state
  state="$(proc_stat_field "$1" 3)" || return 1
  case "$state" in Z | X | x | '') return 1 ;; *) return 0 ;; esac
}

# Start time of PID in seconds since the epoch.
start_epoch() { # pid
  local ticks hz btime
  ticks="$(proc_stat_field "$1" 22)" || return 1
  hz="$(getconf CLK_TCK 2>/dev/null || echo 100)"
  btime="$(awk '$1 == "btime" { print $2 }' /proc/stat)"
  is_uint "$ticks" && is_uint "$hz" && is_uint "$btime" || return 1
  echo $((btime + ticks / hz))
}
