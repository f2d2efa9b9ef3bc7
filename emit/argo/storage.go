package argo

import "github.com/flowc-dev/flowc/internal/settings"

// Artifact storage kinds, as internal/settings defines them (flowc.yaml validates against the
// same list).
const (
	StorageS3    = settings.StorageS3
	StorageGCS   = settings.StorageGCS
	StorageAzure = settings.StorageAzure
	StorageOSS   = settings.StorageOSS
)

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
