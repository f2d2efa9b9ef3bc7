#!/usr/bin/env bash
# Exercises the recipes users copy: the `run:` steps of examples/ci/flowc.yml and the entry of
# .pre-commit-hooks.yaml, with a flowc built from this checkout, on a repository made by
# `flowc init`. Current output passes; stale output fails with a diff and the fix; regenerating
# with the printed command makes it pass again. Run by .ci/run.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/bin/flowc" "$repo/cmd/flowc"
export PATH="$work/bin:$PATH"
wf="$repo/examples/ci/flowc.yml"

# The workflow's env block and its run: steps, except installing flowc (built above instead).
eval "$(sed -n '/^env:/,/^[a-z]/p' "$wf" | sed -n 's/^  \([A-Z_][A-Z_]*\): *\([^ #]*\).*/export \1=\2/p')"
mapfile -t steps < <(sed -n 's/^ *run: *//p' "$wf" | grep -v '^go install')
[ "${#steps[@]}" -ge 3 ] || { echo "examples/ci/test.sh: found ${#steps[@]} steps in $wf" >&2; exit 1; }

mkdir "$work/repo" && cd "$work/repo"
flowc init "${FLOWS%/}/hello" >/dev/null
flowc compile "$FLOWS" -o "$OUT"
export GITHUB_STEP_SUMMARY="$work/summary.md"
for s in "${steps[@]}"; do
  bash -euo pipefail -c "$s" || { echo "examples/ci/test.sh: step failed on a current tree: $s" >&2; exit 1; }
done
grep -q '^flowchart TD' "$GITHUB_STEP_SUMMARY"

# Stale output: the --check step fails with a unified diff and the command that regenerates.
echo "# a change" >>"${FLOWS%/}/hello/flow.py"
check=$(printf '%s\n' "${steps[@]}" | grep -e '--check')
if out=$(bash -c "$check" 2>&1); then
  echo "examples/ci/test.sh: stale output passed: $check" >&2
  exit 1
fi
grep -q '^+++ .*(compiled)' <<<"$out"
fix=$(sed -n 's/^flowc: to update them, run: //p' <<<"$out")
[ -n "$fix" ] || { echo "examples/ci/test.sh: no regenerate command in:"; echo "$out"; exit 1; } >&2

# The pre-commit hook's entry, with the arguments its header suggests, agrees.
entry=$(sed -n 's/^  entry: //p' "$repo/.pre-commit-hooks.yaml" | sort -u)
[ "$(wc -l <<<"$entry")" = 1 ] || { echo "examples/ci/test.sh: the hooks' entries differ" >&2; exit 1; }
if $entry "$FLOWS" -o "$OUT" >/dev/null 2>&1; then
  echo "examples/ci/test.sh: the pre-commit entry passed stale output" >&2
  exit 1
fi
eval "$fix"
$entry "$FLOWS" -o "$OUT"
bash -c "$check"
echo "examples/ci/test.sh: ok (${#steps[@]} workflow steps, pre-commit entry: $entry)"
