// Package config reads flowc.yaml, the defaults a repository sets for every flow in it. Flags win
// over it; it wins over flowc's built-in defaults.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/flowc-dev/flowc/emit/argo"
)

// FileName is the name flowc looks for, from the working directory up to the repository root.
const FileName = "flowc.yaml"

// Config is the content of flowc.yaml.
type Config struct {
	ImageRepo      string            `yaml:"imageRepo"`
	BaseImage      string            `yaml:"baseImage"`
	Namespace      string            `yaml:"namespace"`
	ServiceAccount string            `yaml:"serviceAccount"`
	Labels         map[string]string `yaml:"labels"`
	Annotations    map[string]string `yaml:"annotations"`

	// Workflow-level settings: parallelism, timeoutSeconds, ttlSecondsAfterFinished, podGC,
	// imagePullSecrets, artifactRepositoryConfigMap, artifactRepositoryKey.
	argo.WorkflowOptions `yaml:",inline"`

	// Root is the directory that holds flowc.yaml, or the repository root when there is none:
	// source paths in the output are relative to it, so they are the same on every machine.
	Root string `yaml:"-"`
	// File is the flowc.yaml that was read, "" when none.
	File string `yaml:"-"`
}

// Defaults of flowc when neither flowc.yaml nor a flag sets a value.
const (
	DefaultImageRepo = "flowc.local/flows"
	DefaultBaseImage = "python:3.12-slim"
)

// Find reads the flowc.yaml of the repository that holds dir: the nearest one in dir or above it,
// stopping at the directory that holds .git. No file is not an error.
func Find(dir string) (*Config, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	for d := abs; ; d = filepath.Dir(d) {
		p := filepath.Join(d, FileName)
		if _, err := os.Stat(p); err == nil {
			return Load(p)
		}
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil || filepath.Dir(d) == d {
			c := defaults()
			if err == nil {
				c.Root = d
			}
			return c, nil
		}
	}
}

// Load reads one flowc.yaml; unknown keys are errors, so that a typo does not go unnoticed.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	c := defaults()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(c); err != nil && !errors.Is(err, fs.ErrNotExist) && err.Error() != "EOF" {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	if !argo.ValidStorage(c.ArtifactStorage) {
		return nil, fmt.Errorf("%s: artifactStorage must be one of %s, not %q", path, strings.Join(argo.StorageKinds, ", "), c.ArtifactStorage)
	}
	c.Root, c.File = filepath.Dir(path), path
	return c, nil
}

func defaults() *Config {
	return &Config{ImageRepo: DefaultImageRepo, BaseImage: DefaultBaseImage}
}
