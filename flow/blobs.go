package flow

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"

	"github.com/flowc-dev/flowc/internal/stepcmd/spec"
)

// blobMin is the size from which a field's JSON is stored once per run, content-addressed, when
// the runner gives a blob directory (flowc run does; see the step protocol's "State"): a large
// field that steps pass on unchanged is then one file for the run, not a copy per step.
const blobMin = 64 << 10

// blobRef stands in state.json for a field stored as $FLOWC_BLOB_DIR/sha256/<Blob>.
type blobRef struct {
	Blob string `json:"blob"`
	Size int    `json:"size"`
}

var blobName = regexp.MustCompile(`^[0-9a-f]{64}$`)

func blobPath(digest string) (string, error) {
	root := os.Getenv(spec.EnvBlobDir)
	if root == "" {
		return "", fmt.Errorf("the state refers to a stored blob, but %s is not set", spec.EnvBlobDir)
	}
	if !blobName.MatchString(digest) {
		return "", fmt.Errorf("bad blob reference %q", digest)
	}
	return filepath.Join(root, "sha256", digest), nil
}

// storeBlobs moves the large fields out of st into blobs, writing those not stored yet.
func (st *state) storeBlobs() error {
	if os.Getenv(spec.EnvBlobDir) == "" {
		return nil
	}
	for name, raw := range st.Fields {
		if len(raw) < blobMin {
			continue
		}
		sum := sha256.Sum256(raw)
		digest := hex.EncodeToString(sum[:])
		path, err := blobPath(digest)
		if err != nil {
			return err
		}
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				return err
			}
			if err := atomicWrite(path, raw); err != nil {
				return err
			}
		}
		if st.Blobs == nil {
			st.Blobs = map[string]blobRef{}
		}
		st.Blobs[name] = blobRef{Blob: digest, Size: len(raw)}
		delete(st.Fields, name)
	}
	return nil
}

// loadBlobs puts the fields stored in blobs back into st.Fields.
func (st *state) loadBlobs() error {
	for name, ref := range st.Blobs {
		path, err := blobPath(ref.Blob)
		if err != nil {
			return err
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			return fmt.Errorf("field %s: %v", name, err)
		}
		if st.Fields == nil {
			st.Fields = map[string]json.RawMessage{}
		}
		st.Fields[name] = raw
	}
	st.Blobs = nil
	return nil
}
