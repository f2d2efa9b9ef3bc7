"""Runs kept in an S3 artifact repository (the cluster's runs), read with the standard library.

A cluster run has no run.json: each step's state is a key-only artifact (emit/argo), so a run
is read from its keys, as flowc's Go package internal/runrecord reads it:

    <prefix><workflow>/<step>[.state]/<i>/<j>/state.pkl (state.json: a Go flow)
                                       .../caught.json  @catch took over the task
                                       .../end.json     the end step finished: the run succeeded

The repository is configured as Argo's is, from the environment: FLOWC_S3_ENDPOINT (host:port
or a URL; else AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL, else AWS), FLOWC_S3_INSECURE (plain http),
FLOWC_S3_REGION (else AWS_REGION, else us-east-1), and the credentials AWS_ACCESS_KEY_ID,
AWS_SECRET_ACCESS_KEY (AWS_SESSION_TOKEN), else ~/.aws/credentials; none: anonymous requests.
Requests are signed with AWS Signature Version 4.
"""
import configparser
import datetime
import hashlib
import hmac
import http.client
import json
import os
import pickle
import re
import time
import urllib.parse
import xml.etree.ElementTree as ET

from .parameters import _BOOLS  # the protocol's bool words

_NS = "{http://s3.amazonaws.com/doc/2006-03-01/}"
_STEP = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)(\.state)?$")
_INDEX = re.compile(r"^(0|[1-9][0-9]*)$")


class S3Error(Exception):
    """A request to the artifact repository failed."""


def _env(*names):
    for n in names:
        v = os.environ.get(n)
        if v:
            return v
    return ""


def _credentials():
    key, secret = _env("AWS_ACCESS_KEY_ID"), _env("AWS_SECRET_ACCESS_KEY")
    if key and secret:
        return key, secret, _env("AWS_SESSION_TOKEN")
    path = _env("AWS_SHARED_CREDENTIALS_FILE") or os.path.join(os.path.expanduser("~"), ".aws", "credentials")
    cp = configparser.ConfigParser()
    try:
        cp.read(path)
        sec = cp[_env("AWS_PROFILE") or "default"]
        return sec["aws_access_key_id"], sec["aws_secret_access_key"], sec.get("aws_session_token", "")
    except (KeyError, configparser.Error):
        return None


def _quote(s, safe="/"):
    return urllib.parse.quote(s, safe=safe + "-_.~")


class Client(object):
    """GET and LIST on one bucket through the S3 API, path-style, signed with SigV4."""

    def __init__(self, bucket):
        ep = _env("FLOWC_S3_ENDPOINT", "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL") or "s3.amazonaws.com"
        secure = not _BOOLS.get(os.environ.get("FLOWC_S3_INSECURE", "").strip().lower(), False)
        if "://" in ep:
            u = urllib.parse.urlsplit(ep)
            if u.scheme not in ("http", "https") or not u.netloc or u.path.strip("/"):
                raise S3Error("FLOWC_S3_ENDPOINT=%r: want host:port or http(s)://host:port" % ep)
            ep, secure = u.netloc, u.scheme == "https"
        self.host, self.secure, self.bucket = ep, secure, bucket
        self.region = _env("FLOWC_S3_REGION", "AWS_REGION", "AWS_DEFAULT_REGION") or "us-east-1"
        self.creds = _credentials()

    def _request(self, path, query):
        uri = "/" + _quote(self.bucket) + "/" + _quote(path)
        q = "&".join("%s=%s" % (_quote(k, ""), _quote(v, "")) for k, v in sorted(query.items()))
        headers = self._sign("GET", uri, q)
        conn_cls = http.client.HTTPSConnection if self.secure else http.client.HTTPConnection
        conn = conn_cls(self.host, timeout=60)
        try:
            conn.request("GET", uri + ("?" + q if q else ""), headers=headers)
            resp = conn.getresponse()
            return resp.status, resp.read()
        except (OSError, http.client.HTTPException) as e:
            raise S3Error("%s: %s" % (self.describe(), e))
        finally:
            conn.close()

    def _sign(self, method, uri, query):
        now = datetime.datetime.now(datetime.timezone.utc)
        amz_date, day = now.strftime("%Y%m%dT%H%M%SZ"), now.strftime("%Y%m%d")
        payload = hashlib.sha256(b"").hexdigest()
        headers = {"host": self.host, "x-amz-date": amz_date, "x-amz-content-sha256": payload}
        if self.creds is None:
            return headers
        key, secret, token = self.creds
        if token:
            headers["x-amz-security-token"] = token
        names = sorted(headers)
        canonical = "\n".join([method, uri, query,
                               "".join("%s:%s\n" % (n, headers[n].strip()) for n in names),
                               ";".join(names), payload])
        scope = "%s/%s/s3/aws4_request" % (day, self.region)
        to_sign = "\n".join(["AWS4-HMAC-SHA256", amz_date, scope,
                             hashlib.sha256(canonical.encode("utf-8")).hexdigest()])
        k = ("AWS4" + secret).encode("utf-8")
        for part in (day, self.region, "s3", "aws4_request"):
            k = hmac.new(k, part.encode("utf-8"), hashlib.sha256).digest()
        sig = hmac.new(k, to_sign.encode("utf-8"), hashlib.sha256).hexdigest()
        headers["authorization"] = "AWS4-HMAC-SHA256 Credential=%s/%s, SignedHeaders=%s, Signature=%s" % (
            key, scope, ";".join(names), sig)
        return headers

    def describe(self):
        return "s3://%s at %s" % (self.bucket, self.host)

    def get(self, key):
        """The object's bytes, or None when there is no such key."""
        status, body = self._request(key, {})
        if status == 404:
            return None
        if status != 200:
            raise S3Error("GET %s: %s" % (key, _s3_message(status, body)))
        return body

    def list(self, prefix, delimiter=None):
        """([(key, last modified)], [common prefix]) under prefix, every page."""
        keys, prefixes, token = [], [], None
        while True:
            q = {"list-type": "2", "prefix": prefix}
            if delimiter:
                q["delimiter"] = delimiter
            if token:
                q["continuation-token"] = token
            status, body = self._request("", q)
            if status != 200:
                raise S3Error("LIST %s: %s" % (prefix, _s3_message(status, body)))
            root = ET.fromstring(body)
            for c in root.iter(_NS + "Contents"):
                keys.append((c.findtext(_NS + "Key"), c.findtext(_NS + "LastModified") or ""))
            for c in root.iter(_NS + "CommonPrefixes"):
                prefixes.append(c.findtext(_NS + "Prefix"))
            token = root.findtext(_NS + "NextContinuationToken")
            if root.findtext(_NS + "IsTruncated") != "true" or not token:
                return keys, prefixes


def _s3_message(status, body):
    try:
        root = ET.fromstring(body)
        return "%s (%s, HTTP %d)" % (root.findtext("Message"), root.findtext("Code"), status)
    except ET.ParseError:
        return "HTTP %d" % status


class S3Store(object):
    """Reads cluster runs from s3://bucket/prefix, with the methods of runstore.LocalStore."""

    def __init__(self, url):
        rest = url[len("s3://"):]
        bucket, _, prefix = rest.partition("/")
        if not url.startswith("s3://") or not bucket:
            raise S3Error("%r is not an artifact repository: want s3://BUCKET[/PREFIX]" % url)
        prefix = prefix.strip("/")
        self.url = "s3://%s/%s" % (bucket, prefix)
        self.prefix = prefix + "/" if prefix else ""
        self.client = Client(bucket)
        self._runs = {}

    def describe(self):
        return self.url

    def run_ids(self):
        _, prefixes = self.client.list(self.prefix, "/")
        return [p[len(self.prefix):].rstrip("/") for p in prefixes]

    def _tasks(self, run_id):
        """{(step, index tuple): {file: (key, modified)}} of a run, listed once a few seconds."""
        hit = self._runs.get(run_id)
        if hit and time.monotonic() - hit[0] < 5:
            return hit[1]
        tasks = {}
        if run_id and "/" not in run_id and not run_id.startswith("."):
            base = self.prefix + run_id + "/"
            for key, modified in self.client.list(base)[0]:
                parts = key[len(base):].split("/")
                m = _STEP.match(parts[0])
                if len(parts) < 2 or not m or not all(_INDEX.match(p) for p in parts[1:-1]):
                    continue
                idx = tuple(int(p) for p in parts[1:-1])
                tasks.setdefault((m.group(1), idx), {})[parts[-1]] = (key, modified)
        self._runs[run_id] = (time.monotonic(), tasks)
        return tasks

    def _state_files(self, run_id):
        return {k: v for k, v in self._tasks(run_id).items() if "state.pkl" in v or "state.json" in v}

    def run_info(self, run_id):
        tasks = self._state_files(run_id)
        if not tasks:
            return None
        firsts = {}
        for (step, _), files in tasks.items():
            t = (files.get("state.pkl") or files.get("state.json"))[1]
            firsts[step] = min(firsts.get(step, t), t)
        end_step, end = next(((s, f["end.json"]) for (s, _), f in tasks.items() if "end.json" in f), (None, None))
        # The order the steps finished in; "start" first and the end step last, whatever the
        # clock's resolution (as internal/runrecord orders them).
        rank = lambda s: (0 if s == "start" else 2 if s == end_step else 1, firsts[s], s)
        info = {"id": run_id, "status": "incomplete", "started": min(firsts.values()),
                "steps": sorted(firsts, key=rank), "params": {}}
        if end is not None:
            doc = json.loads(self.client.get(end[0]) or b"{}")
            info.update(status="succeeded", finished=end[1], flow=doc.get("flow"))
        else:
            info["flow"] = self._flow_of(run_id, info["steps"][0])
        return info

    def _flow_of(self, run_id, step):
        raw, kind = self.state(run_id, step, [])
        if raw is None:
            first = min(i for s, i in self._state_files(run_id) if s == step)
            raw, kind = self.state(run_id, step, list(first))
        try:
            return (pickle.loads(raw) if kind == "pkl" else json.loads(raw)).get("flow")
        except Exception:
            return None

    def events(self, run_id):
        return []  # the repository keeps no events: tasks come from task_indexes

    def state(self, run_id, step, index):
        files = self._tasks(run_id).get((step, tuple(index))) or {}
        for kind in ("pkl", "json"):
            if "state." + kind in files:
                return self.client.get(files["state." + kind][0]), kind
        return None, None

    def blob(self, run_id, digest):
        # Only flowc run stores large artifacts as blobs; a pod's state holds them in place.
        raise ValueError("run %s refers to blob %s, which the artifact repository does not keep"
                         % (run_id, digest))

    def state_steps(self, run_id):
        return sorted(set(s for s, _ in self._state_files(run_id)))

    def task_indexes(self, run_id, step):
        return sorted(list(i) for s, i in self._state_files(run_id) if s == step)

    def log(self, run_id, step, index, stream):
        return ""  # a pod's logs are the cluster's: flowc logs WORKFLOW STEP
