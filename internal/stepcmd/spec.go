package stepcmd

import "github.com/flowc-dev/flowc/internal/stepcmd/spec"

// The protocol's leaf definitions live in package spec, which the Go SDK imports without the
// compiler's packages; they are re-exported here for the rest of flowc.

// Exit codes of a step process.
const (
	ExitOK     = spec.ExitOK
	ExitFailed = spec.ExitFailed
	ExitUsage  = spec.ExitUsage
)

// Environment variables a step reads.
const (
	EnvRunID      = spec.EnvRunID
	EnvTaskID     = spec.EnvTaskID
	EnvRetryCount = spec.EnvRetryCount
	EnvRetryTimes = spec.EnvRetryTimes
	EnvCatch      = spec.EnvCatch
	EnvTimeout    = spec.EnvTimeout
	EnvOrigin     = spec.EnvOrigin
	EnvNamespace  = spec.EnvNamespace
	EnvBranch     = spec.EnvBranch
	EnvBlobDir    = spec.EnvBlobDir
)

// MaxArgParam is the largest parameter value that travels on the command line (spec.MaxArgParam).
const MaxArgParam = spec.MaxArgParam

// Command is a parsed step command line; In is one of its inputs.
type (
	Command    = spec.Command
	In         = spec.In
	UsageError = spec.UsageError
)

// Parse reads a step command line (spec.Parse).
func Parse(args []string) (*Command, error) { return spec.Parse(args) }

// ParseBool reads a bool parameter's value (spec.ParseBool).
func ParseBool(s string) (value, ok bool) { return spec.ParseBool(s) }

// BoolWords lists the bool words (spec.BoolWords).
func BoolWords() []string { return spec.BoolWords() }

// ParamArg is the value of a --param flag (spec.ParamArg).
func ParamArg(name, value string) string { return spec.ParamArg(name, value) }
