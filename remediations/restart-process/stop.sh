#!/usr/bin/env bash
# Stops the process named by the pid file: SIGTERM, then SIGKILL after PARAM_GRACE_SECONDS.
# Only a live process that started no later than the pid file was written is signalled: a pid
# recycled by an unrelated, newer process is left alone and the pid file treated as stale.
# Writes old-pid and stopped-with (none, TERM or KILL) to $REMEDIATION_OUTPUT.
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"
: "${REMEDIATION_OUTPUT:?REMEDIATION_OUTPUT is not set}"

require_pidfile_param
grace="${PARAM_GRACE_SECONDS:-10}"
require_uint_param grace-seconds "$grace" 0 300

old_pid=""
stopped_with=none
record() {
  printf 'old-pid=%s\nstopped-with=%s\n' "$old_pid" "$stopped_with" >>"$REMEDIATION_OUTPUT"
}

if [ ! -f "$pidfile" ]; then
  printf 'no pid file at %s; nothing to stop\n' "$pidfile"
  record
  exit 0
fi
pid="$(head -c 32 -- "$pidfile" | head -n 1 | tr -d '[:space:]')"
if ! is_uint "$pid" || [ "${#pid}" -gt 10 ] || [ "$pid" -le 1 ]; then
  printf 'pid file %s does not hold a usable pid; treating it as stale\n' "$pidfile" >&2
  record
  exit 0
fi
old_pid="$pid"
if [ "$pid" -eq "$$" ] || [ "$pid" -eq "$PPID" ]; then
  die "pid file $pidfile names this remediation's own process ($pid); refusing to signal it"
fi
if ! is_alive "$pid"; then
  printf 'pid %s from %s is not running (stale pid file)\n' "$pid" "$pidfile"
  record
  exit 0
fi

# A process started after the pid file was last written cannot be the one it was written for.
started="$(start_epoch "$pid")" || started=""
written="$(stat -c '%Y' -- "$pidfile")"
if [ -n "$started" ] && [ "$started" -gt $((written + 2)) ]; then
  printf 'pid %s started at %s, after %s was written at %s: the pid was recycled; not signalling it\n' \
    "$pid" "$started" "$pidfile" "$written" >&2
  record
  exit 0
fi

# Signal the whole process group when the process leads one (a daemon and its children), unless
# this remediation itself is in that group.
target="$pid"
pgid="$(proc_stat_field "$pid" 5)" || pgid=""
own_pgid="$(proc_stat_field "$$" 5)" || own_pgid=""
if [ "$pgid" = "$pid" ] && [ "$own_pgid" != "$pid" ]; then
  target="-$pid"
fi

signal_and_wait() { # signal seconds -> 0 once the process is gone
  kill "-$1" -- "$target" 2>/dev/null || true
  local tries=$(($2 * 10))
  while is_alive "$pid"; do
    [ "$tries" -gt 0 ] || return 1
    sleep 0.1
    tries=$((tries - 1))
  done
  return 0
}

printf 'sending SIGTERM to %s (grace %ss)\n' "$target" "$grace"
if signal_and_wait TERM "$grace"; then
  stopped_with=TERM
else
  printf 'pid %s still running after %ss; sending SIGKILL to %s\n' "$pid" "$grace" "$target"
  if signal_and_wait KILL 10; then
    stopped_with=KILL
  else
    record
    printf 'restart-process: pid %s survived SIGKILL for 10s (uninterruptible sleep?)\n' "$pid" >&2
    exit 1
  fi
fi
printf 'pid %s stopped with SIG%s\n' "$pid" "$stopped_with"
record
