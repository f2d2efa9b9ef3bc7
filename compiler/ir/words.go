package ir

// Words are how a source language writes the constructs that diagnostics name. Each frontend
// sets Flow.Words, so that the checks word what they find in the flow's own language without
// asking which language it is.
type Words struct {
	Next          string // the transition call: "self.next", "f.Next"
	LastStatement string // where the transition goes in a step body: "last statement"
	DecoPrefix    string // what precedes a decorator's name: "@", "//flowc:"
	Decorator     string // what the language calls a decorator: "decorator", "directive"
	InputsParam   string // what makes a step a join: "the inputs argument"
	Signatures    string // what a join and the other steps take
	Bools         string // how the two bool literals are written: "True or False"
	// JoinHow says how to declare the step named step as a join.
	JoinHow func(step string) string
	// Marks says whether a step can be marked start or end (Python's @step(start=True)); without
	// marks, start and end are found by name only.
	Marks bool
}
