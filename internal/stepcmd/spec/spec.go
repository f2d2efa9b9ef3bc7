// Package spec is the leaf of flowc's step protocol (../PROTOCOL.md): the command line's parser,
// the environment's names, the bool words, the exit codes and the size limit. It imports nothing
// of flowc's, so that the Go SDK, which every Go flow's image builds, carries only this package
// and not the compiler's; package stepcmd re-exports it for the rest of flowc.
package spec

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Exit codes of a step process (PROTOCOL.md, "Exit codes").
const (
	ExitOK     = 0 // the step ran, or failed and @catch took over
	ExitFailed = 1 // the step or its input failed
	ExitUsage  = 2 // a command line that flowc does not build
)

// Environment variables a step reads (PROTOCOL.md, "Environment").
const (
	EnvRunID      = "FLOWC_RUN_ID"      // the run: the Argo workflow's name, or the local run's id
	EnvTaskID     = "FLOWC_TASK_ID"     // this task, unique in the run: the pod's name locally the task label
	EnvRetryCount = "FLOWC_RETRY_COUNT" // the 0-based attempt
	EnvRetryTimes = "FLOWC_RETRY_TIMES" // the step's @retry times: @catch applies from that attempt on
	EnvCatch      = "FLOWC_CATCH"       // the step's @catch: "var=NAME,print_exception=false", "" for none
	EnvTimeout    = "FLOWC_TIMEOUT"     // the step's @timeout in seconds: the step raises a timeout then
	EnvOrigin     = "FLOWC_ORIGIN_RUN_ID"
	EnvNamespace  = "FLOWC_NAMESPACE"
	EnvBranch     = "FLOWC_BRANCH"   // the @project branch: "prod", "user.NAME", or "test.NAME"
	EnvBlobDir    = "FLOWC_BLOB_DIR" // where large Python artifacts are stored once per run (flowc run only)
)

// TimeoutGrace is how long past its @timeout a step gets to fail by itself (the timeout raised
// in it, so that @retry and @catch handle it as Metaflow's do) before the pod's deadline or
// flowc run stops it from outside, for a step stuck where it cannot be interrupted.
const TimeoutGrace = 30

// MaxArgParam is the largest parameter value, in bytes, that travels on the command line. Linux
// limits one argument (and one environment string) to 128 KiB and base64 adds a third, and
// Argo also copies the whole template into one environment variable of its executor. A larger
// value is passed in a --params-file by `flowc run`, and refused by `flowc submit`.
const MaxArgParam = 64 << 10

// boolWords are the words a bool parameter accepts, as Metaflow's command line (click's BOOL)
// does, lower case; the compiler's check and both runtimes accept exactly these.
var boolWords = map[string]bool{
	"1": true, "true": true, "t": true, "yes": true, "y": true, "on": true,
	"0": false, "false": false, "f": false, "no": false, "n": false, "off": false,
}

// BoolWords lists the words ParseBool accepts, in a fixed order: true words, then false words.
func BoolWords() []string {
	return []string{"1", "true", "t", "yes", "y", "on", "0", "false", "f", "no", "n", "off"}
}

// ParseBool reads a bool parameter's value: one of BoolWords, in any case, around spaces.
func ParseBool(s string) (value, ok bool) {
	value, ok = boolWords[strings.ToLower(strings.TrimSpace(s))]
	return value, ok
}

// Command is one parsed step command line (PROTOCOL.md, "Command line").
type Command struct {
	Step       string
	Flow       string // --flow: the Python flow file in the build context
	Class      string // --class: the Python flow class
	InDir      string // --in-dir: where --in PARENT (without =DIR) finds PARENT's state
	In         []In
	InForeach  *In
	Index      int // -1 when --index is not given
	Out        string
	Params     map[string]string // decoded values, from --param and --params-file
	Next       []string
	HasNext    bool
	Foreach    string
	ParamsFile string
}

// In is one --in or --in-foreach: a parent step and the directory of its state.
type In struct{ Parent, Dir string }

// UsageError is a command line that flowc would not have built: exit code ExitUsage.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return "usage: " + e.Msg }

func usagef(format string, args ...any) error {
	return &UsageError{fmt.Sprintf(format, args...)}
}

// Synopsis is the command line's shape, for usage messages.
const Synopsis = "step [--flow FILE --class NAME] [--in-dir DIR] --out DIR [--param NAME=BASE64]... " +
	"[--params-file FILE] NAME [--in PARENT[=DIR]]... [--in-foreach PARENT[=DIR]] [--index N] " +
	"[--next A,B] [--foreach VAR] (NAME and the flags in any order)"

// Parse reads a step command line, args being the arguments after the program (and, for
// Python, after the module). Everything Parse rejects is a *UsageError.
//
// After "step", every argument in a flag's place is either a flag (it starts with "-"), whose
// value is the next argument, or the step's NAME: a pod's container puts what all steps share
// before NAME and the step's own flags after it.
func Parse(args []string) (*Command, error) {
	if len(args) < 2 || args[0] != "step" {
		return nil, usagef("%s", Synopsis)
	}
	c := &Command{Index: -1, Params: map[string]string{}}
	seen := map[string]bool{}
	for i := 1; i < len(args); i += 2 {
		flag := args[i]
		if !strings.HasPrefix(flag, "-") {
			if err := c.setStep(flag); err != nil {
				return nil, err
			}
			i-- // a name takes no value
			continue
		}
		if i+1 >= len(args) {
			return nil, usagef("%s needs a value", flag)
		}
		if seen[flag] && flag != "--in" && flag != "--param" {
			return nil, usagef("%s is given twice", flag)
		}
		seen[flag] = true
		if err := c.set(flag, args[i+1]); err != nil {
			return nil, err
		}
	}
	if err := c.validate(); err != nil {
		return nil, err
	}
	if c.ParamsFile != "" {
		if err := c.readParamsFile(); err != nil {
			return nil, err
		}
	}
	return c, nil
}

func (c *Command) setStep(name string) error {
	switch {
	case c.Step != "":
		return usagef("two step names, %q and %q", c.Step, name)
	case !IsName(name):
		return usagef("step name %q is not an identifier", name)
	}
	c.Step = name
	return nil
}

func (c *Command) set(flag, val string) error {
	switch flag {
	case "--flow":
		c.Flow = val
	case "--class":
		c.Class = val
	case "--in-dir":
		if val == "" {
			return usagef("--in-dir needs a directory")
		}
		c.InDir = val
	case "--in", "--in-foreach":
		parent, dir, ok := strings.Cut(val, "=")
		if !IsName(parent) || ok && dir == "" {
			return usagef("%s %q: want PARENT or PARENT=DIR", flag, val)
		}
		if flag == "--in-foreach" {
			c.InForeach = &In{parent, dir}
			return nil
		}
		for _, in := range c.In {
			if in.Parent == parent {
				return usagef("--in names parent %q twice", parent)
			}
		}
		c.In = append(c.In, In{parent, dir})
	case "--index":
		n, err := strconv.Atoi(val)
		if err != nil || n < 0 || strings.TrimLeft(val, "0123456789") != "" {
			return usagef("--index %q: want a non-negative integer", val)
		}
		c.Index = n
	case "--out":
		c.Out = val
	case "--param":
		return c.setParam(val)
	case "--params-file":
		c.ParamsFile = val
	case "--next":
		c.HasNext, c.Next = true, strings.Split(val, ",")
		for _, n := range c.Next {
			if !IsName(n) {
				return usagef("--next %q: want step names separated by commas", val)
			}
		}
	case "--foreach":
		if !IsName(val) {
			return usagef("--foreach %q: want an attribute name", val)
		}
		c.Foreach = val
	default:
		return usagef("unknown flag %q", flag)
	}
	return nil
}

func (c *Command) setParam(val string) error {
	name, enc, ok := strings.Cut(val, "=")
	v, err := base64.StdEncoding.Strict().DecodeString(enc)
	if !ok || name == "" || err != nil || !utf8.Valid(v) {
		return usagef("--param %q: want NAME=BASE64, the value base64-encoded UTF-8", val)
	}
	if _, dup := c.Params[name]; dup {
		return usagef("--param %s is given twice", name)
	}
	c.Params[name] = string(v)
	return nil
}

func (c *Command) validate() error {
	switch {
	case c.Step == "":
		return usagef("no step NAME: %s", Synopsis)
	case c.Out == "":
		return usagef("--out DIR is required")
	case c.InForeach != nil && len(c.In) > 0:
		return usagef("--in-foreach and --in do not go together")
	case c.Index >= 0 && len(c.In) != 1:
		return usagef("--index needs exactly one --in, the foreach step's")
	case c.Foreach != "" && len(c.Next) != 1:
		return usagef("--foreach needs --next with exactly one step")
	case (c.Flow == "") != (c.Class == ""):
		return usagef("--flow and --class go together")
	}
	ins := make([]*In, 0, len(c.In)+1)
	for i := range c.In {
		ins = append(ins, &c.In[i])
	}
	if c.InForeach != nil {
		ins = append(ins, c.InForeach)
	}
	for _, in := range ins {
		if in.Dir != "" {
			continue
		}
		if c.InDir == "" {
			return usagef("--in %s without =DIR needs --in-dir", in.Parent)
		}
		in.Dir = filepath.Join(c.InDir, in.Parent)
	}
	return nil
}

// readParamsFile adds the values of --params-file: a JSON object of parameter names to string
// values, for values too large for the command line.
func (c *Command) readParamsFile() error {
	data, err := os.ReadFile(c.ParamsFile)
	if err != nil {
		return usagef("--params-file: %v", err)
	}
	var m map[string]string
	if err := json.Unmarshal(data, &m); err != nil {
		return usagef("--params-file %s: want a JSON object of strings: %v", c.ParamsFile, err)
	}
	for name, v := range m {
		if _, dup := c.Params[name]; dup {
			return usagef("parameter %s is given by --param and by --params-file", name)
		}
		c.Params[name] = v
	}
	return nil
}

// IsName reports whether s is an identifier: a step, parent or attribute name.
func IsName(s string) bool {
	for i, r := range s {
		if r != '_' && !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') && (i == 0 || r < '0' || r > '9') {
			return false
		}
	}
	return s != ""
}

// ParamArg is the value of a --param flag: name=value, the value base64-encoded.
func ParamArg(name, value string) string {
	return name + "=" + base64.StdEncoding.EncodeToString([]byte(value))
}
