#!/usr/bin/env bash
# Measures flowc as a whole process and reports ratios, never absolute pass/fail thresholds:
#   - compiling the example vs. python3 merely starting and parsing the same file (ast.parse);
#   - compiling a Go flow (package loading through go/packages dominates);
#   - the Go benchmarks of the compiler (go test -bench) for a small and a 2,000-step flow.
# Usage: scripts/bench.sh [runs]   (default 20)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
bin=$(mktemp -d)/flowc
go build -o "$bin" ./cmd/flowc
lean=$(dirname "$bin")/flowc-nokube
go build -tags flowc_nokube -o "$lean" ./cmd/flowc
example=examples/data_process/data_process.py

# mean_ms CMD...: the mean wall time of CMD over $runs runs, in milliseconds.
mean_ms() {
  local start end
  start=$(date +%s%N)
  for _ in $(seq "$runs"); do "$@" >/dev/null 2>&1; done
  end=$(date +%s%N)
  echo $(( (end - start) / runs / 1000000 ))
}

flowc_ms=$(mean_ms "$bin" compile "$example" -o -)
go_ms=$(mean_ms "$bin" compile examples/data_process_go -o -)
echo "flowc compile (Python example, whole process): ${flowc_ms} ms"
# Start-up: the full binary pays for the Kubernetes client's package initialisation in every
# command; -tags flowc_nokube (no apply/submit) shows what that costs, side by side.
echo "flowc version, full | -tags flowc_nokube:        $(mean_ms "$bin" version) ms | $(mean_ms "$lean" version) ms"
echo "flowc compile, full | -tags flowc_nokube:        $(mean_ms "$bin" compile "$example" -o -) ms | $(mean_ms "$lean" compile "$example" -o -) ms"
echo "flowc compile (Go example, whole process):     ${go_ms} ms"
if py=$(command -v python3); then
  py=$("$py" -c 'import sys; print(sys.executable)')
  start_ms=$(mean_ms "$py" -c pass)
  parse_ms=$(mean_ms "$py" -c "import ast,sys; ast.parse(open(sys.argv[1]).read())" "$example")
  echo "python3 start:                                 ${start_ms} ms"
  echo "python3 start + ast.parse of the example:      ${parse_ms} ms"
  awk -v a="$parse_ms" -v b="$flowc_ms" 'BEGIN { if (b < 1) b = 1; printf "ratio python3 parse / flowc compile:            %.1fx\n", a / b }'
fi
go test -run '^$' -bench . -benchtime 10x ./internal/driver/ ./compiler/check/ ./parser/golang/ | grep -E '^Benchmark'
