package python

import (
	"path"
	"strings"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/diag"
)

// ParseFileIn is ParseFile for a flow file whose directory dir reads: it follows base classes
// into the local modules beside the file, and records in each flow what its image needs of
// them (ir.Flow.Modules, with the import that needs each) and the third-party modules it
// imports (ir.Flow.ThirdParty), so that the build backend reads nothing of the source itself.
func ParseFileIn(name string, src []byte, dir Dir) ([]*ir.Flow, diag.List) {
	flows, diags := ParseFileWith(name, src, dirLoader(name, dir))
	if len(flows) > 0 {
		// Every flow of a file has the file's imports, so one walk serves them all.
		local, third, problems := LocalModules(name, flows[0].Imports, dir)
		for _, f := range flows {
			f.Modules, f.ThirdParty = local, third
		}
		diags = append(diags, problems...)
	}
	return flows, diags
}

// dirLoader reads a module where Python finds it when the flow runs: a.b is a/b.py or
// a/b/__init__.py beside the flow file (name).
func dirLoader(name string, dir Dir) Loader {
	shown := path.Dir(name)
	return func(module string) (string, []byte, bool) {
		rel := path.Join(strings.Split(module, ".")...)
		for _, p := range []string{rel + ".py", path.Join(rel, "__init__.py")} {
			if src, err := dir.ReadFile(p); err == nil {
				return path.Join(shown, p), src, true
			}
		}
		return "", nil, false
	}
}
