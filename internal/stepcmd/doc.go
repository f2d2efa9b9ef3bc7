// Package stepcmd owns flowc's step protocol: the one contract between what runs a step (an Argo
// pod, `flowc run`) and the runtime that executes it (the embedded Python runtime, or a Go flow's
// binary built on the flow package). The emitter and the local runner build command lines here;
// the Go SDK parses them with the protocol's leaf package, spec, which this package re-exports;
// the Python runtime follows PROTOCOL.md, the written specification. The conformance suite
// (testdata/conformance) runs the same cases against both runtimes so that they cannot drift.
package stepcmd
