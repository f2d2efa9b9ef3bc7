#!/usr/bin/env bash
# Starts a throwaway Kubernetes API server for flowc's integration tests, on 127.0.0.1 only:
# etcd + kube-apiserver (built by build.sh, which this runs first and which reuses its cache),
# RBAC authorization, static tokens for two users, namespace "team", and Argo Workflows'
# CRDs (manifests/base/crds/full of github.com/argoproj/argo-workflows/v4@v4.0.5, applied
# server-side and waited for until Established). No controllers, scheduler or kubelet run:
# objects are stored and validated, nothing reconciles them.
#
# Usage:  eval "$(hack/cluster/start.sh)"     or     hack/cluster/start.sh && . "$STATE/env"
# stdout: only the `export ...` lines of $FLOWC_CLUSTER_STATE/env; progress goes to stderr.
# Idempotent: when the cluster of $FLOWC_CLUSTER_STATE is already up it just prints the env;
# a stale state directory (crashed or killed processes) is cleaned up and started anew.
#
# The env file exports:
#   KUBECONFIG, FLOWC_TEST_KUBECONFIG  kubeconfig; contexts "admin" (current; namespace
#                                      default), "team" (admin in namespace team) and
#                                      "nobody" (an authenticated user without any RBAC grant)
#   FLOWC_TEST_APISERVER               https://127.0.0.1:PORT
#   FLOWC_TEST_ADMIN_TOKEN             bearer token of user "admin" (group system:masters)
#   FLOWC_TEST_NOBODY_TOKEN            bearer token of user "nobody" (no rights: 403 on writes)
#   FLOWC_TEST_NAMESPACE               team
#   FLOWC_TEST_CA_FILE                 the API server's self-signed CA bundle (PEM)
#   FLOWC_CLUSTER_STATE                the state directory (what stop.sh removes)
#
# Environment (all optional): FLOWC_CLUSTER_STATE (default ${TMPDIR:-/tmp}/flowc-cluster),
# FLOWC_CLUSTER_CACHE, FLOWC_KUBE_VERSION, FLOWC_ETCD_VERSION, FLOWC_ETCD_SOURCE (see build.sh),
# FLOWC_CLUSTER_TIMEOUT (seconds to wait for readiness and CRDs; default 180),
# FLOWC_ARGO_CRDS (install only these, e.g. "workflowtemplates workflows cronworkflows";
# default: all 8 of manifests/base/crds/full),
# FLOWC_CLUSTER_SKIP_BUILD=1 (use the binaries as they are; fail if missing).
set -euo pipefail
# shellcheck source=lib.sh
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"

STATE=$FLOWC_CLUSTER_STATE
TIMEOUT=${FLOWC_CLUSTER_TIMEOUT:-180}
case "$TIMEOUT" in '' | *[!0-9]*) die "FLOWC_CLUSTER_TIMEOUT must be a number of seconds" ;; esac

T_START=$(now_ms)

# ---------------------------------------------------------------- already running?
if [ -f "$STATE/env" ] && pid_alive "$STATE/etcd.pid" && pid_alive "$STATE/kube-apiserver.pid" \
  && [ -x "$TOOL_BIN" ] \
  && "$TOOL_BIN" wait-ready -kubeconfig "$STATE/kubeconfig" -context admin -timeout 5s 2>/dev/null; then
  log "already running: $(sed -n "s/^export FLOWC_TEST_APISERVER='\(.*\)'$/\1/p" "$STATE/env") (state: $STATE)"
  cat "$STATE/env"
  exit 0
fi
if [ -e "$STATE" ]; then
  log "cleaning up a stale state directory $STATE"
  "$CLUSTER_DIR/stop.sh" >&2 || die "could not clean up $STATE; remove it by hand"
fi

# ---------------------------------------------------------------- binaries
if [ "${FLOWC_CLUSTER_SKIP_BUILD:-0}" = 1 ]; then
  [ -x "$TOOL_BIN" ] || build_tool
else
  "$CLUSTER_DIR/build.sh" >&2
fi
[ -x "$KUBE_APISERVER_BIN" ] || die "no kube-apiserver at $KUBE_APISERVER_BIN (run hack/cluster/build.sh)"
[ -x "$ETCD_BIN" ] || die "no etcd at $ETCD_BIN (run hack/cluster/build.sh)"
T_BUILT=$(now_ms)

# ---------------------------------------------------------------- state directory
mkdir -p "$STATE"
STATE=$(cd "$STATE" && pwd)
chmod 700 "$STATE"
mkdir -p "$STATE/pki" "$STATE/logs"
mkdir -m 700 "$STATE/etcd-data"

started_ok=0
on_exit() {
  if [ "$started_ok" != 1 ]; then
    log "start failed; last lines of the logs in $STATE/logs:"
    for f in "$STATE"/logs/*.log; do
      [ -f "$f" ] || continue
      printf '==> %s <==\n' "$f" >&2
      tail -n 15 "$f" >&2
    done
    if [ "${FLOWC_CLUSTER_KEEP_ON_FAILURE:-0}" = 1 ]; then
      log "FLOWC_CLUSTER_KEEP_ON_FAILURE=1: leaving it running; hack/cluster/stop.sh cleans up"
    else
      FLOWC_CLUSTER_KEEP_STATE=1 "$CLUSTER_DIR/stop.sh" >&2 || true
      log "stopped; the logs stay in $STATE/logs"
    fi
  fi
}
trap on_exit EXIT

ports=$("$TOOL_BIN" freeports 3) || die "could not find free ports on 127.0.0.1"
read -r ETCD_PORT PEER_PORT API_PORT <<<"$ports"
SERVER="https://127.0.0.1:$API_PORT"

token() { od -An -tx1 -N16 /dev/urandom | tr -d ' \n'; }
ADMIN_TOKEN=$(token)
NOBODY_TOKEN=$(token)
# token,user,uid,"group1,group2"
umask 077
printf '%s,admin,flowc-test-admin,"system:masters"\n%s,nobody,flowc-test-nobody\n' \
  "$ADMIN_TOKEN" "$NOBODY_TOKEN" >"$STATE/tokens.csv"
"$TOOL_BIN" keygen "$STATE/pki/sa.key" "$STATE/pki/sa.pub"
umask 022

# spawn NAME BIN ARGS...: runs BIN in its own session (so it outlives this script and a
# Ctrl-C of the caller), logging to logs/NAME.log and recording its pid in NAME.pid.
spawn() {
  local name=$1
  shift
  # shellcheck disable=SC2016 # $$ and $@ are for the inner bash
  if command -v setsid >/dev/null 2>&1; then
    setsid bash -c 'echo $$ >"$0"; exec "$@"' "$STATE/$name.pid" "$@" \
      >"$STATE/logs/$name.log" 2>&1 </dev/null &
  else
    nohup bash -c 'echo $$ >"$0"; exec "$@"' "$STATE/$name.pid" "$@" \
      >"$STATE/logs/$name.log" 2>&1 </dev/null &
  fi
  local _
  for _ in $(seq 50); do
    [ -s "$STATE/$name.pid" ] && return 0
    sleep 0.1
  done
  die "$name did not start"
}

# ---------------------------------------------------------------- etcd
etcd_args=(
  --name=flowc
  --data-dir="$STATE/etcd-data"
  --listen-client-urls="http://127.0.0.1:$ETCD_PORT"
  --advertise-client-urls="http://127.0.0.1:$ETCD_PORT"
  --listen-peer-urls="http://127.0.0.1:$PEER_PORT"
  --initial-advertise-peer-urls="http://127.0.0.1:$PEER_PORT"
  --initial-cluster="flowc=http://127.0.0.1:$PEER_PORT"
  --initial-cluster-state=new
)
etcd_help=$("$ETCD_BIN" --help 2>&1 || true)
# A test cluster loses nothing of value on a crash: skip fsync (etcd >= 3.5).
case "$etcd_help" in *--unsafe-no-fsync*) etcd_args+=(--unsafe-no-fsync=true) ;; esac
case "$etcd_help" in *--log-level*) etcd_args+=(--log-level=warn) ;; esac
T_ETCD=$(now_ms)
spawn etcd "$ETCD_BIN" "${etcd_args[@]}"
"$TOOL_BIN" wait-url -timeout "${TIMEOUT}s" "http://127.0.0.1:$ETCD_PORT/health" \
  || die "etcd did not become healthy on 127.0.0.1:$ETCD_PORT"
log "etcd $("$ETCD_BIN" --version | sed -n 's/^etcd Version: //p') up on 127.0.0.1:$ETCD_PORT ($(secs_since "$T_ETCD"))"

# ---------------------------------------------------------------- kube-apiserver
T_API=$(now_ms)
spawn kube-apiserver "$KUBE_APISERVER_BIN" \
  --etcd-servers="http://127.0.0.1:$ETCD_PORT" \
  --bind-address=127.0.0.1 \
  --advertise-address=127.0.0.1 \
  --secure-port="$API_PORT" \
  --cert-dir="$STATE/pki" \
  --token-auth-file="$STATE/tokens.csv" \
  --authorization-mode=RBAC \
  --service-account-issuer="$SERVER" \
  --service-account-key-file="$STATE/pki/sa.pub" \
  --service-account-signing-key-file="$STATE/pki/sa.key" \
  --service-cluster-ip-range=10.0.0.0/24 \
  --endpoint-reconciler-type=none \
  --allow-privileged=true \
  --disable-admission-plugins=ServiceAccount \
  --profiling=false

# --cert-dir: the API server writes a self-signed serving certificate (and its CA) there.
for _ in $(seq $((TIMEOUT * 10))); do
  [ -s "$STATE/pki/apiserver.crt" ] && break
  pid_alive "$STATE/kube-apiserver.pid" || die "kube-apiserver exited (see $STATE/logs/kube-apiserver.log)"
  sleep 0.1
done
[ -s "$STATE/pki/apiserver.crt" ] || die "kube-apiserver wrote no $STATE/pki/apiserver.crt"
cp "$STATE/pki/apiserver.crt" "$STATE/ca.crt"

b64() { base64 <"$1" | tr -d '\n'; }
cat >"$STATE/kubeconfig.tmp" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: flowc-test
  cluster:
    server: $SERVER
    certificate-authority-data: $(b64 "$STATE/ca.crt")
users:
- name: admin
  user:
    token: $ADMIN_TOKEN
- name: nobody
  user:
    token: $NOBODY_TOKEN
contexts:
- name: admin
  context:
    cluster: flowc-test
    user: admin
    namespace: default
- name: team
  context:
    cluster: flowc-test
    user: admin
    namespace: team
- name: nobody
  context:
    cluster: flowc-test
    user: nobody
    namespace: default
current-context: admin
EOF
chmod 600 "$STATE/kubeconfig.tmp"
mv "$STATE/kubeconfig.tmp" "$STATE/kubeconfig"
export KUBECONFIG="$STATE/kubeconfig"

"$TOOL_BIN" wait-ready -context admin -timeout "${TIMEOUT}s" \
  || die "kube-apiserver did not become ready at $SERVER"
log "kube-apiserver $("$KUBE_APISERVER_BIN" --version) ready at $SERVER ($(secs_since "$T_API"))"

# ---------------------------------------------------------------- namespace, CRDs
"$TOOL_BIN" namespace -context admin team

T_CRD=$(now_ms)
# (From the cache directory, so that no go.mod of the caller's is consulted or touched.)
argo_json=$(cd "$FLOWC_CLUSTER_CACHE" && go mod download -json "$FLOWC_ARGO_MODULE") \
  || die "cannot download $FLOWC_ARGO_MODULE from the Go module proxy"
argo_dir=$(printf '%s\n' "$argo_json" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')
crd_dir="$argo_dir/manifests/base/crds/full"
[ -d "$crd_dir" ] || die "no CRD directory $crd_dir in $FLOWC_ARGO_MODULE"
crd_paths=("$crd_dir")
if [ -n "${FLOWC_ARGO_CRDS:-}" ]; then
  crd_paths=()
  for n in $FLOWC_ARGO_CRDS; do
    [ -f "$crd_dir/argoproj.io_$n.yaml" ] \
      || die "FLOWC_ARGO_CRDS: no $crd_dir/argoproj.io_$n.yaml (names are plurals such as workflowtemplates)"
    crd_paths+=("$crd_dir/argoproj.io_$n.yaml")
  done
fi
"$TOOL_BIN" install-crds -context admin -timeout "${TIMEOUT}s" "${crd_paths[@]}" >"$STATE/logs/crds.log" \
  || die "installing Argo's CRDs from $crd_dir failed"
log "Argo CRDs from $FLOWC_ARGO_MODULE established: $(grep -c '^established ' "$STATE/logs/crds.log") ($(secs_since "$T_CRD"))"

# ---------------------------------------------------------------- env
q() { printf "'%s'" "$1"; } # values have no single quotes: paths we made, hex tokens, URLs
case "$STATE" in *"'"*) die "FLOWC_CLUSTER_STATE must not contain a single quote" ;; esac
cat >"$STATE/env.tmp" <<EOF
export KUBECONFIG=$(q "$STATE/kubeconfig")
export FLOWC_TEST_KUBECONFIG=$(q "$STATE/kubeconfig")
export FLOWC_TEST_APISERVER=$(q "$SERVER")
export FLOWC_TEST_ADMIN_TOKEN=$(q "$ADMIN_TOKEN")
export FLOWC_TEST_NOBODY_TOKEN=$(q "$NOBODY_TOKEN")
export FLOWC_TEST_NAMESPACE='team'
export FLOWC_TEST_CA_FILE=$(q "$STATE/ca.crt")
export FLOWC_CLUSTER_STATE=$(q "$STATE")
EOF
chmod 600 "$STATE/env.tmp"
mv "$STATE/env.tmp" "$STATE/env"
started_ok=1
log "up in $(secs_since "$T_START") (of which starting the cluster $(secs_since "$T_BUILT")); env: $STATE/env; stop: hack/cluster/stop.sh"
cat "$STATE/env"
