#!/usr/bin/env bash
# Builds the binaries of flowc's integration-test cluster from the Go module proxy, into a
# cache directory outside the repository (one directory per version; reused when present):
#   kube-apiserver   k8s.io/kubernetes/cmd/kube-apiserver   (cold: ~21 CPU-min, 11-25 min on 2 cores)
#   etcd             go.etcd.io/etcd/server/v3 (its main)   (cold: ~2.6 CPU-min)
#   flowc-cluster    the helper in hack/cluster/tools       (cold: ~1 CPU-min)
# and links kube-apiserver and etcd into $CACHE/assets/kube-vK-etcd-vE/, the one line it
# prints on stdout (usable as envtest's KUBEBUILDER_ASSETS); progress goes to stderr.
# Needs only Go (FLOWC_ETCD_SOURCE=apt: also apt-get and dpkg-deb).
#
# Usage: hack/cluster/build.sh [kube-apiserver] [etcd] [tool]     (default: all three)
#        KUBEBUILDER_ASSETS=$(hack/cluster/build.sh kube-apiserver etcd)
#
# Environment (all optional):
#   FLOWC_CLUSTER_CACHE  cache directory     (default: $HOME/.cache/flowc-cluster)
#   FLOWC_KUBE_VERSION   Kubernetes version  (default: 1.37.2; staging modules at v0.37.2)
#   FLOWC_ETCD_VERSION   etcd version        (default: 3.6.16)
#   FLOWC_ETCD_SOURCE    go | apt            (default: go; apt = Debian's etcd-server .deb, unpacked)
set -euo pipefail
# shellcheck source=lib.sh
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"

CACHE=$FLOWC_CLUSTER_CACHE
KUBE_VERSION=$FLOWC_KUBE_VERSION
ETCD_VERSION=$FLOWC_ETCD_VERSION

need_go
case "$KUBE_VERSION" in
  1.*.*) ;;
  *) die "FLOWC_KUBE_VERSION must look like 1.37.2, got '$KUBE_VERSION'" ;;
esac
# The staging modules (k8s.io/api, k8s.io/client-go, ...) are released as v0.MINOR.PATCH.
STAGING_VERSION="v0.${KUBE_VERSION#1.}"

mkdir -p "$CACHE/src"
CACHE=$(cd "$CACHE" && pwd)
case "$CACHE/" in
  "$REPO_ROOT/"*) die "FLOWC_CLUSTER_CACHE ($CACHE) is inside the repository; put it outside (it holds ~200 MB of sources and binaries)" ;;
esac

# One build at a time per cache (two would share the scratch modules under $CACHE/src).
if command -v flock >/dev/null 2>&1; then
  exec 9>"$CACHE/.build.lock"
  flock -n 9 || { log "waiting for another build.sh using $CACHE"; flock 9; }
fi

# ---------------------------------------------------------------- kube-apiserver
build_kube_apiserver() {
  local dir="$CACHE/kube-apiserver/v$KUBE_VERSION"
  local out="$dir/kube-apiserver"
  # (Not `--version | grep -q`: with pipefail, grep quitting early can SIGPIPE the binary.)
  if [ -x "$out" ] && [ "$("$out" --version 2>/dev/null | sed -n 1p)" = "Kubernetes v$KUBE_VERSION" ]; then
    log "kube-apiserver v$KUBE_VERSION: reusing $out"
    return
  fi
  local src="$CACHE/src/kube-apiserver-v$KUBE_VERSION"
  local t0; t0=$(now_ms)
  log "kube-apiserver v$KUBE_VERSION: building in $src (cold: 11-25 min on 2 cores)"
  rm -rf "$src"
  mkdir -p "$src/stand-in" "$dir"

  # k8s.io/kubernetes requires its staging modules at v0.0.0 and replaces them with
  # ./staging/src/k8s.io/<name>. A dependency's replace directives do not apply to the main
  # module, so this module replaces each of them with its published v0.MINOR.PATCH.
  local kmod gomod staging
  kmod=$(cd "$src" && go mod download -json "k8s.io/kubernetes@v$KUBE_VERSION") \
    || die "cannot download k8s.io/kubernetes@v$KUBE_VERSION from the Go module proxy"
  gomod=$(printf '%s\n' "$kmod" | sed -n 's/^[[:space:]]*"GoMod": "\(.*\)",\{0,1\}$/\1/p')
  [ -f "$gomod" ] || die "go mod download gave no go.mod for k8s.io/kubernetes@v$KUBE_VERSION"
  staging=$(sed -n '/^replace[[:space:]]*(/,/^)/p' "$gomod" | awk '$2 == "=>" && $3 ~ /^\.\/staging\// {print $1}')
  [ -n "$staging" ] || die "found no staging replace directives in $gomod"

  # Ask the proxy for all of them at once; one it does not serve comes back with an "Error"
  # field. Two staging modules (k8s.io/sample-cli-plugin, k8s.io/sample-controller) are not
  # published; k8s.io/kubernetes does not require them, so they get empty local stand-ins.
  local served m name standins=""
  served=$(cd "$src" && for m in $staging; do printf '%s@%s\n' "$m" "$STAGING_VERSION"; done |
    xargs go mod download -json 2>/dev/null |
    awk -F'"' '/^\t"Path": /{p=$4} /^\t"Error": /{bad[p]=1} /^\t"Version": /{seen[p]=1}
               END{for (k in seen) if (!bad[k]) print k}') || true
  served=" $(printf '%s' "$served" | tr '\n' ' ') "
  {
    printf 'module flowc.invalid/kube-apiserver-build\n\ngo 1.26.0\n\n'
    printf 'require k8s.io/kubernetes v%s\n\nreplace (\n' "$KUBE_VERSION"
    for m in $staging; do
      if case "$served" in *" $m "*) true ;; *) false ;; esac; then
        printf '\t%s => %s %s\n' "$m" "$m" "$STAGING_VERSION"
      else
        if grep -Eq "^[[:space:]]*$m v0\\.0\\.0([[:space:]]|\$)" "$gomod"; then
          die "k8s.io/kubernetes requires $m, but the module proxy did not serve $m@$STAGING_VERSION (see: go mod download -json $m@$STAGING_VERSION)"
        fi
        name=${m#k8s.io/}
        mkdir -p "$src/stand-in/$name"
        printf 'module %s\n\ngo 1.26.0\n' "$m" >"$src/stand-in/$name/go.mod"
        printf '\t%s => ./stand-in/%s\n' "$m" "$name"
        standins="$standins $m"
      fi
    done
    printf ')\n'
  } >"$src/go.mod.tmp"
  mv "$src/go.mod.tmp" "$src/go.mod"
  [ -z "$standins" ] || log "not served by the module proxy at $STAGING_VERSION (empty stand-ins):$standins"

  # The version stamps that Kubernetes' own build sets (hack/lib/version.sh).
  local ldflags="-s -w" v
  for v in \
    "gitVersion=v$KUBE_VERSION" \
    "gitMajor=${KUBE_VERSION%%.*}" \
    "gitMinor=$(echo "$KUBE_VERSION" | cut -d. -f2)" \
    "gitTreeState=clean" \
    "gitCommit=0000000000000000000000000000000000000000" \
    "buildDate=1970-01-01T00:00:00Z"; do
    ldflags="$ldflags -X k8s.io/component-base/version.$v -X k8s.io/client-go/pkg/version.$v"
  done
  (
    cd "$src"
    CGO_ENABLED=0 go build -mod=mod -trimpath -ldflags "$ldflags" \
      -o "$out.tmp" k8s.io/kubernetes/cmd/kube-apiserver
  ) || die "go build of kube-apiserver v$KUBE_VERSION failed (scratch module: $src)"
  mv -f "$out.tmp" "$out"
  log "kube-apiserver v$KUBE_VERSION: built $out in $(secs_since "$t0")"
}

# ---------------------------------------------------------------- etcd
build_etcd_go() {
  local dir="$CACHE/etcd/v$ETCD_VERSION"
  local out="$dir/etcd"
  if [ -x "$out" ] && [ "$("$out" --version 2>/dev/null | sed -n 1p)" = "etcd Version: $ETCD_VERSION" ]; then
    log "etcd v$ETCD_VERSION: reusing $out"
    return
  fi
  local src="$CACHE/src/etcd-v$ETCD_VERSION"
  local t0; t0=$(now_ms)
  log "etcd v$ETCD_VERSION: building in $src (cold: ~2-3 min on 2 cores)"
  rm -rf "$src"
  mkdir -p "$src" "$dir"
  # The module go.etcd.io/etcd/server/v3 is itself the etcd main package (main.go calls
  # etcdmain.Main). `go install ...@version` refuses it (its go.mod has replace directives),
  # so build it from a scratch module that requires it.
  printf 'module flowc.invalid/etcd-build\n\ngo 1.26.0\n\nrequire go.etcd.io/etcd/server/v3 v%s\n' \
    "$ETCD_VERSION" >"$src/go.mod"
  (
    cd "$src"
    CGO_ENABLED=0 go build -mod=mod -trimpath -ldflags "-s -w" -o "$out.tmp" go.etcd.io/etcd/server/v3
  ) || die "go build of etcd v$ETCD_VERSION failed (scratch module: $src)"
  mv -f "$out.tmp" "$out"
  log "etcd v$ETCD_VERSION: built $out in $(secs_since "$t0")"
}

# Debian's etcd-server, unpacked into the cache rather than installed: `apt-get install` would
# also start a system-wide etcd on the default ports through /etc/init.d/etcd. Needs the apt
# package lists (root: apt-get update); no root for the rest.
install_etcd_apt() {
  local dir="$CACHE/etcd/debian"
  local out="$dir/etcd"
  if [ -x "$out" ]; then
    log "etcd: reusing Debian's $("$out" --version 2>/dev/null | sed -n 1p) at $out"
    return
  fi
  command -v apt-get >/dev/null 2>&1 || die "FLOWC_ETCD_SOURCE=apt needs apt-get (Debian/Ubuntu)"
  local t0; t0=$(now_ms)
  local src="$CACHE/src/etcd-debian"
  rm -rf "$src"
  mkdir -p "$src" "$dir"
  if ! (cd "$src" && apt-get download etcd-server >&2 2>/dev/null); then
    if [ "$(id -u)" = 0 ]; then
      apt-get update -qq >&2 || die "apt-get update failed"
    fi
    (cd "$src" && apt-get download etcd-server >&2) \
      || die "apt-get download etcd-server failed (run apt-get update as root first?)"
  fi
  dpkg-deb -x "$src"/etcd-server_*.deb "$src/root" || die "cannot unpack $src/etcd-server_*.deb"
  mv -f "$src/root/usr/bin/etcd" "$out"
  rm -rf "$src"
  log "etcd: unpacked Debian's $("$out" --version | sed -n 1p) to $out in $(secs_since "$t0")"
}

link_assets() {
  mkdir -p "$ASSETS_DIR"
  ln -sfn "$KUBE_APISERVER_BIN" "$ASSETS_DIR/kube-apiserver"
  ln -sfn "$ETCD_BIN" "$ASSETS_DIR/etcd"
}

want_kube=0 want_etcd=0 want_tool=0
[ $# -gt 0 ] || set -- kube-apiserver etcd tool
for a in "$@"; do
  case "$a" in
    kube-apiserver) want_kube=1 ;;
    etcd) want_etcd=1 ;;
    tool) want_tool=1 ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown target '$a' (want: kube-apiserver, etcd, tool)" ;;
  esac
done

if [ "$want_kube" = 1 ]; then build_kube_apiserver; fi
if [ "$want_etcd" = 1 ]; then
  case "$FLOWC_ETCD_SOURCE" in
    go) build_etcd_go ;;
    apt) install_etcd_apt ;;
    *) die "FLOWC_ETCD_SOURCE must be go or apt, got '$FLOWC_ETCD_SOURCE'" ;;
  esac
fi
if [ "$want_tool" = 1 ]; then
  t0=$(now_ms)
  build_tool
  log "flowc-cluster helper: $TOOL_BIN ($(secs_since "$t0"))"
fi
[ -x "$KUBE_APISERVER_BIN" ] || die "no kube-apiserver at $KUBE_APISERVER_BIN (run: hack/cluster/build.sh kube-apiserver)"
[ -x "$ETCD_BIN" ] || die "no etcd at $ETCD_BIN (run: hack/cluster/build.sh etcd)"
link_assets
log "kube-apiserver: $KUBE_APISERVER_BIN"
log "etcd:           $ETCD_BIN"
log "cache size:     $(du -sh "$CACHE" 2>/dev/null | cut -f1) in $CACHE (plus Go's module and build caches)"
log "assets dir (KUBEBUILDER_ASSETS), on stdout:"
printf '%s\n' "$ASSETS_DIR"
