// Package layers has no code: its test enforces the import direction the README's Architecture
// section describes, so that a layer that starts leaking into another fails `go test` at once.
package layers
