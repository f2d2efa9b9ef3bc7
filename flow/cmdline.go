package flow

import "github.com/flowc-dev/flowc/internal/stepcmd/spec"

// The step command line and its rules belong to flowc's step protocol (the stepcmd package and
// its PROTOCOL.md), which the Python runtime follows too:
//
//	step [--in-dir DIR] --out DIR [--param NAME=BASE64]... [--params-file FILE]
//	     NAME [--in PARENT[=DIR]]... [--in-foreach PARENT[=DIR]] [--index N] [--next A,B] [--foreach FIELD]
//
// NAME and the flags come in any order; a pod's command holds the part every step shares.
//
// A parameter's value is base64-encoded (standard alphabet): Argo substitutes {{...}} in a
// command line more than once, and base64 holds no braces. Values too large for one argument
// come in --params-file, a JSON object of names to values.

// UsageError is a command line that flowc would not have built: a bad flag or value.
type UsageError = spec.UsageError

// parseCommand reads args, the arguments after the program name. --flow and --class belong to
// the Python runtime's entrypoint: a Go binary is the flow.
func parseCommand(args []string) (*spec.Command, error) {
	c, err := spec.Parse(args)
	if err != nil {
		return nil, err
	}
	if c.Flow != "" {
		return nil, &UsageError{Msg: "--flow and --class are for the Python runtime; a Go flow's binary is the flow"}
	}
	return c, nil
}

// ParamArg is the value of a --param flag on the step command line: name=value with the value
// base64-encoded, as flowc passes it.
func ParamArg(name, value string) string { return spec.ParamArg(name, value) }
