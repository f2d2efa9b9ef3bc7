#!/usr/bin/env bash
# flowc's test command: vet, then every unit, golden, CLI and runtime test, then the Argo oracle
# (a separate module, so that Argo's dependencies stay out of flowc's). Needs only Go; the tests
# that run flows need python3 and are skipped without it (.ci/run installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
go vet ./...
(cd oracle && go vet ./...)
go test -timeout 30m ./...
(cd oracle && FLOWC_ORACLE_REQUIRE=1 go test ./...)
