package main

import (
	"errors"
	"fmt"
	"path/filepath"

	"github.com/flowc-dev/flowc/internal/config"
)

// loadConfig finds and reads the flowc.yaml that applies to the flows at paths (searched from
// each flow's directory, config.FindFor), printing its problems as diagnostics; with verbose it
// says which file was used, or where it looked.
func loadConfig(e *env, paths []string, verbose bool) (*config.Config, bool) {
	cfg, err := config.FindFor(paths)
	var cerr *config.Error
	switch {
	case errors.As(err, &cerr):
		printDiags(e, "text", cerr.Diags)
		return nil, false
	case err != nil:
		fmt.Fprintf(e.stderr, "flowc: %v\n", err)
		return nil, false
	}
	if verbose {
		if cfg.File != "" {
			abs, _ := filepath.Abs(cfg.File)
			fmt.Fprintf(e.stderr, "flowc: using %s\n", filepath.ToSlash(abs))
		} else {
			fmt.Fprintf(e.stderr, "flowc: no %s in %s; using flowc's defaults\n", config.FileName, filepath.ToSlash(cfg.Searched))
		}
	}
	return cfg, true
}
