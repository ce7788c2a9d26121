package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"syscall"
	"time"

	"kexie/internal/survey/estimate"
	"kexie/internal/survey/estimate/synth"
)

// benchSurveyEstimate: kexie bench survey-estimate [--rows 1000000]
// [--runs 3] [--dir D] writes synthetic I.json, M.csv (4 margins) and
// R.csv, then times `kexie survey estimate` on them in a child process —
// wall and CPU time, peak resident memory — next to two anchors measured
// the same way in the same run: reading R.csv with encoding/csv and
// nothing else, and reading it into estimate.Responses.
func benchSurveyEstimate(ctx context.Context, e *env, args []string) error {
	fs := e.flags("bench survey-estimate")
	rows := fs.Int("rows", 1_000_000, "responses to generate")
	runs := fs.Int("runs", 3, "runs of each command (the median is reported)")
	dir := fs.String("dir", "", "keep the files in this folder (default: a temporary one)")
	anchor := fs.String("anchor", "", "internal: csv FILE or read FILE, the anchors run in the child")
	if err := fs.Parse(args); err != nil {
		return usageError(err.Error())
	}
	if *anchor != "" {
		return surveyAnchor(*anchor, fs.Arg(0))
	}
	if *dir == "" {
		d, err := os.MkdirTemp("", "kexie-survey-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(d)
		*dir = d
	}
	inst, marg, resp := filepath.Join(*dir, "I.json"), filepath.Join(*dir, "M.csv"), filepath.Join(*dir, "R.csv")
	start := time.Now()
	for _, f := range []struct {
		path  string
		write func(io.Writer) error
	}{
		{inst, synth.Instrument}, {marg, synth.Margins},
		{resp, func(w io.Writer) error { return synth.Responses(w, *rows, 1) }},
	} {
		if err := writeWith(f.path, f.write); err != nil {
			return err
		}
	}
	st, err := os.Stat(resp)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "wrote %d responses (%.1f MB) in %s\n", *rows, float64(st.Size())/1e6, time.Since(start).Round(time.Millisecond))
	self, err := os.Executable()
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "survey-estimate: %d responses, 4 margins, %d questions, %s, %d CPUs, %s\n", *rows, synth.Questions, runtime.GOOS+"/"+runtime.GOARCH, runtime.NumCPU(), runtime.Version())
	fmt.Fprintf(e.stdout, "%-44s %10s %10s %12s\n", "command", "wall", "cpu", "peak RSS")
	for _, c := range []struct {
		name string
		args []string
	}{
		{"anchor: encoding/csv reads R.csv", []string{"bench", "survey-estimate", "--anchor", "csv", resp}},
		{"anchor: estimate.ReadResponses", []string{"bench", "survey-estimate", "--anchor", "read", resp}},
		{"kexie survey estimate (rake 4 margins)", []string{"survey", "estimate", "--instrument", inst, "--responses", resp, "--margins", marg, "--json"}},
	} {
		var walls, cpus []time.Duration
		var rss int64
		for range *runs {
			cmd := exec.CommandContext(ctx, self, c.args...)
			cmd.Stdout, cmd.Stderr = io.Discard, e.stderr
			t0 := time.Now()
			if err := cmd.Run(); err != nil {
				return fmt.Errorf("%s: %w", c.name, err)
			}
			walls = append(walls, time.Since(t0))
			ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
			if ok {
				cpus = append(cpus, time.Duration(ru.Utime.Nano()+ru.Stime.Nano()))
				rss = max(rss, ru.Maxrss) // KiB on Linux
			}
		}
		fmt.Fprintf(e.stdout, "%-44s %10s %10s %9.0f MB\n", c.name, median(walls).Round(time.Millisecond), median(cpus).Round(time.Millisecond), float64(rss)/1024)
	}
	return nil
}

func writeWith(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// surveyAnchor runs one anchor on file in this (child) process.
func surveyAnchor(kind, file string) error {
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	switch kind {
	case "csv":
		cr := csv.NewReader(f)
		cr.ReuseRecord = true
		for {
			if _, err := cr.Read(); err == io.EOF {
				return nil
			} else if err != nil {
				return err
			}
		}
	case "read":
		_, err := estimate.ReadResponses(f, estimate.Limits{})
		return err
	}
	return usageError("bench survey-estimate: --anchor is csv or read")
}

func median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}
