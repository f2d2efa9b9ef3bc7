package cluster

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/flowc-dev/flowc/internal/runrecord"
)

// Backend is what flowc-kube serves: internal/kube's client, and the artifact repository's.
type Backend interface {
	Load(f Flags) (Conn, error)
	// OpenRepo opens the artifact repository at loc, or with loc "" the one the environment
	// names; found is false when it names none.
	OpenRepo(loc string) (r runrecord.Repository, found bool, err error)
}

// Conn is one loaded kubeconfig context of a Backend.
type Conn interface {
	Info() Info
	Apply(ctx context.Context, manifests [][]byte, o ApplyOptions) ([]Result, error)
	Submit(ctx context.Context, r Run) (string, error)
	Wait(ctx context.Context, ns, name string, progress func(Status)) (Status, error)
	Pods(ctx context.Context, ns, name string) ([]Pod, error)
	Log(ctx context.Context, ns, pod, container string, tail int) ([]byte, error)
}

// server is one conversation of flowc-kube with flowc.
type server struct {
	backend  Backend
	warnings io.Writer
	conn     Conn
	repo     runrecord.Repository
	mu       sync.Mutex // guards enc: a wait's progress and its answer are written from two goroutines
	enc      *json.Encoder
}

// Serve answers the requests of one flowc command, read from in, on out, until in ends. The
// server's warnings go to warnings.
func Serve(in io.Reader, out io.Writer, b Backend, warnings io.Writer) error {
	s := &server{backend: b, warnings: warnings, enc: json.NewEncoder(out)}
	if err := s.write(hello{Protocol: Protocol}); err != nil {
		return err
	}
	reqs := make(chan request)
	var readErr error
	go func() {
		defer close(reqs)
		dec := json.NewDecoder(in)
		for {
			var r request
			if readErr = dec.Decode(&r); readErr != nil {
				return
			}
			reqs <- r
		}
	}()
	for r := range reqs {
		if r.Op == opCancel {
			continue // its request has already been answered
		}
		if err := s.run(r, reqs); err != nil {
			return err
		}
	}
	if errors.Is(readErr, io.EOF) {
		return nil
	}
	return fmt.Errorf("reading flowc's requests: %v", readErr)
}

// run answers r, cancelling it when flowc asks to or when flowc's input ends.
func (s *server) run(r request, reqs <-chan request) error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan response, 1)
	go func() { done <- s.handle(ctx, r) }()
	for {
		select {
		case resp := <-done:
			return s.write(resp)
		case next, ok := <-reqs:
			switch {
			case !ok:
				cancel()
				<-done
				return nil
			case next.Op == opCancel && next.ID == r.ID:
				cancel()
			case next.Op != opCancel:
				cancel()
				<-done
				return fmt.Errorf("request %q came while request %q ran", next.Op, r.Op)
			}
		}
	}
}

func (s *server) write(v any) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.enc.Encode(v)
}

// handle does one request.
func (s *server) handle(ctx context.Context, r request) response {
	switch {
	case (r.Op == opList || r.Op == opGet) && s.repo == nil:
		return response{Err: &wireError{Message: fmt.Sprintf("request %q before a repository was opened", r.Op)}}
	case r.Op != opLoad && r.Op != opRepo && r.Op != opList && r.Op != opGet && s.conn == nil:
		return response{Err: &wireError{Message: fmt.Sprintf("request %q before a load", r.Op)}}
	}
	var resp response
	var err error
	switch r.Op {
	case opLoad:
		f := Flags{Kubeconfig: r.Kubeconfig, Context: r.Context, Timeout: r.Timeout}
		if r.Warnings {
			f.Warnings = s.warnings
		}
		s.conn, err = s.backend.Load(f)
		if err == nil {
			info := s.conn.Info()
			resp.Info = &info
		}
	case opApply:
		ms := make([][]byte, len(r.Manifests))
		for i, m := range r.Manifests {
			ms[i] = []byte(m)
		}
		resp.Results, err = s.conn.Apply(ctx, ms, opts(r.Apply))
	case opSubmit:
		if r.Run == nil {
			return response{Err: &wireError{Message: "submit without a run"}}
		}
		resp.Name, err = s.conn.Submit(ctx, *r.Run)
	case opWait:
		var st Status
		st, err = s.conn.Wait(ctx, r.Namespace, r.Name, func(p Status) {
			s.write(response{Progress: &p}) // a lost progress line is found out by the answer's write
		})
		resp.Status = &st
	case opPods:
		resp.Pods, err = s.conn.Pods(ctx, r.Namespace, r.Name)
	case opLog:
		resp.Log, err = s.conn.Log(ctx, r.Namespace, r.Pod, r.Container, r.Tail)
	case opRepo:
		var found bool
		s.repo, found, err = s.backend.OpenRepo(r.Location)
		if err == nil {
			resp.Repo = &repoInfo{Found: found}
			if found {
				resp.Repo.Location = s.repo.Location()
			}
		}
	case opList:
		resp.Objects, err = s.repo.List(ctx, r.Prefix, r.Recursive)
	case opGet:
		resp.Data, err = s.repo.Get(ctx, r.Key)
	default:
		return response{Err: &wireError{Message: fmt.Sprintf("unknown request %q", r.Op)}}
	}
	if err != nil {
		resp.Err = &wireError{Message: err.Error(), Stopped: ctx.Err() != nil}
		var nc *NoConfigError
		if errors.As(err, &nc) {
			resp.Err.NoConfig, resp.Err.Looked = true, nc.Looked
		}
	}
	return resp
}

func opts(o *ApplyOptions) ApplyOptions {
	if o == nil {
		return ApplyOptions{}
	}
	return *o
}
