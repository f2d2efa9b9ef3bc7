package localrun

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// groupScript starts a grandchild that would outlive a step killed alone, writes its pid, and
// waits; it ignores SIGTERM when asked, as a stubborn step does.
func groupScript(t *testing.T, ignoreTerm bool) (*exec.Cmd, string) {
	pidFile := filepath.Join(t.TempDir(), "pid")
	script := `sleep 600 & echo $! > "$1.tmp" && mv "$1.tmp" "$1"; wait`
	if ignoreTerm {
		script = `trap '' TERM; ` + script + `; sleep 600`
	}
	return exec.Command("sh", "-c", script, "sh", pidFile), pidFile
}

// waitFile waits until the script has written its grandchild's pid.
func waitFile(t *testing.T, path string) int {
	t.Helper()
	for i := 0; i < 6000; i++ {
		if data, err := os.ReadFile(path); err == nil {
			pid, err := strconv.Atoi(strings.TrimSpace(string(data)))
			if err != nil {
				t.Fatal(err)
			}
			return pid
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("%s was never written", path)
	return 0
}

// gone reports whether pid has ended (a zombie awaiting its reaper counts as ended), waiting
// for a SIGKILL already sent to take effect: its delivery is asynchronous.
func gone(pid int) bool {
	for i := 0; i < 500; i++ {
		if err := syscall.Kill(pid, 0); errors.Is(err, syscall.ESRCH) {
			return true
		}
		stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
		if err != nil || strings.Contains(string(stat), ") Z ") {
			return true
		}
		time.Sleep(10 * time.Millisecond)
	}
	return false
}

func TestInterruptKillsTheGroup(t *testing.T) {
	for _, stubborn := range []bool{false, true} {
		cmd, pidFile := groupScript(t, stubborn)
		ctx, cancel := context.WithCancelCause(context.Background())
		errc := make(chan error, 1)
		go func() { errc <- runGroup(ctx, cmd, 0, 50*time.Millisecond) }()
		child := waitFile(t, pidFile)
		cancel(&Interrupt{Signal: syscall.SIGINT})
		err := <-errc
		var in *Interrupt
		if !errors.As(err, &in) || in.Signal != syscall.SIGINT {
			t.Errorf("stubborn=%v: err = %v, want the interrupt", stubborn, err)
		}
		if !gone(child) {
			t.Errorf("stubborn=%v: the step's child %d still runs", stubborn, child)
			syscall.Kill(child, syscall.SIGKILL)
		}
	}
}

func TestTimeoutKillsTheGroup(t *testing.T) {
	cmd, pidFile := groupScript(t, false)
	err := runGroup(context.Background(), cmd, 200*time.Millisecond, 50*time.Millisecond)
	if !errors.Is(err, errTimeout) {
		t.Fatalf("err = %v, want a timeout", err)
	}
	// The script writes the pid at once; should it not have got that far, there is no child.
	if data, rerr := os.ReadFile(pidFile); rerr == nil {
		pid, _ := strconv.Atoi(strings.TrimSpace(string(data)))
		if !gone(pid) {
			t.Errorf("the step's child %d still runs", pid)
			syscall.Kill(pid, syscall.SIGKILL)
		}
	}
}

func TestLeftoverChildrenAreKilled(t *testing.T) {
	pidFile := filepath.Join(t.TempDir(), "pid")
	// The step exits at once and leaves a child behind in its group.
	cmd := exec.Command("sh", "-c", `sleep 600 & echo $! > "$1"`, "sh", pidFile)
	if err := runGroup(context.Background(), cmd, 0, time.Second); err != nil {
		t.Fatal(err)
	}
	pid := waitFile(t, pidFile)
	if !gone(pid) {
		t.Errorf("the step's child %d outlived it", pid)
		syscall.Kill(pid, syscall.SIGKILL)
	}
}

func TestTail(t *testing.T) {
	path := filepath.Join(t.TempDir(), "err")
	var b strings.Builder
	for i := 0; i < 10000; i++ {
		b.WriteString("line " + strconv.Itoa(i) + "\n")
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := tail(path, 30)
	if err != nil {
		t.Fatal(err)
	}
	if got != "line 9997\nline 9998\nline 9999\n" {
		t.Errorf("tail = %q", got)
	}
	got, _ = tailFrom(path, int64(b.Len())-10, 1000)
	if got != "line 9999\n" {
		t.Errorf("tailFrom = %q", got)
	}
}
