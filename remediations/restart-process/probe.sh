#!/usr/bin/env bash
# Exit 0: host:port answers (healthy). Exit 1: it does not (restart needed).
# Exit 2: the check itself could not run (bad parameters, ...).
set -Eeuo pipefail
# Any unexpected failure is a broken check (2), never "restart needed" (1).
trap 'exit 2' ERR
# shellcheck source=lib.sh
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

require_probe_params
if probe_once; then
  printf '%s:%s answers (%s probe)\n' "$host" "$port" "$probe"
  exit 0
fi
printf '%s:%s does not answer within %ss (%s probe)\n' "$host" "$port" "$probe_timeout" "$probe"
exit 1
