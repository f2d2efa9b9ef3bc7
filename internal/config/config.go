// Package config reads flowc.yaml, the defaults a repository sets for every flow in it. Flags win
// over it; it wins over flowc's built-in defaults. Every value is checked the way a flow's own
// values are (names, image references, template syntax, control characters), and every problem
// is a diagnostic at its flowc.yaml:line:col.
package config

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/flowc-dev/flowc/internal/diag"
	"github.com/flowc-dev/flowc/internal/settings"
)

// FileName is the name flowc looks for, from a flow's directory up to the repository root.
const FileName = "flowc.yaml"

// maxFileBytes caps flowc.yaml: a settings file, never data.
const maxFileBytes = 1 << 20

// Config is the content of flowc.yaml.
type Config struct {
	ImageRepo      string            `yaml:"imageRepo"`
	BaseImage      string            `yaml:"baseImage"`
	Namespace      string            `yaml:"namespace"`
	ServiceAccount string            `yaml:"serviceAccount"`
	Labels         map[string]string `yaml:"labels"`
	Annotations    map[string]string `yaml:"annotations"`
	// Include lists globs, relative to flowc.yaml's directory, of data files that go into every
	// flow's build context (those under the flow's own directory).
	Include []string `yaml:"include"`
	// IncludePos is where each Include pattern is written.
	IncludePos []diag.Pos `yaml:"-"`
	// GoImage is the toolchain image Go flows compile in ("" means golang:<go.mod's go
	// version>), GoRuntimeImage the image their static binary runs in ("" means distroless).
	GoImage        string `yaml:"goImage"`
	GoRuntimeImage string `yaml:"goRuntimeImage"`

	// Workflow-level settings: parallelism, timeoutSeconds, ttlSecondsAfterFinished, podGC,
	// imagePullSecrets, artifactRepositoryConfigMap, artifactRepositoryKey.
	settings.WorkflowOptions `yaml:",inline"`

	// Root is the directory that holds flowc.yaml, or the repository root when there is none:
	// source paths in the output are relative to it, so they are the same on every machine.
	Root string `yaml:"-"`
	// File is the flowc.yaml that was read, "" when none.
	File string `yaml:"-"`
	// Searched says where Find looked, for -v: "DIR" or "DIR up to TOP".
	Searched string `yaml:"-"`
}

// Defaults of flowc when neither flowc.yaml nor a flag sets a value.
const (
	DefaultImageRepo = "flowc.local/flows"
	DefaultBaseImage = "python:3.12-slim"
)

// Error is a flowc.yaml that cannot be used: its diagnostics, each at its position.
type Error struct{ Diags diag.List }

func (e *Error) Error() string { return strings.TrimSuffix(e.Diags.String(), "\n") }

// Find reads the flowc.yaml that applies in dir: the nearest one in dir or above it, up to the
// repository root (the directory holding .git) or the user's home directory, whichever comes
// first. Outside both, only dir itself is searched, so that a file some other user left in a
// shared ancestor (/tmp) is never taken. No file is not an error.
func Find(dir string) (*Config, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	home, _ := os.UserHomeDir()
	dirs, repo := searchPath(abs, home)
	for _, d := range dirs {
		p := filepath.Join(d, FileName)
		if _, err := os.Lstat(p); err == nil {
			c, err := Load(p)
			if c != nil {
				c.Searched = searched(dirs)
			}
			return c, err
		}
	}
	c := defaults()
	c.Root, c.Searched = repo, searched(dirs)
	return c, nil
}

// searchPath lists the directories Find looks in, nearest first, and the repository root ("" when
// there is none on the way).
func searchPath(abs, home string) (dirs []string, repo string) {
	for d := abs; ; d = filepath.Dir(d) {
		dirs = append(dirs, d)
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return dirs, d
		}
		if d == home {
			return dirs, ""
		}
		if filepath.Dir(d) == d {
			return dirs[:1], "" // no boundary above: only the start directory counts
		}
	}
}

func searched(dirs []string) string {
	if len(dirs) == 1 {
		return dirs[0]
	}
	return dirs[0] + " up to " + dirs[len(dirs)-1]
}

// Load reads one flowc.yaml and checks it; problems come back as an *Error.
func Load(path string) (*Config, error) {
	data, err := readFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", filepath.ToSlash(path), err)
	}
	c := defaults()
	c.Root, c.File = filepath.Dir(path), path
	if diags := c.parse(shown(path), data); diags.HasErrors() {
		return nil, &Error{diags.Sorted()}
	}
	return c, nil
}

// readFile reads a regular file of at most maxFileBytes, never opening anything else (a FIFO
// would block).
func readFile(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, unwrap(err)
	}
	if !st.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, unwrap(err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxFileBytes+1))
	if err == nil && len(data) > maxFileBytes {
		err = fmt.Errorf("larger than %d KiB; flowc.yaml holds settings only", maxFileBytes>>10)
	}
	return data, err
}

func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// shown is how the file appears in positions: relative to the working directory when it is
// inside it or above it, slash-separated.
func shown(path string) string {
	abs, err := filepath.Abs(path)
	wd, err2 := os.Getwd()
	if err == nil && err2 == nil {
		if rel, err := filepath.Rel(wd, abs); err == nil {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(path)
}

func defaults() *Config {
	return &Config{ImageRepo: DefaultImageRepo, BaseImage: DefaultBaseImage}
}
