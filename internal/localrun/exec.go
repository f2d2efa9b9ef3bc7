package localrun

import (
	"context"
	"encoding/base64"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/flowc-dev/flowc/internal/stepcmd"
)

// exec runs one task as its own process and waits for it.
func (r *runner) exec(ctx context.Context, t task) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	argv := r.Argv(t)
	logBase := filepath.Join(r.o.Dir, "logs", strings.NewReplacer("[", ".", "]", "", ",", ".").Replace(t.label()))
	if err := os.MkdirAll(filepath.Dir(logBase), 0o755); err != nil {
		return err
	}
	if err := os.MkdirAll(r.outDir(t), 0o755); err != nil {
		return err
	}
	stdout, err := os.Create(logBase + ".out")
	if err != nil {
		return err
	}
	defer stdout.Close()
	stderr, err := os.Create(logBase + ".err")
	if err != nil {
		return err
	}
	defer stderr.Close()
	prog := argv[0]
	if r.program != "" {
		prog = r.program
	}
	// The command line as the pod runs it, one argument per line, for reading and for tests.
	if err := os.WriteFile(logBase+".cmd", []byte(strings.Join(argv, "\n")+"\n"), 0o644); err != nil {
		return err
	}
	env := append(r.env(), "FLOWC_RUN_ID="+r.o.RunID, "FLOWC_TASK_ID="+t.label())
	for _, v := range stepcmd.Env(r.f, t.step) {
		env = append(env, v.Name+"="+v.Value)
	}
	retries := stepcmd.Retries(t.step.Decorator("retry"))
	r.progress(t, "started", 0)
	began := time.Now()
	for attempt := int64(0); ; attempt++ {
		// The step keeps the user's working directory, so that relative paths in parameters
		// mean what they mean on the command line; the runtime finds the flow in the context.
		cmd := exec.CommandContext(ctx, prog, argv[1:]...)
		cmd.Stdout, cmd.Stderr = stdout, stderr
		cmd.Env = append(env, fmt.Sprintf("FLOWC_RETRY_COUNT=%d", attempt))
		err = cmd.Run()
		switch {
		case err == nil:
			r.progress(t, "done", time.Since(began))
			return nil
		case ctx.Err() != nil:
			return ctx.Err()
		case attempt < retries:
			r.progress(t, fmt.Sprintf("failed, retry %d of %d", attempt+1, retries), time.Since(began))
			continue
		}
		r.progress(t, "failed", time.Since(began))
		return &Failure{Task: t.label(), Stderr: stderr.Name(), Err: err}
	}
}

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

// Argv is the full command line of a task: the entrypoint and stepcmd's arguments, bound to the
// run's directories, exactly as the pod's are bound to its artifact paths.
func (r *runner) Argv(t task) []string {
	b := localBinder{r: r, t: t}
	args := stepcmd.Args(r.f, r.o.FlowFile, t.step, r.shapes[t.step.Name], b)
	return append(stepcmd.Entrypoint(r.f), args...)
}

// progress prints one line per step event, with the time since the run began.
func (r *runner) progress(t task, event string, took time.Duration) {
	if r.o.Events != nil {
		r.o.Events(t.step.Name, t.idx, event)
	}
	if r.o.Progress == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	line := fmt.Sprintf("[%7.2fs] %-28s %s", time.Since(r.start).Seconds(), t.label(), event)
	if event != "started" {
		line += fmt.Sprintf(" in %.2fs", took.Seconds())
	}
	fmt.Fprintln(r.o.Progress, line)
}

// statePath is the directory of a step's state for the given indexes.
func (r *runner) statePath(step string, idx []int) string {
	s := make([]string, len(idx))
	for i, x := range idx {
		s[i] = strconv.Itoa(x)
	}
	return filepath.Join(r.o.Dir, "state", filepath.FromSlash(stepcmd.StatePath(step, s)))
}

func (r *runner) outDir(t task) string { return r.statePath(t.step.Name, t.idx) }

// localBinder binds a task's command line to the run's directories and parameter values.
type localBinder struct {
	r *runner
	t task
}

func (b localBinder) InputDir(p string) string {
	depth := len(b.r.stacks[p])
	if depth > len(b.t.idx) {
		depth = len(b.t.idx) // a foreach join reads the prefix that holds all children
	}
	return b.r.statePath(p, b.t.idx[:depth])
}
func (b localBinder) OutDir() string { return b.r.outDir(b.t) }
func (b localBinder) Index() string  { return strconv.Itoa(b.t.idx[len(b.t.idx)-1]) }
func (b localBinder) Param(name string) string {
	return base64.StdEncoding.EncodeToString([]byte(b.r.o.Params[name]))
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
