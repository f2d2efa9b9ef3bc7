package ir

import (
	"strconv"
	"strings"
)

// Units of resource values given as plain numbers, as Metaflow reads them.
const (
	CPUUnit    = ""  // cores
	MemoryUnit = "M" // megabytes (10^6 bytes), Metaflow's "%sM" for memory, disk and shared memory
)

// Quantity renders a @resources or @kubernetes value as a Kubernetes quantity: a number, or a
// string that is a plain number, gets unit appended ("4096" with MemoryUnit is "4096M"); any other
// string is taken as a quantity as written ("4Gi", "500m"). ok is false when the result is not a
// valid quantity above zero; the decorator check reports those, so an emitter can rely on ok.
func Quantity(v Value, unit string) (q string, ok bool) {
	switch v.Kind {
	case ValInt:
		q = strconv.FormatInt(v.Int, 10) + unit
	case ValFloat:
		q = strconv.FormatFloat(v.Float, 'f', -1, 64) + unit
	case ValString:
		q = strings.TrimSpace(v.Str)
		if n, ok := scanNumber(q); ok && n == len(q) {
			q += unit
		}
	default:
		return "", false
	}
	positive, valid := parseQuantity(q)
	return q, valid && positive
}

// PositiveQuantity reports whether v is a valid quantity above zero, in cores when cpu is set
// and in MemoryUnit otherwise.
func PositiveQuantity(v Value, cpu bool) bool {
	unit := MemoryUnit
	if cpu {
		unit = CPUUnit
	}
	_, ok := Quantity(v, unit)
	return ok
}

// parseQuantity reports whether s is a Kubernetes resource quantity and whether it is above
// zero. The grammar is k8s.io/apimachinery's, without importing it:
//
//	quantity ::= sign? digits ( "." digits? )? suffix | sign? "." digits suffix
//	suffix   ::= "" | Ki | Mi | Gi | Ti | Pi | Ei | n | u | m | k | M | G | T | P | E
//	           | ( "e" | "E" ) sign? digits
func parseQuantity(s string) (positive, ok bool) {
	i, ok := scanNumber(s)
	if !ok || !validSuffix(s[i:]) {
		return false, false
	}
	return strings.ContainsAny(s[:i], "123456789") && s[0] != '-', true
}

// scanNumber scans sign? digits ("." digits?)? or sign? "." digits at the start of s and returns
// where it ends; ok is false when there are no digits.
func scanNumber(s string) (end int, ok bool) {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := 0
	scan := func() {
		for ; i < len(s) && '0' <= s[i] && s[i] <= '9'; i++ {
			digits++
		}
	}
	scan()
	if i < len(s) && s[i] == '.' {
		i++
		scan()
	}
	return i, digits > 0
}

func validSuffix(s string) bool {
	switch s {
	case "", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei", "n", "u", "m", "k", "M", "G", "T", "P", "E":
		return true
	}
	if s[0] != 'e' && s[0] != 'E' {
		return false
	}
	exp := strings.TrimLeft(s[1:], "+-")
	if len(s[1:])-len(exp) > 1 || exp == "" {
		return false
	}
	for i := 0; i < len(exp); i++ {
		if exp[i] < '0' || exp[i] > '9' {
			return false
		}
	}
	return true
}
