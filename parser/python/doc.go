// Package python reads Metaflow-style Python flows into flowc's IR.
//
// Source goes through Normalize first, which rewrites syntax newer than Python 3.4 into 3.4
// syntax of the same length, so that gpython's parser can read it and every position it reports
// is a position in the user's file. A recursive-descent parser of flowc's own (fast_*.go) then
// reads the top-level statements it can, building the tree gpython would build, and gpython
// reads the rest, errors included. The frontend records what the source says, problems
// included; the checks in compiler/check judge it.
package python
