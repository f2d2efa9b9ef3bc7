# Shared settings of hack/cluster/*.sh. Sourced, not run.
# shellcheck shell=bash disable=SC2034 # the variables are for the scripts that source this

FLOWC_CLUSTER_CACHE=${FLOWC_CLUSTER_CACHE:-${HOME:?HOME is not set; set FLOWC_CLUSTER_CACHE}/.cache/flowc-cluster}
FLOWC_CLUSTER_STATE=${FLOWC_CLUSTER_STATE:-${TMPDIR:-/tmp}/flowc-cluster}
FLOWC_KUBE_VERSION=${FLOWC_KUBE_VERSION:-1.37.2}
FLOWC_ETCD_VERSION=${FLOWC_ETCD_VERSION:-3.6.16}
FLOWC_ETCD_SOURCE=${FLOWC_ETCD_SOURCE:-go}
FLOWC_ARGO_MODULE=${FLOWC_ARGO_MODULE:-github.com/argoproj/argo-workflows/v4@v4.0.5}
FLOWC_KUBE_VERSION=${FLOWC_KUBE_VERSION#v}
FLOWC_ETCD_VERSION=${FLOWC_ETCD_VERSION#v}

CLUSTER_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$CLUSTER_DIR/../.." && pwd)

# Where build.sh puts the binaries (one directory per version) and where start.sh looks.
KUBE_APISERVER_BIN=${FLOWC_KUBE_APISERVER_BIN:-$FLOWC_CLUSTER_CACHE/kube-apiserver/v$FLOWC_KUBE_VERSION/kube-apiserver}
case "$FLOWC_ETCD_SOURCE" in
  apt) ETCD_BIN=${FLOWC_ETCD_BIN:-$FLOWC_CLUSTER_CACHE/etcd/debian/etcd} ;;
  *) ETCD_BIN=${FLOWC_ETCD_BIN:-$FLOWC_CLUSTER_CACHE/etcd/v$FLOWC_ETCD_VERSION/etcd} ;;
esac
# A directory holding just `kube-apiserver` and `etcd` (symlinks), one per combination of
# versions: what envtest wants as KUBEBUILDER_ASSETS. build.sh prints it on stdout.
case "$FLOWC_ETCD_SOURCE" in
  apt) ASSETS_DIR=$FLOWC_CLUSTER_CACHE/assets/kube-v$FLOWC_KUBE_VERSION-etcd-debian ;;
  *) ASSETS_DIR=$FLOWC_CLUSTER_CACHE/assets/kube-v$FLOWC_KUBE_VERSION-etcd-v$FLOWC_ETCD_VERSION ;;
esac
TOOL_BIN=$FLOWC_CLUSTER_CACHE/tools/flowc-cluster

_script=$(basename "$0")
log() { printf '%s: %s\n' "$_script" "$*" >&2; }
die() { printf '%s: error: %s\n' "$_script" "$*" >&2; exit 1; }
now_ms() { date +%s%3N; }
secs_since() { local t=$(( $(now_ms) - $1 )); printf '%d.%01ds' $((t / 1000)) $(((t % 1000) / 100)); }

need_go() {
  command -v go >/dev/null 2>&1 || die "go is not on PATH (Go >= 1.26 is needed)"
}
# The scratch modules and tools/ are modules of their own: a go.work around them must not apply.
export GOWORK=off

# build_tool: builds the helper in tools/ into the cache, unless the binary there was built
# from the same sources with the same Go (a relink costs seconds even with a warm cache).
# CGO_ENABLED=0 and -trimpath like the kube-apiserver build, so they share the build cache.
build_tool() {
  need_go
  local stamp
  stamp="$(go env GOVERSION) $(cat "$CLUSTER_DIR"/tools/go.mod "$CLUSTER_DIR"/tools/go.sum "$CLUSTER_DIR"/tools/*.go | cksum)"
  if [ -x "$TOOL_BIN" ] && [ "$(cat "$TOOL_BIN.stamp" 2>/dev/null)" = "$stamp" ]; then
    return 0
  fi
  mkdir -p "$(dirname "$TOOL_BIN")"
  (cd "$CLUSTER_DIR/tools" && CGO_ENABLED=0 go build -trimpath -o "$TOOL_BIN.$$.tmp" .) \
    || die "building the helper in $CLUSTER_DIR/tools failed"
  mv -f "$TOOL_BIN.$$.tmp" "$TOOL_BIN"
  printf '%s\n' "$stamp" >"$TOOL_BIN.stamp"
}

# pid_alive PIDFILE: the process named in PIDFILE is running.
pid_alive() {
  [ -s "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null
}
