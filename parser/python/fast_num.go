package python

// Numbers for the fast parser: gpython matches a number with a series of regular expressions,
// which is most of its lexer's time on numeric code. These functions find the same token and
// value by hand for the forms it reads; anything else is fBad and goes to gpython.

import (
	"github.com/go-python/gpython/py"
)

// number reads the number starting at i and emits it.
func (x *fLexer) number(i int) (int, bool) {
	end := fNumberEnd(x.src, i)
	kind := fNum
	if end == i {
		kind = fBad
		end = i + 1
	}
	// gpython ends a number where its pattern ends, so "1if" or "0x1g" are two tokens there
	// and an error or a surprise in Python: leave whatever is glued to a number to gpython.
	for end < len(x.src) && (fIsNameChar(x.src[end]) || x.src[end] == '.') {
		kind = fBad
		end++
	}
	x.emit(kind, i, end)
	return end, true
}

// fNumberEnd returns where the number token gpython reads at i ends, trying its patterns in
// gpython's order: octal, hex and binary integers, floats, decimal integers.
func fNumberEnd(s string, i int) int {
	if i+1 < len(s) && s[i] == '0' {
		var digit func(byte) bool
		switch s[i+1] | 0x20 {
		case 'o':
			digit = func(c byte) bool { return '0' <= c && c <= '7' }
		case 'x':
			digit = func(c byte) bool { return fIsDigit(c) || 'a' <= c|0x20 && c|0x20 <= 'f' }
		case 'b':
			digit = func(c byte) bool { return c == '0' || c == '1' }
		}
		if digit != nil {
			j := i + 2
			for j < len(s) && digit(s[j]) {
				j++
			}
			if j > i+2 {
				return j
			}
		}
	}
	if end := fFloatEnd(s, i); end > i {
		return fImaginary(s, end)
	}
	j := fDigits(s, i)
	if j == i {
		return i
	}
	return fImaginary(s, j)
}

// fFloatEnd matches (([0-9]+|pointfloat)[eE][+-]?[0-9]+|pointfloat) at i, as a backtracking
// matcher would: the first alternative that matches wins.
func fFloatEnd(s string, i int) int {
	d := fDigits(s, i)
	if d > i {
		if e := fExponentEnd(s, d); e > d {
			return e
		}
	}
	for _, p := range fPointFloats(s, i) {
		if e := fExponentEnd(s, p); e > p {
			return e
		}
	}
	if ps := fPointFloats(s, i); len(ps) > 0 {
		return ps[0]
	}
	return i
}

// fPointFloats lists where ([0-9]*\.[0-9]+|[0-9]+\.) can end at i, in the order of its
// alternatives.
func fPointFloats(s string, i int) []int {
	var ends []int
	d := fDigits(s, i)
	if d < len(s) && s[d] == '.' {
		if f := fDigits(s, d+1); f > d+1 {
			ends = append(ends, f)
		}
		if d > i {
			ends = append(ends, d+1)
		}
	}
	return ends
}

func fExponentEnd(s string, i int) int {
	if i >= len(s) || s[i]|0x20 != 'e' {
		return i
	}
	j := i + 1
	if j < len(s) && (s[j] == '+' || s[j] == '-') {
		j++
	}
	if e := fDigits(s, j); e > j {
		return e
	}
	return i
}

func fDigits(s string, i int) int {
	for i < len(s) && fIsDigit(s[i]) {
		i++
	}
	return i
}

func fImaginary(s string, i int) int {
	if i < len(s) && s[i]|0x20 == 'j' {
		return i + 1
	}
	return i
}

// fNumber is the value gpython gives the number token text; ok is false where gpython would
// report an error (a decimal with a leading zero).
func fNumber(text string) (v py.Object, ok bool) {
	var err error
	switch {
	case len(text) > 2 && text[0] == '0' && text[1]|0x20 == 'o':
		v, err = py.IntFromString(text[2:], 8)
	case len(text) > 2 && text[0] == '0' && text[1]|0x20 == 'x':
		v, err = py.IntFromString(text[2:], 16)
	case len(text) > 2 && text[0] == '0' && text[1]|0x20 == 'b':
		v, err = py.IntFromString(text[2:], 2)
	case text[len(text)-1]|0x20 == 'j':
		v, err = py.FloatFromString(text[:len(text)-1])
		if err == nil {
			v = py.Complex(complex(0, float64(v.(py.Float))))
		}
	case fDigits(text, 0) < len(text):
		v, err = py.FloatFromString(text)
	default:
		if text[0] == '0' && len(text) > 1 && fDigits(text, 0) == len(text) {
			for _, c := range text {
				if c != '0' {
					return nil, false
				}
			}
		}
		v, err = py.IntFromString(text, 10)
	}
	return v, err == nil
}
