#!/usr/bin/env bash
# Brings up flowc's end-to-end cluster: a single-node Kubernetes v1.37.2 (etcd, kube-apiserver,
# kube-scheduler, kubelet on Debian's containerd + runc), Argo Workflows v4.0.5's controller,
# SeaweedFS's S3 as the namespace's default artifact repository, a distribution registry and
# BuildKit, all inside the network namespace $FLOWC_E2E_NETNS (default flowc-e2e): nothing
# listens outside it, and no address is added to the machine's own interfaces.
#
# Usage:  eval "$(hack/e2e/up.sh)"
# stdout: only `export` lines (also written to $STATE/env); progress goes to stderr.
# Idempotent: when everything is up it prints the env again; otherwise it starts what is not
# running. hack/e2e/down.sh stops it all. Needs root.
set -euo pipefail
# shellcheck source=lib.sh
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"

[ "$(id -u)" = 0 ] || die "needs root (network namespace, containerd, kubelet)"
T_START=$(now_ms)
STATE=$E2E_STATE
NS_PATH=/run/netns/$E2E_NETNS
IN_NS=(nsenter "--net=$NS_PATH")

if [ -f "$STATE/env" ] && [ -f "$STATE/ready" ] && "$E2E_DIR/status.sh" >/dev/null 2>&1; then
  log "already up (state: $STATE)"
  cat "$STATE/env"
  exit 0
fi

# ---------------------------------------------------------------- host packages, binaries
need_pkgs=()
command -v containerd >/dev/null || need_pkgs+=(containerd)
command -v runc >/dev/null || need_pkgs+=(runc)
command -v debootstrap >/dev/null || need_pkgs+=(debootstrap)
command -v nsenter >/dev/null || need_pkgs+=(util-linux)
command -v ip >/dev/null || need_pkgs+=(iproute2)
command -v curl >/dev/null || need_pkgs+=(curl)
[ -x /usr/lib/cni/loopback ] || need_pkgs+=(containernetworking-plugins)
if [ ${#need_pkgs[@]} -gt 0 ]; then
  log "installing Debian packages: ${need_pkgs[*]}"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}" >&2
fi
if [ "${FLOWC_E2E_SKIP_BUILD:-0}" != 1 ]; then
  "$E2E_DIR/build.sh" >/dev/null
fi
for b in "$KUBE_APISERVER_BIN" "$ETCD_BIN" "$TOOL_BIN" "$KUBELET_BIN" "$KUBE_SCHEDULER_BIN" \
  "$ARGO_DIR/workflow-controller" "$ARGO_DIR/argoexec" "$REGISTRY_BIN" "$BUILDKITD_BIN" \
  "$BUILDCTL_BIN" "$WEED_BIN" "$PAUSE_BIN" "$E2E_BIN/flowc"; do
  [ -x "$b" ] || die "missing $b (run hack/e2e/build.sh)"
done
T_BUILT=$(now_ms)

mkdir -p "$STATE"/{logs,pki,run}
chmod 700 "$STATE"
started_ok=0
on_exit() {
  [ "$started_ok" = 1 ] && return
  log "bring-up failed; last lines of the logs in $STATE/logs:"
  for f in "$STATE"/logs/*.log; do
    [ -f "$f" ] || continue
    printf '==> %s <==\n' "$f" >&2
    tail -n 12 "$f" >&2
  done
  log "hack/e2e/down.sh stops what was started"
}
trap on_exit EXIT

# ---------------------------------------------------------------- network namespace
if [ ! -e "$NS_PATH" ]; then
  ip netns add "$E2E_NETNS"
fi
"${IN_NS[@]}" ip link set lo up
if ! "${IN_NS[@]}" ip link show e2e0 >/dev/null 2>&1; then
  # Both ends inside the namespace: the node's address needs a non-loopback interface, and
  # this kernel has no dummy link type.
  "${IN_NS[@]}" ip link add e2e0 type veth peer name e2e1
  "${IN_NS[@]}" ip addr add "$NODE_IP/24" dev e2e0
  "${IN_NS[@]}" ip addr add "$PEER_IP/24" dev e2e1
  "${IN_NS[@]}" ip addr add "$SERVICE_IP/32" dev lo
  "${IN_NS[@]}" ip link set e2e0 up
  "${IN_NS[@]}" ip link set e2e1 up
  # Some components look for the interface of the default route.
  "${IN_NS[@]}" ip route add default via "$PEER_IP" dev e2e0
fi
log "network namespace $E2E_NETNS: node $NODE_IP, service $SERVICE_IP"

# spawn NAME BIN ARGS...: runs BIN inside the namespace in its own session, logging to
# logs/NAME.log, its pid in run/NAME.pid. A process still running from before is kept.
spawn() {
  local name=$1
  shift
  if pid_alive "$STATE/run/$name.pid"; then return 0; fi
  # shellcheck disable=SC2016 # $0 and $@ are for the inner bash
  setsid "${IN_NS[@]}" bash -c 'echo $$ >"$0"; exec "$@"' "$STATE/run/$name.pid" "$@" \
    >>"$STATE/logs/$name.log" 2>&1 </dev/null &
  local _
  for _ in $(seq 50); do
    [ -s "$STATE/run/$name.pid" ] && return 0
    sleep 0.1
  done
  die "$name did not start"
}
# wait_for WHAT SECONDS CMD...: retries CMD until it succeeds.
wait_for() {
  local what=$1 secs=$2 i
  shift 2
  for i in $(seq $((secs * 2))); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  die "timed out after ${secs}s waiting for $what"
}
in_ns() { "${IN_NS[@]}" "$@"; }

# ---------------------------------------------------------------- registry
mkdir -p "$E2E_CACHE/registry"
cat >"$STATE/registry.yml" <<EOF
version: 0.1
log: {level: warn}
storage:
  filesystem: {rootdirectory: $E2E_CACHE/registry}
  delete: {enabled: true}
http:
  addr: $REGISTRY_ADDR
EOF
spawn registry "$REGISTRY_BIN" serve "$STATE/registry.yml"
wait_for "the registry" 30 in_ns curl -fsS "http://$REGISTRY_ADDR/v2/"

# ---------------------------------------------------------------- buildkitd
mkdir -p "$STATE/buildkit"
cat >"$STATE/buildkitd.toml" <<EOF
root = "$STATE/buildkit/root"
[grpc]
  address = ["unix://$STATE/buildkit/buildkitd.sock"]
[worker.oci]
  enabled = true
  snapshotter = "overlayfs"
  networkMode = "host"
  gc = true
  gckeepstorage = "10GB"
[worker.containerd]
  enabled = false
[registry."$REGISTRY_ADDR"]
  http = true
  insecure = true
EOF
spawn buildkitd "$BUILDKITD_BIN" --config "$STATE/buildkitd.toml"
export BUILDKIT_HOST="unix://$STATE/buildkit/buildkitd.sock"
wait_for "buildkitd" 60 "$BUILDCTL_BIN" debug workers

# ---------------------------------------------------------------- images
"$E2E_DIR/images.sh" >&2

# ---------------------------------------------------------------- Go module proxy
# The module download cache is in GOPROXY's file layout: served as it is, Go flows' image builds
# (--build-arg GOPROXY=http://$GOPROXY_ADDR) download third-party modules without leaving the
# namespace.
GOMODCACHE_DIR=$(go env GOMODCACHE)
mkdir -p "$GOMODCACHE_DIR/cache/download"
spawn goproxy python3 -m http.server --bind "${GOPROXY_ADDR%:*}" --directory "$GOMODCACHE_DIR/cache/download" "${GOPROXY_ADDR#*:}"
wait_for "the Go module proxy" 30 in_ns curl -fsS -o /dev/null "http://$GOPROXY_ADDR/"

# ---------------------------------------------------------------- SeaweedFS (S3)
S3_ACCESS=flowc
S3_SECRET=flowc-e2e-secret
mkdir -p "$STATE/seaweedfs"
cat >"$STATE/s3.json" <<EOF
{"identities": [{"name": "flowc", "credentials": [{"accessKey": "$S3_ACCESS", "secretKey": "$S3_SECRET"}],
  "actions": ["Admin", "Read", "Write", "List", "Tagging"]}]}
EOF
spawn seaweedfs "$WEED_BIN" server -dir="$STATE/seaweedfs" -ip=127.0.0.1 -ip.bind=127.0.0.1 \
  -master.volumeSizeLimitMB=256 -volume.max=16 -filer -filer.port=8888 \
  -s3 -s3.port="$S3_PORT" -s3.config="$STATE/s3.json"
wait_for "SeaweedFS's filer" 120 in_ns curl -fsS "http://127.0.0.1:8888/"
wait_for "SeaweedFS's S3" 60 in_ns curl -sS -o /dev/null "http://127.0.0.1:$S3_PORT/"

# ---------------------------------------------------------------- etcd, kube-apiserver
if [ ! -s "$STATE/tokens.csv" ]; then
  ADMIN_TOKEN=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
  (umask 077 && printf '%s,admin,flowc-e2e-admin,"system:masters"\n' "$ADMIN_TOKEN" >"$STATE/tokens.csv")
  "$TOOL_BIN" keygen "$STATE/pki/sa.key" "$STATE/pki/sa.pub"
fi
ADMIN_TOKEN=$(cut -d, -f1 "$STATE/tokens.csv")
mkdir -p -m 700 "$STATE/etcd-data"
spawn etcd "$ETCD_BIN" --name=flowc-e2e --data-dir="$STATE/etcd-data" \
  --listen-client-urls=http://127.0.0.1:2379 --advertise-client-urls=http://127.0.0.1:2379 \
  --listen-peer-urls=http://127.0.0.1:2380 --initial-advertise-peer-urls=http://127.0.0.1:2380 \
  --initial-cluster=flowc-e2e=http://127.0.0.1:2380 --unsafe-no-fsync=true --log-level=warn
wait_for etcd 60 in_ns curl -fsS http://127.0.0.1:2379/health

SERVER="https://$NODE_IP:443"
spawn kube-apiserver "$KUBE_APISERVER_BIN" \
  --etcd-servers=http://127.0.0.1:2379 \
  --bind-address=0.0.0.0 --secure-port=443 --advertise-address="$NODE_IP" \
  --cert-dir="$STATE/pki" \
  --token-auth-file="$STATE/tokens.csv" \
  --authorization-mode=Node,RBAC \
  --anonymous-auth=false \
  --service-account-issuer=https://kubernetes.default.svc \
  --service-account-key-file="$STATE/pki/sa.pub" \
  --service-account-signing-key-file="$STATE/pki/sa.key" \
  --service-cluster-ip-range=10.96.0.0/16 \
  --allow-privileged=true \
  --kubelet-preferred-address-types=InternalIP \
  --profiling=false
wait_for "the API server's certificate" 60 test -s "$STATE/pki/apiserver.crt"
cp "$STATE/pki/apiserver.crt" "$STATE/ca.crt"

# (--kubelet-preferred-address-types: the node's name resolves nowhere; a DNS lookup of it would
# leave the namespace.)
# kubeconfig NAMESPACE: the admin kubeconfig (one token for every client: a test cluster).
kubeconfig() {
  cat <<EOF
apiVersion: v1
kind: Config
clusters:
- name: flowc-e2e
  cluster:
    server: $SERVER
    certificate-authority-data: $(base64 <"$STATE/ca.crt" | tr -d '\n')
users:
- name: admin
  user:
    token: $ADMIN_TOKEN
contexts:
- name: flowc-e2e
  context: {cluster: flowc-e2e, user: admin, namespace: $1}
current-context: flowc-e2e
EOF
}
(umask 077 && kubeconfig "$E2E_NAMESPACE" >"$STATE/kubeconfig")
export KUBECONFIG=$STATE/kubeconfig
wait_for "the API server" 120 in_ns "$TOOL_BIN" wait-ready -timeout 5s
log "kube-apiserver ready at $SERVER"

# ---------------------------------------------------------------- containerd
mkdir -p "$STATE/containerd" "$STATE/cni/net.d" "$STATE/cni/bin"
ln -sf /usr/lib/cni/loopback "$STATE/cni/bin/loopback"
# A loopback-only network: the runtime reports NetworkReady; every pod runs with hostNetwork
# (Argo's workflowDefaults below), which in this namespace is the namespace's network.
cat >"$STATE/cni/net.d/10-loopback.conflist" <<EOF
{"cniVersion": "1.0.0", "name": "loopback", "plugins": [{"type": "loopback"}]}
EOF
cat >"$STATE/containerd.toml" <<EOF
version = 2
root = "$STATE/containerd/root"
state = "$STATE/containerd/state"
[grpc]
  address = "$STATE/containerd/containerd.sock"
[ttrpc]
  address = "$STATE/containerd/containerd.sock.ttrpc"
[plugins."io.containerd.grpc.v1.cri"]
  sandbox_image = "$REGISTRY_ADDR/flowc-e2e/pause:$PAUSE_TAG"
  # The VM lacks CAP_SYS_RESOURCE: runc cannot lower the sandbox's oom_score_adj.
  restrict_oom_score_adj = true
  [plugins."io.containerd.grpc.v1.cri".containerd]
    snapshotter = "overlayfs"
    default_runtime_name = "runc"
    [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
      runtime_type = "io.containerd.runc.v2"
      [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
        SystemdCgroup = false
  [plugins."io.containerd.grpc.v1.cri".cni]
    bin_dir = "$STATE/cni/bin"
    conf_dir = "$STATE/cni/net.d"
  [plugins."io.containerd.grpc.v1.cri".registry.mirrors."$REGISTRY_ADDR"]
    endpoint = ["http://$REGISTRY_ADDR"]
EOF
spawn containerd containerd --config "$STATE/containerd.toml"
wait_for containerd 30 test -S "$STATE/containerd/containerd.sock"

# ---------------------------------------------------------------- kube-scheduler, kubelet
spawn kube-scheduler "$KUBE_SCHEDULER_BIN" --kubeconfig="$KUBECONFIG" --leader-elect=false \
  --bind-address=127.0.0.1 --secure-port=10259

mkdir -p "$STATE/kubelet" "$STATE/pod-logs"
cat >"$STATE/kubelet.yaml" <<EOF
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
failCgroupV1: false
cgroupDriver: cgroupfs
failSwapOn: false
containerRuntimeEndpoint: unix://$STATE/containerd/containerd.sock
podLogsDir: $STATE/pod-logs
address: $NODE_IP
readOnlyPort: 0
authentication:
  anonymous: {enabled: true}
  webhook: {enabled: false}
authorization: {mode: AlwaysAllow}
resolvConf: /etc/resolv.conf
evictionHard: {memory.available: "100Mi", nodefs.available: "1%", imagefs.available: "1%"}
imageGCHighThresholdPercent: 100
imageGCLowThresholdPercent: 99
serializeImagePulls: false
nodeStatusUpdateFrequency: 4s
EOF
spawn kubelet "$KUBELET_BIN" --config="$STATE/kubelet.yaml" --kubeconfig="$KUBECONFIG" \
  --root-dir="$STATE/kubelet" --hostname-override="$NODE_NAME" --node-ip="$NODE_IP" --v=1
node_ready() {
  in_ns kubectl get node "$NODE_NAME" \
    -o 'jsonpath={.status.conditions[?(@.type=="Ready")].status}' | grep -qx True
}
wait_for "node $NODE_NAME Ready" 180 node_ready
# No kube-controller-manager runs: nothing would lift the taint the kubelet registers with.
in_ns kubectl taint node "$NODE_NAME" node.kubernetes.io/not-ready:NoSchedule- >/dev/null 2>&1 || true
log "node $NODE_NAME Ready ($(secs_since "$T_BUILT") since the binaries were there)"

# ---------------------------------------------------------------- Argo
# Its CRDs, the namespace with what kube-controller-manager would have made (the default
# ServiceAccount, kube-root-ca.crt), the executor's Role as Argo's quick-start grants it, the
# namespace's default artifact repository, and the controller's config.
argo_src=$E2E_CACHE/src/argo-$E2E_ARGO_VERSION
in_ns "$TOOL_BIN" install-crds -timeout 300s "$argo_src/manifests/base/crds/full" >"$STATE/logs/crds.log" \
  || die "installing Argo's CRDs failed (see $STATE/logs/crds.log)"
in_ns "$TOOL_BIN" namespace "$E2E_NAMESPACE"
repo_config() {
  cat <<EOF
s3:
  bucket: $S3_BUCKET
  endpoint: 127.0.0.1:$S3_PORT
  insecure: true
  createBucketIfNotPresent: {}
  accessKeySecret: {name: flowc-e2e-s3, key: accessKey}
  secretKeySecret: {name: flowc-e2e-s3, key: secretKey}
EOF
}
indent() { sed 's/^/    /'; }
cat >"$STATE/namespace.yaml" <<EOF
apiVersion: v1
kind: ServiceAccount
metadata: {name: default, namespace: $E2E_NAMESPACE}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: kube-root-ca.crt, namespace: $E2E_NAMESPACE}
data:
  ca.crt: |
$(indent <"$STATE/ca.crt")
---
apiVersion: v1
kind: Secret
metadata: {name: flowc-e2e-s3, namespace: $E2E_NAMESPACE}
stringData: {accessKey: $S3_ACCESS, secretKey: $S3_SECRET}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: executor, namespace: $E2E_NAMESPACE}
rules:
- apiGroups: [argoproj.io]
  resources: [workflowtaskresults]
  verbs: [create, patch]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: executor-default, namespace: $E2E_NAMESPACE}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: executor}
subjects:
- {kind: ServiceAccount, name: default, namespace: $E2E_NAMESPACE}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: artifact-repositories
  namespace: $E2E_NAMESPACE
  annotations: {workflows.argoproj.io/default-artifact-repository: default-v1}
data:
  default-v1: |
$(repo_config | indent)
---
apiVersion: v1
kind: ConfigMap
metadata: {name: workflow-controller-configmap, namespace: $E2E_NAMESPACE}
data:
  artifactRepository: |
$(repo_config | indent)
  # No CNI network here: every pod shares the namespace's network.
  workflowDefaults: |
    spec:
      hostNetwork: true
EOF
in_ns "$TOOL_BIN" apply -field-manager flowc-e2e "$STATE/namespace.yaml" >/dev/null \
  || die "applying $STATE/namespace.yaml failed"
# Out of the cluster, as the machine's root: namespaced to the e2e namespace.
spawn workflow-controller env LEADER_ELECTION_DISABLE=true DEFAULT_REQUEUE_TIME=2s \
  "$ARGO_DIR/workflow-controller" --kubeconfig="$KUBECONFIG" --namespaced \
  --managed-namespace="$E2E_NAMESPACE" --configmap=workflow-controller-configmap \
  --executor-image="$ARGOEXEC_IMAGE" --executor-image-pull-policy=IfNotPresent --loglevel=info
wait_for "Argo's workflow-controller" 60 in_ns curl -sS -o /dev/null http://127.0.0.1:6060/healthz
log "Argo $E2E_ARGO_VERSION workflow-controller up (namespace $E2E_NAMESPACE)"

# ---------------------------------------------------------------- env
q() { printf "'%s'" "$1"; }
cat >"$STATE/env.tmp" <<EOF
export KUBECONFIG=$(q "$STATE/kubeconfig")
export FLOWC_E2E_NAMESPACE=$(q "$E2E_NAMESPACE")
export FLOWC_E2E_IMAGE_REPO=$(q "$REGISTRY_ADDR/flowc-e2e/flows")
export FLOWC_E2E_BASE_IMAGE=$(q "$REGISTRY_ADDR/flowc-e2e/python:$PYTHON_TAG")
export FLOWC_E2E_GO_IMAGE=$(q "$REGISTRY_ADDR/flowc-e2e/golang:$GOLANG_TAG")
export FLOWC_E2E_GO_RUNTIME_IMAGE=$(q "$REGISTRY_ADDR/flowc-e2e/static:$STATIC_TAG")
export FLOWC_E2E_GOPROXY=$(q "http://$GOPROXY_ADDR")
export FLOWC_E2E_EXEC=$(q "nsenter --net=$NS_PATH")
export FLOWC_E2E_S3_FILER=$(q "http://127.0.0.1:8888/buckets/$S3_BUCKET")
export FLOWC_E2E_STATE=$(q "$STATE")
export BUILDKIT_HOST=$(q "$BUILDKIT_HOST")
export PATH=$(q "$E2E_BIN/buildkit-$E2E_BUILDKIT_VERSION"):"\$PATH"
EOF
mv "$STATE/env.tmp" "$STATE/env"
touch "$STATE/ready"
started_ok=1
log "up in $(secs_since "$T_START") (of which bring-up $(secs_since "$T_BUILT")); down: hack/e2e/down.sh"
cat "$STATE/env"
