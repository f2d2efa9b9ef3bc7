#!/usr/bin/env bash
# A throwaway S3 on 127.0.0.1 for scripts/bench.sh's Metaflow column: Metaflow's
# `argo-workflows create --only-json` uploads its code package to S3 before it prints anything.
# It runs the SeaweedFS that hack/e2e/build.sh builds (or $WEED), on free ports of its own, with
# a bucket "flowc-bench", and prints the environment bench.sh needs.
#
# Usage:  eval "$(hack/bench/s3.sh start)"   ...   hack/bench/s3.sh stop
# Environment: WEED (the weed binary), FLOWC_BENCH_S3_STATE (default ${TMPDIR:-/tmp}/flowc-bench-s3).
set -euo pipefail
state=${FLOWC_BENCH_S3_STATE:-${TMPDIR:-/tmp}/flowc-bench-s3}
die() { echo "s3.sh: $*" >&2; exit 1; }

stop() {
  if [ -f "$state/weed.pid" ]; then
    local pid
    pid=$(cat "$state/weed.pid")
    kill "$pid" 2>/dev/null || true
    # SeaweedFS takes a while to shut its servers down; it must be gone before its files are.
    for _ in $(seq 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -rf "$state"
}

start() {
  local weed=${WEED:-}
  if [ -z "$weed" ]; then
    weed=$(ls -d "$HOME"/.cache/flowc-e2e/bin/seaweedfs-*/weed 2>/dev/null | tail -1 || true)
  fi
  [ -n "$weed" ] && [ -x "$weed" ] || die "no SeaweedFS: set WEED or run hack/e2e/build.sh seaweedfs"
  [ ! -e "$state" ] || die "$state exists: hack/bench/s3.sh stop first"
  mkdir -p "$state/data"
  # Four free ports on loopback: master, volume, filer, S3 (SeaweedFS adds 10000 for gRPC).
  read -r master volume filer s3 <<<"$(python3 -c '
import socket
ps = []
while len(ps) < 4:
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close()
    if p < 55000 and all(socket.socket().connect_ex(("127.0.0.1", p + d)) != 0 for d in (0, 10000)):
        ps.append(p)
print(*ps)')"
  "$weed" server -dir="$state/data" -ip=127.0.0.1 -ip.bind=127.0.0.1 -master.port="$master" \
    -volume.port="$volume" -master.volumeSizeLimitMB=64 -volume.max=16 -filer -filer.port="$filer" \
    -s3 -s3.port="$s3" -s3.port.iceberg=0 -s3.port.lance=0 >"$state/weed.log" 2>&1 &
  echo $! >"$state/weed.pid"
  local url=http://127.0.0.1:$s3
  for _ in $(seq 120); do
    curl -s -o /dev/null -X PUT "$url/flowc-bench" && curl -fs -o /dev/null "$url/flowc-bench" && break
    sleep 1
  done
  curl -fs -o /dev/null "$url/flowc-bench" || die "SeaweedFS's S3 did not come up on $url (log: $state/weed.log)"
  echo "export METAFLOW_S3_ENDPOINT_URL=$url AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench AWS_DEFAULT_REGION=us-east-1"
  echo "export METAFLOW_DATASTORE_SYSROOT_S3=s3://flowc-bench/metaflow"
}

case "${1:-}" in
start) start ;;
stop) stop ;;
*) die "usage: s3.sh start|stop" ;;
esac
