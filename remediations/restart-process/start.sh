#!/usr/bin/env bash
# Starts the service named by PARAM_SERVICE (services/<name>.sh) in its own session, detached from
# this run (stdin, stdout and stderr on /dev/null, cwd /, a clean environment), then writes its pid
# to the pid file atomically. Writes new-pid to $REMEDIATION_OUTPUT.
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"
: "${REMEDIATION_OUTPUT:?REMEDIATION_OUTPUT is not set}"

require_pidfile_param
require_probe_params
case "${PARAM_SERVICE-}" in
  '' | */* | .*) die "service must name a script in services/, got '${PARAM_SERVICE-}'" ;;
esac
svc="$here/services/$PARAM_SERVICE.sh"
[ -f "$svc" ] || die "no service named '$PARAM_SERVICE' is shipped with this remediation"
# The script's text is read now and handed to bash as an argument, so the service never reads the
# remediation's files after this step ends (the run's copy of them may be gone by then).
src="$(cat -- "$svc")"

# The service must leave this step's session: the engine ends every process left in it when the
# step ends (a process group of its own, as `set -m` gives, is not enough).
if command -v setsid >/dev/null 2>&1; then
  detach=(setsid)
elif command -v perl >/dev/null 2>&1; then
  # No setsid(1): the same system call through perl's core POSIX module.
  # shellcheck disable=SC2016 # Perl code: $! and $ARGV are perl's
  detach=(perl -MPOSIX -e 'POSIX::setsid() or die "setsid: $!\n"; exec { $ARGV[0] } @ARGV or die "exec: $!\n"')
elif command -v python3 >/dev/null 2>&1; then
  detach=(python3 -c 'import os, sys; os.setsid(); os.execvp(sys.argv[1], sys.argv[1:])')
else
  die 'starting a service that outlives this step needs setsid (util-linux), perl or python3'
fi
cd /
"${detach[@]}" env -i \
  PATH="$PATH" HOME="${HOME:-/}" LANG="${LANG:-C}" TMPDIR="${TMPDIR:-/tmp}" \
  SERVICE_HOST="$host" SERVICE_PORT="$port" DEMO_HTTP_RUNTIME="${DEMO_HTTP_RUNTIME:-auto}" \
  bash -c "$src" "$PARAM_SERVICE" </dev/null >/dev/null 2>&1 &
pid=$!

# Give it a moment: a service that cannot start (port taken, runtime missing) usually exits at once.
sleep 0.5
if ! is_alive "$pid"; then
  die "service '$PARAM_SERVICE' exited right after starting (port $port in use, or its runtime missing?)"
fi

tmp="$(mktemp -- "$(dirname -- "$pidfile")/.$(basename -- "$pidfile").XXXXXX")"
trap 'rm -f -- "$tmp"' EXIT
printf '%s\n' "$pid" >"$tmp"
chmod 0644 -- "$tmp"
mv -f -T -- "$tmp" "$pidfile"
trap - EXIT
printf 'started %s as pid %s; wrote %s\n' "$PARAM_SERVICE" "$pid" "$pidfile"
printf 'new-pid=%s\n' "$pid" >>"$REMEDIATION_OUTPUT"
