package cluster

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/flowc-dev/flowc/internal/runrecord"
)

// fake is a Backend that records what it was asked and answers from its fields.
type fake struct {
	flags     Flags
	manifests []string
	opts      ApplyOptions
	run       Run
	loadErr   error
	objects   map[string]string // the repository's keys
	calls     []string
}

func (f *fake) Load(fl Flags) (Conn, error) {
	f.flags = fl
	if f.loadErr != nil {
		return nil, f.loadErr
	}
	return f, nil
}

func (f *fake) Info() Info {
	return Info{Context: f.flags.Context, Server: "https://127.0.0.1:6443", User: "alice", Namespace: "ns-a"}
}

func (f *fake) Apply(ctx context.Context, ms [][]byte, o ApplyOptions) ([]Result, error) {
	for _, m := range ms {
		f.manifests = append(f.manifests, string(m))
	}
	f.opts = o
	return []Result{{Ref: "workflowtemplate.argoproj.io/a", Action: "created"}}, errors.New("cannot apply cronworkflow.argoproj.io/a: forbidden")
}

func (f *fake) Submit(ctx context.Context, r Run) (string, error) {
	f.run = r
	return r.Template + "-x7k2p", nil
}

// Wait reports two changes, then blocks until it is cancelled, as a run that does not end.
func (f *fake) Wait(ctx context.Context, ns, name string, progress func(Status)) (Status, error) {
	progress(Status{Phase: "Pending"})
	last := Status{Phase: "Running", Steps: []Step{{Name: "start", Phase: "Running"}}}
	progress(last)
	<-ctx.Done()
	return last, ctx.Err()
}

func (f *fake) Pods(ctx context.Context, ns, name string) ([]Pod, error) {
	return []Pod{{Name: name + "-1", Node: name + ".start", Step: "start"}}, nil
}

func (f *fake) Log(ctx context.Context, ns, pod, container string, tail int) ([]byte, error) {
	return []byte("line of " + pod + "/" + container + "\n"), nil
}

// OpenRepo serves an in-memory repository: the keys of f.objects under "s3://b".
func (f *fake) OpenRepo(loc string) (runrecord.Repository, bool, error) {
	f.calls = append(f.calls, "repo "+loc)
	switch loc {
	case "":
		return nil, false, nil // the environment names none
	case "s3://b":
		return memRepo(f.objects), true, nil
	}
	return nil, false, errors.New("no bucket " + loc)
}

// memRepo is a repository of keys and their contents.
type memRepo map[string]string

func (m memRepo) Location() string { return "s3://b" }

func (m memRepo) List(ctx context.Context, prefix string, recursive bool) ([]runrecord.Object, error) {
	var out []runrecord.Object
	for k := range m {
		if strings.HasPrefix(k, prefix) {
			out = append(out, runrecord.Object{Key: k, Modified: time.Unix(1, 0).UTC()})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out, nil
}

func (m memRepo) Get(ctx context.Context, key string) ([]byte, error) {
	v, ok := m[key]
	if !ok {
		return nil, errors.New("no key " + key)
	}
	return []byte(v), nil
}

// connect connects a Cluster to Serve over two pipes, in process, past the hello; the test's
// cleanup ends the conversation and checks Serve's error.
func connect(t *testing.T, b Backend) (*Cluster, error) {
	t.Helper()
	reqR, reqW := io.Pipe()
	respR, respW := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- Serve(reqR, respW, b, io.Discard)
		respW.Close()
	}()
	c := &Cluster{in: reqW, out: json.NewDecoder(respR)}
	t.Cleanup(func() {
		c.Close()
		if err := <-done; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})
	return c, c.hello("flowc-kube")
}

// serve connects a Cluster to Serve and loads f.
func serve(t *testing.T, b Backend, f Flags) (*Cluster, error) {
	t.Helper()
	c, err := connect(t, b)
	if err != nil {
		return c, err
	}
	return c, c.open("flowc-kube", f)
}

func TestConversation(t *testing.T) {
	b := &fake{}
	c, err := serve(t, b, Flags{Kubeconfig: "/k", Context: "b", Warnings: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	if b.flags.Kubeconfig != "/k" || b.flags.Context != "b" || b.flags.Warnings == nil {
		t.Errorf("load got %+v", b.flags)
	}
	if c.Context != "b" || c.Namespace != "ns-a" || c.String() != `https://127.0.0.1:6443 (context "b")` {
		t.Errorf("info %+v", c.Info)
	}
	ctx := t.Context()
	// An error comes back with the results before it.
	rs, err := c.Apply(ctx, [][]byte{[]byte("kind: A\n"), []byte("kind: B\n")}, ApplyOptions{Namespace: "x", Force: true})
	if len(rs) != 1 || rs[0].String() != "workflowtemplate.argoproj.io/a created" ||
		err == nil || err.Error() != "cannot apply cronworkflow.argoproj.io/a: forbidden" {
		t.Errorf("apply: %v, %v", rs, err)
	}
	if !slices.Equal(b.manifests, []string{"kind: A\n", "kind: B\n"}) || b.opts != (ApplyOptions{Namespace: "x", Force: true}) {
		t.Errorf("apply got %q %+v", b.manifests, b.opts)
	}
	name, err := c.Submit(ctx, Run{Namespace: "x", Template: "t", Params: []Param{{Name: "n", Value: "a\nb"}}})
	if err != nil || name != "t-x7k2p" || b.run.Params[0].Value != "a\nb" {
		t.Errorf("submit: %q, %v, %+v", name, err, b.run)
	}
	pods, err := c.Pods(ctx, "x", "t-x7k2p")
	if err != nil || len(pods) != 1 || pods[0].Node != "t-x7k2p.start" {
		t.Errorf("pods: %v, %v", pods, err)
	}
	log, err := c.Log(ctx, "x", "p", "main", 3)
	if err != nil || string(log) != "line of p/main\n" {
		t.Errorf("log: %q, %v", log, err)
	}
}

// A wait streams its progress; when the caller's context ends, flowc-kube stops the request and
// the error is the context's, and the conversation goes on.
func TestWaitCancel(t *testing.T) {
	c, err := serve(t, &fake{}, Flags{})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	var phases []string
	st, err := c.Wait(ctx, "x", "t-1", func(s Status) {
		phases = append(phases, s.Phase)
		if s.Phase == "Running" {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) || st.Phase != "Running" || len(st.Steps) != 1 {
		t.Errorf("wait: %+v, %v", st, err)
	}
	if !slices.Equal(phases, []string{"Pending", "Running"}) {
		t.Errorf("progress: %v", phases)
	}
	if pods, err := c.Pods(t.Context(), "x", "t-1"); err != nil || len(pods) != 1 {
		t.Errorf("pods after a cancelled wait: %v, %v", pods, err)
	}
}

func TestLoadErrors(t *testing.T) {
	_, err := serve(t, &fake{loadErr: &NoConfigError{Looked: []string{"/h/.kube/config"}}}, Flags{})
	var nc *NoConfigError
	if !errors.As(err, &nc) || !slices.Equal(nc.Looked, []string{"/h/.kube/config"}) {
		t.Errorf("got %T %v, want a NoConfigError", err, err)
	}
	_, err = serve(t, &fake{loadErr: errors.New(`context "c" is not in the kubeconfig`)}, Flags{})
	if err == nil || err.Error() != `context "c" is not in the kubeconfig` {
		t.Errorf("got %v", err)
	}
}

// Without flowc-kube beside flowc or on $PATH, Load says how to install it.
func TestMissingHelper(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	_, err := Load(Flags{})
	var me *MissingError
	if !errors.As(err, &me) {
		t.Fatalf("got %T %v, want a MissingError", err, err)
	}
	exe, _ := os.Executable()
	exe, _ = filepath.EvalSymlinks(exe)
	for _, want := range []string{"need flowc-kube, flowc's Kubernetes and S3 client", "(in " + filepath.Dir(exe) + ")",
		"go install github.com/flowc-dev/flowc/cmd/flowc-kube@latest"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%v\nlacks %q", err, want)
		}
	}
}

func TestResolveNamespace(t *testing.T) {
	c := &Cluster{Info: Info{Namespace: "ctx"}}
	var none *Cluster
	for _, tc := range []struct {
		c                    *Cluster
		flag, compiled, want string
	}{
		{c, "flag", "yaml", "flag"},
		{c, "", "yaml", "yaml"},
		{c, "", "", "ctx"},
		{none, "", "", "default"},
		{none, "flag", "", "flag"},
	} {
		if got := tc.c.ResolveNamespace(tc.flag, tc.compiled); got != tc.want {
			t.Errorf("ResolveNamespace(%q, %q) = %q, want %q", tc.flag, tc.compiled, got, tc.want)
		}
	}
}

func TestRefs(t *testing.T) {
	refs, err := Refs([]byte("---\napiVersion: argoproj.io/v1alpha1\nkind: WorkflowTemplate\nmetadata:\n  name: a\n" +
		"---\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  generateName: b-\n"))
	want := []string{"workflowtemplate.argoproj.io/a", "configmap/b-"}
	if err != nil || !slices.Equal(refs, want) {
		t.Errorf("got %q, %v; want %q", refs, err, want)
	}
	if _, err := Refs([]byte("kind: [\n")); err == nil {
		t.Error("a broken manifest: no error")
	}
}

// A repository is opened without a kubeconfig, lists and reads keys through the pipe, and an
// environment that names none is not found.
func TestRepoConversation(t *testing.T) {
	b := &fake{objects: map[string]string{"wf-1/start/state.json": "{}", "wf-1/end/end.json": `{"flow":"F"}`}}
	c, err := connect(t, b)
	if err != nil {
		t.Fatal(err)
	}
	r, found, err := openRepo(c, "s3://b")
	if err != nil || !found || r.Location() != "s3://b" {
		t.Fatalf("open s3://b: %v %v %v", r, found, err)
	}
	objs, err := r.List(t.Context(), "wf-1/", true)
	if err != nil || len(objs) != 2 || objs[0].Key != "wf-1/end/end.json" || !objs[0].Modified.Equal(time.Unix(1, 0)) {
		t.Fatalf("List = %v, %v", objs, err)
	}
	data, err := r.Get(t.Context(), "wf-1/end/end.json")
	if err != nil || string(data) != `{"flow":"F"}` {
		t.Fatalf("Get = %q, %v", data, err)
	}
	if _, err := r.Get(t.Context(), "nope"); err == nil || !strings.Contains(err.Error(), "no key nope") {
		t.Fatalf("Get of a missing key: %v", err)
	}
	// Not found, the conversation ends: flowc-kube has nothing more to do.
	if r, found, err := openRepo(c, ""); r != nil || found || err != nil {
		t.Fatalf("the environment's repository: %v %v %v; want none found", r, found, err)
	}
	if want := []string{"repo s3://b", "repo "}; !slices.Equal(b.calls, want) {
		t.Errorf("calls = %q, want %q", b.calls, want)
	}
}
