#!/usr/bin/env bash
# Runs one stage script of this remediation here, on the runner, or on a host over SSH (the same
# file in every example remediation). Usage: bash "$REMEDIATION_DIR/on-host.sh" <script.sh>
#
# Which host: input ssh-host (PARAM_SSH_HOST), else the target's fact ssh_host from the targets
# file (TARGET_SSH_HOST); both empty: here, exactly as a local run. Over SSH:
# - the script runs from a copy of this remediation's verified files sent on ssh's standard input
#   (a tar unpacked into a fresh folder on the host), never from files already on the host;
# - parameters and the other step variables travel in that copy as a file of `declare -p` lines,
#   never in the command line (the remote command is fixed text; remote-run.sh runs the script);
# - the key is the optional secret SSH_PRIVATE_KEY (a secret of the GitHub environment), else the
#   runner user's own; host keys are checked strictly, against the fact ssh_known_hosts when the
#   targets file gives one, else the runner user's known_hosts; the fact ssh_port sets the port;
# - the script's outputs come back after a random marker line and go to $REMEDIATION_OUTPUT;
# - an SSH failure ends the step with exit 2 (the check could not run), never 1 (drift found).
set -euo pipefail

die() {
  printf 'on-host: %s\n' "$*" >&2
  exit 2
}

script="${1-}"
here="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"
case "$script" in
  '' | */* | .*) die "expected the name of a script of this remediation, got '$script'" ;;
esac
[ -f "$here/$script" ] || die "no script named '$script' is shipped with this remediation"

host="${PARAM_SSH_HOST:-${TARGET_SSH_HOST-}}"
if [ -z "$host" ]; then
  exec bash "$here/$script"
fi

# Attack: a host that starts with '-' is read by ssh as an option (-oProxyCommand=... runs a
# command on this runner), and spaces or shell syntax would make it more than one argument. The
# input's pattern refuses these; a fact from the targets file is checked here. A host name, an
# address, or user@host only.
if [[ ! "$host" =~ ^([a-z_][a-z0-9_-]{0,31}@)?[A-Za-z0-9][A-Za-z0-9.:-]{0,252}$ ]]; then
  die "ssh host must be a host name or address, optionally user@host, got '$host'"
fi
port="${TARGET_SSH_PORT-}"
if [ -n "$port" ] && [[ ! "$port" =~ ^[1-9][0-9]{0,4}$ ]]; then
  die "the target's ssh_port must be a port number, got '$port'"
fi
: "${REMEDIATION_OUTPUT:?REMEDIATION_OUTPUT is not set}"

tmp="$(mktemp -d)"
trap 'rm -rf -- "$tmp"' EXIT
# A signal still runs the EXIT trap: the key file never outlives the step.
trap 'exit 143' TERM INT HUP

# BatchMode: never wait for a password or passphrase prompt. StrictHostKeyChecking=yes: an
# unknown or changed host key is refused, never learned (attack: a spoofed address answering
# first). No agent forwarding, no X11, no pty.
opts=(-T -a -x -o BatchMode=yes -o StrictHostKeyChecking=yes -o ConnectTimeout=20
  -o ServerAliveInterval=15 -o ServerAliveCountMax=4)
[ -z "$port" ] || opts+=(-p "$port")
if [ -n "${SSH_PRIVATE_KEY-}" ]; then
  (
    umask 077
    printf '%s\n' "$SSH_PRIVATE_KEY" >"$tmp/key"
  )
  opts+=(-i "$tmp/key" -o IdentitiesOnly=yes)
fi
if [ -n "${TARGET_SSH_KNOWN_HOSTS-}" ]; then
  printf '%s\n' "$TARGET_SSH_KNOWN_HOSTS" >"$tmp/known_hosts"
  opts+=(-o "UserKnownHostsFile=$tmp/known_hosts" -o GlobalKnownHostsFile=/dev/null)
fi

# The step's variables for the remote side, as bash declarations: values are data, quoted by bash
# itself. The key and the local paths stay here.
marker="remediate-outputs-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
{
  while IFS= read -r name; do
    case "$name" in
      PARAM_* | STEP_* | TARGET_* | REMEDIATION_NAME | REMEDIATION_VERSION | REMEDIATION_RUN_ID | REMEDIATION_STAGE | REMEDIATION_STEP)
        declare -p "$name"
        ;;
    esac
  done < <(compgen -e)
  # Variables of the definition's env the remote side needs, named by REMOTE_ENV (split, never globbed).
  read -r -a wanted <<<"${REMOTE_ENV-}"
  for name in "${wanted[@]}"; do
    [[ "$name" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || die "REMOTE_ENV holds '$name', not a variable name"
    [ -z "${!name+set}" ] || declare -p "$name"
  done
  printf 'remote_script=%q\nremote_marker=%q\n' "$script" "$marker"
} >"$tmp/remote-env.sh"
tar -cf "$tmp/bundle.tar" -C "$here" . -C "$tmp" remote-env.sh

# The remote command is fixed text for the host's login shell (any POSIX sh): unpack the copy into
# a fresh folder, run it, remove it (the copy's folders are read-only, as the verified copy here).
# shellcheck disable=SC2016 # expanded by the remote shell, not here
remote='d="$(mktemp -d)" || exit 2; trap '\''chmod -R u+w -- "$d"; rm -rf -- "$d"'\'' EXIT; tar -xf - -C "$d" || exit 2; bash "$d/remote-run.sh"'

status=0
ssh "${opts[@]}" -- "$host" "$remote" <"$tmp/bundle.tar" | {
  # Lines before the marker are the script's output; after it, its outputs. The empty line the
  # remote side prints before the marker (in case the output did not end in a newline) is dropped.
  outputs=0
  held=0
  while IFS= read -r line || [ -n "$line" ]; do
    if [ "$outputs" = 1 ]; then
      printf '%s\n' "$line" >>"$REMEDIATION_OUTPUT"
    elif [ "$line" = "$marker" ]; then
      outputs=1
      held=0
    else
      [ "$held" = 0 ] || printf '\n'
      held=0
      if [ -z "$line" ]; then held=1; else printf '%s\n' "$line"; fi
    fi
  done
  [ "$held" = 0 ] || printf '\n'
} || status=$?
if [ "$status" = 255 ]; then
  die "ssh to '$host' failed (exit 255): the script did not run there"
fi
exit "$status"
