package python

// gpython leaves a \N{NAME} escape in a string literal undecoded (Go has no table of Unicode
// names built in), so a literal that holds one is decoded here, from its source, with Python's
// rules. The normaliser cannot do it in place: the character's escape is rarely as long as its
// name.

import (
	"bytes"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/unicode/runenames"
)

// namedStrings decodes every string literal of src (its implicitly concatenated parts taken
// together) that holds a \N{...} escape, keyed by where the literal starts as gpython places it
// (1-based line, 0-based byte column). bad is the position of the first escape whose name
// Unicode does not have (1-based line and column), with the name.
func namedStrings(src []byte) (decoded map[[2]int]string, bad *Unsupported) {
	if !bytes.Contains(src, []byte(`\N{`)) {
		return nil, nil
	}
	n := &normalizer{src: normNewlines(src), fBudget: 4*len(src) + 4096}
	n.indexLines()
	n.tokenize()
	decoded = map[[2]int]string{}
	for k := 0; k < len(n.toks); {
		end := k
		for end < len(n.toks) && n.toks[end].kind == tokString {
			end++
		}
		if end == k {
			k++
			continue
		}
		if s, ok, at, name := n.decodeParts(k, end); !ok {
			line, col := n.position(at)
			return nil, &Unsupported{Line: line, Col: col, Construct: name}
		} else if s != nil {
			line, col := n.position(n.toks[k].start)
			decoded[[2]int{line, col - 1}] = *s
		}
		k = end
	}
	return decoded, nil
}

// decodeParts decodes the string tokens [k, end), one literal, when a part holds \N{; nil when
// none does or a part is one flowc does not decode (bytes, f-strings).
func (n *normalizer) decodeParts(k, end int) (s *string, ok bool, bad int, name string) {
	var b strings.Builder
	found := false
	for ; k < end; k++ {
		t := n.toks[k]
		prefix := strings.ToLower(string(n.src[t.start : t.start+int(t.prefix)]))
		body := n.src[t.start+int(t.prefix)+int(t.quotes) : t.end-int(t.quotes)]
		switch {
		case t.bad || t.fstr || strings.Contains(prefix, "b"):
			return nil, true, -1, ""
		case strings.Contains(prefix, "r"):
			b.Write(body)
			continue
		}
		off, name := pyUnescape(&b, body)
		if off >= 0 {
			return nil, false, t.start + int(t.prefix) + int(t.quotes) + off, name
		}
		found = found || bytes.Contains(body, []byte(`\N{`))
	}
	if !found {
		return nil, true, -1, ""
	}
	out := b.String()
	return &out, true, -1, ""
}

// pyUnescape writes the value of a non-raw string literal's body to b. It returns the offset of
// a \N{...} whose name is unknown, with the name, or -1.
func pyUnescape(b *strings.Builder, body []byte) (int, string) {
	for i := 0; i < len(body); {
		c := body[i]
		if c != '\\' || i+1 == len(body) {
			b.WriteByte(c)
			i++
			continue
		}
		e := body[i+1]
		switch {
		case e == '\n':
			i += 2
		case e == '\r':
			i += 2
			if i < len(body) && body[i] == '\n' {
				i++
			}
		case strings.IndexByte(`\'"abfnrtv`, e) >= 0:
			b.WriteByte(map[byte]byte{'\\': '\\', '\'': '\'', '"': '"', 'a': 7, 'b': 8, 'f': 12, 'n': 10, 'r': 13, 't': 9, 'v': 11}[e])
			i += 2
		case '0' <= e && e <= '7':
			j := i + 1
			for j < len(body) && j < i+4 && '0' <= body[j] && body[j] <= '7' {
				j++
			}
			v, _ := strconv.ParseUint(string(body[i+1:j]), 8, 32)
			b.WriteRune(rune(v))
			i = j
		case e == 'x' || e == 'u' || e == 'U':
			w := map[byte]int{'x': 2, 'u': 4, 'U': 8}[e]
			v, err := strconv.ParseUint(string(body[i+2:min(i+2+w, len(body))]), 16, 32)
			if err != nil || i+2+w > len(body) {
				b.Write(body[i : i+2]) // gpython has refused it already
				i += 2
				continue
			}
			b.WriteRune(rune(v))
			i += 2 + w
		case e == 'N' && i+2 < len(body) && body[i+2] == '{':
			close := bytes.IndexByte(body[i+3:], '}')
			if close < 0 {
				return i, string(body[i+3:])
			}
			name := string(body[i+3 : i+3+close])
			r, ok := lookupRuneName(name)
			if !ok {
				return i, name
			}
			b.WriteRune(r)
			i += 3 + close + 1
		default:
			b.Write(body[i : i+2]) // Python keeps an unknown escape as it is
			i += 2
		}
	}
	return -1, ""
}

var (
	runeNamesOnce sync.Once
	runeNames     map[string]rune
)

// lookupRuneName finds a character by its Unicode name, ignoring case as Python does. The table
// is built from golang.org/x/text's names on first use, which only a flow using \N{} pays for.
func lookupRuneName(name string) (rune, bool) {
	name = strings.ToUpper(strings.TrimSpace(name))
	if hex, ok := strings.CutPrefix(name, "CJK UNIFIED IDEOGRAPH-"); ok {
		v, err := strconv.ParseUint(hex, 16, 32)
		r := rune(v)
		return r, err == nil && utf8.ValidRune(r) && strings.HasPrefix(runenames.Name(r), "<CJK Ideograph")
	}
	runeNamesOnce.Do(func() {
		runeNames = make(map[string]rune, 40000)
		for r := rune(0); r <= utf8.MaxRune; r++ {
			if n := runenames.Name(r); n != "" && n[0] != '<' {
				runeNames[n] = r
			}
		}
	})
	r, ok := runeNames[name]
	return r, ok
}
