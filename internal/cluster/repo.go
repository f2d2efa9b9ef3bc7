package cluster

import (
	"context"
	"fmt"

	"github.com/flowc-dev/flowc/internal/runrecord"
)

// Repo is a runrecord.Repository: an artifact repository (the S3 bucket Argo's artifacts go to) read by flowc-kube, which
// links the S3 client so that flowc does not pay for its start-up on every command.
type Repo struct {
	c        *Cluster
	location string
}

// OpenRepo starts flowc-kube and has it open the repository at loc (s3://bucket/prefix), or with
// loc "" the one the environment names ($FLOWC_S3_BUCKET and the settings beside it); found is
// false when the environment names none. Endpoint and credentials are read from the environment.
func OpenRepo(loc string) (r *Repo, found bool, err error) {
	c, _, err := start(nil)
	if err != nil {
		return nil, false, err
	}
	return openRepo(c, loc)
}

// openRepo has flowc-kube on the other end of c open the repository; c is closed unless found.
func openRepo(c *Cluster, loc string) (*Repo, bool, error) {
	resp, err := c.call(context.Background(), request{Op: opRepo, Location: loc}, nil)
	if err == nil && resp.Repo == nil {
		err = fmt.Errorf("%s answered without the repository", HelperName)
	}
	if err != nil || !resp.Repo.Found {
		c.Close()
		return nil, false, err
	}
	return &Repo{c: c, location: resp.Repo.Location}, true, nil
}

// Location names the repository: s3://bucket/prefix.
func (r *Repo) Location() string { return r.location }

// List lists the objects under prefix: every key below it when recursive, else its immediate
// "directories" (keys ending in "/").
func (r *Repo) List(ctx context.Context, prefix string, recursive bool) ([]runrecord.Object, error) {
	resp, err := r.c.call(ctx, request{Op: opList, Prefix: prefix, Recursive: recursive}, nil)
	return resp.Objects, err
}

// Get reads one object.
func (r *Repo) Get(ctx context.Context, key string) ([]byte, error) {
	resp, err := r.c.call(ctx, request{Op: opGet, Key: key}, nil)
	return resp.Data, err
}

// Close ends flowc-kube.
func (r *Repo) Close() error { return r.c.Close() }
