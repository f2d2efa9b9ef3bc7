package localrun

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/runrecord"
	"github.com/flowc-dev/flowc/internal/stepcmd"
)

// tailBytes is how much of a failing step's stderr the failure report shows.
const tailBytes = 16 << 10

// exec runs one task, with its @retry attempts and its @timeout, and waits for it.
func (r *runner) exec(ctx context.Context, t task) error {
	if ctx.Err() != nil {
		return context.Cause(ctx)
	}
	logs, err := r.openLogs(t)
	if err != nil {
		return err
	}
	defer logs.close()
	env := append(r.env(), stepcmd.EnvRunID+"="+r.o.RunID, stepcmd.EnvTaskID+"="+t.id(),
		// Large artifacts are stored once per run, content-addressed (PROTOCOL.md, "State").
		stepcmd.EnvBlobDir+"="+filepath.Join(r.o.Dir, "blobs"))
	for _, v := range stepcmd.Env(r.f, t.step) {
		env = append(env, v.Name+"="+v.Value)
	}
	retries := stepcmd.Retries(t.step.Decorator("retry"))
	// The step raises its own timeout (FLOWC_TIMEOUT, so that @retry and @catch see it as
	// Metaflow's do); the process group is stopped from outside only past a grace period.
	timeout := time.Duration(ir.TimeoutSeconds(t.step.Decorator("timeout"))) * time.Second
	deadline := time.Duration(stepcmd.Deadline(t.step)) * time.Second
	r.event(t, "started")
	r.progress(t, "started", 0)
	began := time.Now()
	for attempt := int64(0); ; attempt++ {
		if attempt > 0 {
			// A retry starts from an empty output directory, as a new pod does.
			if err := os.RemoveAll(r.outDir(t)); err != nil {
				return err
			}
		}
		from := logs.errSize()
		err := r.attempt(ctx, t, logs, append(env, fmt.Sprintf("%s=%d", stepcmd.EnvRetryCount, attempt)), deadline)
		switch {
		case err == nil:
			if c, ok := caught(r.outDir(t)); ok {
				r.event(t, "caught")
				r.progress(t, "caught "+c+", @catch went on", time.Since(began))
				return nil
			}
			r.event(t, "done")
			r.progress(t, "done", time.Since(began))
			return nil
		case ctx.Err() != nil:
			r.event(t, "interrupted")
			return context.Cause(ctx)
		}
		if errors.Is(err, errTimeout) {
			err = fmt.Errorf("timed out after %v (@timeout) and still running %v later: stopped", timeout, deadline-timeout)
		}
		if attempt < retries {
			r.event(t, "retry")
			r.progress(t, fmt.Sprintf("failed (%v), retry %d of %d", err, attempt+1, retries), time.Since(began))
			continue
		}
		r.event(t, "failed")
		r.progress(t, "failed", time.Since(began))
		f := &Failure{Task: t.label(), Stderr: logs.err.Name(), Err: err, Attempts: int(attempt + 1)}
		f.Tail, _ = tailFrom(logs.err.Name(), from, tailBytes)
		return f
	}
}

// caught reads the caught.json a step writes when @catch took over: "Type: message".
func caught(dir string) (string, bool) {
	data, err := os.ReadFile(filepath.Join(dir, "caught.json"))
	if err != nil {
		return "", false
	}
	var c struct{ Type, Message string }
	if json.Unmarshal(data, &c) != nil {
		return "", true
	}
	return strings.TrimSuffix(c.Type+": "+c.Message, ": "), true
}

// attempt runs the step's process once, streaming its output.
func (r *runner) attempt(ctx context.Context, t task, logs *taskLogs, env []string, timeout time.Duration) error {
	argv := r.Argv(t)
	prog := argv[0]
	if r.program != "" {
		prog = r.program
	}
	outR, outW, err := os.Pipe()
	if err != nil {
		return err
	}
	errR, errW, err := os.Pipe()
	if err != nil {
		outR.Close()
		outW.Close()
		return err
	}
	// The step keeps the user's working directory, so that relative paths in parameters mean
	// what they mean on the command line; the runtime finds the flow in the context.
	cmd := exec.Command(prog, argv[1:]...)
	cmd.Stdout, cmd.Stderr, cmd.Env = outW, errW, env
	prefix := fmt.Sprintf("[%s/%s] ", t.step.Name, t.id())
	done := make(chan struct{}, 2)
	for _, s := range []struct {
		r *os.File
		s *stream
	}{
		{outR, &stream{c: &r.console, log: logs.out, term: r.o.Stdout, prefix: prefix, rewrite: r.rewrite}},
		{errR, &stream{c: &r.console, log: logs.err, term: r.o.Stderr, prefix: prefix, rewrite: r.rewrite}},
	} {
		go func() {
			s.s.copy(s.r)
			s.r.Close()
			done <- struct{}{}
		}()
	}
	err = runGroup(ctx, cmd, timeout, r.grace())
	// Every process of the group is gone: closing our ends of the pipes ends the copies.
	outW.Close()
	errW.Close()
	<-done
	<-done
	return err
}

func (r *runner) grace() time.Duration {
	if r.o.Grace > 0 {
		return r.o.Grace
	}
	return DefaultGrace
}

// taskLogs are a task's log files: stdout and stderr of all its attempts, and its command line.
type taskLogs struct{ out, err *os.File }

func (r *runner) openLogs(t task) (*taskLogs, error) {
	base := runrecord.LogBase(r.o.Dir, t.step.Name, t.idx)
	if err := os.MkdirAll(filepath.Dir(base), 0o755); err != nil {
		return nil, err
	}
	// The command line as the pod runs it, one argument per line, for reading and for tests.
	if err := os.WriteFile(base+".cmd", []byte(strings.Join(r.Argv(t), "\n")+"\n"), 0o644); err != nil {
		return nil, err
	}
	out, err := os.Create(base + ".out")
	if err != nil {
		return nil, err
	}
	errf, err := os.Create(base + ".err")
	if err != nil {
		out.Close()
		return nil, err
	}
	return &taskLogs{out, errf}, nil
}

func (l *taskLogs) close() {
	l.out.Close()
	l.err.Close()
}

func (l *taskLogs) errSize() int64 {
	st, err := l.err.Stat()
	if err != nil {
		return 0
	}
	return st.Size()
}

// tailFrom is the tail of the file at path, of at most max bytes, from offset from on.
func tailFrom(path string, from, max int64) (string, error) {
	text, err := tail(path, max)
	if err != nil {
		return "", err
	}
	st, err := os.Stat(path)
	if err == nil && st.Size()-from < int64(len(text)) {
		text = text[int64(len(text))-(st.Size()-from):]
	}
	return text, nil
}

// Argv is the full command line of a task: stepcmd's shared and own parts, bound to the
// run's directories, exactly as the pod's are bound to its artifact paths; parameter values too
// large for one argument go in the run's params file instead (PROTOCOL.md, --params-file).
func (r *runner) Argv(t task) []string {
	b := localBinder{r: r, t: t}
	args := stepcmd.Argv(r.f, r.o.FlowFile, t.step, r.shapes[t.step.Name], b)
	if len(r.bigParams) > 0 {
		kept := args[:0:0]
		for i := 0; i < len(args); i++ {
			if args[i] == "--param" && i+1 < len(args) && r.bigParams[strings.SplitN(args[i+1], "=", 2)[0]] {
				i++
				continue
			}
			kept = append(kept, args[i])
		}
		args = append(kept, "--params-file", r.paramsFile())
	}
	return args
}

func (r *runner) paramsFile() string { return filepath.Join(r.o.Dir, "params.json") }

// writeParamsFile writes the values over stepcmd.MaxArgParam to the run's params file.
func (r *runner) writeParamsFile() error {
	big := map[string]string{}
	r.bigParams = map[string]bool{}
	for name, v := range r.o.Params {
		if len(v) > stepcmd.MaxArgParam {
			big[name], r.bigParams[name] = v, true
		}
	}
	if len(big) == 0 {
		return nil
	}
	data, err := json.Marshal(big)
	if err != nil {
		return err
	}
	return os.WriteFile(r.paramsFile(), data, 0o600)
}

// event tells the run's record how a task goes.
func (r *runner) event(t task, kind string) {
	if r.o.Events != nil {
		r.o.Events(t.step.Name, t.idx, kind)
	}
}

// progress prints one line per step event, with the time since the run began.
func (r *runner) progress(t task, event string, took time.Duration) {
	if r.o.Progress == nil {
		return
	}
	r.console.mu.Lock()
	defer r.console.mu.Unlock()
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

func (b localBinder) InRoot() string { return "" } // each input has its own directory

func (b localBinder) InputDir(p string) string {
	depth := len(b.r.f.Step(p).Stack)
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
