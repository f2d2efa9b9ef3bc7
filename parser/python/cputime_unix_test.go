//go:build unix

package python_test

import "syscall"

// cpuTime is the CPU time the process has used, in nanoseconds, all threads (the garbage
// collector's too): on a shared machine a benchmark's wall time also counts other processes.
func cpuTime() (int64, bool) {
	var u syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &u) != nil {
		return 0, false
	}
	return u.Utime.Nano() + u.Stime.Nano(), true
}
