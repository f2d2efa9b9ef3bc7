// Package imagebuild builds a flow's container image from the build spec flowc compiled (a
// directory holding a Dockerfile, the build context and image.txt) by running an image builder
// the user already has: BuildKit's buildctl (daemon at $BUILDKIT_HOST) or `docker buildx`.
// flowc execs the builder instead of linking BuildKit's client, which would pull most of
// BuildKit and containerd into flowc's binary.
package imagebuild

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"strings"
)

// Spec is one image to build: the build spec directory and the reference to tag it with.
type Spec struct {
	Dir   string // holds Dockerfile and the context
	Image string // the reference image.txt names
	// Args are the build's NAME=VALUE arguments (--build-arg), for the Dockerfile's ARGs: a Go
	// flow's GOPROXY, for one. Each is one argument of the builder's command line.
	Args []string
}

// Builder runs one build through an external tool.
type Builder struct {
	Kind string // "buildctl" or "docker"
	Path string // the tool's executable
	Host string // buildctl: the daemon address (BUILDKIT_HOST)
}

// ErrNoBuilder says that neither builder is usable here.
var ErrNoBuilder = errors.New("no image builder found: set BUILDKIT_HOST and put buildctl on PATH, or install docker with buildx")

// Detect picks the builder: buildctl when BUILDKIT_HOST is set and buildctl is on PATH, else
// docker when `docker buildx version` works. want forces one ("buildctl" or "docker").
func Detect(ctx context.Context, want string) (*Builder, error) {
	if want == "" || want == "buildctl" {
		host := os.Getenv("BUILDKIT_HOST")
		if p, err := exec.LookPath("buildctl"); err == nil && host != "" {
			return &Builder{Kind: "buildctl", Path: p, Host: host}, nil
		}
		if want == "buildctl" {
			return nil, errors.New("buildctl needs BUILDKIT_HOST set to the buildkitd address and buildctl on PATH")
		}
	}
	if p, err := exec.LookPath("docker"); err == nil {
		if exec.CommandContext(ctx, p, "buildx", "version").Run() == nil {
			return &Builder{Kind: "docker", Path: p}, nil
		}
		if want == "docker" {
			return nil, errors.New("docker has no buildx plugin (docker buildx version failed)")
		}
	}
	return nil, ErrNoBuilder
}

// refPattern is what flowc accepts as an image reference to hand to a builder: a name with an
// optional registry host and port, and a tag. Never a flag: it cannot start with "-".
var refPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]*(:[0-9]+)?(/[a-z0-9][a-z0-9._-]*)*:[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$`)

// argName is a build argument's name, as a Dockerfile's ARG declares it.
var argName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// CheckArg rejects a build argument that is not NAME=VALUE with a plain name.
func CheckArg(arg string) error {
	name, _, ok := strings.Cut(arg, "=")
	if !ok || !argName.MatchString(name) {
		return fmt.Errorf("build argument %q is not NAME=VALUE", arg)
	}
	return nil
}

// CheckRef rejects references that are not a plain name:tag.
func CheckRef(ref string) error {
	if !refPattern.MatchString(ref) {
		return fmt.Errorf("image reference %q is not of the form [host[:port]/]name:tag", ref)
	}
	return nil
}

// args is the builder's command line for spec.
func (b *Builder) args(s Spec, push bool) []string {
	if b.Kind == "docker" {
		a := []string{"buildx", "build", "--progress=plain", "-t", s.Image}
		for _, arg := range s.Args {
			a = append(a, "--build-arg", arg)
		}
		if push {
			a = append(a, "--push")
		} else {
			a = append(a, "--load")
		}
		return append(a, "--", s.Dir)
	}
	out := "type=image,name=" + s.Image
	if push {
		out += ",push=true"
		if insecureHost(s.Image) {
			out += ",registry.insecure=true"
		}
	}
	a := []string{"--addr", b.Host, "build", "--progress=plain", "--frontend", "dockerfile.v0",
		"--local", "context=" + s.Dir, "--local", "dockerfile=" + s.Dir, "--output", out}
	for _, arg := range s.Args {
		a = append(a, "--opt", "build-arg:"+arg)
	}
	return a
}

// Build builds spec's image (and pushes it when push is set), copying the builder's progress to
// progress. A failure names the Dockerfile step that failed and the builder's error.
func (b *Builder) Build(ctx context.Context, s Spec, push bool, progress io.Writer) error {
	if err := CheckRef(s.Image); err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, b.Path, b.args(s, push)...)
	pr, pw := io.Pipe()
	cmd.Stdout, cmd.Stderr = pw, pw
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("%s: %v", b.Kind, err)
	}
	steps := newStepTracker()
	done := make(chan struct{})
	go func() {
		defer close(done)
		sc := bufio.NewScanner(pr)
		sc.Buffer(make([]byte, 64*1024), 1024*1024)
		for sc.Scan() {
			line := sc.Text()
			steps.observe(line)
			fmt.Fprintln(progress, line)
		}
		_, _ = io.Copy(io.Discard, pr)
	}()
	err := cmd.Wait()
	pw.Close()
	<-done
	if err == nil {
		return nil
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return steps.failure(s.Dir, err)
}

// insecureHost reports whether ref's registry is on loopback, where registries speak plain
// HTTP (as Docker assumes for 127.0.0.0/8 and localhost).
func insecureHost(ref string) bool {
	host, _, ok := strings.Cut(ref, "/")
	if !ok {
		return false
	}
	h := host
	if i := strings.LastIndex(h, ":"); i >= 0 {
		h = h[:i]
	}
	return h == "localhost" || strings.HasPrefix(h, "127.")
}
