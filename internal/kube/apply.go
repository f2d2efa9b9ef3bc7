package kube

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"strings"

	"k8s.io/apimachinery/pkg/api/equality"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/types"
	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
	"k8s.io/client-go/dynamic"
	"sigs.k8s.io/yaml"

	"github.com/flowc-dev/flowc/internal/cluster"
)

// ApplyOptions are the settings of one Apply.
type ApplyOptions = cluster.ApplyOptions

// Result is what applying one object did, as kubectl reports it.
type Result = cluster.Result

// Decode reads the objects of a multi-document YAML manifest, skipping empty documents.
func Decode(data []byte) ([]*unstructured.Unstructured, error) {
	r := utilyaml.NewYAMLReader(bufio.NewReader(bytes.NewReader(data)))
	var objs []*unstructured.Unstructured
	for {
		doc, err := r.Read()
		if errors.Is(err, io.EOF) {
			return objs, nil
		}
		if err != nil {
			return nil, err
		}
		js, err := yaml.YAMLToJSON(doc)
		if err != nil {
			return nil, err
		}
		if s := strings.TrimSpace(string(js)); s == "null" || s == "" || s == "{}" {
			continue
		}
		obj := &unstructured.Unstructured{}
		if err := obj.UnmarshalJSON(js); err != nil {
			return nil, err
		}
		objs = append(objs, obj)
	}
}

// Ref names an object as kubectl's reports do: lower-case kind, group, name.
func Ref(obj *unstructured.Unstructured) string {
	name := obj.GetName()
	if name == "" {
		name = obj.GetGenerateName()
	}
	return cluster.RefOf(obj.GetAPIVersion(), obj.GetKind(), name)
}

// Apply server-side applies objs in order as field manager "flowc", with strict field
// validation. Every kind is looked up first, so that a missing CRD fails before anything is
// written. The results are those of the objects applied before an error, if any.
func (c *Cluster) Apply(ctx context.Context, objs []*unstructured.Unstructured, o ApplyOptions) ([]Result, error) {
	cl, err := c.connect(ctx)
	if err != nil {
		return nil, err
	}
	ris := make([]dynamic.ResourceInterface, len(objs))
	for i, obj := range objs {
		if ris[i], err = cl.resource(ctx, obj.GroupVersionKind(), o.Namespace); err != nil {
			return nil, err
		}
	}
	var results []Result
	for i, obj := range objs {
		obj = obj.DeepCopy()
		obj.SetNamespace(o.Namespace)
		r, err := cl.apply(ctx, ris[i], obj, o)
		if err != nil {
			return results, err
		}
		results = append(results, r)
	}
	return results, nil
}

// apply applies one object. It reads the object first, because only the difference tells
// created from configured from unchanged: a no-op apply keeps the resourceVersion.
func (cl *client) apply(ctx context.Context, ri dynamic.ResourceInterface, obj *unstructured.Unstructured, o ApplyOptions) (Result, error) {
	ref := Ref(obj)
	before, err := ri.Get(ctx, obj.GetName(), metav1.GetOptions{})
	if apierrors.IsNotFound(err) {
		before, err = nil, nil
	}
	if err != nil {
		return Result{}, cl.explain(ctx, err, "read", ref)
	}
	body, err := obj.MarshalJSON()
	if err != nil {
		return Result{}, err
	}
	opts := metav1.PatchOptions{FieldManager: FieldManager, Force: &o.Force, FieldValidation: metav1.FieldValidationStrict}
	if o.DryRun {
		opts.DryRun = []string{metav1.DryRunAll}
	}
	after, err := ri.Patch(ctx, obj.GetName(), types.ApplyPatchType, body, opts)
	if err != nil {
		return Result{}, cl.explain(ctx, err, "apply", ref)
	}
	return Result{Ref: ref, Action: action(before, after, o.DryRun), DryRun: o.DryRun}, nil
}

// action compares the object before and after an apply. A stored change always moves the
// resourceVersion; a dry run stores nothing, so there the objects themselves are compared.
func action(before, after *unstructured.Unstructured, dryRun bool) string {
	switch {
	case before == nil:
		return "created"
	case !dryRun && before.GetResourceVersion() == after.GetResourceVersion():
		return "unchanged"
	case dryRun && sameObject(before, after):
		return "unchanged"
	}
	return "configured"
}

// sameObject compares two versions of an object, apart from the bookkeeping a dry run fills in.
func sameObject(a, b *unstructured.Unstructured) bool {
	a, b = a.DeepCopy(), b.DeepCopy()
	for _, o := range []*unstructured.Unstructured{a, b} {
		o.SetResourceVersion("")
		o.SetGeneration(0)
	}
	return equality.Semantic.DeepEqual(a.Object, b.Object)
}
