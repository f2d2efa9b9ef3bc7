// Package s3repo reads an artifact repository through the S3 API (minio-go): the cluster's runs,
// which internal/runrecord lays out. It is configured as Argo's artifact repository is, from the
// environment. flowc-kube links it (internal/kube serves it to flowc over the pipe), so that
// its package initialisation is not start-up time of every flowc command.
package s3repo

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"

	"github.com/flowc-dev/flowc/internal/runrecord"
	"github.com/flowc-dev/flowc/internal/stepcmd/spec"
	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
)

// The repository is configured as Argo's is: a bucket, an endpoint, insecure (plain http), a
// region, and the credentials from the environment (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY
// [/AWS_SESSION_TOKEN], MinIO's variables, ~/.aws/credentials, or the instance's role).

// Environment variables that point flowc at an artifact repository.
const (
	EnvS3Bucket   = runrecord.EnvS3Bucket // the bucket; setting it makes the CLI look there for runs it does not have locally
	EnvS3Prefix   = "FLOWC_S3_PREFIX"     // a key prefix before the workflow names ("" as Argo writes them)
	EnvS3Endpoint = "FLOWC_S3_ENDPOINT"   // host:port or a URL; default AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL, else AWS
	EnvS3Insecure = "FLOWC_S3_INSECURE"   // true: plain http, as Argo's insecure: true
	EnvS3Region   = "FLOWC_S3_REGION"     // default AWS_REGION, else the bucket's own
)

// URLScheme starts a runs location that is an artifact repository: s3://bucket[/prefix].
const URLScheme = runrecord.URLScheme

// Bucket is an artifact repository read through the S3 API: a runrecord.Repository.
type Bucket struct {
	client *minio.Client
	bucket string
	prefix string // "" or ending in "/"
}

// IsURL says whether a runs location names an artifact repository.
func IsURL(loc string) bool { return strings.HasPrefix(loc, URLScheme) }

// FromEnv opens the repository $FLOWC_S3_BUCKET names; ok is false when it is unset.
func FromEnv() (b *Bucket, ok bool, err error) {
	name := os.Getenv(EnvS3Bucket)
	if name == "" {
		return nil, false, nil
	}
	b, err = Open(URLScheme + name + "/" + os.Getenv(EnvS3Prefix))
	return b, true, err
}

// Open opens s3://bucket[/prefix] with the endpoint, region and credentials of the environment.
func Open(loc string) (*Bucket, error) {
	rest, ok := strings.CutPrefix(loc, URLScheme)
	name, prefix, _ := strings.Cut(rest, "/")
	if !ok || name == "" {
		return nil, fmt.Errorf("%q is not an artifact repository location: want s3://BUCKET[/PREFIX]", loc)
	}
	if prefix = strings.Trim(prefix, "/"); prefix != "" {
		prefix += "/"
	}
	host, secure, err := endpoint()
	if err != nil {
		return nil, err
	}
	region := firstEnv(EnvS3Region, "AWS_REGION", "AWS_DEFAULT_REGION")
	c, err := minio.New(host, &minio.Options{Creds: chainCredentials(), Secure: secure, Region: region})
	if err != nil {
		return nil, fmt.Errorf("artifact repository %s: %v", host, err)
	}
	return &Bucket{client: c, bucket: name, prefix: prefix}, nil
}

// endpoint reads the repository's endpoint: host[:port] and whether to use TLS.
func endpoint() (host string, secure bool, err error) {
	ep := firstEnv(EnvS3Endpoint, "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL")
	if ep == "" {
		ep = "s3.amazonaws.com"
	}
	secure = !isTrue(os.Getenv(EnvS3Insecure))
	if strings.Contains(ep, "://") {
		u, err := url.Parse(ep)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || strings.Trim(u.Path, "/") != "" {
			return "", false, fmt.Errorf("%s=%q: want host:port or http(s)://host:port", EnvS3Endpoint, ep)
		}
		return u.Host, u.Scheme == "https", nil
	}
	return ep, secure, nil
}

// chainCredentials are the credentials of the environment, in the order AWS's tools take them.
func chainCredentials() *credentials.Credentials {
	return credentials.NewChainCredentials([]credentials.Provider{
		&credentials.EnvAWS{},
		&credentials.EnvMinio{},
		&credentials.FileAWSCredentials{},
		&credentials.IAM{},
	})
}

func firstEnv(keys ...string) string {
	for _, k := range keys {
		if v := os.Getenv(k); v != "" {
			return v
		}
	}
	return ""
}

// isTrue reads a flag variable with the protocol's bool words.
func isTrue(v string) bool {
	b, ok := spec.ParseBool(v)
	return ok && b
}

// Location is the repository as a runs location, s3://bucket/prefix.
func (b *Bucket) Location() string {
	return URLScheme + b.bucket + "/" + strings.TrimSuffix(b.prefix, "/")
}

// List lists the objects under prefix, relative to the bucket's prefix (runrecord.Repository).
func (b *Bucket) List(ctx context.Context, prefix string, recursive bool) ([]runrecord.Object, error) {
	var out []runrecord.Object
	opts := minio.ListObjectsOptions{Prefix: b.prefix + prefix, Recursive: recursive}
	for o := range b.client.ListObjects(ctx, b.bucket, opts) {
		if o.Err != nil {
			return nil, b.wrap(o.Err)
		}
		out = append(out, runrecord.Object{Key: strings.TrimPrefix(o.Key, b.prefix), Modified: o.LastModified})
	}
	return out, nil
}

// Get reads one object, relative to the bucket's prefix (runrecord.Repository).
func (b *Bucket) Get(ctx context.Context, key string) ([]byte, error) {
	obj, err := b.client.GetObject(ctx, b.bucket, b.prefix+key, minio.GetObjectOptions{})
	if err != nil {
		return nil, b.wrap(err)
	}
	defer obj.Close()
	data, err := io.ReadAll(obj)
	if err != nil {
		return nil, b.wrap(err)
	}
	return data, nil
}

// wrap words an S3 error with the repository it came from.
func (b *Bucket) wrap(err error) error {
	var resp minio.ErrorResponse
	if errors.As(err, &resp) && resp.Code != "" {
		return fmt.Errorf("%s: %s (%s)", b.Location(), resp.Message, resp.Code)
	}
	return fmt.Errorf("%s: %v", b.Location(), err)
}
