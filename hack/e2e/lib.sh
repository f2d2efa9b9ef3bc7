# Shared settings of hack/e2e/*.sh. Sourced, not run.
# shellcheck shell=bash disable=SC2034 # the variables are for the scripts that source this

# hack/cluster's settings: its cache (kube-apiserver, etcd, the flowc-cluster helper), versions.
# shellcheck source=../cluster/lib.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")/../cluster" && pwd)/lib.sh"
E2E_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

E2E_CACHE=${FLOWC_E2E_CACHE:-$HOME/.cache/flowc-e2e}
E2E_BIN=$E2E_CACHE/bin
E2E_STATE=${FLOWC_E2E_STATE:-/run/flowc-e2e}
E2E_NETNS=${FLOWC_E2E_NETNS:-flowc-e2e}
E2E_ARGO_VERSION=${FLOWC_E2E_ARGO_VERSION:-v4.0.5}
E2E_REGISTRY_VERSION=${FLOWC_E2E_REGISTRY_VERSION:-v3.1.2}
E2E_BUILDKIT_VERSION=${FLOWC_E2E_BUILDKIT_VERSION:-v0.34.2}
E2E_SEAWEEDFS_VERSION=${FLOWC_E2E_SEAWEEDFS_VERSION:-v0.0.0-20261109003541-7506e5f91cd6}
E2E_DEBIAN_SUITE=${FLOWC_E2E_DEBIAN_SUITE:-bookworm}

KUBELET_BIN=$E2E_BIN/kube-v$FLOWC_KUBE_VERSION/kubelet
KUBE_SCHEDULER_BIN=$E2E_BIN/kube-v$FLOWC_KUBE_VERSION/kube-scheduler
ARGO_DIR=$E2E_BIN/argo-$E2E_ARGO_VERSION
REGISTRY_BIN=$E2E_BIN/registry-$E2E_REGISTRY_VERSION/registry
BUILDKITD_BIN=$E2E_BIN/buildkit-$E2E_BUILDKIT_VERSION/buildkitd
BUILDCTL_BIN=$E2E_BIN/buildkit-$E2E_BUILDKIT_VERSION/buildctl
WEED_BIN=$E2E_BIN/seaweedfs-$E2E_SEAWEEDFS_VERSION/weed
PAUSE_BIN=$E2E_BIN/pause/pause

# Inside the network namespace: the node's address (a veth pair with both ends in the
# namespace), the service IP the pods are told the API server is at, the loopback ports.
NODE_IP=10.233.0.2
PEER_IP=10.233.0.1
SERVICE_IP=10.96.0.1
REGISTRY_ADDR=127.0.0.1:5000
S3_PORT=8333
NODE_NAME=flowc-e2e
E2E_NAMESPACE=${FLOWC_E2E_NAMESPACE_NAME:-flowc-e2e}
PAUSE_TAG=1
PYTHON_TAG=3.11-$E2E_DEBIAN_SUITE
GOLANG_TAG=$(go env GOVERSION 2>/dev/null | sed 's/^go//') # this machine's Go, copied into the image
STATIC_TAG=1
GOPROXY_ADDR=127.0.0.1:3128 # serves this machine's module cache to Go flows' image builds
ARGOEXEC_IMAGE=$REGISTRY_ADDR/argoproj/argoexec:$E2E_ARGO_VERSION
S3_BUCKET=flowc
