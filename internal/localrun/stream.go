package localrun

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"strings"
	"sync"
)

// maxLine bounds what one streamed line may hold in memory: a longer line is cut into pieces.
const maxLine = 64 << 10

// console serialises the lines that concurrent steps print, so that lines never interleave.
type console struct {
	mu sync.Mutex
}

// stream copies what a step prints on one stream, line by line, to its log file and to the
// terminal behind a "[step/task] " prefix, as Metaflow's local runs show it. rewrite turns
// paths into the run's copy of the flow into paths into the user's own files.
type stream struct {
	c       *console
	log     io.Writer
	term    io.Writer // nil: the log only
	prefix  string
	rewrite *strings.Replacer
}

// copy reads r until EOF; a read error ends the copy like EOF.
func (s *stream) copy(r io.Reader) {
	br := bufio.NewReaderSize(r, maxLine)
	for {
		line, err := br.ReadSlice('\n')
		if len(line) > 0 {
			s.line(line)
		}
		if err != nil && err != bufio.ErrBufferFull {
			return
		}
	}
}

func (s *stream) line(b []byte) {
	text := string(b)
	if s.rewrite != nil {
		text = s.rewrite.Replace(text)
	}
	_, _ = io.WriteString(s.log, text)
	if s.term == nil {
		return
	}
	if !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	s.c.mu.Lock()
	defer s.c.mu.Unlock()
	_, _ = io.WriteString(s.term, s.prefix+text)
}

// tail returns up to max bytes from the end of the file at path, starting at a line, so that a
// failing step's stderr is shown without reading a large log into memory.
func tail(path string, max int64) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return "", err
	}
	// One byte more than max tells whether the first byte starts a line.
	off := st.Size() - max - 1
	if off < 0 {
		off = 0
	}
	buf := make([]byte, st.Size()-off)
	if _, err := f.ReadAt(buf, off); err != nil && err != io.EOF {
		return "", err
	}
	if off > 0 {
		i := bytes.IndexByte(buf, '\n')
		if i < 0 {
			return string(buf[1:]), nil // one long line: its end
		}
		buf = buf[i+1:]
	}
	return string(buf), nil
}
