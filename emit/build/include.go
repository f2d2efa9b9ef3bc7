package build

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/flowc-dev/flowc/internal/diag"
	"github.com/flowc-dev/flowc/internal/settings"
)

// Include is one glob of data files that a flow's image must hold, as flowc.yaml's include list
// declares it: a slash-separated pattern relative to Base, where "*", "?" and "[...]" match
// within one path element and "**" matches any number of elements.
type Include struct {
	Pattern string
	Base    string   // the directory the pattern is relative to (flowc.yaml's), as an OS path
	Pos     diag.Pos // where the pattern is written
}

// CheckPattern reports what is wrong with an include pattern, or nil (see settings.CheckPattern).
func CheckPattern(p string) error { return settings.CheckPattern(p) }

// matchGlob matches slash-separated elements against pattern elements.
func matchGlob(pat, name []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			for i := 0; i <= len(name); i++ {
				if matchGlob(pat[1:], name[i:]) {
					return true
				}
			}
			return false
		}
		if len(name) == 0 {
			return false
		}
		if ok, _ := path.Match(pat[0], name[0]); !ok {
			return false
		}
		pat, name = pat[1:], name[1:]
	}
	return len(name) == 0
}

// staticPrefix is the leading elements of a pattern that hold no glob character: the only
// directory a walk for it needs to start from.
func staticPrefix(pat []string) []string {
	for i, el := range pat {
		if strings.ContainsAny(el, "*?[") {
			return pat[:i]
		}
	}
	return pat[:len(pat)-1]
}

// includes adds the files that match the patterns and lie in the flow's directory, by their
// path relative to it (where the flow's code finds them beside its own file). Dot-files and
// dot-directories are never matched; a link leaving the directory, or a file that is not
// regular, is an error at the pattern.
func (c *Context) includes(src *source, flowDir string, incs []Include) diag.List {
	var diags diag.List
	absFlow, err := filepath.Abs(flowDir)
	if err != nil {
		return nil
	}
	for _, inc := range incs {
		n, err := c.include(src, absFlow, inc)
		switch {
		case err != nil:
			diags = append(diags, diag.Errorf(inc.Pos, diag.Build, "include %q: %v", inc.Pattern, err))
		case n == 0:
			diags = append(diags, diag.Warningf(inc.Pos, diag.Build, "include %q matches no file beside the flow %s", inc.Pattern, c.FlowFile))
		}
	}
	return diags
}

// include adds one pattern's files and returns how many matched.
func (c *Context) include(src *source, absFlow string, inc Include) (int, error) {
	base, err := filepath.Abs(inc.Base)
	if err != nil {
		return 0, err
	}
	pat := strings.Split(inc.Pattern, "/")
	start := filepath.Join(base, filepath.Join(staticPrefix(pat)...))
	if !within(absFlow, start) {
		if !within(start, absFlow) {
			return 0, nil // the pattern names files elsewhere in the repository, not this flow's
		}
		start = absFlow
	}
	if _, err := os.Lstat(start); err != nil {
		return 0, nil
	}
	n := 0
	err = filepath.WalkDir(start, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if strings.HasPrefix(d.Name(), ".") && p != start || flowcOutput(p, d) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		relBase, _ := filepath.Rel(base, p)
		if d.IsDir() || !matchGlob(pat, strings.Split(filepath.ToSlash(relBase), "/")) {
			return nil
		}
		rel, _ := filepath.Rel(absFlow, p)
		rel = filepath.ToSlash(rel)
		if reserved(rel) {
			return fmt.Errorf("%s would replace a file flowc writes into the build context; rename it", rel)
		}
		data, err := src.read(rel)
		if err != nil {
			return err
		}
		c.Files[rel] = data
		n++
		return nil
	})
	return n, err
}

// outputMarker is the file that marks a build context flowc wrote (internal/outdir's Marker).
const outputMarker = ".flowc-output"

// flowcOutput reports whether p is what an earlier compile with -o inside the flow's directory
// wrote: a build context (it holds the marker), or the manifest beside one (NAME.yaml beside
// NAME/). Taking them in would put every earlier output into the next image, and change its tag
// at every compile.
func flowcOutput(p string, d fs.DirEntry) bool {
	dir := p
	if !d.IsDir() {
		if !strings.HasSuffix(p, ".yaml") {
			return false
		}
		dir = strings.TrimSuffix(p, ".yaml")
	}
	st, err := os.Lstat(filepath.Join(dir, outputMarker))
	return err == nil && st.Mode().IsRegular()
}

// within reports whether p is dir or inside it.
func within(dir, p string) bool {
	r, err := filepath.Rel(dir, p)
	return err == nil && (r == "." || filepath.IsLocal(r))
}

// provided are the modules flowc's runtime puts in every image.
var provided = map[string]bool{"metaflow": true, "flowc": true, "flowc_runtime": true, "__future__": true}

// reserved names the context paths that flowc itself writes.
func reserved(rel string) bool {
	top := strings.SplitN(rel, "/", 2)[0]
	return rel == "Dockerfile" || rel == ImageFile || provided[top]
}

// LiteralInclude declares one data file by its path relative to base, with every glob character
// escaped: for files that a flow names itself (Metaflow's IncludeFile with a literal default),
// which must go into the context under the same rules as flowc.yaml's patterns.
func LiteralInclude(base, rel string, pos diag.Pos) Include {
	esc := strings.NewReplacer(`\`, `\\`, "*", `\*`, "?", `\?`, "[", `\[`)
	return Include{Pattern: esc.Replace(filepath.ToSlash(rel)), Base: base, Pos: pos}
}
