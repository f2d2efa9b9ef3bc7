#!/usr/bin/env bash
# Exits 0 when every process of the end-to-end cluster runs and the API server answers;
# otherwise names what is down (stderr) and exits 1. Used by up.sh to stay idempotent.
set -euo pipefail
# shellcheck source=lib.sh
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"

down=()
for n in registry buildkitd goproxy seaweedfs etcd kube-apiserver containerd kube-scheduler kubelet workflow-controller; do
  pid_alive "$E2E_STATE/run/$n.pid" || down+=("$n")
done
if [ ${#down[@]} -gt 0 ]; then
  log "not running: ${down[*]}"
  exit 1
fi
KUBECONFIG=$E2E_STATE/kubeconfig nsenter "--net=/run/netns/$E2E_NETNS" "$TOOL_BIN" wait-ready -timeout 5s \
  || { log "the API server does not answer"; exit 1; }
log "up: $E2E_STATE"
