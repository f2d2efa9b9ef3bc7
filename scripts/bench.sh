#!/usr/bin/env bash
# Measures flowc as a whole process and reports ratios, never absolute pass/fail thresholds:
#   - start-up (flowc version) and compiling the example, and with FLOWC_BENCH_BASE the same
#     at another revision, as before/after ratios;
#   - Metaflow on the same flow, side by side, when FLOWC_BENCH_METAFLOW names a checkout;
#   - python3 merely starting and parsing the same file (ast.parse);
#   - compiling a Go flow (package loading through go/packages dominates);
#   - the Go benchmarks of the compiler (go test -bench) for a small and a 2,000-step flow.
# Whole-process times are medians over the runs of the wall time and of the CPU time (user +
# system): on a shared machine the CPU time is the steadier of the two. Commands compared with
# each other take turns, run by run. python3 does the timing (a shell loop without it).
#
# Usage: scripts/bench.sh [runs]   (default 20)
# Environment (optional):
#   FLOWC_BENCH_BASE=REV       also build flowc at git revision REV (e.g. main) and report ratios
#   FLOWC_BENCH_METAFLOW=DIR   a Metaflow checkout (the directory holding the metaflow package):
#                              time `python3 FLOW show` and `... argo-workflows create --only-json`
#                              of the example; PYTHONPATH is kept, for Metaflow's own dependencies
#                              (requests, boto3, kubernetes). Metaflow uploads its code package
#                              to S3 even for --only-json: set METAFLOW_S3_ENDPOINT_URL (and AWS_*
#                              credentials) to a local S3 (eval "$(hack/bench/s3.sh start)" starts
#                              one), or that row is skipped. Metaflow's rows use
#                              FLOWC_BENCH_METAFLOW_RUNS runs (default 5): each costs seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
repo=$PWD
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/" ./cmd/flowc ./cmd/flowc-kube
bin=$tmp/flowc
example=examples/data_process/data_process.py
py=$(command -v python3 || true)
[ -z "$py" ] || py=$("$py" -c 'import sys; print(sys.executable)')

# measure CMD... [-- CMD...]...: one line "WALL CPU" per command, in milliseconds: the medians of
# $runs runs of each, the commands taking turns (so that a machine busier at one moment than at
# another does not favour one of them), CPU as the child's user + system time. Without python3 a
# shell loop gives the mean wall time of a single command only.
measure() {
  if [ -n "$py" ]; then
    "$py" - "$runs" "$@" <<'PY'
import os, statistics, subprocess, sys, time
runs, args = int(sys.argv[1]), sys.argv[2:]
cmds, cur = [], []
for a in args + ["--"]:
    if a == "--":
        cmds.append(cur)
        cur = []
    else:
        cur.append(a)
wall = [[] for _ in cmds]
cpu = [[] for _ in cmds]
for i in range(runs + 2):  # the first two rounds warm the caches and are not counted
    for k, c in enumerate(cmds):
        t = time.perf_counter()
        p = subprocess.Popen(c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, _, ru = os.wait4(p.pid, 0)
        if i >= 2:
            wall[k].append((time.perf_counter() - t) * 1e3)
            cpu[k].append((ru.ru_utime + ru.ru_stime) * 1e3)
for w, c in zip(wall, cpu):
    print("%.1f %.1f" % (statistics.median(w), statistics.median(c)))
PY
  else
    local start end
    start=$(date +%s%N)
    for _ in $(seq "$runs"); do "$@" >/dev/null 2>&1 || true; done
    end=$(date +%s%N)
    echo "$(( (end - start) / runs / 1000000 )) -"
  fi
}

# row LABEL WALL CPU: one line of the table.
row() { printf '%-52s %9s ms %9s ms\n' "$1" "$2" "$3"; }

# rrow LABEL WALL CPU: a line of ratios.
rrow() { printf '%-52s %12s %12s\n' "$1" "$2" "$3"; }

# ratio A B: A / B, as "2.3x".
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || b <= 0) print "-"; else printf "%.2fx\n", a / b }'; }

printf '%-52s %12s %12s\n' "whole process (median of $runs runs)" "wall" "CPU"
if [ -n "${FLOWC_BENCH_BASE:-}" ] && [ -n "$py" ]; then
  # The base revision is built from a clean export, so that the working tree stays as it is.
  mkdir -p "$tmp/base"
  git archive "$FLOWC_BENCH_BASE" | tar -x -C "$tmp/base"
  (cd "$tmp/base" && go build -o "$tmp/flowc-base" ./cmd/flowc)
  { read -r v_wall v_cpu; read -r c_wall c_cpu; read -r bv_wall bv_cpu; read -r bc_wall bc_cpu; } <<<"$(measure \
    "$bin" version -- "$bin" compile "$example" -o - -- "$tmp/flowc-base" version -- "$tmp/flowc-base" compile "$example" -o -)"
elif [ -n "$py" ]; then
  { read -r v_wall v_cpu; read -r c_wall c_cpu; } <<<"$(measure "$bin" version -- "$bin" compile "$example" -o -)"
else
  read -r v_wall v_cpu <<<"$(measure "$bin" version)"
  read -r c_wall c_cpu <<<"$(measure "$bin" compile "$example" -o -)"
fi
row "flowc version" "$v_wall" "$v_cpu"
row "flowc compile (the Python example)" "$c_wall" "$c_cpu"
if [ -n "${bv_wall:-}" ]; then
  row "flowc version at $FLOWC_BENCH_BASE" "$bv_wall" "$bv_cpu"
  row "flowc compile at $FLOWC_BENCH_BASE" "$bc_wall" "$bc_cpu"
  rrow "  before/after: version" "$(ratio "$bv_wall" "$v_wall")" "$(ratio "$bv_cpu" "$v_cpu")"
  rrow "  before/after: compile" "$(ratio "$bc_wall" "$c_wall")" "$(ratio "$bc_cpu" "$c_cpu")"
fi

if [ -n "$py" ]; then
  { read -r s_wall s_cpu; read -r p_wall p_cpu; } <<<"$(measure "$py" -c pass -- \
    "$py" -c "import ast,sys; ast.parse(open(sys.argv[1]).read())" "$example")"
  row "python3 start" "$s_wall" "$s_cpu"
  row "python3 start + ast.parse of the example" "$p_wall" "$p_cpu"
  rrow "  python3 parse / flowc compile" "$(ratio "$p_wall" "$c_wall")" "$(ratio "$p_cpu" "$c_cpu")"
fi

metaflow() {
  local mf=$1
  if [ ! -d "$mf/metaflow" ]; then
    echo "Metaflow: skipped: $mf has no metaflow package (FLOWC_BENCH_METAFLOW names a checkout)"
    return
  fi
  # A copy of the example, and a Metaflow home of its own: the checkout and the repository stay
  # as they are, and the user's ~/.metaflowconfig does not change what is measured.
  local flow=$tmp/metaflow-flow runs=${FLOWC_BENCH_METAFLOW_RUNS:-5}
  cp -R "$(dirname "$example")" "$flow"
  local file
  file=$flow/$(basename "$example")
  export PYTHONPATH="$mf${PYTHONPATH:+:$PYTHONPATH}" METAFLOW_HOME="$tmp/metaflow-home" USERNAME=${USERNAME:-bench}
  if ! (cd "$flow" && "$py" "$file" show >/dev/null 2>"$tmp/mf.err"); then
    echo "Metaflow: skipped: $py FLOW show fails: $(tail -1 "$tmp/mf.err")"
    return
  fi
  { read -r i_wall i_cpu; read -r m_wall m_cpu; } <<<"$(cd "$flow" && measure "$py" -c "import metaflow" -- "$py" "$file" show)"
  row "python3 -c 'import metaflow'" "$i_wall" "$i_cpu"
  row "Metaflow: python3 FLOW show (parse + graph)" "$m_wall" "$m_cpu"
  rrow "  Metaflow show / flowc compile" "$(ratio "$m_wall" "$c_wall")" "$(ratio "$m_cpu" "$c_cpu")"
  if ! "$py" -c 'import requests, boto3, kubernetes' 2>/dev/null; then
    echo "Metaflow argo-workflows create: skipped: its dependencies (requests, boto3, kubernetes) do not import"
    return
  fi
  if [ -z "${METAFLOW_S3_ENDPOINT_URL:-}" ]; then
    echo "Metaflow argo-workflows create: skipped: it uploads its code package to S3 even with --only-json; set METAFLOW_S3_ENDPOINT_URL"
    return
  fi
  export METAFLOW_DEFAULT_DATASTORE=s3 METAFLOW_DATASTORE_SYSROOT_S3=${METAFLOW_DATASTORE_SYSROOT_S3:-s3://flowc-bench/metaflow}
  local create=("$py" "$file" --datastore=s3 argo-workflows create --only-json)
  if ! (cd "$flow" && timeout 120 "${create[@]}" >"$tmp/mf.json" 2>"$tmp/mf.err") || [ ! -s "$tmp/mf.json" ]; then
    echo "Metaflow argo-workflows create: skipped: it fails: $(tail -1 "$tmp/mf.err")"
    return
  fi
  read -r a_wall a_cpu <<<"$(cd "$flow" && measure "${create[@]}")"
  row "Metaflow: argo-workflows create --only-json" "$a_wall" "$a_cpu"
  rrow "  Metaflow create / flowc compile" "$(ratio "$a_wall" "$c_wall")" "$(ratio "$a_cpu" "$c_cpu")"
}
if [ -n "${FLOWC_BENCH_METAFLOW:-}" ] && [ -n "$py" ]; then
  (metaflow "$FLOWC_BENCH_METAFLOW")
else
  echo "Metaflow: skipped: set FLOWC_BENCH_METAFLOW to a Metaflow checkout to compare with it"
fi

read -r g_wall g_cpu <<<"$(measure "$bin" compile examples/data_process_go -o -)"
row "flowc compile (the Go example)" "$g_wall" "$g_cpu"
cd "$repo"
go test -run '^$' -bench . -benchtime 10x ./internal/driver/ ./compiler/check/ ./parser/golang/ | grep -E '^Benchmark'
