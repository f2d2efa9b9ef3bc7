package pyruntime

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// pythonIn runs a Python snippet with the runtime's files as the importable packages and
// flowc_configs.json (when configs is not "") beside them, returning stdout and stderr.
func pythonIn(t *testing.T, configs, code string) (string, error) {
	t.Helper()
	python := pythonPath(t)
	dir := t.TempDir()
	if err := WriteTo(dir); err != nil {
		t.Fatal(err)
	}
	if configs != "" {
		if err := os.WriteFile(filepath.Join(dir, "flowc_configs.json"), []byte(configs), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(python, "-c", code)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// TestExportedImport checks the names the compiler lets flows import against the runtime: each
// one imports, so that a flow that compiles imports in its image.
func TestExportedImport(t *testing.T) {
	for _, mod := range []string{"metaflow", "flowc", "metaflow.exception"} {
		names, ok := Exported(mod)
		if !ok || len(names) == 0 {
			t.Fatalf("Exported(%q) = %v, %v", mod, names, ok)
		}
		code := "from " + mod + " import " + strings.Join(names, ", ") + "\nimport " + mod + "\n" +
			"missing = sorted(set(" + mod + ".__all__) ^ set(" + pyList(names) + "))\nprint(missing)"
		out, err := pythonIn(t, "", code)
		if err != nil || strings.TrimSpace(out) != "[]" {
			t.Errorf("%s: the runtime's names and the compiler's differ: %v\n%s", mod, err, out)
		}
	}
	if _, ok := Exported("metaflow.plugins"); ok {
		t.Error(`Exported("metaflow.plugins") is ok, but the runtime has no such module`)
	}
}

func pyList(names []string) string {
	return `["` + strings.Join(names, `", "`) + `"]`
}

// TestUnknownMetaflowName checks that a metaflow name the runtime lacks fails when it is used,
// with a message naming it, and never stands in silently (it once returned a lambda).
func TestUnknownMetaflowName(t *testing.T) {
	for _, use := range []string{"metaflow.Runner('f.py').run()", "metaflow.S3().get('x')", "metaflow.Metaflow().flows"} {
		out, err := pythonIn(t, "", "import metaflow\n"+use)
		if err == nil || !strings.Contains(out, "is not provided by flowc's runtime") {
			t.Errorf("%s: err %v, output:\n%s", use, err, out)
		}
	}
}

// TestConfigObjects checks what a step sees of a Config: attribute and key reads, nested values,
// read-only values, plain configs, config_expr, and a pickle round trip.
func TestConfigObjects(t *testing.T) {
	code := `
import pickle
from metaflow import Config, ConfigValue, FlowSpec, config_expr

class F(FlowSpec):
    cfg = Config("settings", default="x.json")
    raw = Config("raw", default_value={"a": 1}, plain=True)
    cpu = cfg.resources.cpu

f = F.__new__(F)
print(f.cfg.name, f.cfg["resources"]["cpu"], f.cfg.resources.cpu, F.cpu)
print(type(f.raw).__name__, config_expr("settings.resources.cpu + 1"))
try:
    f.cfg["name"] = "other"
except TypeError as e:
    print("read-only:", e)
try:
    f.cfg.nope
except AttributeError as e:
    print(e)
v = pickle.loads(pickle.dumps(f.cfg))
print(type(v).__name__, v.resources.cpu, v.to_dict() == {"name": "small", "resources": {"cpu": 2}})
`
	out, err := pythonIn(t, `{"raw": {"a": 1}, "settings": {"name": "small", "resources": {"cpu": 2}}}`, code)
	want := `small 2 2 2
dict 3
read-only: config values are read-only
config value has no key "nope" (it has "name", "resources")
ConfigValue 2 True
`
	if err != nil || out != want {
		t.Errorf("err %v, output:\n%s\nwant:\n%s", err, out, want)
	}
}
