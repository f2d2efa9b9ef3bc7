// Package main is an error case of flowc's Go frontend: state fields and parameters whose types
// encoding/json cannot save or read, which compiled and then failed when a step ended.
package main

import (
	"encoding/json"

	"github.com/flowc-dev/flowc/flow"
)

// Hook holds a function but saves itself as JSON: allowed.
type Hook struct{ Fn func() }

// MarshalJSON saves nothing of the function.
func (Hook) MarshalJSON() ([]byte, error) { return json.Marshal(nil) }

// Inner is state with a channel deep inside.
type Inner struct {
	Done []map[string]*chan bool
}

//flowc:flow
type StateTypeFlow struct {
	flow.FlowSpec
	Ready  chan int   // want type-check "^state field Ready has type chan int, which holds a channel: encoding/json cannot save it between steps$"
	Inner             // want type-check "^state field Inner has type Inner, which holds a channel"
	Z      complex128 // want type-check "which holds a complex number"
	Hook   Hook
	Local  chan int `flow:"-"`
	hidden func()
	Mode   func() `flow:"param=mode"` // want parameter "^parameter field Mode has type func\(\), which holds a function: no command-line value can set it$"
}

//flowc:step
func (f *StateTypeFlow) Start() error {
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *StateTypeFlow) End() error { return nil }

func main() { flow.Main(new(StateTypeFlow)) }
