# flowc's build and test entry points. `make test` is what CI runs first; it needs only Go
# (and python3 for the runtime tests, which .ci/run installs when missing).
GO ?= go

.PHONY: build test vet oracle golden fuzz bench cluster-test clean

# flowc and, beside it, flowc-kube: the Kubernetes client that flowc apply, submit and logs run
# (a program of its own, so that flowc's other commands do not pay for its start-up).
build:
	$(GO) build -o bin/ ./cmd/flowc ./cmd/flowc-kube

# The README's test command: vet, unit, golden, CLI and runtime tests, then the Argo oracle on
# every golden manifest (a separate module, so Argo stays out of flowc's own dependencies).
test:
	./scripts/test.sh

vet:
	$(GO) vet ./...
	cd oracle && $(GO) vet ./...

# Rewrite the goldens after an intended change; review the diff before committing.
golden:
	FLOWC_UPDATE=1 $(GO) test ./internal/driver/ ./cmd/flowc/ ./emit/build/

fuzz:
	$(GO) test -run '^$$' -fuzz FuzzNormalize -fuzztime 60s ./parser/python/
	$(GO) test -run '^$$' -fuzz FuzzParseFile -fuzztime 60s ./parser/python/
	$(GO) test -run '^$$' -fuzz FuzzNested -fuzztime 60s ./parser/python/
	$(GO) test -run '^$$' -fuzz FuzzMarshalRoundTrip -fuzztime 60s ./emit/argo/

bench:
	./scripts/bench.sh

# flowc apply/submit against a real kube-apiserver + etcd with Argo v4.0.5's CRDs (hack/cluster/).
# The first run builds kube-apiserver from the module proxy (~7-10 min), cached outside the repo.
cluster-test:
	env=$$(hack/cluster/start.sh) && eval "$$env" && $(GO) test -count=1 ./internal/kube/; \
	  rc=$$?; hack/cluster/stop.sh; exit $$rc

clean:
	rm -rf bin .flowc
