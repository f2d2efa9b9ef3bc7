#!/usr/bin/env bash
# Builds the binaries of flowc's end-to-end cluster from the Go module proxy, into a cache
# outside the repository keyed by version (reused when present). The targets:
#   kube        kube-apiserver + etcd + flowc-cluster (hack/cluster/build.sh), then kubelet and
#               kube-scheduler in the same scratch module (so they share its Go build cache)
#   argo        Argo Workflows v4.0.5 workflow-controller + argoexec (from a writable copy of
#               the module: its zip drops the symlink signal_linux.go -> signal_darwin.go)
#   registry    github.com/distribution/distribution/v3 cmd/registry
#   buildkit    github.com/moby/buildkit cmd/buildkitd + cmd/buildctl
#   seaweedfs   github.com/seaweedfs/seaweedfs weed (from a copy: its go.mod has a replace)
#   pause       hack/e2e/pause (the pod sandbox's process; there is no registry to pull one from)
#   flowc       ./cmd/flowc of this checkout
# Progress on stderr; prints the bin directory on stdout.
#
# Usage: hack/e2e/build.sh [TARGET...]   the targets named, in that order; by default all of them,
#                                        in two chains side by side (see the end of this file)
set -euo pipefail
# shellcheck source=lib.sh
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"

# --check: exit 0 when every binary is built (nothing to do), 1 otherwise.
if [ "${1:-}" = --check ]; then
  for b in "$KUBE_APISERVER_BIN" "$ETCD_BIN" "$TOOL_BIN" "$KUBELET_BIN" "$KUBE_SCHEDULER_BIN" \
    "$ARGO_DIR/workflow-controller" "$ARGO_DIR/argoexec" "$REGISTRY_BIN" "$BUILDKITD_BIN" \
    "$BUILDCTL_BIN" "$WEED_BIN"; do
    [ -x "$b" ] || exit 1
  done
  exit 0
fi
need_go
mkdir -p "$E2E_CACHE/src" "$E2E_BIN"
if command -v flock >/dev/null 2>&1; then
  exec 8>"$E2E_CACHE/.build.lock"
  flock -n 8 || { log "waiting for another hack/e2e/build.sh"; flock 8; }
fi

# have OUT VERSION: OUT exists and was built for VERSION (a stamp file beside it).
have() { [ -x "$1" ] && [ "$(cat "$1.stamp" 2>/dev/null)" = "$2" ]; }
stamp() { printf '%s\n' "$2" >"$1.stamp"; }

# writable_copy MODULE@VERSION DIR: a writable copy of a module's source (go mod download).
writable_copy() {
  local dir src
  dir=$2
  if [ -f "$dir/.complete" ]; then return; fi
  src=$(cd "$E2E_CACHE/src" && GOFLAGS=-mod=mod go mod download -json "$1" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')
  [ -d "$src" ] || die "go mod download $1 gave no directory"
  rm -rf "$dir"
  cp -r "$src" "$dir"
  chmod -R u+w "$dir"
  touch "$dir/.complete"
}

build_kube() {
  "$REPO_ROOT/hack/cluster/build.sh" >/dev/null
  local v=$FLOWC_KUBE_VERSION out=$E2E_BIN/kube-v$FLOWC_KUBE_VERSION
  if have "$out/kubelet" "v$v" && have "$out/kube-scheduler" "v$v"; then
    log "kubelet, kube-scheduler v$v: reusing $out"; return
  fi
  mkdir -p "$out"
  local t0; t0=$(now_ms)
  log "kubelet, kube-scheduler v$v: building (cold: ~8 min on 2 idle cores)"
  local ldflags="-s -w" kv
  for kv in "gitVersion=v$v" "gitMajor=${v%%.*}" "gitMinor=$(echo "$v" | cut -d. -f2)" \
    "gitTreeState=clean" "gitCommit=0000000000000000000000000000000000000000" \
    "buildDate=1970-01-01T00:00:00Z"; do
    ldflags="$ldflags -X k8s.io/component-base/version.$kv -X k8s.io/client-go/pkg/version.$kv"
  done
  # The scratch module hack/cluster/build.sh wrote for kube-apiserver (replaces staging modules).
  (cd "$FLOWC_CLUSTER_CACHE/src/kube-apiserver-v$v" &&
    CGO_ENABLED=0 go build -mod=mod -trimpath -ldflags "$ldflags" -o "$out/" \
      k8s.io/kubernetes/cmd/kubelet k8s.io/kubernetes/cmd/kube-scheduler) \
    || die "go build of kubelet/kube-scheduler v$v failed"
  stamp "$out/kubelet" "v$v"; stamp "$out/kube-scheduler" "v$v"
  log "kubelet, kube-scheduler v$v: built in $(secs_since "$t0")"
}

build_argo() {
  local v=$E2E_ARGO_VERSION out=$E2E_BIN/argo-$E2E_ARGO_VERSION
  if have "$out/workflow-controller" "$v" && have "$out/argoexec" "$v"; then
    log "argo $v: reusing $out"; return
  fi
  local t0; t0=$(now_ms) src=$E2E_CACHE/src/argo-$v
  log "argo $v: building workflow-controller and argoexec (cold: ~5 min)"
  writable_copy "github.com/argoproj/argo-workflows/v4@$v" "$src"
  # The module zip drops symlinks; upstream signal_linux.go links to signal_darwin.go.
  local os=$src/workflow/executor/osspecific
  [ -f "$os/signal_linux.go" ] || cp "$os/signal_darwin.go" "$os/signal_linux.go"
  local p=github.com/argoproj/argo-workflows/v4
  local ldflags="-s -w -X $p.version=$v -X $p.buildDate=1970-01-01T00:00:00Z -X $p.gitCommit=0000000000000000000000000000000000000000 -X $p.gitTreeState=clean -X $p.gitTag=$v"
  mkdir -p "$out"
  (cd "$src" && CGO_ENABLED=0 go build -mod=mod -trimpath -ldflags "$ldflags" -o "$out/" \
    ./cmd/workflow-controller ./cmd/argoexec) || die "go build of argo $v failed (source: $src)"
  stamp "$out/workflow-controller" "$v"; stamp "$out/argoexec" "$v"
  log "argo $v: built in $(secs_since "$t0")"
}

# go_build_module NAME MODULE@VERSION OUTDIR PKG...: builds PKGs from a writable copy.
go_build_module() {
  local name=$1 mv=$2 out=$3; shift 3
  local v=${mv#*@} first; first=$(basename "$1")
  if have "$out/$first" "$v"; then log "$name $v: reusing $out"; return; fi
  local t0; t0=$(now_ms) src=$E2E_CACHE/src/$name-$v
  log "$name $v: building"
  writable_copy "$mv" "$src"
  mkdir -p "$out"
  (cd "$src" && CGO_ENABLED=0 go build -mod=mod -trimpath -ldflags "-s -w" -o "$out/" "$@") \
    || die "go build of $name $v failed (source: $src)"
  local p; for p in "$@"; do stamp "$out/$(basename "$p")" "$v"; done
  log "$name $v: built in $(secs_since "$t0")"
}

build_registry() {
  go_build_module registry "github.com/distribution/distribution/v3@$E2E_REGISTRY_VERSION" \
    "$E2E_BIN/registry-$E2E_REGISTRY_VERSION" ./cmd/registry
}
build_buildkit() {
  go_build_module buildkit "github.com/moby/buildkit@$E2E_BUILDKIT_VERSION" \
    "$E2E_BIN/buildkit-$E2E_BUILDKIT_VERSION" ./cmd/buildkitd ./cmd/buildctl
}
build_seaweedfs() {
  go_build_module seaweedfs "github.com/seaweedfs/seaweedfs@$E2E_SEAWEEDFS_VERSION" \
    "$E2E_BIN/seaweedfs-$E2E_SEAWEEDFS_VERSION" ./weed
}
build_pause() {
  local out=$E2E_BIN/pause/pause
  mkdir -p "$(dirname "$out")"
  (cd "$REPO_ROOT" && CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o "$out" ./hack/e2e/pause) \
    || die "go build of hack/e2e/pause failed"
}
build_flowc() {
  # flowc-kube beside flowc: apply, submit and logs run it
  (cd "$REPO_ROOT" && go build -o "$E2E_BIN/" ./cmd/flowc ./cmd/flowc-kube) || die "go build of flowc failed"
}

# build_chain TARGET...: builds the targets one after the other.
build_chain() {
  local t
  for t in "$@"; do
    case "$t" in
      kube | argo | registry | buildkit | seaweedfs | pause | flowc) "build_$t" ;;
      *) die "unknown target '$t'" ;;
    esac
  done
}

T0=$(now_ms)
if [ $# -gt 0 ]; then
  build_chain "$@"
else
  # Everything, in two chains side by side: one go build keeps about one core busy on average
  # (downloads, type-checking the largest packages, linking are serial), so two use the machine's
  # two. Measured cold, one chain: 73 CPU-minutes in 76 minutes of wall time (hack/e2e/README.md).
  set -- kube argo registry buildkit seaweedfs pause flowc
  # Balanced by the cold times measured one at a time: kube-apiserver, etcd and kubelet (31 min)
  # with the registry (4), against Argo (13), BuildKit (6) and SeaweedFS (16).
  (build_chain kube registry) &
  other=$!
  rc=0
  (build_chain argo buildkit seaweedfs) || rc=$?
  wait "$other" || rc=$?
  [ "$rc" = 0 ] || die "a build failed (see above)"
  build_chain pause flowc
fi
log "built $* in $(secs_since "$T0"); cache: $(du -sh "$E2E_BIN" 2>/dev/null | cut -f1) in $E2E_BIN"
printf '%s\n' "$E2E_BIN"
