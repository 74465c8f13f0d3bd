#!/usr/bin/env bash
# Exit 0 once host:port answers (within PARAM_STARTUP_SECONDS) and the pid file names a live
# process; exit 1 otherwise.
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

require_pidfile_param
require_probe_params
startup="${PARAM_STARTUP_SECONDS:-15}"
require_uint_param startup-seconds "$startup" 1 300

deadline=$((SECONDS + startup))
while :; do
  if probe_once; then
    break
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    printf '%s:%s still does not answer after %ss\n' "$host" "$port" "$startup" >&2
    exit 1
  fi
  sleep 0.2
done
pid="$(head -n 1 -- "$pidfile" 2>/dev/null | tr -d '[:space:]')" || pid=""
if ! is_uint "$pid" || ! is_alive "$pid"; then
  printf '%s:%s answers, but the pid file %s does not name a live process\n' "$host" "$port" "$pidfile" >&2
  exit 1
fi
printf '%s:%s answers (%s probe); pid %s is running\n' "$host" "$port" "$probe" "$pid"
