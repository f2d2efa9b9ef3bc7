package argo

import (
	"bytes"

	"gopkg.in/yaml.v3"
)

// Marshal writes objects as one multi-document YAML stream in canonical form: fields in struct
// order, map keys sorted (yaml.v3 sorts them), two-space indent, and no line wrapping, since a
// {{...}} split over two lines breaks Argo.
func Marshal(objs []Object) ([]byte, error) {
	var buf bytes.Buffer
	for _, o := range objs {
		buf.WriteString("---\n")
		enc := yaml.NewEncoder(&buf)
		enc.SetIndent(2)
		if err := enc.Encode(o); err != nil {
			return nil, err
		}
		if err := enc.Close(); err != nil {
			return nil, err
		}
	}
	return buf.Bytes(), nil
}
