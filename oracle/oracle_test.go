package oracle

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
)

// goldenDir is where flowc's golden tests write the manifests they expect.
const goldenDir = "../golden"

// TestGolden checks every committed golden manifest. Without goldens it skips, unless
// FLOWC_ORACLE_REQUIRE=1 (set in CI) makes that a failure.
func TestGolden(t *testing.T) {
	var files []string
	err := filepath.WalkDir(goldenDir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(path, ".yaml") || strings.HasSuffix(path, ".yml")) {
			files = append(files, path)
		}
		return err
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	if len(files) == 0 {
		msg := "no golden manifests (*.yaml) under " + goldenDir
		if os.Getenv("FLOWC_ORACLE_REQUIRE") == "1" {
			t.Fatal(msg + "; FLOWC_ORACLE_REQUIRE=1 requires some: run the compiler's golden tests with FLOWC_UPDATE=1")
		}
		t.Skip(msg)
	}
	for _, path := range files {
		t.Run(strings.TrimPrefix(filepath.ToSlash(path), "../"), func(t *testing.T) {
			checkFile(t, path)
		})
	}
}

func TestGood(t *testing.T) {
	checkFile(t, "testdata/good.yaml")
}

func checkFile(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := Check(b); err != nil {
		t.Errorf("%s:\n%v", path, err)
	}
}

var wantRE = regexp.MustCompile(`(?m)^# want: (.*)$`)

// TestBad checks the whole of testdata/bad.yaml at once, so that a document there can refer to
// another, and matches each document's error with the "# want:" line in it.
func TestBad(t *testing.T) {
	b, err := os.ReadFile("testdata/bad.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want := wantsByDocument(t, b)
	got := map[int]string{}
	err = Check(b)
	if err == nil {
		t.Fatal("Check accepted testdata/bad.yaml")
	}
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var de *DocumentError
		if !errors.As(e, &de) {
			t.Fatalf("error is not a *DocumentError: %v", e)
		}
		got[de.Index] = de.Error()
	}
	for i := 1; i <= len(want); i++ {
		switch w, g := want[i], got[i]; {
		case w == "" && g != "":
			t.Errorf("unexpected error: %s", g)
		case w != "" && g == "":
			t.Errorf("document %d: no error, want %q", i, w)
		case !strings.Contains(g, w):
			t.Errorf("got:  %s\nwant: %s", g, w)
		}
	}
}

// wantsByDocument returns the "# want:" text of each document, by 1-based index; documents
// without one map to "".
func wantsByDocument(t *testing.T, stream []byte) map[int]string {
	r := utilyaml.NewYAMLReader(bufio.NewReader(bytes.NewReader(stream)))
	want := map[int]string{}
	for i := 1; ; i++ {
		doc, err := r.Read()
		if err == io.EOF {
			return want
		}
		if err != nil {
			t.Fatal(err)
		}
		want[i] = ""
		if m := wantRE.FindSubmatch(doc); m != nil {
			want[i] = string(m[1])
		}
	}
}
