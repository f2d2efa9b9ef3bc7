package pyruntime

import (
	"fmt"
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

// TestSubmodulesImport checks the submodules the compiler lets flows import (Submodules) against
// the runtime: `from metaflow import exception` gives the module, as `import metaflow.exception`
// does, and not the stand-in of an unknown name (the package's __getattr__ is asked first), and
// each module's own names import from it.
func TestSubmodulesImport(t *testing.T) {
	subs := Submodules("metaflow")
	subs = append(subs, Submodules("metaflow.client")...)
	for _, want := range []string{"metaflow.exception", "metaflow.metaflow_version", "metaflow.client", "metaflow.client.core"} {
		if !strings.Contains(strings.Join(subs, " "), want) {
			t.Fatalf("Submodules(metaflow) = %v, want %s among them", subs, want)
		}
	}
	var code strings.Builder
	code.WriteString("import types\n")
	for _, sub := range subs {
		dot := strings.LastIndex(sub, ".")
		pkg, name := sub[:dot], sub[dot+1:]
		fmt.Fprintf(&code, "from %s import %s as m\nassert isinstance(m, types.ModuleType), %q\n", pkg, name, sub)
		if names, ok := Exported(sub); ok && len(names) > 0 {
			fmt.Fprintf(&code, "from %s import %s\n", sub, strings.Join(names, ", "))
		}
	}
	code.WriteString("import metaflow, metaflow.client.core\nassert metaflow.client.core.Run is metaflow.Run and metaflow.client.Flow is metaflow.Flow\n")
	code.WriteString("from metaflow import metaflow_version\nprint(metaflow_version.get_version(), metaflow_version.get_version(public=True))\n")
	out, err := pythonIn(t, "", code.String())
	if err != nil || strings.TrimSpace(out) != "2.19.38+flowc 2.19.38" {
		t.Errorf("importing %v: %v\n%s", subs, err, out)
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
