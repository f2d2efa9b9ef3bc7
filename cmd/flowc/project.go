package main

import (
	"fmt"
	"os"
	"regexp"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/stepcmd/spec"
)

// projectFlags are flowc run's --branch and --production, Metaflow's options of a flow under
// @project.
type projectFlags struct {
	branch     string
	production bool
}

// validBranch is Metaflow's rule for a branch name: lowercase letters, digits and '_', at most
// 128 of them.
var validBranch = regexp.MustCompile(`^[a-z0-9_]{1,128}$`)

func (p projectFlags) check() error {
	if p.branch != "" && !validBranch.MatchString(p.branch) {
		return fmt.Errorf("--branch %q: a branch name is at most 128 lowercase letters, digits and underscores", p.branch)
	}
	return nil
}

// localBranch is the @project branch of a local run, named as Metaflow's local run names it:
// "user.<name>" by default, "test.NAME" with --branch NAME (or @project(branch=NAME)), "prod"
// with --production (or @project(production=True)), "prod.NAME" with both. Flags win over the
// decorator's arguments. ok is false for a flow without @project.
func localBranch(f *ir.Flow, p projectFlags) (branch string, ok bool) {
	d := f.Decorator("project")
	if d == nil {
		return "", false
	}
	given, prod := p.branch, p.production
	if a := d.Arg("branch"); given == "" && a != nil && a.Value.Kind == ir.ValString {
		given = a.Value.Str
	}
	if a := d.Arg("production"); !p.production && a != nil && a.Value.Kind == ir.ValBool {
		prod = a.Value.Bool
	}
	switch {
	case given != "" && prod:
		return "prod." + given, true
	case given != "":
		return "test." + given, true
	case prod:
		return "prod", true
	}
	return "user." + userName(), true
}

// userName is the user a local run belongs to, as the runtime's current.username has it.
func userName() string {
	for _, k := range []string{"USER", "USERNAME"} {
		if v := os.Getenv(k); v != "" {
			return v
		}
	}
	return "unknown"
}

// branchEnv is the FLOWC_BRANCH a local run gives its steps: the flags' branch, else the user's
// own FLOWC_BRANCH, else Metaflow's default for a local run.
func branchEnv(f *ir.Flow, p projectFlags) []string {
	branch, ok := localBranch(f, p)
	if !ok {
		return nil
	}
	if os.Getenv(spec.EnvBranch) != "" && p.branch == "" && !p.production {
		return nil
	}
	return []string{spec.EnvBranch + "=" + branch}
}
