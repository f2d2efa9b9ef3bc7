#!/usr/bin/env bash
# CI's end-to-end stage: brings the e2e cluster up (building what is not cached), runs the suite
# inside the cluster's network namespace, and brings it down even when the suite fails.
#
# CI has 90 minutes for all of .ci/run. This stage reads how long its caller has run so far
# (FLOWC_CI_STARTED, epoch seconds, else the parent process's age) and, when what is left cannot
# hold a cold build plus the suite, builds what fits (the binaries are cached for the next run)
# and skips the suite, saying so. FLOWC_E2E=0 skips the stage; FLOWC_E2E=1 forces it;
# FLOWC_E2E=build only builds (within the time left), to warm the caches.
set -euo pipefail
cd "$(dirname "$0")/../.."
. hack/e2e/lib.sh

budget=${FLOWC_CI_BUDGET:-5400}
if [ -n "${FLOWC_CI_STARTED:-}" ]; then
  used=$(($(date +%s) - FLOWC_CI_STARTED))
else
  used=$(ps -o etimes= -p "$PPID" 2>/dev/null | tr -d ' ' || echo 0)
fi
left=$((budget - ${used:-0}))
log "CI time used so far: ${used}s; left: ${left}s"

if [ "${FLOWC_E2E:-auto}" = 0 ]; then
  log "FLOWC_E2E=0: skipped"
  exit 0
fi
# Measured (hack/e2e/README.md): the bring-up with the images to make (~5 min), the suite
# (26 flows of shapes.txt, the decorators, the examples: 15-17 min quiet, more under load) and
# down.sh need ~35 min with the binaries built; a cold build (two chains) ~41 min more.
warm_need=2100
cold_need=2500

# .ci/run starts hack/e2e/build.sh in the background when the binaries are not cached
# (FLOWC_E2E_BUILD_PID, its own process group; FLOWC_E2E_BUILD_LOG). Wait for it while the
# suite still fits after it; past that, stop it (the next run resumes from the cache).
if [ -n "${FLOWC_E2E_BUILD_PID:-}" ]; then
  t0=$(date +%s)
  while kill -0 "$FLOWC_E2E_BUILD_PID" 2>/dev/null && [ $((left - ($(date +%s) - t0))) -gt "$warm_need" ]; do
    sleep 5
  done
  if kill -0 "$FLOWC_E2E_BUILD_PID" 2>/dev/null; then
    log "the background build is not done with ${warm_need}s left: stopping it"
    kill -- -"$FLOWC_E2E_BUILD_PID" 2>/dev/null || true
  fi
  log "background build (waited $(($(date +%s) - t0)) s); its log:"
  cat "${FLOWC_E2E_BUILD_LOG:-/dev/null}" >&2 || true
  left=$((left - ($(date +%s) - t0)))
fi
need=$warm_need
"$E2E_DIR/build.sh" --check >/dev/null 2>&1 || need=$((need + cold_need))
if [ "${FLOWC_E2E:-auto}" = build ] || { [ "${FLOWC_E2E:-auto}" != 1 ] && [ "$left" -lt "$need" ]; }; then
  log "e2e suite skipped (FLOWC_E2E=${FLOWC_E2E:-auto}; ${left}s of CI time left, ${need}s needed): building what fits"
  timeout $((left > 600 ? left - 600 : 1)) "$E2E_DIR/build.sh" >/dev/null || log "build stopped (it resumes from the cache next time)"
  exit 0
fi

t0=$(date +%s)
env=$(hack/e2e/up.sh) || { hack/e2e/down.sh || true; exit 1; }
eval "$env"
trap 'hack/e2e/down.sh' EXIT
log "cluster up in $(($(date +%s) - t0)) s"
# shellcheck disable=SC2086 # FLOWC_E2E_EXEC is a command prefix
$FLOWC_E2E_EXEC go test -count=1 -timeout "${FLOWC_E2E_TIMEOUT:-60m}" ${FLOWC_E2E_TEST_FLAGS:-} ./e2e/
