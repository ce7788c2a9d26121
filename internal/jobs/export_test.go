package jobs

import "io/fs"

// Kill stops r as a crashed node would: its handlers' contexts end, but it
// writes nothing more — no heartbeat, no result, no release.
func (r *Runner) Kill() {
	r.mu.Lock()
	r.killed = true
	for _, run := range r.running {
		run.cancel(errShutdown)
	}
	r.mu.Unlock()
}

// Files exposes the embedded files to the package's tests.
func Files() fs.FS { return files }
