// Package settings holds what flowc.yaml, the command-line flags and the backends agree on: the
// workflow-level options, the artifact storage kinds, and the syntax of image references, include
// patterns and file names. It is a leaf: internal/config validates flowc.yaml against it and the
// emitters take its values as input, so config never needs to import a backend.
package settings

// WorkflowOptions are workflow-level settings, from flags and flowc.yaml.
type WorkflowOptions struct {
	Parallelism                 int      `yaml:"parallelism"`    // most pods at once
	TimeoutSeconds              int64    `yaml:"timeoutSeconds"` // the whole run's deadline
	TTLSeconds                  int      `yaml:"ttlSecondsAfterFinished"`
	PodGC                       string   `yaml:"podGC"` // OnPodCompletion, OnPodSuccess, OnWorkflowCompletion, ...
	ImagePullSecrets            []string `yaml:"imagePullSecrets"`
	ArtifactRepositoryConfigMap string   `yaml:"artifactRepositoryConfigMap"`
	ArtifactRepositoryKey       string   `yaml:"artifactRepositoryKey"`
	ArtifactStorage             string   `yaml:"artifactStorage"` // s3 (default), gcs, azure or oss
	Templates                   string   `yaml:"templates"`       // auto (default), per-step or shared
}

// Template layouts: how a flow's steps become Argo templates. Per step, each step has a container
// template of its own; shared, steps whose templates differ only by the names of the step, its
// parents and its successors run one template, and each task passes those names as parameters;
// auto is per step unless that manifest would pass Argo's default Workflow size, then shared.
const (
	TemplatesAuto    = "auto"
	TemplatesPerStep = "per-step"
	TemplatesShared  = "shared"
)

// TemplateLayouts lists the layouts flowc.yaml's templates accepts, default first.
var TemplateLayouts = []string{TemplatesAuto, TemplatesPerStep, TemplatesShared}

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
