package main

// #include <stdlib.h>
import "C" // want build "this file uses cgo \(import \"C\"\): flowc reads Go flows and builds their images with cgo disabled"

func cHelper() {}
