package driver_test

import (
	"context"
	"encoding/base64"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/flowc-dev/flowc/internal/driver"
	"github.com/flowc-dev/flowc/internal/localrun"
)

// TestArgvLocalEqualsPod runs a flow with flowc's local runner, then checks that every command
// line it executed is the pod's command line from the compiled YAML (templateDefaults' command,
// then the template's args), once Argo's values are bound to the local run's: the same program,
// flags, order and values, for every task of a three-level foreach. The one difference is the
// protocol's own: a pod's inputs are all under --in-dir, a local run names each one's directory.
func TestArgvLocalEqualsPod(t *testing.T) {
	pythonPath(t)
	dir := filepath.Join("..", "..", "testdata", "python", "nested_foreach")
	flows, diags := driver.Load([]string{dir})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	fl := flows[0]
	out, diags := driver.Compile(fl, testOptions())
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	ctx, _ := driver.BuildContext(fl, testOptions().Config)
	run := t.TempDir()
	err := localrun.Run(context.Background(), fl.IR, localrun.Options{
		Dir: run, RunID: "r1", Context: ctx.Files, FlowFile: ctx.FlowFile, MaxWorkers: 2, Env: os.Environ(),
	})
	if err != nil {
		t.Fatal(err)
	}
	var wf simWorkflow
	if err := yaml.Unmarshal(out.Files[out.Name+".yaml"], &wf); err != nil {
		t.Fatal(err)
	}
	cmds, _ := filepath.Glob(filepath.Join(run, "logs", "*", "*.cmd"))
	if len(cmds) != 1+3+3*2+3*2*6+3*2+3+1+1 {
		t.Fatalf("%d tasks ran", len(cmds))
	}
	for _, cmd := range cmds {
		local, _ := os.ReadFile(cmd)
		step, idx := taskOf(cmd)
		pod := podArgv(t, wf, step, idx, run)
		if got := strings.Join(pod, "\n") + "\n"; got != string(local) {
			t.Errorf("%s: the pod's command line, bound to the local run:\n%s\nwhat flowc run executed:\n%s", filepath.Base(cmd), got, local)
		}
	}
}

// taskOf parses a log path such as logs/foreach_inner/0-1-2.cmd into the step and its indexes
// (a task outside a foreach is "0", which binds no index parameter).
func taskOf(path string) (string, []string) {
	return filepath.Base(filepath.Dir(path)), strings.Split(strings.TrimSuffix(filepath.Base(path), ".cmd"), "-")
}

// podArgv is the step's container command line with Argo's values bound as the local run binds
// them: indexes, artifact paths to the run's state directories, parameters base64-encoded.
func podArgv(t *testing.T, wf simWorkflow, step string, idx []string, run string) []string {
	for _, tpl := range wf.Spec.Templates {
		if tpl.Container == nil || len(tpl.Container.Args) < 1 || tpl.Container.Args[0] != step {
			continue
		}
		bind := func(s string) string {
			for k, v := range idx {
				s = strings.ReplaceAll(s, "{{inputs.parameters.i"+strconv.Itoa(k)+"}}", v)
			}
			return s
		}
		paths := map[string]string{}
		for _, a := range append(tpl.Inputs.Artifacts, tpl.Outputs.Artifacts...) {
			key := strings.TrimPrefix(bind(a.S3.Key), "{{workflow.name}}/")
			paths[a.Path] = filepath.Join(run, "state", filepath.FromSlash(key))
		}
		ctr := mergeDefaults(wf.Spec.TemplateDefaults.Container, tpl.Container)
		var argv []string
		inDir := ""
		for _, a := range append(append([]string(nil), ctr.Command...), ctr.Args...) {
			a = strings.ReplaceAll(bind(a), "$$", "$") // the kubelet's, for flowc's escaped args
			switch prev := argv[max(len(argv)-1, 0):]; {
			case len(prev) == 1 && prev[0] == "--in-dir":
				// --in P with --in-dir D is P=D/P (PROTOCOL.md): the local run names each directory.
				inDir, argv = a, argv[:len(argv)-1]
				continue
			case len(prev) == 1 && (prev[0] == "--in" || prev[0] == "--in-foreach") && !strings.Contains(a, "="):
				a += "=" + inDir + "/" + a
			}
			for pod, local := range paths {
				if a == pod || strings.HasSuffix(a, "="+pod) {
					a = strings.TrimSuffix(a, pod) + local
				}
			}
			if strings.Contains(a, "{{=sprig.b64enc(") {
				a = a[:strings.Index(a, "=")+1] + base64.StdEncoding.EncodeToString(nil)
			}
			argv = append(argv, a)
		}
		return argv
	}
	t.Fatalf("no template runs step %q", step)
	return nil
}
