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
	if runrecord.IsBucketURL(runsDir) {
		b, err := runrecord.OpenBucket(runsDir)
		if err != nil {
			return nil, err
		}
		return b.Find(e.ctx, ref)
	}
	r, err := runrecord.Find(runsDir, ref)
	if !errors.Is(err, runrecord.ErrNoRun) {
		return r, err
	}
	b, ok, berr := runrecord.BucketFromEnv()
	switch {
	case !ok:
		return nil, err
	case berr != nil:
		return nil, berr
	}
	r, berr = b.Find(e.ctx, ref)
	if errors.Is(berr, runrecord.ErrNoRun) {
		return nil, fmt.Errorf("%v, nor in %s ($%s)", err, b.Location(), runrecord.EnvS3Bucket)
	}
	return r, berr
}

// listRuns lists the runs of a runs location, newest first.
func listRuns(e *env, runsDir string) ([]*runrecord.Record, error) {
	if !runrecord.IsBucketURL(runsDir) {
		return runrecord.List(runsDir)
	}
	b, err := runrecord.OpenBucket(runsDir)
	if err != nil {
		return nil, err
	}
	return b.List(e.ctx)
}
