package golang

import "github.com/flowc-dev/flowc/compiler/ir"

// Words are how diagnostics name Go's constructs; every flow of this frontend carries them.
var Words = &ir.Words{
	Next:          "f.Next",
	LastStatement: "last statement before return",
	DecoPrefix:    "//flowc:",
	Decorator:     "directive",
	InputsParam:   "the flow.Inputs parameter",
	Signatures:    "a join takes one flow.Inputs parameter, other steps take none",
	Bools:         "true or false",
	JoinHow:       func(string) string { return "give it a flow.Inputs parameter" },
}
