package settings

import (
	"fmt"

	"github.com/distribution/reference"
)

// CheckImage reports what is wrong with an image reference, or nil: it must parse, whole, as a
// reference the way Docker and the registry read one (name, optional tag, optional digest), so
// that nothing else can ride along in a Dockerfile's FROM line or a manifest.
func CheckImage(ref string) error {
	if ref == "" {
		return fmt.Errorf("an image reference is required")
	}
	if _, err := reference.ParseNormalizedNamed(ref); err != nil {
		return fmt.Errorf("%q is not an image reference: %v", ref, err)
	}
	return nil
}

// CheckRepository reports what is wrong with an image repository (a reference without a tag or
// digest, to which flowc adds the context hash as the tag), or nil.
func CheckRepository(repo string) error {
	if repo == "" {
		return fmt.Errorf("an image repository is required")
	}
	named, err := reference.ParseNormalizedNamed(repo)
	if err != nil {
		return fmt.Errorf("%q is not an image repository: %v", repo, err)
	}
	if !reference.IsNameOnly(named) {
		return fmt.Errorf("%q has a tag or digest; give the repository only, flowc tags each image with its content hash", repo)
	}
	return nil
}
