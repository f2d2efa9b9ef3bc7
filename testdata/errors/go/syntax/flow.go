// Package main is an error case of flowc's Go frontend: a file that does not parse gives its first
// syntax error only, not what go/parser and the type checker report about the tree it patched up.
package main

import "github.com/flowc-dev/flowc/flow"

//flowc:flow
type SyntaxFlow struct {
	flow.FlowSpec
}

//flowc:step
func (f *SyntaxFlow) Start() error {
	f.Next(f.End // want syntax "^missing ',' before newline in argument list$"
	return nil
}

//flowc:step
func (f *SyntaxFlow) End() error { return nil }

func main() { flow.Main(new(SyntaxFlow)) }
