package python

type Unsupported struct {
	Line, Col int
	Construct string
}

func Normalize(src []byte) ([]byte, []Unsupported) { return src, nil }
func ConstructAt(src []byte, line, col int) string  { return "" }
