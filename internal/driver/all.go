package driver

import "github.com/flowc-dev/flowc/internal/diag"

// CompileAll loads, checks and compiles every flow in paths, the way `flowc compile` does: two
// flows that would be written under one name are an error. On any error it returns no outputs,
// but the diagnostics of every flow: a flow whose file has errors is skipped, the others compiled.
func CompileAll(paths []string, o Options) ([]*Output, diag.List) {
	flows, diags := LoadWith(paths, o.Load)
	// A flow whose file has errors is not compiled; the others are, so that one run reports the
	// problems of every flow (a build or requirements error of one, a cycle in another).
	broken := map[string]bool{}
	for _, d := range diags {
		if d.Severity == diag.Error {
			broken[d.Pos.File] = true
		}
	}
	var outs []*Output
	byName := map[string]*Output{}
	for _, fl := range flows {
		if broken[fl.IR.Pos.File] {
			continue
		}
		out, d := Compile(fl, o)
		diags = append(diags, d...)
		if out == nil {
			continue
		}
		if prev := byName[out.Name]; prev != nil {
			diags = append(diags, diag.Errorf(fl.IR.Pos, diag.Name, "flows %q (%s) and %q (%s) would both be written as %s.yaml",
				prev.Flow.IR.Name, prev.Flow.IR.File, fl.IR.Name, fl.IR.File, out.Name).Suggest("rename one"))
			continue
		}
		byName[out.Name] = out
		outs = append(outs, out)
	}
	if diags.HasErrors() {
		return nil, diags.Sorted()
	}
	return outs, diags.Sorted()
}
