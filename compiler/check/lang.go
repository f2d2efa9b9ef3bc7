package check

import (
	"fmt"

	"github.com/flowc-dev/flowc/compiler/ir"
)

// Messages name source constructs the way the flow's language writes them.

// nextCall is the transition call: self.next in Python, f.Next in Go.
func nextCall(f *ir.Flow) string {
	if f.Lang == ir.Go {
		return "f.Next"
	}
	return "self.next"
}

// lastStatement is where a transition goes in a step body.
func lastStatement(f *ir.Flow) string {
	if f.Lang == ir.Go {
		return "last statement before return"
	}
	return "last statement"
}

// decoName is a decorator as written: @retry in Python, //flowc:retry in Go.
func decoName(f *ir.Flow, name string) string {
	if f.Lang == ir.Go {
		return "//flowc:" + name
	}
	return "@" + name
}

// decoWord is what the language calls a decorator.
func decoWord(f *ir.Flow) string {
	if f.Lang == ir.Go {
		return "directive"
	}
	return "decorator"
}

// joinSignature tells how to declare the step named name as a join.
func joinSignature(f *ir.Flow, name string) string {
	if f.Lang == ir.Go {
		return "give it a flow.Inputs parameter"
	}
	return fmt.Sprintf("declare it as def %s(self, inputs)", name)
}

// inputsParam is the parameter that makes a step a join.
func inputsParam(f *ir.Flow) string {
	if f.Lang == ir.Go {
		return "the flow.Inputs parameter"
	}
	return "the inputs argument"
}

// signatures says what a join and other steps take.
func signatures(f *ir.Flow) string {
	if f.Lang == ir.Go {
		return "a join takes one flow.Inputs parameter, other steps take none"
	}
	return "a join takes (self, inputs), other steps take (self)"
}
