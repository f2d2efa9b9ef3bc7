package main

import (
	"errors"
	"fmt"

	"github.com/flowc-dev/flowc/internal/runrecord"
)

// findRun resolves a run reference in a runs location: a local runs directory, or an artifact
// repository given as s3://bucket[/prefix] (a cluster run, by its workflow's name). A reference
// that no local run has is looked up in $FLOWC_S3_BUCKET's repository when that is set, so that
// `flowc show WORKFLOW` reads a run on the cluster as it reads a local one.
func findRun(e *env, runsDir, ref string) (*runrecord.Record, error) {
	if isRepoURL(runsDir) {
		repo, err := openRepo(runsDir)
		if err != nil {
			return nil, err
		}
		return runrecord.FindIn(e.ctx, repo, ref)
	}
	r, err := runrecord.Find(runsDir, ref)
	if !errors.Is(err, runrecord.ErrNoRun) {
		return r, err
	}
	repo, ok, rerr := repoFromEnv()
	switch {
	case !ok:
		return nil, err
	case rerr != nil:
		return nil, rerr
	}
	r, rerr = runrecord.FindIn(e.ctx, repo, ref)
	if errors.Is(rerr, runrecord.ErrNoRun) {
		return nil, fmt.Errorf("%v, nor in %s ($%s)", err, repo.Location(), envS3Bucket)
	}
	return r, rerr
}

// listRuns lists the runs of a runs location, newest first.
func listRuns(e *env, runsDir string) ([]*runrecord.Record, error) {
	if !isRepoURL(runsDir) {
		return runrecord.List(runsDir)
	}
	repo, err := openRepo(runsDir)
	if err != nil {
		return nil, err
	}
	return runrecord.ListFrom(e.ctx, repo)
}
