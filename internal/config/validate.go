package config

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"gopkg.in/yaml.v3"
	"k8s.io/apimachinery/pkg/util/validation"

	"github.com/flowc-dev/flowc/internal/diag"
	"github.com/flowc-dev/flowc/internal/settings"
)

// reader decodes flowc.yaml's nodes into a Config, reporting at each node's position.
type reader struct {
	file  string
	c     *Config
	diags diag.List
}

func (r *reader) pos(n *yaml.Node) diag.Pos {
	return diag.Pos{File: r.file, Line: n.Line, Col: n.Column}
}

func (r *reader) errorf(n *yaml.Node, check diag.ID, format string, args ...any) {
	r.diags = append(r.diags, diag.Errorf(r.pos(n), check, format, args...))
}

// keys are flowc.yaml's settings and how each is read and checked.
var keys = map[string]func(r *reader, v *yaml.Node){
	"imageRepo":      func(r *reader, v *yaml.Node) { r.image(v, &r.c.ImageRepo, settings.CheckRepository) },
	"baseImage":      func(r *reader, v *yaml.Node) { r.image(v, &r.c.BaseImage, settings.CheckImage) },
	"goImage":        func(r *reader, v *yaml.Node) { r.image(v, &r.c.GoImage, settings.CheckImage) },
	"goRuntimeImage": func(r *reader, v *yaml.Node) { r.image(v, &r.c.GoRuntimeImage, settings.CheckImage) },
	"namespace":      func(r *reader, v *yaml.Node) { r.name(v, &r.c.Namespace, validation.IsDNS1123Label) },
	"serviceAccount": func(r *reader, v *yaml.Node) { r.name(v, &r.c.ServiceAccount, validation.IsDNS1123Subdomain) },
	"labels":         func(r *reader, v *yaml.Node) { r.c.Labels = r.stringMap(v, validation.IsValidLabelValue) },
	"annotations":    func(r *reader, v *yaml.Node) { r.c.Annotations = r.stringMap(v, nil) },
	"include":        (*reader).include,
	"parallelism":    func(r *reader, v *yaml.Node) { r.c.Parallelism = int(r.count(v, math.MaxInt32)) },
	"timeoutSeconds": func(r *reader, v *yaml.Node) { r.c.TimeoutSeconds = r.count(v, math.MaxInt64) },
	"ttlSecondsAfterFinished": func(r *reader, v *yaml.Node) {
		r.c.TTLSeconds = int(r.count(v, math.MaxInt32))
	},
	"podGC": func(r *reader, v *yaml.Node) {
		s, ok := r.str(v)
		if ok && !podGC[s] {
			r.errorf(v, diag.Config, "podGC %q is not one of %s", s, strings.Join(sortedKeys(podGC), ", "))
		}
		r.c.PodGC = s
	},
	"imagePullSecrets": func(r *reader, v *yaml.Node) {
		for _, e := range r.seq(v) {
			var s string
			r.name(e, &s, validation.IsDNS1123Subdomain)
			r.c.ImagePullSecrets = append(r.c.ImagePullSecrets, s)
		}
	},
	"artifactRepositoryConfigMap": func(r *reader, v *yaml.Node) {
		r.name(v, &r.c.ArtifactRepositoryConfigMap, validation.IsDNS1123Subdomain)
	},
	"artifactStorage": func(r *reader, v *yaml.Node) {
		r.oneOf(v, "artifactStorage", settings.StorageKinds, &r.c.ArtifactStorage)
	},
	"templates": func(r *reader, v *yaml.Node) { r.oneOf(v, "templates", settings.TemplateLayouts, &r.c.Templates) },
	"artifactRepositoryKey": func(r *reader, v *yaml.Node) {
		r.name(v, &r.c.ArtifactRepositoryKey, validation.IsConfigMapKey)
	},
}

// oneOf reads setting key's value v into dst when it is one of valid (or "", the default),
// and reports it otherwise.
func (r *reader) oneOf(v *yaml.Node, key string, valid []string, dst *string) {
	s, ok := r.str(v)
	if !ok {
		return
	}
	if s != "" && !slices.Contains(valid, s) { // "" is the default
		r.errorf(v, diag.Config, "%s must be one of %s, not %q", key, strings.Join(valid, ", "), s)
		return
	}
	*dst = s
}

// podGC are Argo's pod garbage collection strategies.
var podGC = map[string]bool{"OnPodCompletion": true, "OnPodSuccess": true, "OnWorkflowCompletion": true, "OnWorkflowSuccess": true}

var yamlLine = regexp.MustCompile(`line (\d+)`)

// parse reads flowc.yaml's content into c.
func (c *Config) parse(file string, data []byte) diag.List {
	r := &reader{file: file, c: c}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		p := diag.Pos{File: file, Line: 1, Col: 1}
		if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
			p.Line, _ = strconv.Atoi(m[1])
		}
		return diag.List{diag.Errorf(p, diag.Config, "%s", strings.TrimPrefix(err.Error(), "yaml: "))}
	}
	if doc.Kind == 0 || len(doc.Content) == 0 || doc.Content[0].Tag == "!!null" {
		return nil // an empty file sets nothing
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		r.errorf(root, diag.Config, "flowc.yaml must be a mapping of settings, such as imageRepo: registry.example.com/flows")
		return r.diags
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		set, known := keys[k.Value]
		switch {
		case !known:
			r.diags = append(r.diags, diag.Errorf(r.pos(k), diag.Config, "unknown setting %q in flowc.yaml", k.Value).
				Suggest("flowc.yaml knows %s", strings.Join(sortedKeys(keys), ", ")))
		case seen[k.Value]:
			r.errorf(k, diag.Config, "setting %q is given twice", k.Value)
		case v.Tag == "!!null":
		default:
			set(r, v)
		}
		seen[k.Value] = true
	}
	return r.diags
}

// str reads a scalar as a string, checking what every string must satisfy: no control
// characters (a newline would split a Dockerfile line), no braces (Argo templates).
func (r *reader) str(v *yaml.Node) (string, bool) {
	if v.Kind != yaml.ScalarNode {
		r.errorf(v, diag.Config, "expected a string, not a %s", kindName(v))
		return "", false
	}
	s := v.Value
	for _, ch := range s {
		if unicode.IsControl(ch) || ch == '\u2028' || ch == '\u2029' {
			r.errorf(v, diag.Config, "%q holds the control character %U", s, ch)
			return "", false
		}
	}
	if strings.Contains(s, "{{") || strings.Contains(s, "}}") {
		r.errorf(v, diag.TemplateSyntax, "%q contains braces, which Argo would read as a template; Argo has no escape for it there", s)
		return "", false
	}
	return s, true
}

// image reads an image reference or repository.
func (r *reader) image(v *yaml.Node, dst *string, check func(string) error) {
	if s, ok := r.str(v); ok {
		if err := check(s); err != nil {
			r.errorf(v, diag.Config, "%v", err)
			return
		}
		*dst = s
	}
}

// name reads a Kubernetes name, checked by one of apimachinery's validators.
func (r *reader) name(v *yaml.Node, dst *string, valid func(string) []string) {
	if s, ok := r.str(v); ok {
		if errs := valid(s); len(errs) > 0 {
			r.errorf(v, diag.Name, "%q is not a valid name: %s", s, errs[0])
			return
		}
		*dst = s
	}
}

// flowcKey reports whether a label or annotation key is one flowc writes itself.
func flowcKey(key string) bool {
	return strings.HasPrefix(key, "flowc.dev/") || key == "app.kubernetes.io/managed-by"
}

// stringMap reads labels or annotations: qualified-name keys, values checked by valid.
func (r *reader) stringMap(v *yaml.Node, valid func(string) []string) map[string]string {
	if v.Kind != yaml.MappingNode {
		r.errorf(v, diag.Config, "expected a mapping of names to strings, not a %s", kindName(v))
		return nil
	}
	out := map[string]string{}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		key, ok := r.str(k)
		if !ok {
			continue
		}
		if errs := validation.IsQualifiedName(key); len(errs) > 0 {
			r.errorf(k, diag.Name, "%q is not a valid key: %s", key, errs[0])
			continue
		}
		if flowcKey(key) {
			r.errorf(k, diag.Config, "key %q is flowc's own: it says which flow and step an object comes from, and flowc finds its objects by it; choose another key", key)
			continue
		}
		if _, dup := out[key]; dup {
			r.errorf(k, diag.Config, "key %q is given twice", key)
			continue
		}
		s, ok := r.str(val)
		if !ok {
			continue
		}
		if valid != nil {
			if errs := valid(s); len(errs) > 0 {
				r.errorf(val, diag.Name, "%q is not a valid value for %q: %s", s, key, errs[0])
				continue
			}
		}
		out[key] = s
	}
	return out
}

// seq reads a list's items.
func (r *reader) seq(v *yaml.Node) []*yaml.Node {
	if v.Kind != yaml.SequenceNode {
		r.errorf(v, diag.Config, "expected a list, not a %s", kindName(v))
		return nil
	}
	return v.Content
}

// count reads a non-negative whole number of at most max.
func (r *reader) count(v *yaml.Node, max int64) int64 {
	n, err := strconv.ParseInt(v.Value, 10, 64)
	if v.Kind != yaml.ScalarNode || v.Tag != "!!int" || err != nil || n < 0 || n > max {
		r.errorf(v, diag.Config, "expected a whole number from 0 to %d, not %q", max, v.Value)
		return 0
	}
	return n
}

// include reads the data-file globs.
func (r *reader) include(v *yaml.Node) {
	for _, e := range r.seq(v) {
		s, ok := r.str(e)
		if !ok {
			continue
		}
		if err := settings.CheckPattern(s); err != nil {
			r.errorf(e, diag.Config, "include %q: %v", s, err)
			continue
		}
		r.c.Include = append(r.c.Include, s)
		r.c.IncludePos = append(r.c.IncludePos, r.pos(e))
	}
}

func kindName(v *yaml.Node) string {
	switch v.Kind {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	case yaml.AliasNode:
		return "YAML alias"
	}
	return fmt.Sprintf("value %q", v.Value)
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
