package e2e

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// exampleImage builds from the image from, as repository name of the registry, an image that
// holds the example's input files at /data/input, with DATA_DB=/dev/stdout.
func exampleImage(t *testing.T, from, name string) string {
	t.Helper()
	dir := t.TempDir()
	df := "FROM " + from + "\nCOPY input /data/input\nENV DATA_DB=/dev/stdout\n"
	if err := os.WriteFile(filepath.Join(dir, "Dockerfile"), []byte(df), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(dir, "input"), os.DirFS(filepath.Join(root, "examples/data_process/input"))); err != nil {
		t.Fatal(err)
	}
	return buildImage(t, dir, strings.Replace(cl.repo, "/flows", "/"+name, 1)+":1")
}

// buildImage builds the Dockerfile in dir with BuildKit and pushes it as ref.
func buildImage(t *testing.T, dir, ref string) string {
	t.Helper()
	out, err := exec.Command("buildctl", "build", "--frontend", "dockerfile.v0",
		"--local", "context="+dir, "--local", "dockerfile="+dir,
		"--output", "type=image,name="+ref+",push=true,registry.insecure=true").CombinedOutput()
	if err != nil {
		t.Fatalf("building %s: %v\n%s", ref, err, out)
	}
	return ref
}

// TestExample runs the data_process example, in Python and in Go, on its input files: the
// records go through S3 from transform_data to both branches, are stored and announced.
func TestExample(t *testing.T) {
	for _, c := range []struct {
		name, flow string
		need       func(*testing.T)
		deploy     func(t *testing.T, flow, image string)
		from, as   string // the image that exampleImage adds the input files to, and the result's name
		state      func(t *testing.T, run, step string) map[string]any
		records    string // the field of transform_data's state that holds the records
	}{
		{name: "python", flow: "examples/data_process/data_process.py", need: need, deploy: deploy,
			from: cl.base, as: "example-base", state: artifacts, records: "new_data"},
		{name: "go", flow: "examples/data_process_go", need: needGo, deploy: deployGo,
			from: cl.goRuntime, as: "go-example-runtime", state: goFields, records: "NewData"},
	} {
		t.Run(c.name, func(t *testing.T) {
			c.need(t)
			c.deploy(t, c.flow, exampleImage(t, c.from, c.as))
			r := succeeded(t, c.flow, "datasource_path=/data/input")
			recs, _ := c.state(t, r.name, "transform_data")[c.records].([]any)
			if len(recs) != 3 {
				t.Fatalf("%s = %v, want the 3 records of examples/data_process/input", c.records, recs)
			}
			checkStoredAndNotified(t, r.name)
		})
	}
}

// checkStoredAndNotified checks that save_to_db of the example's run stored the 3 records (one
// JSON line each, in its log) and that the team was notified.
func checkStoredAndNotified(t *testing.T, run string) {
	t.Helper()
	stored := flowc(t, "logs", run, "save_to_db", "-n", cl.ns)
	if stored.err != nil {
		t.Fatalf("flowc logs: %v\n%s", stored.err, stored.stderr)
	}
	var names []string
	for _, line := range strings.Split(stored.stdout, "\n") {
		var rec struct{ Name string }
		if json.Unmarshal([]byte(line), &rec) == nil && rec.Name != "" {
			names = append(names, rec.Name)
		}
	}
	if strings.Join(names, ",") != "ALPHA,BETA,GAMMA" {
		t.Errorf("stored records %v, want ALPHA,BETA,GAMMA:\n%s", names, stored.stdout)
	}
	notified := flowc(t, "logs", run, "notify_data_science_team", "-n", cl.ns)
	if !strings.Contains(notified.stdout, "3 new records are ready") {
		t.Errorf("no notification in the log:\n%s%s", notified.stdout, notified.stderr)
	}
}
