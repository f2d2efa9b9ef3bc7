package argo

import (
	"bytes"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// maxKeyLen is the longest mapping key, as written, that the writer puts on one line: YAML
// readers accept an implicit key of at most 1024 characters, and flowc's keys (field names,
// validated label and annotation keys) are far shorter.
const maxKeyLen = 1000

// scalarCache remembers the written form of every string of one Marshal call. The YAML library
// decides each form. A flow's strings repeat (keys, images, template names), so each distinct
// string is asked once; and one library encoder answers all of them, each string a document of
// its own stream, because a new encoder per string cost more than the rest of the writer.
type scalarCache struct {
	block map[string]string
	flow  map[string]string
	lib   libEncoder
}

func newScalarCache() *scalarCache {
	return &scalarCache{block: map[string]string{}, flow: map[string]string{}}
}

// libEncoder is a yaml.Encoder writing one document per question into buf.
type libEncoder struct {
	enc   *yaml.Encoder
	buf   bytes.Buffer
	asked int
}

// encoderReuse bounds the questions one encoder answers: it keeps every event it was given, so a
// fresh one now and then keeps memory flat.
const encoderReuse = 256

// encode returns the library's encoding of v as a document of its own, without the "---" line.
func (l *libEncoder) encode(v any) (string, error) {
	if l.enc == nil || l.asked == encoderReuse {
		l.enc, l.asked = yaml.NewEncoder(&l.buf), 0
		// The stream's first document has no "---" line and every later one has: a first
		// document that is never read makes every answer start the same way.
		if err := l.enc.Encode(0); err != nil {
			return "", fmt.Errorf("yaml: %v", err)
		}
	}
	l.buf.Reset()
	l.asked++
	if err := l.enc.Encode(v); err != nil {
		l.enc = nil // the encoder's state after an error is unknown
		return "", fmt.Errorf("yaml: %v", err)
	}
	out, ok := strings.CutPrefix(l.buf.String(), "---\n")
	if !ok {
		return "", fmt.Errorf("yaml: unexpected encoder output %q", l.buf.String())
	}
	return out, nil
}

// value is the written form of a scalar field; flow says it sits in a flow sequence ([a, b]).
func (c *scalarCache) value(v reflect.Value, flow bool) (string, error) {
	switch v.Kind() {
	case reflect.String:
		return c.str(v.String(), flow)
	case reflect.Bool:
		return strconv.FormatBool(v.Bool()), nil
	case reflect.Int, reflect.Int64, reflect.Int32:
		return strconv.FormatInt(v.Int(), 10), nil
	}
	return "", fmt.Errorf("yaml: cannot write %s as a scalar", v.Kind())
}

// key is the written form of a mapping key; flow says it sits in a flow mapping ({k: v}).
func (c *scalarCache) key(s string, flow bool) (string, error) {
	// A plain "<<" key is YAML 1.1's merge key, which the library writes plain (it resolves
	// only values); quoted, it is an ordinary key for every reader.
	if s == "<<" {
		return c.doubleQuoted(s)
	}
	k, err := c.str(s, flow)
	if err == nil && len(k) > maxKeyLen {
		return "", fmt.Errorf("yaml: mapping key %.40q... is too long: %d bytes written", s, len(k))
	}
	return k, err
}

func (c *scalarCache) str(s string, flow bool) (string, error) {
	m := c.block
	if flow {
		m = c.flow
	}
	if out, ok := m[s]; ok {
		return out, nil
	}
	out, err := c.encodeString(s, flow)
	if err != nil {
		return "", err
	}
	m[s] = out
	return out, nil
}

// encodeString writes s plain when the YAML library would (it quotes what YAML 1.2 or 1.1
// resolves to another type: numbers with underscores, +.inf, yes/no, base-60 and timestamps, and
// what cannot be plain: indicators, control and non-printable characters, line breaks), and else
// in the library's double-quoted form, which escapes every break and non-printable character so
// the scalar stays on one line. The library's other styles (single-quoted, literal) fold or
// indent line breaks and so cannot be written inline.
func (c *scalarCache) encodeString(s string, flow bool) (string, error) {
	if !utf8.ValidString(s) {
		return "", fmt.Errorf("yaml: string %q is not valid UTF-8", s)
	}
	plain, err := c.isPlain(s, flow)
	if err != nil {
		return "", err
	}
	if plain {
		return s, nil
	}
	return c.doubleQuoted(s)
}

// isPlain asks the library whether it writes s as a plain scalar, in a block mapping's value or
// inside a flow sequence.
func (c *scalarCache) isPlain(s string, flow bool) (bool, error) {
	var in any = s
	want := s + "\n"
	if flow {
		in = flowSeq{[]string{s}}
		want = "a: [" + s + "]\n"
	}
	out, err := c.lib.encode(in)
	if err != nil {
		return false, err
	}
	return out == want, nil
}

// flowSeq asks for a flow sequence through the library's string path, which quotes YAML 1.1's
// booleans too (its node path does not).
type flowSeq struct {
	A []string `yaml:"a,flow"`
}

func (c *scalarCache) doubleQuoted(s string) (string, error) {
	out, err := c.lib.encode(&yaml.Node{Kind: yaml.ScalarNode, Style: yaml.DoubleQuotedStyle, Value: s})
	if err != nil {
		return "", err
	}
	q := strings.TrimSuffix(out, "\n")
	// The writer puts every scalar on its own line; a line break here would become structure.
	if strings.ContainsAny(q, "\n\r") || !strings.HasPrefix(q, `"`) {
		return "", fmt.Errorf("yaml: cannot write %q on one line", s)
	}
	return q, nil
}
