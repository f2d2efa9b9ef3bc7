package ir

import (
	"strings"
	"testing"
)

func str(s string) Value { return Value{Kind: ValString, Str: s} }
func num(n int64) Value  { return Value{Kind: ValInt, Int: n} }

func TestQuantity(t *testing.T) {
	for _, c := range []struct {
		v    Value
		unit string
		want string
		ok   bool
	}{
		{num(4096), MemoryUnit, "4096M", true},
		{str(" 2 "), CPUUnit, "2", true},
		{str("500m"), CPUUnit, "500m", true},
		{str("4Gi"), MemoryUnit, "4Gi", true},
		{num(0), CPUUnit, "0", false},
		{str("-1"), CPUUnit, "-1", false},
		{str("4 GB"), MemoryUnit, "4 GB", false},
		{Value{Kind: ValNone}, CPUUnit, "", false},
	} {
		if q, ok := Quantity(c.v, c.unit); q != c.want || ok != c.ok {
			t.Errorf("Quantity(%+v, %q) = %q, %v; want %q, %v", c.v, c.unit, q, ok, c.want, c.ok)
		}
	}
}

func TestTimeout(t *testing.T) {
	d := &Decorator{Name: "timeout", Args: []Arg{{Name: "hours", Value: num(1)}, {Name: "minutes", Value: str("2")}, {Name: "seconds", Value: num(3)}}}
	if got := TimeoutSeconds(d); got != 3723 {
		t.Errorf("TimeoutSeconds = %d, want 3723", got)
	}
	huge := &Decorator{Name: "timeout", Args: []Arg{{Name: "hours", Value: num(1 << 40)}}}
	if total, ok := TimeoutTotal(huge); ok || total != 1<<31-1 {
		t.Errorf("TimeoutTotal(huge) = %d, %v; want the int32 maximum, false", total, ok)
	}
	if TimeoutSeconds(nil) != 0 {
		t.Error("TimeoutSeconds(nil) != 0")
	}
}

func TestSchedule(t *testing.T) {
	f := &Flow{Decorators: []*Decorator{{Name: "schedule", Args: []Arg{{Name: "cron", Value: str("0 5 * * ? *")}, {Name: "timezone", Value: str("Europe/Oslo")}}}}}
	if cron, tz, ok := Schedule(f); cron != "0 5 * * ?" || tz != "Europe/Oslo" || !ok {
		t.Errorf("Schedule = %q, %q, %v", cron, tz, ok)
	}
	f.Decorators[0].Args = nil
	if cron, _, ok := Schedule(f); cron != "0 0 * * *" || !ok {
		t.Errorf("bare @schedule = %q, %v; want daily", cron, ok)
	}
	if _, _, ok := Schedule(&Flow{}); ok {
		t.Error("a flow without @schedule has a schedule")
	}
}

func TestDNSName(t *testing.T) {
	if got := TemplateName("Load_Data"); got != "load-data" {
		t.Errorf("TemplateName(Load_Data) = %q", got)
	}
	long := strings.Repeat("a", 100)
	got := DNSName(long, MaxObjectName)
	if len(got) != MaxObjectName || got == DNSName(long+"b", MaxObjectName) {
		t.Errorf("DNSName of a long name = %q (%d bytes); want %d bytes, distinct per name", got, len(got), MaxObjectName)
	}
	if DNSName("__", MaxObjectName) != "" {
		t.Error(`DNSName("__") is not ""`)
	}
}
