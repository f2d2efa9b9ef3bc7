package imagebuild

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A BuildKit plain-progress transcript of a failing RUN step, as buildctl prints it.
const failedBuild = `#1 [internal] load build definition from Dockerfile
#1 transferring dockerfile: 180B done
#1 DONE 0.0s
#5 [2/3] WORKDIR /flowc/app
#5 DONE 0.1s
#6 [3/3] RUN pip install -r requirements.txt
#6 0.301 /bin/sh: 1: pip: not found
#6 ERROR: process "/bin/sh -c pip install -r requirements.txt" did not complete successfully: exit code: 127
------
 > [3/3] RUN pip install -r requirements.txt:
------
error: failed to solve: process "/bin/sh -c pip install -r requirements.txt" did not complete successfully: exit code: 127
`

func TestFailureNamesTheStep(t *testing.T) {
	st := newStepTracker()
	for _, l := range strings.Split(failedBuild, "\n") {
		st.observe(l)
	}
	err := st.failure("out/flow", errors.New("exit status 1"))
	want := filepath.Join("out/flow", "Dockerfile") + `: step [3/3] RUN pip install -r requirements.txt failed: process "/bin/sh -c pip install -r requirements.txt" did not complete successfully: exit code: 127`
	if err.Error() != want {
		t.Fatalf("got  %s\nwant %s", err, want)
	}
}

func TestFailureWithoutStep(t *testing.T) {
	st := newStepTracker()
	st.observe("error: failed to solve: failed to read dockerfile: open Dockerfile: no such file or directory")
	err := st.failure("d", errors.New("exit status 1"))
	if !strings.Contains(err.Error(), "build failed: failed to solve: failed to read dockerfile") {
		t.Fatalf("got %s", err)
	}
}

// The builder is a script standing in for buildctl: it prints the transcript and fails, and
// records its arguments so the test sees that the reference is passed as one value.
func TestBuildRunsBuilder(t *testing.T) {
	dir := t.TempDir()
	script := filepath.Join(dir, "buildctl")
	transcript := filepath.Join(dir, "transcript")
	if err := os.WriteFile(transcript, []byte(failedBuild), 0o644); err != nil {
		t.Fatal(err)
	}
	body := "#!/bin/sh\nprintf '%s\\n' \"$@\" >" + filepath.Join(dir, "args") + "\ncat " + transcript + " >&2\nexit 1\n"
	if err := os.WriteFile(script, []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	b := &Builder{Kind: "buildctl", Path: script, Host: "unix:///run/buildkit.sock"}
	var progress strings.Builder
	err := b.Build(context.Background(), Spec{Dir: "spec", Image: "127.0.0.1:5000/flows:abc"}, true, &progress)
	if err == nil || !strings.Contains(err.Error(), "step [3/3] RUN pip install") {
		t.Fatalf("error %v does not name the failing step", err)
	}
	if progress.String() != failedBuild {
		t.Fatalf("progress not passed through:\n%s", progress.String())
	}
	args, _ := os.ReadFile(filepath.Join(dir, "args"))
	want := "--addr\nunix:///run/buildkit.sock\nbuild\n--progress=plain\n--frontend\ndockerfile.v0\n--local\ncontext=spec\n--local\ndockerfile=spec\n--output\ntype=image,name=127.0.0.1:5000/flows:abc,push=true,registry.insecure=true\n"
	if string(args) != want {
		t.Fatalf("args:\n%s\nwant:\n%s", args, want)
	}
}

func TestCheckRef(t *testing.T) {
	for _, ok := range []string{"flowc.local/flows:f6ec4e94e8c68362", "127.0.0.1:5000/a/b:1", "python:3.12-slim"} {
		if err := CheckRef(ok); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
	for _, bad := range []string{"-o/x:1", "repo", "repo:", "Repo:1", "a b:1", "a:b,push=true", "a/b:1\n"} {
		if CheckRef(bad) == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// Build arguments reach each builder as one argument each, the value untouched (a GOPROXY list
// has commas; buildctl does not split --opt values).
func TestBuildArgs(t *testing.T) {
	s := Spec{Dir: "spec", Image: "r/f:1", Args: []string{"GOPROXY=http://127.0.0.1:3128,direct", "X= a b"}}
	got := (&Builder{Kind: "buildctl", Host: "h"}).args(s, false)
	tail := strings.Join(got[len(got)-4:], "\n")
	if want := "--opt\nbuild-arg:GOPROXY=http://127.0.0.1:3128,direct\n--opt\nbuild-arg:X= a b"; tail != want {
		t.Errorf("buildctl args end\n%s\nwant\n%s", tail, want)
	}
	got = (&Builder{Kind: "docker"}).args(s, true)
	want := "buildx build --progress=plain -t r/f:1 --build-arg GOPROXY=http://127.0.0.1:3128,direct --build-arg X= a b --push -- spec"
	if strings.Join(got, " ") != want {
		t.Errorf("docker args\n%s\nwant\n%s", strings.Join(got, " "), want)
	}
}

func TestCheckArg(t *testing.T) {
	for _, ok := range []string{"GOPROXY=http://p", "A_1=", "x=y=z"} {
		if err := CheckArg(ok); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
	for _, bad := range []string{"GOPROXY", "=v", "-x=1", "A B=1", "1A=2", "build-arg:X=1"} {
		if CheckArg(bad) == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestHasImage(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodHead || !strings.Contains(strings.Join(r.Header.Values("Accept"), ","), "application/vnd.oci.image.manifest.v1+json") {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		if r.URL.Path == "/v2/team/flows/manifests/abc" {
			return
		}
		w.WriteHeader(http.StatusNotFound)
	}))
	defer srv.Close()
	host := strings.TrimPrefix(srv.URL, "http://") // 127.0.0.1:PORT: asked over HTTP
	for ref, want := range map[string]bool{host + "/team/flows:abc": true, host + "/team/flows:def": false} {
		got, err := HasImage(context.Background(), ref)
		if err != nil || got != want {
			t.Errorf("HasImage(%s) = %v, %v; want %v", ref, got, err, want)
		}
	}
}
