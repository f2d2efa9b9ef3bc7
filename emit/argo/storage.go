package argo

// Artifact storage kinds: the kind of the cluster's artifact repository that holds the steps'
// state. Every kind is written as a key-only artifact, so the repository's endpoint, bucket and
// credentials stay in the cluster's configuration (artifactRepositoryRef or the namespace's
// default), as with S3.
const (
	StorageS3    = "s3"
	StorageGCS   = "gcs"
	StorageAzure = "azure"
	StorageOSS   = "oss"
)

// StorageKinds lists the kinds flowc.yaml's artifactStorage accepts, default first.
var StorageKinds = []string{StorageS3, StorageGCS, StorageAzure, StorageOSS}

// ValidStorage reports whether kind is an artifact storage kind; "" means the default, s3.
func ValidStorage(kind string) bool {
	for _, k := range StorageKinds {
		if kind == k {
			return true
		}
	}
	return kind == ""
}

// locate sets the key-only location of a step's state on artifact a, by the storage kind.
//
// A foreach join reads all its children as one directory under one key prefix. Checked in Argo
// v4.0.5's drivers (workflow/artifacts/*): S3 and OSS list "<key>/" when no object has the key
// itself, so a key reads exactly its own subtree. GCS (listByPrefix after filepath.Clean, which
// drops a trailing slash) and Azure (ListObjects with the blob name as the prefix) list the bare
// key as a string prefix, so "run/a" would also fetch "run/ab/...". For those two kinds the
// step's segment ends in ".state", a suffix no step name can continue (step names have no dot),
// so a step's prefix never reaches another step's state.
func (e *emitter) locate(a *Artifact, step string, depth int) {
	switch e.o.Workflow.ArtifactStorage {
	case StorageGCS:
		a.GCS = &Key{Key: stateKey(step+".state", depth)}
	case StorageAzure:
		a.Azure = &AzureBlob{Blob: stateKey(step+".state", depth)}
	case StorageOSS:
		a.OSS = &Key{Key: stateKey(step, depth)}
	default:
		a.S3 = &Key{Key: stateKey(step, depth)}
	}
}
