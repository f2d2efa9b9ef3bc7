//go:build !unix

package python_test

// cpuTime is not measured here.
func cpuTime() (int64, bool) { return 0, false }
