package main

// This file is not gofmt'd on purpose: gofmt turns "//flowc: retry" into "// flowc: retry".

//flowc: retry times=2 // want decorator "^//flowc: is followed by a space, so it names no directive$"
//flowc:step
func (f *SpaceFlow) Late() error {
	f.Next(f.End)
	return nil
}
