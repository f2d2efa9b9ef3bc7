package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/flowc-dev/flowc/internal/runrecord"
)

// sleepyFlow starts a grandchild (sleep) in its step, writes its pid to $PIDFILE and waits, so
// that a test can tell whether flowc ended the step's whole process group.
const sleepyFlow = `import os, subprocess, time
from metaflow import FlowSpec, step, timeout


class SleepyFlow(FlowSpec):
    @timeout(seconds=TIMEOUT)
    @step
    def start(self):
        child = subprocess.Popen(["sleep", "600"])
        with open(os.environ["PIDFILE"] + ".tmp", "w") as f:
            f.write(str(child.pid))
        os.rename(os.environ["PIDFILE"] + ".tmp", os.environ["PIDFILE"])
        time.sleep(600)
        self.next(self.end)

    @step
    def end(self):
        pass
`

type flowRun struct {
	code           int
	stdout, stderr string
}

// startSleepy runs the sleepy flow in this process and returns the pid file and the result.
func startSleepy(t *testing.T, timeout int) (string, <-chan flowRun) {
	needPython(t)
	dir := t.TempDir()
	src := strings.Replace(sleepyFlow, "TIMEOUT", strconv.Itoa(timeout), 1)
	if err := os.WriteFile(filepath.Join(dir, "sleepy.py"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	pidFile := filepath.Join(dir, "pid")
	t.Setenv("PIDFILE", pidFile)
	done := make(chan flowRun, 1)
	go func() {
		var stdout, stderr bytes.Buffer
		code := run(context.Background(), []string{"run", "--runs-dir", filepath.Join(dir, "runs"), filepath.Join(dir, "sleepy.py")},
			nil, &stdout, &stderr)
		done <- flowRun{code, stdout.String(), stderr.String()}
	}()
	return pidFile, done
}

// readPid waits for the step to write its child's pid, or for the run to end first.
func readPid(t *testing.T, path string, done <-chan flowRun) (int, *flowRun) {
	for {
		if data, err := os.ReadFile(path); err == nil {
			pid, err := strconv.Atoi(string(data))
			if err != nil {
				t.Fatal(err)
			}
			return pid, nil
		}
		select {
		case r := <-done:
			return 0, &r
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// ended reports whether pid has ended (a zombie counts), waiting for a kill to take effect.
func ended(pid int) bool {
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

func TestRunSignals(t *testing.T) {
	for _, tc := range []struct {
		sig  syscall.Signal
		code int
		word string
	}{{syscall.SIGTERM, 143, "terminated"}, {syscall.SIGINT, 130, "interrupt"}} {
		t.Run(tc.word, func(t *testing.T) {
			pidFile, done := startSleepy(t, 3600)
			child, early := readPid(t, pidFile, done)
			if early != nil {
				t.Fatalf("the run ended before its step started: exit %d\n%s", early.code, early.stderr)
			}
			// flowc run listens for the signal from before the first step starts: it goes to it.
			if err := syscall.Kill(os.Getpid(), tc.sig); err != nil {
				t.Fatal(err)
			}
			r := <-done
			if r.code != tc.code {
				t.Errorf("exit %d, want %d\nstderr:\n%s", r.code, tc.code, r.stderr)
			}
			if !strings.Contains(r.stderr, "interrupted by "+tc.word) {
				t.Errorf("stderr does not say the run was interrupted:\n%s", r.stderr)
			}
			if !ended(child) {
				syscall.Kill(child, syscall.SIGKILL)
				t.Errorf("the step's child %d outlived the run", child)
			}
		})
	}
}

func TestRunTimeout(t *testing.T) {
	pidFile, done := startSleepy(t, 3)
	child, early := readPid(t, pidFile, done)
	r := <-done
	if early != nil {
		r = *early // killed before it wrote the pid: there is no child to look for
	}
	if r.code != exitFail {
		t.Errorf("exit %d, want %d", r.code, exitFail)
	}
	// The step raises the timeout itself, as Metaflow's @timeout does (PROTOCOL.md, "Retry and
	// catch"), and its process group ends with it.
	for _, want := range []string{"TimeoutException: step \"start\" timed out after 3 seconds (@timeout)",
		"flowc: step start failed: exit status 1", "failed\n"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if early == nil && !ended(child) {
		syscall.Kill(child, syscall.SIGKILL)
		t.Errorf("the step's child %d outlived its @timeout", child)
	}
	// The run's record says how it ended, task by task (internal/runrecord).
	recs, _ := filepath.Glob(filepath.Join(filepath.Dir(pidFile), "runs", "*", "run.json"))
	if len(recs) != 1 {
		t.Fatalf("run records: %v", recs)
	}
	rec, err := runrecord.Load(filepath.Dir(recs[0]))
	if err != nil {
		t.Fatal(err)
	}
	tasks := rec.StepTasks("start")
	if rec.Flow != "SleepyFlow" || rec.Status != runrecord.Failed || rec.Error != "step start failed: exit status 1" ||
		len(tasks) != 1 || tasks[0].ID != "0" || tasks[0].State != runrecord.TaskFailed {
		t.Errorf("record: %+v, start's tasks %+v", rec.Run, tasks)
	}
}

const bigFlow = `from metaflow import FlowSpec, step


class BigFlow(FlowSpec):
    @step
    def start(self):
        self.big = b"x" * (4 << 20)
        self.small = 1
        self.next(self.a)

    @step
    def a(self):
        self.small += 1
        self.next(self.b)

    @step
    def b(self):
        assert len(self.big) == 4 << 20  # read, and passed on unchanged
        self.next(self.end)

    @step
    def end(self):
        assert self.big == b"x" * (4 << 20) and self.small == 2
`

// TestRunSharesArtifacts runs a 4 MiB artifact through four steps: the run stores it once.
func TestRunSharesArtifacts(t *testing.T) {
	needPython(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "big.py"), []byte(bigFlow), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	runs := filepath.Join(dir, "runs")
	if code := run(context.Background(), []string{"run", "--runs-dir", runs, filepath.Join(dir, "big.py")}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr.String())
	}
	var blobs, state int64
	nblobs := 0
	filepath.Walk(runs, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		switch {
		case strings.Contains(p, string(filepath.Separator)+"blobs"+string(filepath.Separator)):
			blobs += info.Size()
			nblobs++
		case strings.Contains(p, string(filepath.Separator)+"state"+string(filepath.Separator)):
			state += info.Size()
		}
		return nil
	})
	if nblobs != 1 || blobs < 4<<20 {
		t.Errorf("%d blobs of %d bytes, want the one artifact stored once", nblobs, blobs)
	}
	if state > 64<<10 {
		t.Errorf("the steps' states hold %d bytes: the artifact was copied", state)
	}
}

const paramFlow = `from metaflow import FlowSpec, Parameter, step


class ParamFlow(FlowSpec):
    text = Parameter("text", default="")

    @step
    def start(self):
        assert self.text == "é" * 100000, len(self.text)
        self.next(self.end)

    @step
    def end(self):
        assert len(self.text) == 100000
`

// TestBigParameter passes a 200 KB value, more than one command-line argument may hold once
// base64-encoded: flowc run hands it over in a params file; flowc submit refuses it up front.
func TestBigParameter(t *testing.T) {
	needPython(t)
	dir := t.TempDir()
	flowFile := filepath.Join(dir, "param.py")
	if err := os.WriteFile(flowFile, []byte(paramFlow), 0o644); err != nil {
		t.Fatal(err)
	}
	value := "text=" + strings.Repeat("é", 100000)
	var stdout, stderr bytes.Buffer
	runs := filepath.Join(dir, "runs")
	if code := run(context.Background(), []string{"run", "--runs-dir", runs, "--param", value, flowFile}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr.String())
	}
	cmds, _ := filepath.Glob(filepath.Join(runs, "*", "logs", "start", "0.cmd"))
	if len(cmds) != 1 {
		t.Fatalf("no command line recorded: %v", cmds)
	}
	argv, _ := os.ReadFile(cmds[0])
	if !strings.Contains(string(argv), "--params-file\n") || strings.Contains(string(argv), "--param\ntext=") || len(argv) > 4096 {
		t.Errorf("the value did not go in the params file:\n%.500s", argv)
	}
	stderr.Reset()
	if code := run(context.Background(), []string{"submit", "--param", value, flowFile}, nil, &stdout, &stderr); code != exitFail {
		t.Errorf("submit: exit %d, want %d", code, exitFail)
	}
	if want := `parameter "text" is 200000 bytes; values reach Argo pods on the command line, which takes at most 65536 bytes (64 KiB) per value`; !strings.Contains(stderr.String(), want) {
		t.Errorf("submit's stderr lacks %q:\n%s", want, stderr.String())
	}
}
