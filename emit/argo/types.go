package argo

// These are flowc's own small mirrors of the Argo Workflows (v1alpha1) and Kubernetes types it
// emits. Field order is output order; every optional field is omitempty so that nothing empty
// reaches the YAML. The Argo module stays out of the flowc binary; the oracle tests decode the
// output strictly into Argo's real types.

// Object is one Kubernetes object of the output stream.
type Object struct {
	APIVersion string      `yaml:"apiVersion"`
	Kind       string      `yaml:"kind"`
	Metadata   Metadata    `yaml:"metadata"`
	Spec       interface{} `yaml:"spec"`
}

// Metadata is the part of ObjectMeta flowc sets.
type Metadata struct {
	Name         string            `yaml:"name,omitempty"`
	GenerateName string            `yaml:"generateName,omitempty"`
	Namespace    string            `yaml:"namespace,omitempty"`
	Labels       map[string]string `yaml:"labels,omitempty"`
	Annotations  map[string]string `yaml:"annotations,omitempty"`
}

// WorkflowSpec is the spec of a Workflow and of a WorkflowTemplate.
type WorkflowSpec struct {
	Entrypoint          string               `yaml:"entrypoint,omitempty"`
	Arguments           *Arguments           `yaml:"arguments,omitempty"`
	ServiceAccountName  string               `yaml:"serviceAccountName,omitempty"`
	Parallelism         int                  `yaml:"parallelism,omitempty"`
	ActiveDeadline      int64                `yaml:"activeDeadlineSeconds,omitempty"`
	ImagePullSecrets    []LocalObjectRef     `yaml:"imagePullSecrets,omitempty"`
	TTLStrategy         *TTLStrategy         `yaml:"ttlStrategy,omitempty"`
	PodGC               *PodGC               `yaml:"podGC,omitempty"`
	ArtifactRepoRef     *ArtifactRepoRef     `yaml:"artifactRepositoryRef,omitempty"`
	WorkflowTemplateRef *WorkflowTemplateRef `yaml:"workflowTemplateRef,omitempty"`
	TemplateDefaults    *TemplateDefaults    `yaml:"templateDefaults,omitempty"`
	Templates           []*Template          `yaml:"templates,omitempty"`
}

// CronWorkflowSpec is the spec of a CronWorkflow.
type CronWorkflowSpec struct {
	Schedules         []string     `yaml:"schedules"`
	Timezone          string       `yaml:"timezone,omitempty"`
	ConcurrencyPolicy string       `yaml:"concurrencyPolicy,omitempty"`
	WorkflowSpec      WorkflowSpec `yaml:"workflowSpec"`
}

// WorkflowTemplateRef names a WorkflowTemplate.
type WorkflowTemplateRef struct {
	Name string `yaml:"name"`
}

// Arguments are the parameters and artifacts passed to a workflow or a task.
type Arguments struct {
	Parameters []Parameter `yaml:"parameters,omitempty"`
	Artifacts  []Artifact  `yaml:"artifacts,omitempty"`
}

// Parameter is an Argo parameter. Value is a pointer so that a required parameter can have none.
type Parameter struct {
	Name        string     `yaml:"name"`
	Value       *string    `yaml:"value,omitempty"`
	ValueFrom   *ValueFrom `yaml:"valueFrom,omitempty"`
	Description string     `yaml:"description,omitempty"`
}

// ValueFrom says where an output parameter's value is read.
type ValueFrom struct {
	Path string `yaml:"path"`
}

// Artifact is an input or output artifact; a location with only a key uses the cluster's
// default artifact repository.
type Artifact struct {
	Name     string   `yaml:"name"`
	Path     string   `yaml:"path"`
	Optional bool     `yaml:"optional,omitempty"`
	Archive  *Archive `yaml:"archive,omitempty"`
	// One of the key-only locations, by the flow's artifact storage kind.
	S3    *Key       `yaml:"s3,omitempty"`
	GCS   *Key       `yaml:"gcs,omitempty"`
	OSS   *Key       `yaml:"oss,omitempty"`
	Azure *AzureBlob `yaml:"azure,omitempty"`
}

// Archive says how an output is stored; None stores a directory as it is, so that a foreach
// join can read all children under one key prefix.
type Archive struct {
	None *struct{} `yaml:"none"`
}

// Key is the key-only location of S3, GCS and OSS artifacts.
type Key struct {
	Key string `yaml:"key"`
}

// AzureBlob is Azure's key-only location: Argo names the key "blob".
type AzureBlob struct {
	Blob string `yaml:"blob"`
}

// Template is an Argo template: a container or a DAG.
type Template struct {
	Name                  string            `yaml:"name"`
	Metadata              *TemplateMeta     `yaml:"metadata,omitempty"`
	Inputs                *Inputs           `yaml:"inputs,omitempty"`
	Outputs               *Outputs          `yaml:"outputs,omitempty"`
	DAG                   *DAG              `yaml:"dag,omitempty"`
	Container             *Container        `yaml:"container,omitempty"`
	NodeSelector          map[string]string `yaml:"nodeSelector,omitempty"`
	Tolerations           []Toleration      `yaml:"tolerations,omitempty"`
	ServiceAccountName    string            `yaml:"serviceAccountName,omitempty"`
	RetryStrategy         *RetryStrategy    `yaml:"retryStrategy,omitempty"`
	ActiveDeadlineSeconds int64             `yaml:"activeDeadlineSeconds,omitempty"`
}

// TemplateDefaults is what Argo merges into every template it runs; flowc sets only the
// container, which Argo merges into container templates alone.
type TemplateDefaults struct {
	Container *Container `yaml:"container,omitempty"`
}

// TemplateMeta is the metadata Argo puts on a template's pod.
type TemplateMeta struct {
	Labels      map[string]string `yaml:"labels,omitempty"`
	Annotations map[string]string `yaml:"annotations,omitempty"`
}

// Inputs are a template's inputs.
type Inputs struct {
	Parameters []Parameter `yaml:"parameters,omitempty"`
	Artifacts  []Artifact  `yaml:"artifacts,omitempty"`
}

// Outputs are a template's outputs.
type Outputs struct {
	Parameters []Parameter `yaml:"parameters,omitempty"`
	Artifacts  []Artifact  `yaml:"artifacts,omitempty"`
}

// DAG is a DAG template's body.
type DAG struct {
	Tasks []*Task `yaml:"tasks"`
}

// Task is one node of a DAG.
type Task struct {
	Name      string     `yaml:"name"`
	Template  string     `yaml:"template"`
	Depends   string     `yaml:"depends,omitempty"`
	WithParam string     `yaml:"withParam,omitempty"`
	Arguments *Arguments `yaml:"arguments,omitempty"`
}

// Container is a template's container.
type Container struct {
	Image           string     `yaml:"image,omitempty"` // empty: templateDefaults' image
	ImagePullPolicy string     `yaml:"imagePullPolicy,omitempty"`
	Command         []string   `yaml:"command,omitempty,flow"`
	Args            []string   `yaml:"args,omitempty,flow"`
	Env             []EnvVar   `yaml:"env,omitempty"`
	EnvFrom         []EnvFrom  `yaml:"envFrom,omitempty"`
	Resources       *Resources `yaml:"resources,omitempty"`
}

// EnvVar is one environment variable, from a value or from the pod's own fields.
type EnvVar struct {
	Name  string `yaml:"name"`
	Value string `yaml:"value,omitempty"`
}

// EnvFrom loads all keys of a secret as environment variables.
type EnvFrom struct {
	SecretRef *LocalObjectRef `yaml:"secretRef,omitempty"`
}

// LocalObjectRef names an object in the same namespace.
type LocalObjectRef struct {
	Name string `yaml:"name"`
}

// Resources are a container's requests and limits.
type Resources struct {
	Requests map[string]string `yaml:"requests,omitempty"`
	Limits   map[string]string `yaml:"limits,omitempty"`
}

// Toleration lets a pod run on tainted nodes.
type Toleration struct {
	Key      string `yaml:"key,omitempty"`
	Operator string `yaml:"operator,omitempty"`
	Value    string `yaml:"value,omitempty"`
	Effect   string `yaml:"effect,omitempty"`
	Seconds  *int64 `yaml:"tolerationSeconds,omitempty"`
}

// RetryStrategy is Argo's retry policy for a template.
type RetryStrategy struct {
	Limit       int64    `yaml:"limit"`
	RetryPolicy string   `yaml:"retryPolicy,omitempty"`
	Backoff     *Backoff `yaml:"backoff,omitempty"`
}

// Backoff spaces retries.
type Backoff struct {
	Duration string `yaml:"duration"`
}

// TTLStrategy removes finished workflows.
type TTLStrategy struct {
	SecondsAfterCompletion int `yaml:"secondsAfterCompletion,omitempty"`
	SecondsAfterSuccess    int `yaml:"secondsAfterSuccess,omitempty"`
	SecondsAfterFailure    int `yaml:"secondsAfterFailure,omitempty"`
}

// PodGC removes finished pods.
type PodGC struct {
	Strategy string `yaml:"strategy"`
}

// ArtifactRepoRef picks an artifact repository from a config map.
type ArtifactRepoRef struct {
	ConfigMap string `yaml:"configMap,omitempty"`
	Key       string `yaml:"key,omitempty"`
}
