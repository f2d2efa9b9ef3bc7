package python

// The fast parser reads the top-level statements of plain Python itself and leaves the rest
// to gpython. gpython's LALR parser copies a 400-byte value at every shift and reduction (a
// dozen for each operand) and its lexer matches numbers with regular expressions, so a
// megabyte of small statements takes it well over a second; the recursive descent here reads
// the same in a fraction of that.
//
// It is exact or it declines: for every statement it accepts, gpython accepts the same text
// and builds the same tree, positions included (fast_parse_test.go compares the two on every
// test file and under fuzzing). Whatever it declines or cannot tokenize is read by gpython,
// from a copy of the source in which the statements read here are blanked (line breaks kept,
// so positions stay), and the two lists of statements are merged by line. So a syntax error is
// still found and reported by gpython, at the same place: every statement before it was
// valid, and a top-level statement does not change how the next one parses.

import (
	"strings"

	"github.com/go-python/gpython/ast"
)

// fChunk is a run of top-level statements, read here (own: body[from:to]) or left to gpython.
type fChunk struct {
	start, end int // byte offsets: whole lines
	own        bool
	from, to   int
}

// parseModule parses normalised source into a module, reading what it can itself.
func parseModule(name string, norm []byte) (ast.Mod, error) {
	if len(norm) >= 1<<30 {
		return parseGuarded(name, norm) // token offsets are 32 bits
	}
	src := string(norm)
	body, chunks, last := fChunks(src)
	var own, left bool
	for _, c := range chunks {
		own = own || c.own
		left = left || !c.own
	}
	switch {
	case !left && len(body) == 0:
		return &ast.Module{}, nil // as gpython leaves it
	case !left:
		return &ast.Module{Body: body}, nil
	case !own:
		return parseGuarded(name, norm)
	}
	rest := []byte(src)
	for _, c := range chunks {
		if c.own {
			for i := c.start; i < c.end; i++ {
				if rest[i] != '\n' {
					rest[i] = ' '
				}
			}
		}
	}
	// Where gpython reports an error found after the statement it is in (an assignment to an
	// operator) depends on where its lexer stops: at the end of the input, that is after the
	// last token of a last line without a line break, or at its comment. A comment stays.
	if last.lastComment >= fLineStart(src, len(src)) && !strings.HasSuffix(src, "\n") {
		rest[last.lastComment] = '#'
	}
	mod, err := parseGuarded(name, rest)
	if err != nil {
		return nil, err
	}
	if merged, ok := fMerge(src, chunks, body, mod.(*ast.Module).Body); ok {
		return &ast.Module{Body: merged}, nil
	}
	return parseGuarded(name, norm)
}

// fChunks parses the top-level statements of src it can into body, and splits src into
// chunks of statements read here and left to gpython.
func fChunks(src string) (body []ast.Stmt, chunks []fChunk, lx *fLexer) {
	lx = newFLexer(src)
	p := &fParser{lx: lx}
	body = make([]ast.Stmt, 0, len(src)/64+16)
	lastDeclined := false
	for p.tok().kind != fEnd {
		// Only the tokens from this statement on are needed from now on.
		lx.toks = lx.toks[:copy(lx.toks, lx.toks[p.i:])]
		p.i = 0
		start := fLineStart(src, int(p.tok().start))
		n := len(body)
		var ok bool
		body, ok = p.topStmt(body)
		if ok && p.tok().kind == fEnd && lx.stopped >= 0 {
			ok = false // what follows, unread, may continue this statement (an else clause)
		}
		if !ok {
			p.i = p.nextTop()
		}
		// gpython finds an error in a statement at the latest at the next token, the first of
		// the next statement, and reports the place it read to: so the statement after one
		// left to gpython goes to gpython too, and only then may this parser take over.
		own := ok && (len(chunks) == 0 || chunks[len(chunks)-1].own || !lastDeclined)
		lastDeclined = !ok
		if !own {
			body = body[:n]
		}
		c := fChunk{start: start, end: len(src), own: own, from: n, to: len(body)}
		if t := p.tok(); t.kind != fEnd {
			c.end = fLineStart(src, int(t.start))
		}
		if k := len(chunks) - 1; k >= 0 && chunks[k].own == c.own {
			chunks[k].end, chunks[k].to = c.end, c.to
		} else {
			chunks = append(chunks, c)
		}
	}
	if lx.stopped >= 0 && (len(chunks) == 0 || chunks[len(chunks)-1].end != len(src)) {
		chunks = append(chunks, fChunk{start: lx.stopped, end: len(src)})
	}
	return body, chunks, lx
}

// topStmt parses one top-level statement onto body, reporting false when it declines it (and
// then what it added to body is to be dropped).
func (p *fParser) topStmt(body []ast.Stmt) (out []ast.Stmt, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			if _, bail := r.(fBail); !bail {
				panic(r)
			}
			out, ok = body, false
		}
	}()
	p.depth = 0
	return p.stmt(body), true
}

// nextTop returns the index of the token that starts the top-level statement after the one
// starting at token 0: the first token at indentation level 0 after a NEWLINE or DEDENT that
// does not continue the statement (an else, elif, except or finally clause, or the def or
// class after a decorator).
func (p *fParser) nextTop() int {
	level := 0
	decorator := p.at(0).kind == fOp && p.at(0).text == "@"
	j := 0
	for ; p.at(j).kind != fEnd; j++ {
		switch p.at(j).kind {
		case fIndent:
			level++
			continue
		case fDedent:
			level--
		case fNewline:
		default:
			continue
		}
		n := p.at(j + 1)
		if level != 0 || n.kind == fIndent || n.kind == fDedent {
			continue
		}
		if n.kind == fName && (n.text == "else" || n.text == "elif" || n.text == "except" || n.text == "finally") {
			continue
		}
		if p.at(j).kind == fNewline && decorator {
			decorator = n.kind == fOp && n.text == "@"
			continue
		}
		return j + 1
	}
	return j
}

func fLineStart(src string, off int) int {
	for off > 0 && src[off-1] != '\n' {
		off--
	}
	return off
}

// fMerge puts gpython's statements into the chunks it read, by line, between the statements
// read here; it reports false if one falls outside them.
func fMerge(src string, chunks []fChunk, ours, theirs []ast.Stmt) ([]ast.Stmt, bool) {
	body := make([]ast.Stmt, 0, len(ours)+len(theirs))
	line, off := 1, 0
	lineAt := func(to int) int {
		line += strings.Count(src[off:to], "\n")
		off = to
		return line
	}
	for _, c := range chunks {
		if c.own {
			body = append(body, ours[c.from:c.to]...)
			continue
		}
		first, end := lineAt(c.start), lineAt(c.end)
		if c.end == len(src) {
			end++ // the last line may have no line break
		}
		for len(theirs) > 0 && theirs[0].GetLineno() < end {
			if theirs[0].GetLineno() < first {
				return nil, false
			}
			body = append(body, theirs[0])
			theirs = theirs[1:]
		}
	}
	return body, len(theirs) == 0
}
