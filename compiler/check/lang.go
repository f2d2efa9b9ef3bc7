package check

import (
	"fmt"

	"github.com/flowc-dev/flowc/compiler/ir"
)

// Messages name source constructs the way the flow's language writes them, in the words its
// frontend gave (ir.Flow.Words); the checks never ask which language a flow is in for that.

// neutral is the wording of a flow built without a frontend (a test's, say): no message has a hole.
var neutral = ir.Words{
	Next:          "next",
	LastStatement: "last statement",
	DecoPrefix:    "@",
	Decorator:     "decorator",
	InputsParam:   "the inputs",
	Signatures:    "a join takes inputs, other steps take none",
	Bools:         "a bool",
	JoinHow:       func(string) string { return "make it take inputs" },
}

func words(f *ir.Flow) *ir.Words {
	if f.Words != nil {
		return f.Words
	}
	return &neutral
}

// nextCall is the transition call: self.next in Python, f.Next in Go.
func nextCall(f *ir.Flow) string { return words(f).Next }

// lastStatement is where a transition goes in a step body.
func lastStatement(f *ir.Flow) string { return words(f).LastStatement }

// decoName is a decorator as written: @retry in Python, //flowc:retry in Go.
func decoName(f *ir.Flow, name string) string { return words(f).DecoPrefix + name }

// decoWord is what the language calls a decorator.
func decoWord(f *ir.Flow) string { return words(f).Decorator }

// joinSignature tells how to declare the step named name as a join.
func joinSignature(f *ir.Flow, name string) string {
	if w := words(f); w.JoinHow != nil {
		return w.JoinHow(name)
	}
	return fmt.Sprintf("make %q take inputs", name)
}

// inputsParam is the parameter that makes a step a join.
func inputsParam(f *ir.Flow) string { return words(f).InputsParam }

// signatures says what a join and other steps take.
func signatures(f *ir.Flow) string { return words(f).Signatures }
