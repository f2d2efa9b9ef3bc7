package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/flowc-dev/flowc/internal/cluster"
	"github.com/flowc-dev/flowc/internal/runrecord"
)

// Cluster runs are read from the artifact repository by flowc-kube, which links the S3 client
// (internal/s3repo): flowc starts it only for a runs location s3://... or a run it does not have
// locally while $FLOWC_S3_BUCKET is set.

const envS3Bucket = runrecord.EnvS3Bucket

func isRepoURL(loc string) bool { return strings.HasPrefix(loc, runrecord.URLScheme) }

func openRepo(loc string) (runrecord.Repository, error) {
	r, found, err := cluster.OpenRepo(loc)
	if err == nil && !found {
		err = fmt.Errorf("%s found no repository at %s", cluster.HelperName, loc)
	}
	if err != nil {
		return nil, err
	}
	return r, nil
}

// repoFromEnv is the repository $FLOWC_S3_BUCKET names; ok is false when it is unset.
func repoFromEnv() (runrecord.Repository, bool, error) {
	if os.Getenv(envS3Bucket) == "" {
		return nil, false, nil
	}
	r, found, err := cluster.OpenRepo("")
	if err == nil && !found {
		err = fmt.Errorf("$%s is set, but %s found no repository in it", envS3Bucket, cluster.HelperName)
	}
	if err != nil {
		return nil, true, err
	}
	return r, true, nil
}
