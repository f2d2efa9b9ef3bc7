package cluster

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
)

// HelperName is the file name of the program that holds flowc's Kubernetes client.
const HelperName = "flowc-kube"

// MissingError is Load's error when flowc-kube is installed neither beside flowc nor on $PATH.
type MissingError struct {
	Dir string // flowc's own directory, looked in first
}

func (e *MissingError) Error() string {
	return fmt.Sprintf("apply, submit, logs and reading runs of the cluster need %s, flowc's Kubernetes and S3 client, "+
		"which is neither beside flowc (in %s) nor on $PATH: %s", HelperName, e.Dir, installHint())
}

// installHint says how to install the flowc-kube of this flowc's release.
func installHint() string {
	v := "latest"
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Path == "github.com/flowc-dev/flowc" &&
		bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		v = bi.Main.Version
	}
	return "install it with go install github.com/flowc-dev/flowc/cmd/" + HelperName + "@" + v +
		" (or make build in a clone)"
}

// helper finds flowc-kube: beside the running flowc first, so that a flowc and the flowc-kube
// installed with it go together, then on $PATH.
func helper() (string, error) {
	name := HelperName
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	dir := "flowc's directory"
	if exe, err := os.Executable(); err == nil {
		if real, err := filepath.EvalSymlinks(exe); err == nil {
			exe = real
		}
		dir = filepath.Dir(exe)
		p := filepath.Join(dir, name)
		if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() {
			return p, nil
		}
	}
	if p, err := exec.LookPath(HelperName); err == nil {
		return p, nil
	}
	return "", &MissingError{Dir: dir}
}

// call sends one request and reads its answer, passing a wait's progress lines to progress. When
// ctx ends first it asks flowc-kube to stop the request; the error then wraps ctx.Err().
func (c *Cluster) call(ctx context.Context, r request, progress func(Status)) (response, error) {
	if c == nil || c.in == nil {
		return response{}, errors.New("no cluster loaded")
	}
	if c.broken != nil {
		return response{}, c.broken
	}
	c.nextID++
	r.ID = c.nextID
	if err := c.send(r); err != nil {
		return response{}, c.died(err)
	}
	answered := make(chan struct{})
	defer close(answered)
	go func() {
		select {
		case <-ctx.Done():
			c.send(request{Op: opCancel, ID: r.ID})
		case <-answered:
		}
	}()
	for {
		var resp response
		if err := c.out.Decode(&resp); err != nil {
			return response{}, c.died(err)
		}
		if resp.Progress != nil {
			if progress != nil {
				progress(*resp.Progress)
			}
			continue
		}
		return resp, remoteErr(ctx, resp.Err)
	}
}

func (c *Cluster) send(r request) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	data, err := json.Marshal(r)
	if err != nil {
		return err
	}
	_, err = c.in.Write(append(data, '\n'))
	return err
}

// died explains a conversation that broke off: flowc-kube crashed (its report is on stderr) or
// is not a flowc-kube.
func (c *Cluster) died(err error) error {
	if c.cmd != nil && (errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, os.ErrClosed)) {
		c.in.Close()
		if werr := c.cmd.Wait(); werr != nil {
			err = werr
		}
	}
	c.broken = fmt.Errorf("%s stopped answering: %v", HelperName, err)
	return c.broken
}

// stoppedError is a request that flowc-kube stopped because ctx ended: it reads as flowc-kube's
// message and is ctx's error.
type stoppedError struct {
	msg   string
	cause error
}

func (e *stoppedError) Error() string { return e.msg }
func (e *stoppedError) Unwrap() error { return e.cause }

// remoteErr turns an error from across the pipe back into the error the client returned there.
func remoteErr(ctx context.Context, e *wireError) error {
	switch {
	case e == nil:
		return nil
	case e.NoConfig:
		return &NoConfigError{Looked: e.Looked}
	case e.Stopped && ctx.Err() != nil:
		return &stoppedError{msg: e.Message, cause: ctx.Err()}
	}
	return errors.New(e.Message)
}
