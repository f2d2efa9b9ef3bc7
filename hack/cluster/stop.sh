#!/usr/bin/env bash
# Stops the cluster that hack/cluster/start.sh started (kube-apiserver, then etcd) and
# removes its state directory ($FLOWC_CLUSTER_STATE, default ${TMPDIR:-/tmp}/flowc-cluster).
# Idempotent: with nothing running it only cleans up. Kills only the processes whose pids
# start.sh recorded, and only while they still run the binaries it started.
#
# Environment: FLOWC_CLUSTER_STATE; FLOWC_CLUSTER_KEEP_STATE=1 keeps the directory (logs).
set -euo pipefail
# shellcheck source=lib.sh
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"

STATE=$FLOWC_CLUSTER_STATE

if [ ! -e "$STATE" ]; then
  log "nothing to stop ($STATE does not exist)"
  exit 0
fi
[ -d "$STATE" ] || die "$STATE is not a directory"

# ours PIDFILE NAME: the pid in PIDFILE is alive and runs a binary called NAME (not a
# recycled pid now used by something else).
ours() {
  local pid
  pid_alive "$1" || return 1
  pid=$(cat "$1")
  case "$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || ps -o args= -p "$pid" 2>/dev/null)" in
    *"$2"*) return 0 ;;
    *) return 1 ;;
  esac
}

stop_one() {
  local name=$1 pidfile="$STATE/$1.pid" pid _
  if ! ours "$pidfile" "$name"; then
    rm -f "$pidfile"
    return 0
  fi
  pid=$(cat "$pidfile")
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "$name (pid $pid) ignored SIGTERM for 10s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 0.2
  fi
  rm -f "$pidfile"
  log "stopped $name (pid $pid)"
}

stop_one kube-apiserver
stop_one etcd

if [ "${FLOWC_CLUSTER_KEEP_STATE:-0}" = 1 ]; then
  rm -f "$STATE/env"
  log "kept $STATE (FLOWC_CLUSTER_KEEP_STATE=1)"
else
  # Only remove a directory that looks like ours.
  if [ -e "$STATE/etcd-data" ] || [ -e "$STATE/tokens.csv" ] || [ -e "$STATE/logs" ] || [ -z "$(ls -A "$STATE")" ]; then
    rm -rf "$STATE"
    log "removed $STATE"
  else
    die "$STATE does not look like a flowc-cluster state directory; not removing it"
  fi
fi
