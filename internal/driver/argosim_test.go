package driver_test

import (
	"encoding/base64"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/driver"
)

// This file runs compiled manifests the way Argo would, closely enough to prove that what flowc
// writes runs: the build context is copied alone into an empty directory (the image's working
// directory), and every container's command line is taken from the YAML, with Argo's {{...}}
// values substituted, artifacts mapped to directories named by their keys, withParam fanned out.
//
// The real Argo is the truth (e2e/, on hack/e2e's cluster); this is its stand-in where no cluster
// is: fast, in every `go test`, on every change of the emitter or the runtimes. It is trusted only
// for the cases the real suite runs with the same expected values (e2e/testdata/shapes.txt and
// the examples). It does not model retries, @catch, @timeout, resources, env from the manifest,
// pods or scheduling: those are checked on the real Argo only (e2e/decorators_test.go).

type simWorkflow struct {
	Spec struct {
		Entrypoint string `yaml:"entrypoint"`
		Arguments  struct {
			Parameters []struct {
				Name  string  `yaml:"name"`
				Value *string `yaml:"value"`
			} `yaml:"parameters"`
		} `yaml:"arguments"`
		// TemplateDefaults is merged into every container template as Argo does it: the
		// template's own image, command and args win (see mergeDefaults).
		TemplateDefaults struct {
			Container *simContainer `yaml:"container"`
		} `yaml:"templateDefaults"`
		Templates []struct {
			Name   string `yaml:"name"`
			Inputs struct {
				Artifacts []simArtifact `yaml:"artifacts"`
			} `yaml:"inputs"`
			Outputs struct {
				Artifacts []simArtifact `yaml:"artifacts"`
			} `yaml:"outputs"`
			DAG *struct {
				Tasks []simTask `yaml:"tasks"`
			} `yaml:"dag"`
			Container *simContainer `yaml:"container"`
		} `yaml:"templates"`
	} `yaml:"spec"`
}

type simContainer struct {
	Image   string   `yaml:"image"`
	Command []string `yaml:"command"`
	Args    []string `yaml:"args"`
}

// mergeDefaults is a container template's container after Argo's strategic merge of the
// workflow's templateDefaults (workflow/controller/operator.go, mergedTemplateDefaultsInto): the
// template's image, command and args win. (The simulator sets a step's environment itself.)
func mergeDefaults(d, c *simContainer) simContainer {
	if d == nil {
		return *c
	}
	out := *d
	if c.Image != "" {
		out.Image = c.Image
	}
	if c.Command != nil {
		out.Command = c.Command
	}
	if c.Args != nil {
		out.Args = c.Args
	}
	return out
}

type simArtifact struct {
	Path string `yaml:"path"`
	S3   struct {
		Key string `yaml:"key"`
	} `yaml:"s3"`
}

type simTask struct {
	Name      string `yaml:"name"`
	Template  string `yaml:"template"`
	Depends   string `yaml:"depends"`
	WithParam string `yaml:"withParam"`
	Arguments struct {
		Parameters []struct {
			Name  string `yaml:"name"`
			Value string `yaml:"value"`
		} `yaml:"parameters"`
	} `yaml:"arguments"`
}

type simulator struct {
	t      *testing.T
	wf     simWorkflow
	app    string            // the image's working directory
	store  string            // the artifact repository: one directory per key
	params map[string]string // workflow parameters
	env    []string
	python string
	// lastOut is the output artifact directory of the container that ran last.
	lastOut string
	goBin   string // a Go flow's binary, built from the context as its image is
}

var simRef = regexp.MustCompile(`\{\{([^{}]+)\}\}`)

// subst replaces Argo's template references that a step's fields use.
func (s *simulator) subst(v string, inputs map[string]string, outputs map[string]string) string {
	return simRef.ReplaceAllStringFunc(v, func(m string) string {
		ref := m[2 : len(m)-2]
		switch {
		case ref == "workflow.name":
			return "wf-sim"
		case ref == "item":
			return inputs["item"]
		case strings.HasPrefix(ref, "=sprig.b64enc(workflow.parameters['") && strings.HasSuffix(ref, "'])"):
			name := strings.TrimSuffix(strings.TrimPrefix(ref, "=sprig.b64enc(workflow.parameters['"), "'])")
			return base64.StdEncoding.EncodeToString([]byte(s.param(name)))
		case strings.HasPrefix(ref, "workflow.parameters."):
			return s.param(strings.TrimPrefix(ref, "workflow.parameters."))
		case strings.HasPrefix(ref, "inputs.parameters."):
			return inputs[strings.TrimPrefix(ref, "inputs.parameters.")]
		case strings.HasPrefix(ref, "tasks."):
			return outputs[ref]
		}
		s.t.Fatalf("the simulator does not know %s", m)
		return ""
	})
}

// param is a workflow parameter's value: the one given, else the manifest's default, as Argo
// fills spec.arguments in.
func (s *simulator) param(name string) string {
	if v, ok := s.params[name]; ok {
		return v
	}
	for _, p := range s.wf.Spec.Arguments.Parameters {
		if p.Name == name && p.Value != nil {
			return *p.Value
		}
	}
	s.t.Fatalf("parameter %q has no value", name)
	return ""
}

func (s *simulator) template(name string) int {
	for i, t := range s.wf.Spec.Templates {
		if t.Name == name {
			return i
		}
	}
	s.t.Fatalf("no template %q", name)
	return -1
}

// runDAG runs a DAG template's tasks in an order their depends allow.
func (s *simulator) runDAG(name string, inputs map[string]string) {
	tasks := s.wf.Spec.Templates[s.template(name)].DAG.Tasks
	done := map[string]bool{}
	outputs := map[string]string{}
	for len(done) < len(tasks) {
		progress := false
		for _, task := range tasks {
			if done[task.Name] || !dependsMet(task.Depends, done) {
				continue
			}
			s.runTask(task, inputs, outputs)
			done[task.Name], progress = true, true
		}
		if !progress {
			s.t.Fatalf("template %s: tasks wait on each other", name)
		}
	}
}

func dependsMet(depends string, done map[string]bool) bool {
	for _, d := range strings.Split(depends, "&&") {
		if d = strings.TrimSpace(d); d != "" && !done[d] {
			return false
		}
	}
	return true
}

// runTask runs one task, once or once per item of its withParam list.
func (s *simulator) runTask(task simTask, inputs, outputs map[string]string) {
	items := []string{""}
	if task.WithParam != "" {
		var list []json.RawMessage
		if err := json.Unmarshal([]byte(s.subst(task.WithParam, inputs, outputs)), &list); err != nil {
			s.t.Fatalf("task %s: withParam: %v", task.Name, err)
		}
		items = items[:0]
		for _, it := range list {
			items = append(items, string(it))
		}
	}
	for _, item := range items {
		scope := map[string]string{"item": item} // the enclosing DAG's inputs, and the item
		for k, v := range inputs {
			scope[k] = v
		}
		args := map[string]string{}
		for _, p := range task.Arguments.Parameters {
			args[p.Name] = s.subst(p.Value, scope, outputs)
		}
		ti := s.template(task.Template)
		if s.wf.Spec.Templates[ti].DAG != nil {
			s.runDAG(task.Template, args)
			continue
		}
		s.runContainer(ti, task.Name, args)
		if data, err := os.ReadFile(filepath.Join(s.lastOut, "foreach.json")); err == nil {
			outputs["tasks."+task.Name+".outputs.parameters.foreach"] = string(data)
		}
	}
}

// runContainer runs a container template as its pod would, in the copied build context. The
// pod's filesystem is a directory of its own, where each artifact's path is a link to the
// artifact's key in the store; the command line's absolute paths under an artifact's top
// directory are taken inside it.
func (s *simulator) runContainer(ti int, task string, inputs map[string]string) {
	tpl := s.wf.Spec.Templates[ti]
	root := s.t.TempDir()
	tops := map[string]bool{}
	link := func(a simArtifact) string {
		key := filepath.Join(s.store, s.subst(a.S3.Key, inputs, nil))
		a.Path = s.subst(a.Path, inputs, nil) // a shared template's input paths name the parent
		at := filepath.Join(root, a.Path)
		if err := os.MkdirAll(filepath.Dir(at), 0o755); err != nil {
			s.t.Fatal(err)
		}
		if err := os.Symlink(key, at); err != nil {
			s.t.Fatal(err)
		}
		tops[strings.SplitN(a.Path, "/", 3)[1]] = true
		return key
	}
	for _, a := range tpl.Inputs.Artifacts {
		link(a)
	}
	for _, a := range tpl.Outputs.Artifacts {
		s.lastOut = link(a)
		if err := os.MkdirAll(s.lastOut, 0o755); err != nil {
			s.t.Fatal(err)
		}
	}
	ctr := mergeDefaults(s.wf.Spec.TemplateDefaults.Container, tpl.Container)
	if ctr.Image == "" || len(ctr.Command) == 0 {
		s.t.Fatalf("task %s: no image or command after merging templateDefaults", task)
	}
	var argv []string
	for _, a := range append(append([]string(nil), ctr.Command...), ctr.Args...) {
		a = strings.ReplaceAll(s.subst(a, inputs, nil), "$$", "$") // the kubelet's, for flowc's escaped args
		if strings.HasPrefix(a, "/") && tops[strings.SplitN(a, "/", 3)[1]] {
			a = filepath.Join(root, a)
		}
		argv = append(argv, a)
	}
	switch argv[0] {
	case "python3":
		argv[0] = s.python
	case "/flow":
		argv[0] = s.goBin
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir, cmd.Env = s.app, s.env
	if out, err := cmd.CombinedOutput(); err != nil {
		s.t.Fatalf("task %s (%v) failed: %v\n%s", task, inputs, err, out)
	}
}

// simulate compiles the flow in dir, copies its build context alone to a new directory and runs
// the manifests there; it returns the simulator for the caller to inspect the artifacts.
func simulate(t *testing.T, dir string, params map[string]string, env ...string) *simulator {
	t.Helper()
	flows, diags := driver.Load([]string{dir})
	if diags.HasErrors() || len(flows) != 1 {
		t.Fatalf("load %s: %v", dir, diags)
	}
	var python string
	if flows[0].IR.Lang == ir.Python {
		python = pythonPath(t)
	}
	out, diags := driver.Compile(flows[0], testOptions())
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	s := &simulator{t: t, app: t.TempDir(), store: t.TempDir(), params: params, python: python,
		env: append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir(),
			"PYTHONUNBUFFERED=1", "PYTHONDONTWRITEBYTECODE=1"}, env...)}
	for p, data := range out.Files {
		rel, ok := strings.CutPrefix(p, out.Name+"/")
		if !ok || rel == "Dockerfile" || rel == ".dockerignore" || rel == "image.txt" {
			continue // the manifests, and what .dockerignore keeps out of the image
		}
		dst := filepath.Join(s.app, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := yaml.Unmarshal(out.Files[out.Name+".yaml"], &s.wf); err != nil {
		t.Fatal(err)
	}
	if flows[0].IR.Lang == ir.Go {
		// The image's first stage: build the flow's binary from the context alone.
		ctx, _ := driver.BuildContext(flows[0], testOptions().Config)
		s.goBin = filepath.Join(t.TempDir(), "flow")
		build := exec.Command("go", "build", "-trimpath", "-o", s.goBin, "./"+ctx.FlowFile)
		build.Dir = s.app
		if out, err := build.CombinedOutput(); err != nil {
			t.Fatalf("go build: %v\n%s", err, out)
		}
	}
	s.runDAG(s.wf.Spec.Entrypoint, map[string]string{})
	return s
}

// pythonPath is the interpreter itself (a version manager's shim costs seconds per start).
func pythonPath(t *testing.T) string {
	out, err := exec.Command("python3", "-c", "import sys; print(sys.executable)").Output()
	if err != nil {
		t.Skip("python3 is needed to run flows")
	}
	return strings.TrimSpace(string(out))
}
