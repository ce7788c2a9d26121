package plan

import (
	"syscall"
	"time"
)

// threadTime is the CPU time the calling OS thread has used: what a
// measurement needs on a machine others are loading.
func threadTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_THREAD, &ru); err != nil {
		return time.Duration(time.Now().UnixNano())
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
