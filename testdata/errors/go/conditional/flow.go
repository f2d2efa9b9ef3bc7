// Package main is an error case of flowc's Go frontend and checks: each diagnostic is expected by
// a want comment on its line.
package main

import "github.com/flowc-dev/flowc/flow"

//flowc:flow
type ConditionalFlow struct {
	flow.FlowSpec
	X int
}

//flowc:step
func (f *ConditionalFlow) Start() error {
	if f.X > 1 {
		f.Next(f.A) // want conditional-branching "inside an \"if\""
	} else {
		f.Next(f.End) // want conditional-branching "inside an \"if\""
	}
	return nil
}

//flowc:step
func (f *ConditionalFlow) A() error {
	for range 3 {
		f.Next(f.B) // want conditional-branching "\"for\" loop"
	}
	return nil
}

//flowc:step
func (f *ConditionalFlow) B() error {
	switch f.X {
	case 1:
		f.Next(f.C) // want conditional-branching "\"switch\" statement"
	}
	return nil
}

//flowc:step
func (f *ConditionalFlow) C() error {
	select {
	default:
		f.Next(f.D) // want conditional-branching "\"select\" statement"
	}
	return nil
}

//flowc:step
func (f *ConditionalFlow) D() error {
	defer f.Next(f.E) // want conditional-branching "\"defer\""
	return nil
}

//flowc:step
func (f *ConditionalFlow) E() error {
	go f.Next(f.G) // want conditional-branching "\"go\""
	return nil
}

//flowc:step
func (f *ConditionalFlow) G() error {
	func() {
		f.Next(f.H) // want conditional-branching "nested function"
	}()
	return nil
}

//flowc:step
func (f *ConditionalFlow) H() error {
	f.Next(f.pick()) // want conditional-branching "target \"f.pick\(\)\" is chosen by an expression"
	return nil
}

//flowc:step
func (f *ConditionalFlow) I() error {
	f.Next(f.End)
	f.Next(f.A) // want invalid-transition "more than once"
	return nil
}

//flowc:step
func (f *ConditionalFlow) End() error {
	return nil
}

func (f *ConditionalFlow) pick() any {
	if f.X > 0 {
		return f.End
	}
	return f.A
}

func main() { flow.Main(new(ConditionalFlow)) }
