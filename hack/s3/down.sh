#!/usr/bin/env bash
# Stops the SeaweedFS that hack/s3/up.sh started and removes its state directory.
set -euo pipefail
STATE=${FLOWC_S3_TEST_STATE:-${FLOWC_S3_STATE:-${TMPDIR:-/tmp}/flowc-s3}}
if [ -s "$STATE/weed.pid" ]; then
  pid=$(cat "$STATE/weed.pid")
  # up.sh started weed with setsid: its process group is its own, so this ends only what it started.
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  kill -KILL -- "-$pid" 2>/dev/null || true
fi
[ -f "$STATE/s3.json" ] || [ -f "$STATE/weed.pid" ] || exit 0 # not ours: never remove a directory we did not make
rm -rf "$STATE"
