// Package oracle checks Argo Workflows manifests with Argo's own code: strict decoding into
// Argo's API types and the validator of its workflow/validate package (v4.0.5). It is a
// test-only module, so Argo's dependency tree never reaches flowc's binary.
package oracle

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"

	wfv1 "github.com/argoproj/argo-workflows/v4/pkg/apis/workflow/v1alpha1"
	"github.com/argoproj/argo-workflows/v4/util/logging"
	"github.com/argoproj/argo-workflows/v4/workflow/templateresolution"
	"github.com/argoproj/argo-workflows/v4/workflow/validate"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
	k8sjson "sigs.k8s.io/json"
	"sigs.k8s.io/yaml"
)

const apiVersion = "argoproj.io/v1alpha1"

// document is one document of a YAML stream.
type document struct {
	index int    // 1-based position in the stream
	kind  string // as written in the document
	name  string // metadata.name, or metadata.generateName when the name is empty
	tree  any    // the document as generic JSON values, for checkTags
	obj   any    // *wfv1.Workflow, *wfv1.WorkflowTemplate or *wfv1.CronWorkflow
	err   error  // why it could not be decoded
}

// Check decodes every document of a multi-document YAML stream strictly into Argo's types,
// checks that every string in it is a well-formed Argo template on its own (see checkTags),
// and runs Argo's validator on it as `argo lint` does. A Workflow or CronWorkflow that
// references a WorkflowTemplate resolves it from the same stream. The error joins one error
// per failing document (a *DocumentError), each naming the document and quoting Argo.
func Check(yamlBytes []byte) error {
	docs, err := splitDocuments(yamlBytes)
	if err != nil {
		return err
	}
	if len(docs) == 0 {
		return errors.New("no documents")
	}
	getter := templateGetter{}
	for _, d := range docs {
		if t, ok := d.obj.(*wfv1.WorkflowTemplate); ok {
			getter[t.Name] = t
		}
	}
	var errs []error
	for _, d := range docs {
		if d.err == nil {
			d.err = errors.Join(checkTags(d.tree), validateDocument(getter, d))
		}
		if d.err != nil {
			errs = append(errs, &DocumentError{Index: d.index, Kind: d.kind, Name: d.name, Err: d.err})
		}
	}
	return errors.Join(errs...)
}

// DocumentError is what Check reports about one document of the stream.
type DocumentError struct {
	Index int    // 1-based position in the stream
	Kind  string // as written in the document, empty if it could not be read
	Name  string // metadata.name, or metadata.generateName when the name is empty
	Err   error
}

func (e *DocumentError) Error() string {
	if e.Kind == "" {
		return fmt.Sprintf("document %d: %v", e.Index, e.Err)
	}
	return fmt.Sprintf("document %d (%s/%s): %v", e.Index, e.Kind, e.Name, e.Err)
}

func (e *DocumentError) Unwrap() error { return e.Err }

// splitDocuments splits the stream at `---` lines and decodes each document that holds more
// than comments and whitespace. A document that fails to decode carries its error.
func splitDocuments(yamlBytes []byte) ([]*document, error) {
	r := utilyaml.NewYAMLReader(bufio.NewReader(bytes.NewReader(yamlBytes)))
	var docs []*document
	for i := 1; ; i++ {
		raw, err := r.Read()
		if err == io.EOF {
			return docs, nil
		}
		if err != nil {
			return nil, fmt.Errorf("document %d: %w", i, err)
		}
		if d := decodeDocument(i, raw); d.err != nil || d.obj != nil {
			docs = append(docs, d)
		}
	}
}

// decodeDocument decodes one document the way the Kubernetes API server does with strict field
// validation: duplicate keys, unknown fields and wrongly cased field names are errors. A
// document holding only comments or whitespace has neither obj nor err.
func decodeDocument(index int, raw []byte) *document {
	d := &document{index: index}
	js, err := yaml.YAMLToJSONStrict(raw)
	if err == nil {
		err = k8sjson.UnmarshalCaseSensitivePreserveInts(js, &d.tree)
	}
	if err != nil || d.tree == nil {
		d.err = err
		return d
	}
	var head struct {
		APIVersion string `json:"apiVersion"`
		Kind       string `json:"kind"`
		Metadata   struct {
			Name         string `json:"name"`
			GenerateName string `json:"generateName"`
		} `json:"metadata"`
	}
	if d.err = k8sjson.UnmarshalCaseSensitivePreserveInts(js, &head); d.err != nil {
		return d
	}
	d.kind, d.name = head.Kind, head.Metadata.Name
	if d.name == "" {
		d.name = head.Metadata.GenerateName
	}
	if head.APIVersion != apiVersion {
		d.err = fmt.Errorf("apiVersion %q, want %q", head.APIVersion, apiVersion)
		return d
	}
	switch head.Kind {
	case "Workflow":
		d.obj = &wfv1.Workflow{}
	case "WorkflowTemplate":
		d.obj = &wfv1.WorkflowTemplate{}
	case "CronWorkflow":
		d.obj = &wfv1.CronWorkflow{}
	default:
		d.err = fmt.Errorf("unsupported kind %q", head.Kind)
		return d
	}
	strictErrs, err := k8sjson.UnmarshalStrict(js, d.obj)
	if err == nil {
		err = errors.Join(strictErrs...)
	}
	if err != nil {
		d.obj, d.err = nil, err
	}
	return d
}

// validateDocument runs the validator that matches the document's kind, in lint mode as
// `argo lint` does: parameters may lack values until submission. Argo's ValidateCronWorkflow
// takes no options and validates as the controller does when it starts a run, so there every
// parameter needs a value.
func validateDocument(getter templateGetter, d *document) error {
	ctx := quietContext()
	clusterGetter := &templateresolution.NullClusterWorkflowTemplateGetter{}
	opts := validate.ValidateOpts{Lint: true}
	switch obj := d.obj.(type) {
	case *wfv1.WorkflowTemplate:
		if err := validate.ValidateWorkflowTemplate(ctx, getter, clusterGetter, obj.DeepCopy(), nil, opts); err != nil {
			return err
		}
		if err := validate.ValidateWorkflow(ctx, getter, clusterGetter, submission(obj), nil, opts); err != nil {
			return fmt.Errorf("as submitted: %w", err)
		}
		executed := obj.DeepCopy()
		return asExecutedErr(asExecutedInto(&executed.Spec, func() error {
			return validate.ValidateWorkflowTemplate(ctx, getter, clusterGetter, executed, nil, opts)
		}))
	case *wfv1.Workflow:
		if err := validate.ValidateWorkflow(ctx, getter, clusterGetter, obj.DeepCopy(), nil, opts); err != nil {
			return err
		}
		executed := obj.DeepCopy()
		return asExecutedErr(asExecutedInto(&executed.Spec, func() error {
			return validate.ValidateWorkflow(ctx, getter, clusterGetter, executed, nil, opts)
		}))
	case *wfv1.CronWorkflow:
		return validate.ValidateCronWorkflow(ctx, getter, clusterGetter, obj.DeepCopy(), nil)
	}
	return fmt.Errorf("unsupported type %T", d.obj)
}

// submission is the Workflow that `argo submit --from workflowtemplate/NAME` creates. Validating
// it catches what template validation lets through because a Workflow might supply it, such as
// a {{workflow.parameters.x}} whose parameter the template does not declare.
func submission(t *wfv1.WorkflowTemplate) *wfv1.Workflow {
	return &wfv1.Workflow{
		ObjectMeta: metav1.ObjectMeta{GenerateName: t.Name + "-"},
		Spec:       wfv1.WorkflowSpec{WorkflowTemplateRef: &wfv1.WorkflowTemplateRef{Name: t.Name}},
	}
}

// quietContext carries the logger that Argo's code requires (it panics without one) and
// discards everything it logs.
func quietContext() context.Context {
	logger := logging.NewSlogLoggerCustom(logging.Error, logging.Text, io.Discard)
	return logging.WithLogger(context.Background(), logger)
}

// templateGetter resolves workflowTemplateRef against the WorkflowTemplates of one stream.
type templateGetter map[string]*wfv1.WorkflowTemplate

// Get returns a copy, so that validating one document cannot change another.
func (g templateGetter) Get(_ context.Context, name string) (*wfv1.WorkflowTemplate, error) {
	t, ok := g[name]
	if !ok {
		return nil, fmt.Errorf("workflowtemplates.argoproj.io %q not found in the stream", name)
	}
	return t.DeepCopy(), nil
}
