package python

import (
	"fmt"

	"github.com/flowc-dev/flowc/compiler/ir"
)

// Words are how diagnostics name Python's constructs; every flow of this frontend carries them.
var Words = &ir.Words{
	Next:          "self.next",
	LastStatement: "last statement",
	DecoPrefix:    "@",
	Decorator:     "decorator",
	InputsParam:   "the inputs argument",
	Signatures:    "a join takes (self, inputs), other steps take (self)",
	Bools:         "True or False",
	JoinHow:       func(step string) string { return fmt.Sprintf("declare it as def %s(self, inputs)", step) },
	Marks:         true,
}
