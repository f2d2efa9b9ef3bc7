package python

// This file holds the scanning of f-strings and their replacement fields (PEP 701 rules).

// normMaxFNesting bounds how deep replacement fields and f-strings inside them may nest, so
// that scanning hostile input cannot exhaust the stack. CPython allows about 150 levels in
// 3.12; real code uses two or three.
const normMaxFNesting = 64

// normFCtx describes the f-string being scanned.
type normFCtx struct {
	quote       byte
	triple, raw bool
}

// normFScan scans f-strings with Python 3.12's rules (PEP 701): a replacement field may hold
// any expression, strings with the same quotes and nested f-strings included. Every f-string
// valid before 3.12 scans the same way.
type normFScan struct {
	src  []byte
	deep bool // nesting went past normMaxFNesting
}

// literal scans the text of an f-string from i and returns the offset after its closing quotes.
func (f *normFScan) literal(i int, c normFCtx, level int) (int, bool) {
	src := f.src
	for i < len(src) {
		switch b := src[i]; {
		case b == c.quote && (!c.triple || normHasTriple(src, i, b)):
			return i + c.width(), true
		case b == '\\':
			i = f.escape(i, c.raw)
		case normBreakAt(src, i) > 0 && !c.triple:
			return i, false
		case b == '{' && i+1 < len(src) && src[i+1] == '{':
			i += 2
		case b == '{':
			var ok bool
			if i, ok = f.field(i+1, c, level+1); !ok {
				return i, false
			}
		default:
			i++
		}
	}
	return i, false
}

func (c normFCtx) width() int {
	if c.triple {
		return 3
	}
	return 1
}

// escape returns the offset after the escape sequence at the backslash src[i]. A brace after
// a backslash still opens or closes a field; \N{NAME} is one escape unless the string is raw.
func (f *normFScan) escape(i int, raw bool) int {
	src := f.src
	j := i + 1
	switch {
	case j < len(src) && (src[j] == '{' || src[j] == '}'):
		return j
	case !raw && j+1 < len(src) && src[j] == 'N' && src[j+1] == '{':
		k := j + 2
		for k < len(src) && (src[k] == ' ' || src[k] == '-' || normIdentEnd(src, k) > k) {
			k++
		}
		if k < len(src) && src[k] == '}' {
			return k + 1
		}
	}
	return normSkipEscape(src, i)
}

// field scans a replacement field from just after its '{' and returns the offset after its
// '}'. The expression part ends at a ':' or '}' outside brackets; since 3.12 it may span lines
// even in a single-quoted f-string.
func (f *normFScan) field(i int, c normFCtx, level int) (int, bool) {
	if level > normMaxFNesting {
		f.deep = true
		return i, false
	}
	src := f.src
	depth := 0
	for i < len(src) {
		b := src[i]
		var ok bool
		switch {
		case normIsQuote(b):
			if i, ok = f.nested(i, i, level); !ok {
				return i, false
			}
			continue
		case b == '_' || 'a' <= b|0x20 && b|0x20 <= 'z':
			j := normIdentEnd(src, i)
			if j < len(src) && normIsQuote(src[j]) && normIsPrefix(src[i:j]) {
				if i, ok = f.nested(i, j, level); !ok {
					return i, false
				}
			} else {
				i = j
			}
			continue
		case b == '(' || b == '[' || b == '{':
			depth++
		case (b == ')' || b == ']') && depth > 0:
			depth--
		case b == '}' && depth == 0:
			return i + 1, true
		case b == '}':
			depth--
		case b == ':' && depth == 0:
			return f.spec(i+1, c, level)
		case b == '#':
			i = f.lineEnd(i)
			continue
		case b == '\\':
			i = normSkipEscape(src, i)
			continue
		}
		i++
	}
	return i, false
}

func (f *normFScan) lineEnd(i int) int {
	for i < len(f.src) && normBreakAt(f.src, i) == 0 {
		i++
	}
	return i
}

// nested scans a string inside a replacement field, its prefix at start and quotes at q.
func (f *normFScan) nested(start, q, level int) (int, bool) {
	fstr, raw := normPrefixKinds(f.src[start:q])
	c := normFCtx{quote: f.src[q], triple: normHasTriple(f.src, q, f.src[q]), raw: raw}
	if fstr {
		return f.literal(q+c.width(), c, level)
	}
	return normScanPlain(f.src, q+c.width(), c.quote, c.triple)
}

// spec scans a format spec, which may hold fields of its own, up to the '}' that closes the
// field.
func (f *normFScan) spec(i int, c normFCtx, level int) (int, bool) {
	src := f.src
	for i < len(src) {
		switch b := src[i]; {
		case b == '{':
			var ok bool
			if i, ok = f.field(i+1, c, level+1); !ok {
				return i, false
			}
		case b == '}':
			return i + 1, true
		case b == c.quote && (!c.triple || normHasTriple(src, i, b)):
			return i, false
		case b == '\\':
			i = f.escape(i, c.raw)
		case normBreakAt(src, i) > 0 && !c.triple:
			return i, false
		default:
			i++
		}
	}
	return i, false
}
