#!/usr/bin/env bash
# Starts a throwaway S3 server (SeaweedFS) on 127.0.0.1, outside any network namespace, for the
# tests that read cluster runs from an artifact repository (FLOWC_TEST_S3_* below). It uses the
# weed binary hack/e2e/build.sh builds and caches (~/.cache/flowc-e2e); it builds nothing itself.
#
# Usage:  eval "$(hack/s3/up.sh)"; go test -run S3 ./cmd/flowc/ ...; hack/s3/down.sh
# stdout: only `export` lines (also written to $FLOWC_S3_STATE/env); progress goes to stderr.
# Exit 3 (and a message) when the weed binary is not cached: callers skip the S3 tests then.
#
# Exports:
#   FLOWC_TEST_S3_ENDPOINT    http://127.0.0.1:PORT (a free port)
#   FLOWC_TEST_S3_ACCESS_KEY, FLOWC_TEST_S3_SECRET_KEY   the one identity (random secret)
#   FLOWC_S3_TEST_STATE       the state directory (what down.sh removes)
#
# Environment (optional): FLOWC_S3_STATE (default ${TMPDIR:-/tmp}/flowc-s3), FLOWC_WEED_BIN (a
# weed binary to use instead of the cached one), FLOWC_S3_TIMEOUT (seconds to wait; default 60).
set -euo pipefail
# shellcheck source=../e2e/lib.sh
. "$(cd "$(dirname "$0")/../e2e" && pwd)/lib.sh"

STATE=${FLOWC_S3_STATE:-${TMPDIR:-/tmp}/flowc-s3}
WEED=${FLOWC_WEED_BIN:-$WEED_BIN}
TIMEOUT=${FLOWC_S3_TIMEOUT:-60}
say() { echo "hack/s3: $*" >&2; }

if [ ! -x "$WEED" ]; then
  say "no SeaweedFS binary at $WEED (hack/e2e/build.sh seaweedfs builds it)"
  exit 3
fi
if [ -s "$STATE/env" ] && [ -s "$STATE/weed.pid" ] && kill -0 "$(cat "$STATE/weed.pid")" 2>/dev/null; then
  cat "$STATE/env" # already up
  exit 0
fi
rm -rf "$STATE"
mkdir -p "$STATE/data"

# Eight free ports on loopback: http and grpc of master, volume, filer and S3.
read -r P_MASTER P_MASTER_G P_VOLUME P_VOLUME_G P_FILER P_FILER_G P_S3 P_S3_G < <(python3 - <<'PY'
import socket
socks = []
for _ in range(8):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks))
PY
)
ACCESS=flowc-test
SECRET=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
(umask 077 && cat >"$STATE/s3.json" <<JSON
{"identities": [{"name": "flowc-test", "credentials": [{"accessKey": "$ACCESS", "secretKey": "$SECRET"}],
  "actions": ["Admin", "Read", "Write", "List", "Tagging"]}]}
JSON
)

setsid "$WEED" server -dir="$STATE/data" -ip=127.0.0.1 -ip.bind=127.0.0.1 -master.telemetry=false \
  -master.port="$P_MASTER" -master.port.grpc="$P_MASTER_G" -master.volumeSizeLimitMB=32 \
  -volume.port="$P_VOLUME" -volume.port.grpc="$P_VOLUME_G" -volume.max=24 \
  -filer -filer.port="$P_FILER" -filer.port.grpc="$P_FILER_G" \
  -s3 -s3.port="$P_S3" -s3.port.grpc="$P_S3_G" -s3.config="$STATE/s3.json" \
  >"$STATE/weed.log" 2>&1 </dev/null &
echo $! >"$STATE/weed.pid"

ENDPOINT=http://127.0.0.1:$P_S3
deadline=$((SECONDS + TIMEOUT))
# Up when S3 answers a signed-or-not request with any HTTP status, and the filer is ready.
until curl -sS -o /dev/null "$ENDPOINT/" 2>/dev/null && curl -fsS -o /dev/null "http://127.0.0.1:$P_FILER/" 2>/dev/null; do
  if ! kill -0 "$(cat "$STATE/weed.pid")" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
    say "SeaweedFS did not come up (see $STATE/weed.log):"
    tail -20 "$STATE/weed.log" >&2 || true
    "$(dirname "$0")/down.sh" || true
    exit 1
  fi
  sleep 0.5
done
say "SeaweedFS S3 at $ENDPOINT (state in $STATE)"

{
  echo "export FLOWC_TEST_S3_ENDPOINT=$ENDPOINT"
  echo "export FLOWC_TEST_S3_ACCESS_KEY=$ACCESS"
  echo "export FLOWC_TEST_S3_SECRET_KEY=$SECRET"
  echo "export FLOWC_S3_TEST_STATE=$STATE"
} >"$STATE/env"
cat "$STATE/env"
