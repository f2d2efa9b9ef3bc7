package localrun

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
)

// buildGo builds a Go flow's binary from its build context, as the image's first stage does.
func buildGo(ctx context.Context, dir, pkg string) (string, error) {
	bin := filepath.Join(dir, "bin", "flow")
	cmd := exec.CommandContext(ctx, "go", "build", "-trimpath", "-o", bin, "./"+pkg)
	cmd.Dir = filepath.Join(dir, "context")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("cannot build the flow: %v\n%s", err, out)
	}
	return bin, nil
}

// env is the steps' environment: the caller's, with the build context first on PYTHONPATH.
func (r *runner) env() []string {
	ctxDir := filepath.Join(r.o.Dir, "context")
	var out []string
	path := ctxDir
	for _, kv := range r.o.Env {
		if v, ok := strings.CutPrefix(kv, "PYTHONPATH="); ok {
			if v != "" {
				path += string(os.PathListSeparator) + v
			}
			continue
		}
		out = append(out, kv)
	}
	return append(out, "PYTHONPATH="+path)
}

// findInterpreter resolves the Python of the step command line to the executable itself, once
// per run: version-manager shims (pyenv's costs about two seconds) would otherwise run per step.
func findInterpreter(ctx context.Context, name string) string {
	if name == "" {
		name = "python3"
	}
	out, err := exec.CommandContext(ctx, name, "-c", "import sys; print(sys.executable)").Output()
	if p := strings.TrimSpace(string(out)); err == nil && p != "" {
		return p
	}
	return ""
}

// writeContext materialises the build context, as the image's working directory holds it.
func writeContext(dir string, files map[string][]byte) error {
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		dst := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(dst, files[p], 0o644); err != nil {
			return err
		}
	}
	return nil
}
