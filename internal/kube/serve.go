package kube

import (
	"context"
	"fmt"
	"os"
	"os/signal"

	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"

	"github.com/flowc-dev/flowc/internal/cluster"
	"github.com/flowc-dev/flowc/internal/runrecord"
	"github.com/flowc-dev/flowc/internal/s3repo"
)

// Main is the flowc-kube program: it serves the requests of the flowc that started it on
// stdin and stdout, and returns its exit code. An interrupt reaches flowc too, which cancels
// the running request itself; flowc-kube only ignores it, and ends when its input does.
func Main() int {
	if len(os.Args) > 1 {
		fmt.Fprintf(os.Stderr, "%s is flowc's Kubernetes client and takes no arguments: flowc apply, submit and logs run it\n", cluster.HelperName)
		return 2
	}
	signal.Ignore(os.Interrupt)
	if err := cluster.Serve(os.Stdin, os.Stdout, backend{}, os.Stderr); err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", cluster.HelperName, err)
		return 1
	}
	return 0
}

// backend serves this package's client.
type backend struct{}

func (backend) Load(f cluster.Flags) (cluster.Conn, error) {
	c, err := Load(f)
	if err != nil {
		return nil, err
	}
	return served{c}, nil
}

// served is a Cluster as a cluster.Conn: it takes manifests as YAML.
type served struct{ *Cluster }

func (s served) Info() cluster.Info { return s.Cluster.Info }

func (s served) Apply(ctx context.Context, manifests [][]byte, o cluster.ApplyOptions) ([]cluster.Result, error) {
	var objs []*unstructured.Unstructured
	for _, m := range manifests {
		more, err := Decode(m)
		if err != nil {
			return nil, fmt.Errorf("internal error: a manifest flowc compiled does not decode: %v", err)
		}
		objs = append(objs, more...)
	}
	return s.Cluster.Apply(ctx, objs, o)
}

// OpenRepo opens the artifact repository cluster runs are read from, with the S3 client that
// flowc-kube links so that flowc does not: loc, or the one $FLOWC_S3_BUCKET names.
func (backend) OpenRepo(loc string) (runrecord.Repository, bool, error) {
	if loc == "" {
		b, found, err := s3repo.FromEnv()
		if b == nil { // a nil *Bucket must not become a non-nil interface
			return nil, found, err
		}
		return b, found, err
	}
	b, err := s3repo.Open(loc)
	if err != nil {
		return nil, false, err
	}
	return b, true, nil
}
