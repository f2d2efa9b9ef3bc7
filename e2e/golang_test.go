package e2e

import (
	"encoding/json"
	"testing"
)

// Go flows: built by `flowc build` in the builder image up.sh makes from this machine's Go
// (--go-image), run from the static runtime image (--go-runtime-image). Their graph shapes are
// cases of TestShapes; here the example and a third-party module.

// needGo skips t when up.sh exported no Go images (an older cluster).
func needGo(t *testing.T) {
	t.Helper()
	need(t)
	if cl.goImage == "" || cl.goRuntime == "" || cl.goproxy == "" {
		t.Skip("no Go images: up.sh did not export FLOWC_E2E_GO_IMAGE, FLOWC_E2E_GO_RUNTIME_IMAGE, FLOWC_E2E_GOPROXY")
	}
}

// goFlags are the image flags of a Go flow's build and apply, with runtime as its runtime image.
func goFlags(runtime string) []string {
	return []string{"--image-repo", cl.repo, "--go-image", cl.goImage, "--go-runtime-image", runtime}
}

// deployGo builds a Go flow's image (third-party modules through up.sh's module proxy) and
// applies its template.
func deployGo(t *testing.T, flow, runtime string) {
	t.Helper()
	deployWith(t, flow, []string{"--build-arg", "GOPROXY=" + cl.goproxy, "--build-arg", "GOSUMDB=off"}, goFlags(runtime)...)
}

// goFields reads the state a Go step of a run stored in S3 (state.json under the key
// "<run>/<step>" of a step outside any foreach) and returns its fields by Go field name.
func goFields(t *testing.T, run, step string) map[string]any {
	t.Helper()
	url, data := readS3(t, run, step, "state.json")
	var st struct {
		Format string         `json:"format"`
		Fields map[string]any `json:"fields"`
	}
	if err := json.Unmarshal(data, &st); err != nil || st.Format != "flowc-go-state" {
		t.Fatalf("%s is not a flowc Go state (%v):\n%s", url, err, data)
	}
	return st.Fields
}

// TestGoModuleProxy: the flow imports golang.org/x/text, which the image build downloads from
// the GOPROXY given with --build-arg (the Dockerfile declares ARG GOPROXY).
func TestGoModuleProxy(t *testing.T) {
	needGo(t)
	const flow = "e2e/testdata/godeps"
	deployGo(t, flow, cl.goRuntime)
	r := succeeded(t, flow)
	equal(t, goFields(t, r.name, "end"), "Greeting", "Hello, Wörld")
}
