//go:build flowc_nokube

package main

import (
	"errors"
	"os"
	"strings"

	"github.com/flowc-dev/flowc/internal/runrecord"
)

// A flowc built with -tags flowc_nokube leaves out apply and submit, and with them the
// Kubernetes client, whose package initialisation every command of a full flowc pays for at
// start-up (see scripts/bench.sh). It suits build pipelines that only compile and check.

func runApply(e *env, args []string) int { return noKube(e, "apply") }

func runSubmit(e *env, args []string) int { return noKube(e, "submit") }

func runClusterLogs(e *env, args []string) int { return noKube(e, "logs of a cluster workflow") }

// Nor does it read cluster runs from an artifact repository: the S3 client's initialisation is
// start-up time too.

const envS3Bucket = "FLOWC_S3_BUCKET"

func isRepoURL(loc string) bool { return strings.HasPrefix(loc, runrecord.URLScheme) }

var errNoRepo = errors.New("reading runs from an artifact repository needs the S3 client, which this flowc was built without " +
	"(-tags flowc_nokube); install the full flowc: go install github.com/flowc-dev/flowc/cmd/flowc@latest")

func openRepo(string) (runrecord.Repository, error) { return nil, errNoRepo }

func repoFromEnv() (runrecord.Repository, bool, error) {
	if os.Getenv(envS3Bucket) == "" {
		return nil, false, nil
	}
	return nil, true, errNoRepo
}

func noKube(e *env, cmd string) int {
	return usageErr(e, "%s needs the Kubernetes client, which this flowc was built without (-tags flowc_nokube); "+
		"install the full flowc: go install github.com/flowc-dev/flowc/cmd/flowc@latest", cmd)
}
