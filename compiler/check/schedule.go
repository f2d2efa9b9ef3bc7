package check

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // the time zone database, so that every machine checks zones alike

	"github.com/flowc-dev/flowc/compiler/ir"
)

// Schedule returns f's cron schedule and time zone; see ir.Schedule.
func Schedule(f *ir.Flow) (cron, timezone string, ok bool) { return ir.Schedule(f) }

func checkSchedule(p *Pass, d *ir.Decorator, valid map[string]*ir.Arg) {
	name := decoName(p.Flow, d.Name)
	var set []string
	for _, k := range ir.ScheduleKinds {
		a := valid[k.Arg]
		if a != nil && (a.Value.Kind == ir.ValBool && a.Value.Bool || a.Value.Kind == ir.ValString) {
			set = append(set, k.Arg)
		}
	}
	if len(set) > 1 {
		p.Warnf(d.Pos, "%s gives both %s and %s; %s is used, as in Metaflow", name, set[0], set[1], set[0])
	}
	// A scheduled run has no one to ask for a value; Argo rejects the CronWorkflow outright.
	for _, prm := range p.Flow.Params {
		if prm.Default == nil && prm.Required {
			p.reportFix(orPos(prm.NamePos, prm.Pos), "give it a default", "parameter %q has no default, but %s starts runs that cannot pass one",
				prm.Name, name)
		}
	}
	if a := valid["cron"]; a != nil && a.Value.Kind == ir.ValString && !hasBraces(a.Value.Str) {
		if why := cronProblem(a.Value.Str); why != "" {
			p.Reportf(orPos(a.Pos, d.Pos), "%s cron %q is not a schedule Argo accepts: %s", name, a.Value.Str, why)
		}
	}
	if a := valid["timezone"]; a != nil && a.Value.Kind == ir.ValString && !validTimezone(a.Value.Str) && !hasBraces(a.Value.Str) {
		p.Reportf(orPos(a.Pos, d.Pos), "%s timezone %q is not a time zone name such as \"Europe/Berlin\"", name, a.Value.Str)
	}
}

// validTimezone looks the name up in the IANA database embedded in flowc (time/tzdata), so the
// answer is the same on every machine, whatever zone files it has.
func validTimezone(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("_+-/", c) >= 0) {
			return false
		}
	}
	if s == "" || s == "Local" {
		return false
	}
	_, err := time.LoadLocation(s)
	return err == nil
}

// cronField is one field of a standard cron expression: its name, bounds and value names.
type cronField struct {
	name     string
	min, max int
	names    []string // names[i] stands for min+i
}

var cronFields = []cronField{
	{"minute", 0, 59, nil},
	{"hour", 0, 23, nil},
	{"day-of-month", 1, 31, nil},
	{"month", 1, 12, strings.Fields("jan feb mar apr may jun jul aug sep oct nov dec")},
	{"day-of-week", 0, 6, strings.Fields("sun mon tue wed thu fri sat")},
}

// cronProblem says why s is not a schedule that Argo's parser (robfig/cron's standard parser)
// accepts once a sixth, year field is dropped, or "" when it is.
func cronProblem(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "@") {
		switch {
		case s == "@yearly" || s == "@annually" || s == "@monthly" || s == "@weekly" || s == "@daily" || s == "@midnight" || s == "@hourly":
			return ""
		case strings.HasPrefix(s, "@every "):
			d, err := time.ParseDuration(strings.TrimSpace(s[len("@every "):]))
			switch {
			case err != nil:
				return "@every takes a duration such as 1h30m"
			case d < time.Second:
				return "@every takes a duration of at least 1s"
			}
			return ""
		}
		return "unknown descriptor; use @hourly, @daily, @weekly, @monthly, @yearly or @every <duration>"
	}
	fields := strings.Fields(s)
	if len(fields) != 5 && len(fields) != 6 {
		return fmt.Sprintf("it has %d fields; give five: minute hour day-of-month month day-of-week", len(fields))
	}
	for i, spec := range cronFields {
		if why := cronFieldProblem(fields[i], spec); why != "" {
			return why
		}
	}
	if len(fields) == 6 && fields[5] != "*" {
		return fmt.Sprintf("the sixth (year) field %q cannot be kept: Argo's cron has five fields, so only \"*\" (every year) is accepted there", fields[5])
	}
	return ""
}

// cronFieldProblem checks one field: a comma list of *, ?, n or n-m, each with an optional /step.
func cronFieldProblem(field string, spec cronField) string {
	for _, part := range strings.Split(field, ",") {
		rng, step, hasStep := strings.Cut(part, "/")
		if hasStep {
			if n, err := strconv.Atoi(step); err != nil || n <= 0 {
				return fmt.Sprintf("%s step %q is not a positive number", spec.name, step)
			}
		}
		if rng == "*" || rng == "?" {
			continue
		}
		lo, hi, isRange := strings.Cut(rng, "-")
		switch {
		case lo == "" || isRange && hi == "":
			return fmt.Sprintf("%s field %q is not valid", spec.name, field)
		case !spec.valid(lo):
			return fmt.Sprintf("%s value %q is not valid (%d-%d)", spec.name, lo, spec.min, spec.max)
		case isRange && !spec.valid(hi):
			return fmt.Sprintf("%s value %q is not valid (%d-%d)", spec.name, hi, spec.min, spec.max)
		case isRange && spec.value(lo) > spec.value(hi):
			return fmt.Sprintf("%s range %q ends before it begins", spec.name, rng)
		}
	}
	return ""
}

func (f cronField) valid(v string) bool {
	n := f.value(v)
	return f.min <= n && n <= f.max
}

// value reads a number or a name of the field, or -1.
func (f cronField) value(v string) int {
	if n, err := strconv.Atoi(v); err == nil {
		return n
	}
	for i, name := range f.names {
		if strings.EqualFold(v, name) {
			return f.min + i
		}
	}
	return -1
}
