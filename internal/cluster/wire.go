package cluster

import (
	"bytes"
	"errors"
	"io"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/flowc-dev/flowc/internal/runrecord"
)

// Protocol is the version of the conversation between flowc and flowc-kube. flowc refuses a
// flowc-kube that speaks another one, so that a flowc and a flowc-kube of different releases
// fail with a message instead of misreading each other.
const Protocol = 1

// The conversation: flowc-kube writes a hello, then reads requests, one JSON object per line,
// and answers each with one response line (a wait first sends a progress line per change). While
// a request runs, flowc may send {"op":"cancel"}; the request then ends with its error marked
// Stopped. End of input ends flowc-kube.
const (
	opLoad   = "load"
	opApply  = "apply"
	opSubmit = "submit"
	opWait   = "wait"
	opPods   = "pods"
	opLog    = "log"
	opCancel = "cancel"
	opRepo   = "repo" // open an artifact repository (no load needed)
	opList   = "repo.list"
	opGet    = "repo.get"
)

type hello struct {
	Protocol int `json:"protocol"`
}

type request struct {
	Op         string        `json:"op"`
	ID         int           `json:"id"`                   // numbers requests, so that a late cancel cannot stop the next one
	Kubeconfig string        `json:"kubeconfig,omitempty"` // load
	Context    string        `json:"context,omitempty"`    // load
	Timeout    time.Duration `json:"timeout,omitempty"`    // load
	Warnings   bool          `json:"warnings,omitempty"`   // load: show the server's warnings (on stderr)
	Manifests  []string      `json:"manifests,omitempty"`  // apply: multi-document YAML
	Apply      *ApplyOptions `json:"apply,omitempty"`      // apply
	Run        *Run          `json:"run,omitempty"`        // submit
	Namespace  string        `json:"namespace,omitempty"`  // wait, pods, log
	Name       string        `json:"name,omitempty"`       // wait, pods: the Workflow
	Pod        string        `json:"pod,omitempty"`        // log
	Container  string        `json:"container,omitempty"`  // log
	Tail       int           `json:"tail,omitempty"`       // log
	Location   string        `json:"location,omitempty"`   // repo: s3://bucket/prefix, "" for the environment's
	Prefix     string        `json:"prefix,omitempty"`     // repo.list
	Recursive  bool          `json:"recursive,omitempty"`  // repo.list
	Key        string        `json:"key,omitempty"`        // repo.get
}

type response struct {
	Err      *wireError         `json:"error,omitempty"`
	Info     *Info              `json:"info,omitempty"`     // load
	Results  []Result           `json:"results,omitempty"`  // apply: also those before an error
	Name     string             `json:"name,omitempty"`     // submit
	Progress *Status            `json:"progress,omitempty"` // wait: a change, more lines follow
	Status   *Status            `json:"status,omitempty"`   // wait: the last status
	Pods     []Pod              `json:"pods,omitempty"`     // pods
	Log      []byte             `json:"log,omitempty"`      // log
	Repo     *repoInfo          `json:"repo,omitempty"`     // repo
	Objects  []runrecord.Object `json:"objects,omitempty"`  // repo.list
	Data     []byte             `json:"data,omitempty"`     // repo.get
}

// repoInfo answers a repo request: the repository's location, or Found false when the request
// asked for the environment's and the environment names none.
type repoInfo struct {
	Location string `json:"location,omitempty"`
	Found    bool   `json:"found"`
}

// wireError is an error across the pipe: its message, and what flowc's code tells apart.
type wireError struct {
	Message  string   `json:"message"`
	NoConfig bool     `json:"noConfig,omitempty"` // a NoConfigError
	Looked   []string `json:"looked,omitempty"`   // its files looked for
	Stopped  bool     `json:"stopped,omitempty"`  // the request was cancelled
}

// Refs names the objects of a multi-document YAML manifest as RefOf does, skipping empty
// documents, without asking flowc-kube: a client dry run contacts nothing.
func Refs(manifest []byte) ([]string, error) {
	dec := yaml.NewDecoder(bytes.NewReader(manifest))
	var refs []string
	for {
		var head struct {
			APIVersion string `yaml:"apiVersion"`
			Kind       string `yaml:"kind"`
			Metadata   struct {
				Name         string `yaml:"name"`
				GenerateName string `yaml:"generateName"`
			} `yaml:"metadata"`
		}
		err := dec.Decode(&head)
		if errors.Is(err, io.EOF) {
			return refs, nil
		}
		if err != nil {
			return nil, err
		}
		if head.APIVersion == "" && head.Kind == "" {
			continue // an empty document, as the server side skips it
		}
		name := head.Metadata.Name
		if name == "" {
			name = head.Metadata.GenerateName
		}
		refs = append(refs, RefOf(head.APIVersion, head.Kind, name))
	}
}
