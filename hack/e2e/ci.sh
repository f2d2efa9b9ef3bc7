#!/usr/bin/env bash
# CI's end-to-end stage: brings the e2e cluster up (building what is not cached), runs the suite
# inside the cluster's network namespace, and brings it down even when the suite fails.
# FLOWC_E2E=0 skips it. Needs root (as CI is) and about 10 GB of disk.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${FLOWC_E2E:-1}" = 0 ]; then
  echo "hack/e2e/ci.sh: FLOWC_E2E=0: skipped" >&2
  exit 0
fi
t0=$(date +%s)
env=$(hack/e2e/up.sh) || { hack/e2e/down.sh || true; exit 1; }
eval "$env"
trap 'FLOWC_E2E_KEEP_STATE=0 hack/e2e/down.sh' EXIT
echo "hack/e2e/ci.sh: cluster up in $(($(date +%s) - t0)) s" >&2
# shellcheck disable=SC2086 # FLOWC_E2E_EXEC is a command prefix
$FLOWC_E2E_EXEC go test -count=1 -timeout 45m ${FLOWC_E2E_TEST_FLAGS:-} ./e2e/
