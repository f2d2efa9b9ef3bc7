package ir

import (
	"math"
	"strconv"
	"strings"
)

// Decoded decorator values: what a decorator's arguments mean, derived once here for the checks
// (which validate them), the emitters and flowc run (which use them).

// ScheduleKinds are @schedule's ways to say when, in the order Metaflow prefers them, with the
// cron expression each stands for.
var ScheduleKinds = []struct{ Arg, Cron string }{
	{"cron", ""},
	{"weekly", "0 0 * * SUN"},
	{"hourly", "0 * * * *"},
	{"daily", "0 0 * * *"},
}

// Schedule returns the cron schedule, in the five-field form Argo's CronWorkflow takes, and the
// time zone ("" for the controller's) of f's @schedule; ok is false when f has none. It follows
// Metaflow: cron= wins, then weekly, hourly and daily; a bare @schedule is daily; a sixth (year)
// field of "*", as in the AWS form Metaflow documents, is dropped (the schedule check refuses any
// other year). Meaningful on a flow that passed the checks.
func Schedule(f *Flow) (cron, timezone string, ok bool) {
	if f == nil {
		return "", "", false
	}
	d := f.Decorator("schedule")
	if d == nil {
		return "", "", false
	}
	if a := d.Arg("timezone"); a != nil && a.Value.Kind == ValString {
		timezone = a.Value.Str
	}
	for _, k := range ScheduleKinds {
		a := d.Arg(k.Arg)
		switch {
		case k.Arg == "cron" && a != nil && a.Value.Kind == ValString && a.Value.Str != "":
			fields := strings.Fields(a.Value.Str)
			if len(fields) == 6 && fields[5] == "*" { // checked: any other year is refused
				fields = fields[:5]
			}
			return strings.Join(fields, " "), timezone, true
		case k.Arg != "cron" && a != nil && a.Value.Kind == ValBool && a.Value.Bool,
			k.Arg == "daily" && (a == nil || a.Value.Kind == ValNone):
			return k.Cron, timezone, true
		}
	}
	return "", "", false
}

// TimeoutSeconds returns the duration of a @timeout decorator in seconds: seconds + 60*minutes
// + 3600*hours, as Metaflow adds them. Meaningful on a flow that passed the checks.
func TimeoutSeconds(d *Decorator) int64 {
	total, _ := TimeoutTotal(d)
	return total
}

// TimeoutTotal adds up a @timeout; ok is false when the sum passes what Argo's 32-bit
// activeDeadlineSeconds holds (then total is that maximum, never a wrapped value).
func TimeoutTotal(d *Decorator) (total int64, ok bool) {
	if d == nil {
		return 0, true
	}
	for _, u := range []struct {
		arg  string
		secs int64
	}{{"seconds", 1}, {"minutes", 60}, {"hours", 3600}} {
		if a := d.Arg(u.arg); a != nil {
			if n, isInt := a.Value.AsInt(); isInt && n > 0 {
				if n > (math.MaxInt32-total)/u.secs {
					return math.MaxInt32, false
				}
				total += n * u.secs
			}
		}
	}
	return total, true
}

// AsInt is v as an integer: an int, or a string that is a base-10 integer (spaces around it
// ignored), as Metaflow accepts numbers in decorators.
func (v Value) AsInt() (int64, bool) {
	switch v.Kind {
	case ValInt:
		return v.Int, true
	case ValString:
		n, err := strconv.ParseInt(strings.TrimSpace(v.Str), 10, 64)
		return n, err == nil
	}
	return 0, false
}
