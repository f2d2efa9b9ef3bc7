package runrecord

import (
	"context"
	"time"
)

// Repository is an artifact repository as a reader of cluster runs sees it: a listing of keys
// and reads of objects, relative to the repository's location. internal/s3repo implements it
// over the S3 API; tests implement it in memory.
type Repository interface {
	// Location names the repository as a runs location: s3://bucket/prefix.
	Location() string
	// List lists the objects under prefix: every key below it when recursive, else the names of
	// its immediate "directories" (keys ending in "/", with a zero Modified).
	List(ctx context.Context, prefix string, recursive bool) ([]Object, error)
	// Get reads one object.
	Get(ctx context.Context, key string) ([]byte, error)
}

// Object is one key of a repository and when it was written.
type Object struct {
	Key      string
	Modified time.Time
}

// URLScheme starts a runs location that is an artifact repository: s3://bucket[/prefix].
const URLScheme = "s3://"

// EnvS3Bucket names the bucket of the artifact repository; when it is set, the CLI looks there
// for runs it does not have locally.
const EnvS3Bucket = "FLOWC_S3_BUCKET"
