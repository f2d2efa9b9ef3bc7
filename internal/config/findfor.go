package config

import (
	"fmt"
	"os"
	"path/filepath"
)

// FindFor reads the flowc.yaml that applies to the flows at paths, found from each flow's own
// directory (a file's directory, a directory itself) as Find searches, so that a flow's defaults
// and include: globs do not depend on where the command is run from. One command uses one set of
// defaults: when two paths arrive at different files (or one at a file and another at none), it
// is an error naming both, and the flows are compiled in separate commands. No paths: the
// working directory.
func FindFor(paths []string) (*Config, error) {
	if len(paths) == 0 {
		return Find(".")
	}
	var first *Config
	var firstPath string
	for _, p := range paths {
		c, err := Find(searchDir(p))
		if err != nil {
			return nil, err
		}
		if first == nil {
			first, firstPath = c, p
			continue
		}
		if c.File != first.File || (c.File == "" && c.Root != first.Root) {
			return nil, fmt.Errorf("%q and %q have different %s files (%s, %s): give them to separate commands",
				filepath.ToSlash(firstPath), filepath.ToSlash(p), FileName, describe(first), describe(c))
		}
	}
	return first, nil
}

// searchDir is where the search for a flow's flowc.yaml starts: the directory of a flow file,
// or the directory given. A path that does not exist is reported later, by the loader; its
// parent is searched meanwhile.
func searchDir(path string) string {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return path
	}
	return filepath.Dir(path)
}

func describe(c *Config) string {
	if c.File == "" {
		return "none"
	}
	return filepath.ToSlash(c.File)
}
