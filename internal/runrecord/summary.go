package runrecord

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"
)

// StepSummary is what one step did in a run: its tasks, how long from the first start to the
// last end, its state, retries and caught failures.
type StepSummary struct {
	Step     string        `json:"step"`
	Tasks    int           `json:"tasks"`
	Duration time.Duration `json:"duration_ns"`
	State    string        `json:"state"` // not run, running, succeeded, failed, caught
	Retries  int           `json:"retries"`
	Caught   int           `json:"caught"`
}

// NotRun is the state of a step that no task of the run reached.
const NotRun = "not run"

// Summary summarises every step of the run, in the flow's order.
func (r *Record) Summary() []StepSummary {
	var out []StepSummary
	for _, name := range r.StepNames() {
		s := StepSummary{Step: name, State: NotRun}
		var first, last time.Time
		for _, t := range r.StepTasks(name) {
			s.Tasks++
			s.Retries += t.Retries
			if t.State == TaskCaught {
				s.Caught++
			}
			s.State = worse(s.State, t.State)
			if first.IsZero() || t.Started.Before(first) {
				first = t.Started
			}
			if end := t.Started.Add(t.Duration); end.After(last) {
				last = end
			}
		}
		if s.Tasks > 0 {
			s.Duration = last.Sub(first)
		}
		out = append(out, s)
	}
	return out
}

// worse orders task states so that a step shows the state its reader must see first.
func worse(a, b string) string {
	rank := map[string]int{NotRun: 0, TaskSucceeded: 1, TaskCaught: 2, TaskRunning: 3, TaskFailed: 4}
	if rank[b] > rank[a] {
		return b
	}
	return a
}

// WriteTable prints the summary as an aligned table, as the end of `flowc run` shows it.
func (r *Record) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "STEP\tTASKS\tTIME\tSTATE\tRETRIES\tCAUGHT")
	for _, s := range r.Summary() {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%d\t%d\n", s.Step, s.Tasks, FormatDuration(s.Duration, s.Tasks), s.State, s.Retries, s.Caught)
	}
	return tw.Flush()
}

// FormatDuration prints a step's time for people: "-" when it did not run.
func FormatDuration(d time.Duration, tasks int) string {
	if tasks == 0 {
		return "-"
	}
	switch {
	case d < time.Second:
		return fmt.Sprintf("%dms", d.Milliseconds())
	case d < time.Minute:
		return strings.TrimSuffix(fmt.Sprintf("%.2f", d.Seconds()), "0") + "s"
	}
	return d.Round(time.Second).String()
}
