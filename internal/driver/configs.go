package driver

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/BurntSushi/toml"
	"gopkg.in/yaml.v3"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/emit/build"
	"github.com/flowc-dev/flowc/internal/diag"
	"github.com/flowc-dev/flowc/parser/python"
)

// ConfigsFile is the build context's file of resolved Config values, by config name, which the
// runtime's Config objects read.
const ConfigsFile = "flowc_configs.json"

// resolveConfigs gives every Config of f its value, as Metaflow does at deploy time: the file of
// --config NAME=FILE, else the default file (relative to the flow's directory, inside it), else
// default_value. It then puts config values where decorator arguments and parameter defaults
// read them. What fails becomes a problem of the config, for the checks to report.
func resolveConfigs(f *ir.Flow, dir string, overrides map[string]string) {
	for _, c := range f.Configs {
		if len(c.Problems) > 0 {
			continue
		}
		v, err := configValue(c, dir, overrides)
		if err != nil {
			pos := c.Pos
			if _, over := overrides[c.Name]; c.File != "" && !over {
				pos = c.FilePos
			}
			c.Problems = append(c.Problems, ir.Problem{Check: diag.Config, Pos: pos, Message: err.Error()})
			continue
		}
		c.JSON = v
	}
	substituteRefs(f)
}

// configValue reads and parses one config's value into canonical JSON.
func configValue(c *ir.Config, dir string, overrides map[string]string) ([]byte, error) {
	if file, ok := overrides[c.Name]; ok {
		data, err := os.ReadFile(file)
		if err != nil {
			return nil, fmt.Errorf("config %q: cannot read %s (from --config): %v", c.Name, file, errText(err))
		}
		return parseConfig(c, file, data)
	}
	if c.File != "" {
		data, err := readInside(dir, c.File)
		switch {
		case err == nil:
			return parseConfig(c, c.File, data)
		case c.Default == nil:
			return nil, fmt.Errorf("config %q: cannot read its default file: %v", c.Name, err)
		}
	}
	switch {
	case c.Default != nil && c.Default.Kind == ir.ValString:
		return parseConfig(c, "", []byte(c.Default.Str))
	case c.Default != nil:
		return canonical(literal(*c.Default))
	case c.Required:
		return nil, fmt.Errorf("config %q is required and has no default: pass --config %s=FILE", c.Name, c.Name)
	}
	return []byte("null"), nil
}

// parseConfig parses a config's text with its parser, or by the file's extension (JSON when
// there is none, Metaflow's default).
func parseConfig(c *ir.Config, file string, data []byte) ([]byte, error) {
	format := "json"
	if f, ok := python.ParserFormat(c.Parser); ok {
		format = f
	} else {
		switch strings.ToLower(filepath.Ext(file)) {
		case ".yaml", ".yml":
			format = "yaml"
		case ".toml":
			format = "toml"
		}
	}
	var x any
	var err error
	switch format {
	case "yaml":
		err = yaml.Unmarshal(data, &x)
	case "toml":
		var m map[string]any
		err = toml.Unmarshal(data, &m)
		x = m
	default:
		d := json.NewDecoder(bytes.NewReader(data))
		d.UseNumber()
		err = d.Decode(&x)
	}
	if err != nil {
		where := "its default_value"
		if file != "" {
			where = file
		}
		return nil, fmt.Errorf("config %q: %s is not valid %s: %v", c.Name, where, strings.ToUpper(format), err)
	}
	return canonical(plain(x))
}

// canonical is x as JSON with sorted keys, the form that is hashed and shipped.
func canonical(x any) ([]byte, error) {
	data, err := json.Marshal(x)
	if err != nil {
		return nil, fmt.Errorf("the value cannot be written as JSON: %v", err)
	}
	return data, nil
}

// plain turns what the YAML and TOML decoders produce into what JSON can hold: keys as strings,
// dates as their text.
func plain(x any) any {
	switch x := x.(type) {
	case map[string]any:
		for k, v := range x {
			x[k] = plain(v)
		}
		return x
	case map[any]any:
		m := make(map[string]any, len(x))
		for k, v := range x {
			m[fmt.Sprint(k)] = plain(v)
		}
		return m
	case []any:
		for i, v := range x {
			x[i] = plain(v)
		}
		return x
	case []map[string]any: // TOML arrays of tables
		out := make([]any, len(x))
		for i, v := range x {
			out[i] = plain(v)
		}
		return out
	case json.Number:
		return x
	case time.Time:
		return x.Format(time.RFC3339Nano)
	case fmt.Stringer:
		return x.String()
	}
	return x
}

// literal is a literal ir.Value as plain data for JSON.
func literal(v ir.Value) any {
	switch v.Kind {
	case ir.ValString:
		return v.Str
	case ir.ValInt:
		return v.Int
	case ir.ValFloat:
		return v.Float
	case ir.ValBool:
		return v.Bool
	case ir.ValList:
		out := make([]any, len(v.List))
		for i, x := range v.List {
			out[i] = literal(x)
		}
		return out
	case ir.ValDict:
		m := make(map[string]any, len(v.Keys))
		for i, k := range v.Keys {
			m[k.Str] = literal(v.Elems[i])
		}
		return m
	}
	return nil
}

// readInside reads rel, a path relative to dir that must stay inside it, through no symlink
// that leads out: flowc reads nothing outside the flow's root.
func readInside(dir, rel string) ([]byte, error) {
	if filepath.IsAbs(rel) || !filepath.IsLocal(filepath.FromSlash(rel)) {
		return nil, fmt.Errorf("%s is outside the flow's directory; give a path relative to it", rel)
	}
	p := filepath.Join(dir, filepath.FromSlash(rel))
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", rel, errText(err))
	}
	realDir, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", rel, errText(err))
	}
	if r, err := filepath.Rel(realDir, real); err != nil || !filepath.IsLocal(r) {
		return nil, fmt.Errorf("%s leads outside the flow's directory", rel)
	}
	// Opened without blocking (a FIFO swapped in after a check would hang compile), then checked
	// on the open file, and read to a cap: a Config or IncludeFile is data for one image.
	f, err := os.OpenFile(real, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", rel, errText(err))
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file", rel)
	}
	data, err := io.ReadAll(io.LimitReader(f, build.MaxContextBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %v", rel, errText(err))
	}
	if len(data) > build.MaxContextBytes {
		return nil, fmt.Errorf("%s is larger than %d MiB, the build context's cap", rel, build.MaxContextBytes>>20)
	}
	return data, nil
}

// unusedConfigs reports a --config name that no loaded flow defines: a typo would otherwise
// leave the default in place without a word.
func unusedConfigs(paths []string, flows []*Flow, o LoadOptions) diag.List {
	defined := map[string]bool{}
	var names []string
	for _, fl := range flows {
		for _, c := range fl.IR.Configs {
			if !defined[c.Name] {
				names = append(names, strconv.Quote(c.Name))
			}
			defined[c.Name] = true
		}
	}
	var diags diag.List
	var given []string
	for name := range o.Configs {
		given = append(given, name)
	}
	sort.Strings(given) // map order must not reach the output
	for _, name := range given {
		if defined[name] {
			continue
		}
		have := "no configs"
		if len(names) > 0 {
			sort.Strings(names)
			have = "configs " + strings.Join(names, ", ")
		}
		file := ""
		if len(paths) > 0 {
			file = display(paths[0])
		}
		diags = append(diags, diag.Errorf(diag.Pos{File: file}, diag.Config, "--config %s: the flow defines no config %q (it has %s)", name, name, have))
	}
	return diags
}
