package flow

import (
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
)

// command is one step's command line, as flowc builds it for the Argo pod and for flowc run:
//
//	step NAME [--in PARENT=DIR]... [--in-foreach PARENT=DIR] [--index N] --out DIR
//	     [--param NAME=BASE64]... [--next A,B] [--foreach FIELD]
//
// A parameter's value is base64-encoded (standard alphabet): Argo substitutes {{...}} in a
// command line more than once, and base64 holds no braces.
type command struct {
	step      string
	in        []input
	inForeach *input
	index     int // -1 when not given
	out       string
	params    map[string]string
	next      []string
	hasNext   bool
	foreach   string
}

type input struct{ parent, dir string }

// UsageError is a command line that flowc would not have built: a bad flag or value.
type UsageError struct{ msg string }

func (e *UsageError) Error() string { return "usage: " + e.msg }

func usagef(format string, args ...any) error { return &UsageError{fmt.Sprintf(format, args...)} }

// parseCommand reads args, the arguments after the program name.
func parseCommand(args []string) (*command, error) {
	if len(args) < 2 || args[0] != "step" {
		return nil, usagef("step NAME [--in PARENT=DIR]... [--in-foreach PARENT=DIR] [--index N] --out DIR [--param NAME=BASE64]... [--next A,B] [--foreach FIELD]")
	}
	c := &command{step: args[1], index: -1, params: map[string]string{}}
	for i := 2; i < len(args); i += 2 {
		flag := args[i]
		if i+1 >= len(args) {
			return nil, usagef("%s needs a value", flag)
		}
		val := args[i+1]
		if err := c.set(flag, val); err != nil {
			return nil, err
		}
	}
	if c.out == "" {
		return nil, usagef("--out DIR is required")
	}
	return c, nil
}

func (c *command) set(flag, val string) error {
	switch flag {
	case "--in", "--in-foreach":
		parent, dir, ok := strings.Cut(val, "=")
		if !ok || parent == "" || dir == "" {
			return usagef("%s %q: want PARENT=DIR", flag, val)
		}
		if flag == "--in" {
			c.in = append(c.in, input{parent, dir})
		} else if c.inForeach != nil {
			return usagef("--in-foreach is given twice")
		} else {
			c.inForeach = &input{parent, dir}
		}
	case "--index":
		n, err := strconv.Atoi(val)
		if err != nil || n < 0 {
			return usagef("--index %q: want a non-negative integer", val)
		}
		c.index = n
	case "--out":
		c.out = val
	case "--param":
		name, enc, ok := strings.Cut(val, "=")
		v, err := base64.StdEncoding.DecodeString(enc)
		if !ok || name == "" || err != nil {
			return usagef("--param %q: want NAME=BASE64, the value base64-encoded", val)
		}
		c.params[name] = string(v)
	case "--next":
		c.hasNext = true
		c.next = strings.Split(val, ",")
	case "--foreach":
		c.foreach = val
	default:
		return usagef("unknown flag %q", flag)
	}
	return nil
}

// ParamArg is the value of a --param flag on the step command line: name=value with the value
// base64-encoded, as flowc passes it.
func ParamArg(name, value string) string {
	return name + "=" + base64.StdEncoding.EncodeToString([]byte(value))
}
