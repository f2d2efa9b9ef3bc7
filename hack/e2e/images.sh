#!/usr/bin/env bash
# Builds the images the end-to-end cluster needs with BuildKit and pushes them to its local
# registry, skipping each one the registry already has (the registry's storage is cached in
# $FLOWC_E2E_CACHE/registry, so a warm start builds nothing):
#   flowc-e2e/pause:1             the pod sandbox (hack/e2e/pause)
#   argoproj/argoexec:v4.0.5      Argo's executor, built by build.sh
#   flowc-e2e/python:3.11-bookworm  Debian bookworm's python3 (debootstrap), the flows' base
#   flowc-e2e/golang:<go version>   that base with this machine's Go toolchain: Go flows' builder
#   flowc-e2e/static:1              /tmp, CA certificates, a nonroot user: Go flows' runtime, as
#                                   distroless/static (their binaries are static)
# Run by up.sh with BUILDKIT_HOST set and the registry up; runs inside the network namespace.
set -euo pipefail
# shellcheck source=lib.sh
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"

: "${BUILDKIT_HOST:?BUILDKIT_HOST is not set (up.sh sets it)}"
IN_NS=(nsenter "--net=/run/netns/$E2E_NETNS")
WORK=$E2E_CACHE/images
mkdir -p "$WORK"

# registry_has REPO TAG: the local registry has a manifest for REPO:TAG.
registry_has() {
  "${IN_NS[@]}" curl -fs -o /dev/null -I \
    -H 'Accept: application/vnd.oci.image.manifest.v1+json' \
    -H 'Accept: application/vnd.oci.image.index.v1+json' \
    -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' \
    -H 'Accept: application/vnd.docker.distribution.manifest.list.v2+json' \
    "http://$REGISTRY_ADDR/v2/$1/manifests/$2"
}

# build_push REPO TAG CONTEXT DOCKERFILE_DIR: builds and pushes unless the tag is there.
build_push() {
  local repo=$1 tag=$2 ctx=$3 df=$4 t0
  if registry_has "$repo" "$tag"; then
    log "$repo:$tag: in the registry"
    return
  fi
  t0=$(now_ms)
  "${IN_NS[@]}" "$BUILDCTL_BIN" --addr "$BUILDKIT_HOST" build --progress=plain \
    --frontend dockerfile.v0 --local "context=$ctx" --local "dockerfile=$df" \
    --output "type=image,name=$REGISTRY_ADDR/$repo:$tag,push=true,registry.insecure=true" \
    >"$E2E_STATE/logs/image-${repo//\//_}.log" 2>&1 \
    || die "building $repo:$tag failed (see $E2E_STATE/logs/image-${repo//\//_}.log)"
  log "$repo:$tag: built and pushed ($(secs_since "$t0"))"
}

# pause
mkdir -p "$WORK/pause"
cp "$PAUSE_BIN" "$WORK/pause/pause"
printf 'FROM scratch\nCOPY pause /pause\nENTRYPOINT ["/pause"]\n' >"$WORK/pause/Dockerfile"
build_push flowc-e2e/pause "$PAUSE_TAG" "$WORK/pause" "$WORK/pause"

# python: a minimal Debian root filesystem with python3, made once by debootstrap.
rootfs=$E2E_CACHE/rootfs/python3-$E2E_DEBIAN_SUITE
if ! registry_has flowc-e2e/python "$PYTHON_TAG"; then
  if [ ! -f "$rootfs/.complete" ]; then
    t0=$(now_ms)
    log "debootstrap $E2E_DEBIAN_SUITE with python3 into $rootfs (a few minutes)"
    rm -rf "$rootfs.tmp"
    debootstrap --variant=minbase --include=python3,ca-certificates "$E2E_DEBIAN_SUITE" \
      "$rootfs.tmp" http://deb.debian.org/debian >"$E2E_STATE/logs/debootstrap.log" 2>&1 \
      || die "debootstrap failed (see $E2E_STATE/logs/debootstrap.log)"
    rm -rf "$rootfs"
    mv "$rootfs.tmp" "$rootfs"
    touch "$rootfs/.complete"
    log "debootstrap done ($(secs_since "$t0"))"
  fi
  mkdir -p "$WORK/python"
  name=$(basename "$rootfs")
  # The context is the rootfs' parent (nothing else is in it); device nodes, apt's caches and
  # docs stay out.
  {
    for d in dev proc sys var/cache/apt var/lib/apt/lists usr/share/doc usr/share/man .complete; do
      printf '%s/%s\n' "$name" "$d"
    done
  } >"$WORK/python/Dockerfile.dockerignore"
  printf 'FROM scratch\nCOPY %s/ /\nENV LANG=C.UTF-8\nCMD ["python3"]\n' "$name" >"$WORK/python/Dockerfile"
  build_push flowc-e2e/python "$PYTHON_TAG" "$(dirname "$rootfs")/" "$WORK/python"
fi

# argoexec: the static binary, and a /tmp for the executor's scratch files.
mkdir -p "$WORK/argoexec/tmp"
cp "$ARGO_DIR/argoexec" "$WORK/argoexec/argoexec"
printf 'FROM scratch\nCOPY --chmod=1777 tmp /tmp\nCOPY argoexec /bin/argoexec\nENTRYPOINT ["/bin/argoexec"]\n' \
  >"$WORK/argoexec/Dockerfile"
build_push argoproj/argoexec "$E2E_ARGO_VERSION" "$WORK/argoexec" "$WORK/argoexec"

# golang: Go flows compile in the Python base (Debian, as the golang images are) with this
# machine's Go toolchain in /usr/local/go, tagged with its exact version; its tests and docs
# stay out of the context.
goroot=$(go env GOROOT)
mkdir -p "$WORK/golang"
{ printf '*\n!go\n'; printf 'go/%s\n' test api doc misc; } >"$WORK/golang/Dockerfile.dockerignore"
cat >"$WORK/golang/Dockerfile" <<EOF
FROM $REGISTRY_ADDR/flowc-e2e/python:$PYTHON_TAG
COPY go/ /usr/local/go/
ENV GOTOOLCHAIN=local GOPATH=/go PATH=/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
EOF
build_push flowc-e2e/golang "$GOLANG_TAG" "$(dirname "$goroot")/" "$WORK/golang"

# static: what a static Go binary needs at run time, as distroless/static has it.
mkdir -p "$WORK/static/tmp" "$WORK/static/etc/ssl/certs"
cp /etc/ssl/certs/ca-certificates.crt "$WORK/static/etc/ssl/certs/"
printf 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n' \
  >"$WORK/static/etc/passwd"
printf 'root:x:0:\nnonroot:x:65532:\n' >"$WORK/static/etc/group"
printf 'FROM scratch\nCOPY --chmod=1777 tmp /tmp\nCOPY etc /etc\n' >"$WORK/static/Dockerfile"
build_push flowc-e2e/static "$STATIC_TAG" "$WORK/static" "$WORK/static"
