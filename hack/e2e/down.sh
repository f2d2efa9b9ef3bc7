#!/usr/bin/env bash
# Stops everything hack/e2e/up.sh started, by the pids it recorded, removes the containers,
# unmounts what is mounted under its state directory, removes the pods' cgroups and the network
# namespace, and deletes the state directory (FLOWC_E2E_KEEP_STATE=1 keeps the logs).
# The caches (binaries, registry storage, the Python root filesystem) stay.
set -uo pipefail
# shellcheck source=lib.sh
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"

STATE=$E2E_STATE
SOCK=$STATE/containerd/containerd.sock

# stop NAME: TERM, then KILL after 10 s, the process recorded in run/NAME.pid.
stop() {
  local f=$STATE/run/$1.pid pid i
  [ -s "$f" ] || return 0
  pid=$(cat "$f")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null
    for i in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && { log "$1 ($pid) ignored TERM; killing it"; kill -9 "$pid"; }
  fi
  rm -f "$f"
}

stop workflow-controller
stop kubelet
stop kube-scheduler
# The pods' containers outlive containerd (their shims are separate processes): kill and
# delete every task and container of this containerd, which ends the shims too.
# After the whole suite there are ~400 containers: one ctr at a time took minutes, so 8 at once.
if [ -S "$SOCK" ] && command -v ctr >/dev/null; then
  for ns in $(ctr --address "$SOCK" namespaces ls -q 2>/dev/null); do
    c=(ctr --address "$SOCK" -n "$ns")
    "${c[@]}" tasks ls -q 2>/dev/null | xargs -r -P 8 -I{} "${c[@]}" tasks kill -s SIGKILL {} >/dev/null 2>&1
    sleep 1
    "${c[@]}" tasks ls -q 2>/dev/null | xargs -r -P 8 -I{} "${c[@]}" tasks delete -f {} >/dev/null 2>&1
    "${c[@]}" containers ls -q 2>/dev/null | xargs -r -P 8 -n 32 "${c[@]}" containers delete >/dev/null 2>&1
  done
fi
stop containerd
# A shim left over (containerd killed mid-way) names our socket on its command line.
for p in /proc/[0-9]*; do
  if { tr '\0' ' ' <"$p/cmdline"; } 2>/dev/null | grep -qF -- "-address $SOCK "; then
    log "killing a leftover shim ${p#/proc/}"
    kill -9 "${p#/proc/}" 2>/dev/null
  fi
done
stop kube-apiserver
stop etcd
stop seaweedfs
stop goproxy
stop buildkitd
stop registry

# Mounts under the state directory (overlay snapshots, pod volumes, shm), deepest first.
if [ -d "$STATE" ]; then
  findmnt -rn -o TARGET | grep -F "$STATE/" | sort -r | while read -r m; do
    umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || log "could not unmount $m"
  done
fi
# The pods' cgroups (kubelet's cgroupfs driver makes kubepods/ in each v1 hierarchy).
for h in /sys/fs/cgroup/*/; do
  [ -d "$h/kubepods" ] || continue
  find "$h/kubepods" -depth -type d -exec rmdir {} \; 2>/dev/null
done
if [ -e "/run/netns/$E2E_NETNS" ]; then
  ip netns del "$E2E_NETNS" || log "could not remove network namespace $E2E_NETNS"
fi
if [ "${FLOWC_E2E_KEEP_STATE:-0}" = 1 ]; then
  rm -f "$STATE/ready"
  log "stopped; state kept in $STATE"
else
  rm -rf "$STATE"
  log "stopped; removed $STATE"
fi
