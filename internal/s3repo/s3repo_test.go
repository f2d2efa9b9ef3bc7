package s3repo

import "testing"

// TestEndpoint reads the repository's endpoint as Argo's artifact repository is configured: a
// host:port with insecure, or a URL whose scheme decides; AWS's own variables after flowc's.
func TestEndpoint(t *testing.T) {
	for _, c := range []struct {
		env      map[string]string
		host     string
		secure   bool
		wantsErr bool
	}{
		{map[string]string{}, "s3.amazonaws.com", true, false},
		{map[string]string{EnvS3Endpoint: "minio:9000", EnvS3Insecure: "yes"}, "minio:9000", false, false},
		{map[string]string{EnvS3Endpoint: "minio:9000", EnvS3Insecure: "off"}, "minio:9000", true, false},
		{map[string]string{EnvS3Endpoint: "http://127.0.0.1:8333"}, "127.0.0.1:8333", false, false},
		{map[string]string{"AWS_ENDPOINT_URL": "https://s3.example.com"}, "s3.example.com", true, false},
		{map[string]string{"AWS_ENDPOINT_URL_S3": "http://a:1", "AWS_ENDPOINT_URL": "http://b:2"}, "a:1", false, false},
		{map[string]string{EnvS3Endpoint: "ftp://x"}, "", false, true},
		{map[string]string{EnvS3Endpoint: "http://x:1/path"}, "", false, true},
	} {
		for _, k := range []string{EnvS3Endpoint, EnvS3Insecure, "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3"} {
			t.Setenv(k, c.env[k])
		}
		host, secure, err := endpoint()
		if (err != nil) != c.wantsErr || host != c.host || secure != c.secure {
			t.Errorf("%v: %q secure=%v err=%v; want %q secure=%v error %v", c.env, host, secure, err, c.host, c.secure, c.wantsErr)
		}
	}
	if _, err := Open("s3:///prefix"); err == nil {
		t.Errorf("Open(s3:///prefix) with no bucket: no error")
	}
}
