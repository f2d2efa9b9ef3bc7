package imagebuild

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// manifestTypes are the manifest media types a registry may hold for a tag.
var manifestTypes = []string{
	"application/vnd.oci.image.index.v1+json",
	"application/vnd.oci.image.manifest.v1+json",
	"application/vnd.docker.distribution.manifest.list.v2+json",
	"application/vnd.docker.distribution.manifest.v2+json",
}

// HasImage asks ref's registry, through the OCI distribution API (HEAD of the tag's manifest),
// whether it already holds the tag. Loopback registries are asked over plain HTTP. A registry
// that wants a token gets an anonymous one; one that refuses it counts as "not there", so the
// build runs and the push reports the real problem.
func HasImage(ctx context.Context, ref string) (bool, error) {
	host, repo, tag, err := splitRef(ref)
	if err != nil {
		return false, err
	}
	scheme := "https"
	if insecureHost(ref) {
		scheme = "http"
	}
	u := fmt.Sprintf("%s://%s/v2/%s/manifests/%s", scheme, host, repo, url.PathEscape(tag))
	hc := &http.Client{Timeout: 20 * time.Second}
	resp, err := head(ctx, hc, u, "")
	if err != nil {
		return false, fmt.Errorf("registry %s: %v", host, err)
	}
	if resp.StatusCode == http.StatusUnauthorized {
		tok, err := anonymousToken(ctx, hc, resp.Header.Get("Www-Authenticate"))
		if err != nil || tok == "" {
			return false, nil
		}
		if resp, err = head(ctx, hc, u, tok); err != nil {
			return false, fmt.Errorf("registry %s: %v", host, err)
		}
	}
	switch resp.StatusCode {
	case http.StatusOK:
		return true, nil
	case http.StatusNotFound, http.StatusUnauthorized, http.StatusForbidden:
		return false, nil
	}
	return false, fmt.Errorf("registry %s: HEAD %s: %s", host, u, resp.Status)
}

func head(ctx context.Context, hc *http.Client, u, token string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodHead, u, nil)
	if err != nil {
		return nil, err
	}
	for _, t := range manifestTypes {
		req.Header.Add("Accept", t)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := hc.Do(req)
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	return resp, nil
}

// anonymousToken follows a `Bearer realm=...,service=...,scope=...` challenge without credentials.
func anonymousToken(ctx context.Context, hc *http.Client, challenge string) (string, error) {
	scheme, rest, _ := strings.Cut(challenge, " ")
	if !strings.EqualFold(scheme, "Bearer") {
		return "", nil
	}
	params := map[string]string{}
	for _, kv := range strings.Split(rest, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(kv), "=")
		if ok {
			params[strings.ToLower(k)] = strings.Trim(v, `"`)
		}
	}
	realm, err := url.Parse(params["realm"])
	if err != nil || realm.Scheme != "https" && realm.Scheme != "http" {
		return "", nil
	}
	q := realm.Query()
	for _, k := range []string{"service", "scope"} {
		if params[k] != "" {
			q.Set(k, params[k])
		}
	}
	realm.RawQuery = q.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, realm.String(), nil)
	if err != nil {
		return "", err
	}
	resp, err := hc.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var body struct {
		Token       string `json:"token"`
		AccessToken string `json:"access_token"`
	}
	if resp.StatusCode != http.StatusOK || json.NewDecoder(resp.Body).Decode(&body) != nil {
		return "", nil
	}
	if body.Token != "" {
		return body.Token, nil
	}
	return body.AccessToken, nil
}

// splitRef splits host/repo:tag. A reference without a registry host is Docker Hub's.
func splitRef(ref string) (host, repo, tag string, err error) {
	if err := CheckRef(ref); err != nil {
		return "", "", "", err
	}
	i := strings.LastIndex(ref, ":")
	name, tag := ref[:i], ref[i+1:]
	first, rest, ok := strings.Cut(name, "/")
	if ok && (strings.ContainsAny(first, ".:") || first == "localhost") {
		return first, rest, tag, nil
	}
	if !ok {
		name = "library/" + name
	}
	return "registry-1.docker.io", name, tag, nil
}
