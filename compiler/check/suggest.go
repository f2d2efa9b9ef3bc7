package check

import (
	"fmt"
	"strings"

	"github.com/flowc-dev/flowc/internal/diag"
)

// suggest returns the candidate closest to name by edit distance (insertions, deletions,
// substitutions and swaps of neighbours each count one), or "" when none is close enough: within
// one edit for short names, two from six bytes, three from twelve. Ties go to the earlier
// candidate, so the answer does not depend on map order.
func suggest(name string, candidates []string) string {
	limit := 1
	switch {
	case len(name) >= 12:
		limit = 3
	case len(name) >= 6:
		limit = 2
	}
	best, bestD := "", limit+1
	for _, c := range candidates {
		if c == name || abs(len(c)-len(name)) >= bestD {
			continue
		}
		if d := editDistance(name, c); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// didYouMean is suggest worded as a suggestion: `did you mean "start"?`, or "".
func didYouMean(name string, candidates []string) string {
	if s := suggest(name, candidates); s != "" {
		return fmt.Sprintf("did you mean %q?", s)
	}
	return ""
}

// editDistance is the optimal string alignment distance between a and b, over bytes.
func editDistance(a, b string) int {
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// quoteList words names for a message: `"a"`, `"a" and "b"`, `"a", "b" and "c"`.
func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	if len(q) <= 1 {
		return strings.Join(q, "")
	}
	return strings.Join(q[:len(q)-1], ", ") + " and " + q[len(q)-1]
}

// reportFix records an error at pos: the message says what is wrong, fix how to mend it (the
// diagnostic's suggestion, printed on a "help:" line of its own; none when fix is "").
func (p *Pass) reportFix(pos diag.Pos, fix, format string, args ...any) {
	p.Report(diag.Errorf(pos, p.Check.Name, format, args...).Suggest("%s", fix))
}

// warnFix is reportFix for a warning.
func (p *Pass) warnFix(pos diag.Pos, fix, format string, args ...any) {
	p.Report(diag.Warningf(pos, p.Check.Name, format, args...).Suggest("%s", fix))
}
