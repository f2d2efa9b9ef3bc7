package build

import "github.com/flowc-dev/flowc/internal/settings"

// CheckImage reports what is wrong with an image reference, or nil (see settings.CheckImage).
func CheckImage(ref string) error { return settings.CheckImage(ref) }

// CheckRepository reports what is wrong with an image repository, or nil (see
// settings.CheckRepository).
func CheckRepository(repo string) error { return settings.CheckRepository(repo) }
