package localrun

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"syscall"
	"time"
)

// Interrupt is the cause a caller gives when it cancels a run because the user sent a signal:
// the run forwards that signal to every running step's process group.
type Interrupt struct{ Signal syscall.Signal }

func (i *Interrupt) Error() string { return fmt.Sprintf("interrupted by %v", i.Signal) }

// DefaultGrace is how long a step's process group has to exit after it was signalled, before
// it is killed.
const DefaultGrace = 5 * time.Second

// errTimeout ends an attempt that ran past its @timeout.
var errTimeout = errors.New("timed out")

// runGroup runs cmd as the leader of its own process group, so that the step and every process
// it starts can be signalled together. It returns when the leader has exited; any process left
// in the group is then killed, so that a step never outlives its task. When ctx ends, or after
// timeout (0: none), the group gets the interrupt's signal (SIGTERM by default), then SIGKILL
// after grace; the error is then the context's cause or errTimeout.
func runGroup(ctx context.Context, cmd *exec.Cmd, timeout, grace time.Duration) error {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		return err
	}
	pgid := cmd.Process.Pid
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var deadline <-chan time.Time
	if timeout > 0 {
		t := time.NewTimer(timeout)
		defer t.Stop()
		deadline = t.C
	}
	var stopped error
	select {
	case err := <-done:
		killGroup(pgid, syscall.SIGKILL)
		return err
	case <-ctx.Done():
		stopped = context.Cause(ctx)
	case <-deadline:
		stopped = errTimeout
	}
	sig := syscall.SIGTERM
	var in *Interrupt
	if errors.As(stopped, &in) {
		sig = in.Signal
	}
	killGroup(pgid, sig)
	g := time.NewTimer(grace)
	defer g.Stop()
	select {
	case <-done:
	case <-g.C:
		killGroup(pgid, syscall.SIGKILL)
		<-done
	}
	killGroup(pgid, syscall.SIGKILL) // the leader is gone: its children go with it
	return stopped
}

// killGroup signals every process of group pgid; a group that is already gone is not an error.
func killGroup(pgid int, sig syscall.Signal) {
	if err := syscall.Kill(-pgid, sig); err != nil && !errors.Is(err, syscall.ESRCH) {
		fmt.Fprintf(os.Stderr, "flowc: cannot signal process group %d: %v\n", pgid, err)
	}
}
