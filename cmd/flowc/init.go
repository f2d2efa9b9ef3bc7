package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode"
)

func runInit(e *env, args []string) int {
	fs := newFlagSet(e, "init", "[DIR] [--lang python|go]")
	lang := fs.String("lang", "python", "the flow's language: python or go")
	pos, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	if len(pos) > 1 {
		return usageErr(e, "init takes at most one directory")
	}
	if !oneOf(*lang, "python", "go") {
		return usageErr(e, "--lang must be python or go, not %q", *lang)
	}
	dir := "."
	if len(pos) == 1 {
		dir = pos[0]
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		fmt.Fprintf(e.stderr, "flowc: %v\n", err)
		return exitFail
	}
	files := initFiles(strings.ToLower(*lang), flowClassName(filepath.Base(abs)), abs)
	if err := writeNew(dir, files); err != nil {
		fmt.Fprintf(e.stderr, "flowc: %v\n", err)
		return exitFail
	}
	for _, f := range files {
		fmt.Fprintf(e.stdout, "wrote %s\n", filepath.Join(dir, f.name))
	}
	target := files[0].name
	if strings.EqualFold(*lang, "go") {
		target = "."
	}
	if files[len(files)-1].name == "go.mod" {
		// A new module needs flowc's SDK and a go.sum before it builds.
		fmt.Fprintf(e.stdout, "next: cd %s && go get github.com/flowc-dev/flowc@latest && go mod tidy\n", dir)
	}
	fmt.Fprintf(e.stdout, "next: cd %s && flowc run %s, then flowc compile %[2]s -o out\n", dir, target)
	return exitOK
}

type newFile struct{ name, content string }

// initFiles are the files of a new flow: the flow, flowc.yaml and a README, and for Go a go.mod
// when dir is in no Go module yet.
func initFiles(lang, class, dir string) []newFile {
	flowName := "flow.py"
	src := pythonFlow
	run := "flowc run flow.py --param count=4"
	if lang == "go" {
		flowName, src, run = "main.go", goFlow, "flowc run . --param count=4"
	}
	r := strings.NewReplacer("HelloFlow", class, "HELLO_RUN", run)
	files := []newFile{
		{flowName, r.Replace(src)},
		{"flowc.yaml", initConfig},
		{"README.md", r.Replace(initReadme)},
	}
	if lang == "go" && !inGoModule(dir) {
		files = append(files, newFile{"go.mod", goModFile(moduleName(filepath.Base(dir)))})
	}
	return files
}

// writeNew writes files into dir, refusing to replace any file that exists: init never
// overwrites what it did not write.
func writeNew(dir string, files []newFile) error {
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		return fmt.Errorf("%s is not a directory; init writes a new flow into a directory", dir)
	}
	for _, f := range files {
		if _, err := os.Lstat(filepath.Join(dir, f.name)); err == nil {
			return fmt.Errorf("%s exists; init writes only new files", filepath.Join(dir, f.name))
		} else if !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, f := range files {
		fh, err := os.OpenFile(filepath.Join(dir, f.name), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return err
		}
		_, err = fh.WriteString(f.content)
		if cerr := fh.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// flowClassName makes a flow class name from a directory name: "my-data" gives MyDataFlow.
func flowClassName(base string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(base, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if part == "" || part[0] > unicode.MaxASCII {
			continue
		}
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	name := b.String()
	if name == "" || !unicode.IsLetter(rune(name[0])) || strings.IndexFunc(name, func(r rune) bool { return r > unicode.MaxASCII }) >= 0 {
		name = "Hello"
	}
	if !strings.HasSuffix(name, "Flow") {
		name += "Flow"
	}
	return name
}

// moduleName makes a module path from a directory name: lower case letters, digits, - and _.
func moduleName(base string) string {
	name := strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-', r == '_':
			return r
		case r >= 'A' && r <= 'Z':
			return r + 'a' - 'A'
		}
		return -1
	}, base)
	if name == "" || name[0] == '-' {
		return "flow"
	}
	return name
}

// inGoModule reports whether dir or a directory above it holds a go.mod.
func inGoModule(dir string) bool {
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return true
		}
		if filepath.Dir(d) == d {
			return false
		}
	}
}

// goModFile requires the flowc module at this binary's version, or tells how to get one.
func goModFile(module string) string {
	v := buildVersion().Version
	if v == "(devel)" || v == "" {
		return "module " + module + "\n\ngo 1.26\n\n// Run `go get github.com/flowc-dev/flowc@latest` to add flowc's Go SDK.\n"
	}
	return "module " + module + "\n\ngo 1.26\n\nrequire github.com/flowc-dev/flowc " + v + "\n"
}
