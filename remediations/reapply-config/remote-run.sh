#!/usr/bin/env bash
# The host's half of on-host.sh (the same file in every example remediation): runs on the host,
# from the copy on-host.sh sent, one stage script with the step's variables, then prints a marker
# line and the script's outputs. Not a step of its own.
set -u
here="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=/dev/null
. "$here/remote-env.sh" || exit 2
: "${REMEDIATION_NAME:?}" "${REMEDIATION_RUN_ID:?}" "${remote_script:?}" "${remote_marker:?}"
# The run's workspace on this host, kept between the steps of one run (a backup one step takes is
# what the rollback restores), in the remote user's state folder; those of runs more than 7 days
# old are removed.
state="${XDG_STATE_HOME:-$HOME/.local/state}/remediate/$REMEDIATION_NAME"
# shellcheck disable=SC2174 # only the last folder holds run data; the ones above are the user's own
mkdir -p -m 700 -- "$state" || exit 2
find "$state" -mindepth 1 -maxdepth 1 -type d -mtime +7 -exec rm -rf -- {} + 2>/dev/null || true
export REMEDIATION_WORKSPACE="$state/$REMEDIATION_RUN_ID"
# shellcheck disable=SC2174 # its parent was made 0700 above
mkdir -p -m 700 -- "$REMEDIATION_WORKSPACE" || exit 2
export REMEDIATION_DIR="$here"
REMEDIATION_OUTPUT="$(mktemp)" || exit 2
export REMEDIATION_OUTPUT
cd -- "$REMEDIATION_WORKSPACE" || exit 2
bash "$REMEDIATION_DIR/$remote_script" </dev/null
status=$?
printf '\n%s\n' "$remote_marker"
cat -- "$REMEDIATION_OUTPUT"
rm -f -- "$REMEDIATION_OUTPUT"
exit "$status"
