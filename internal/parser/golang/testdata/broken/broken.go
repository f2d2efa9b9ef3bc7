// Package main does not parse: a test of syntax diagnostics.
package main

func main() {
