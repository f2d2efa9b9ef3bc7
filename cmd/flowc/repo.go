package main

import (
	"github.com/flowc-dev/flowc/internal/runrecord"
	"github.com/flowc-dev/flowc/internal/s3repo"
)

// The S3 client that reads cluster runs from the artifact repository (internal/s3repo).

const envS3Bucket = s3repo.EnvS3Bucket

func isRepoURL(loc string) bool { return s3repo.IsURL(loc) }

func openRepo(loc string) (runrecord.Repository, error) { return s3repo.Open(loc) }

// repoFromEnv is the repository $FLOWC_S3_BUCKET names; ok is false when it is unset.
func repoFromEnv() (runrecord.Repository, bool, error) {
	b, ok, err := s3repo.FromEnv()
	if b == nil {
		return nil, ok, err
	}
	return b, ok, err
}
