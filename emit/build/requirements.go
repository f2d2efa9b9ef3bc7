package build

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/diag"
)

// Requirements are the packages a flow's @pypi_base/@conda_base (all steps) and @pypi/@conda
// (one step) decorators ask for, as requirements.txt lines pinned as written.
type Requirements struct {
	Base  []string            // the flow's, in source order
	Steps map[string][]string // a step's own, over Base; only steps that have some
}

// pepName is a distribution name with optional extras, as PEP 508 writes it; anything else in a
// requirements.txt line could be a pip option (-r, --index-url), so it is refused.
var (
	pepName     = regexp.MustCompile(`^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?(?:\[[A-Za-z0-9._-]+(?:,[A-Za-z0-9._-]+)*\])?$`)
	pipVersion  = regexp.MustCompile(`^(?:(?:===?|!=|~=|<=|>=|<|>)?\s*[A-Za-z0-9.*+!_-]+)(?:\s*,\s*(?:===?|!=|~=|<=|>=|<|>)\s*[A-Za-z0-9.*+!_-]+)*$`)
	operatorish = regexp.MustCompile(`^\s*(?:===?|!=|~=|<=|>=|<|>)`)
)

// condaOnly are packages that conda provides and PyPI does not (or not usefully), left out with
// a warning rather than failing the image build.
var condaOnly = map[string]bool{"cudatoolkit": true, "cudnn": true, "mkl": true, "libgcc": true, "openblas": true,
	"nodejs": true, "ffmpeg": true, "gcc": true, "gxx": true, "cmake": true, "openjdk": true, "r-base": true}

// FlowRequirements reads the package decorators of f. Malformed specs are errors; conda-only
// ones are warnings that name the package.
func FlowRequirements(f *ir.Flow) (Requirements, diag.List) {
	var r Requirements
	var diags diag.List
	for _, d := range f.Decorators {
		if d.Name == "pypi_base" || d.Name == "conda_base" {
			lines, ds := packageLines(d)
			r.Base, diags = append(r.Base, lines...), append(diags, ds...)
		}
	}
	for _, s := range f.Steps {
		for _, d := range s.Decorators {
			if d.Name != "pypi" && d.Name != "conda" {
				continue
			}
			lines, ds := packageLines(d)
			diags = append(diags, ds...)
			if len(lines) > 0 {
				if r.Steps == nil {
					r.Steps = map[string][]string{}
				}
				r.Steps[s.Name] = append(r.Steps[s.Name], lines...)
			}
		}
	}
	return r, diags
}

// packageLines turns one decorator's packages into requirement lines.
func packageLines(d *ir.Decorator) ([]string, diag.List) {
	if a := d.Arg("disabled"); a != nil && a.Value.Kind == ir.ValBool && a.Value.Bool {
		return nil, nil
	}
	conda := strings.HasPrefix(d.Name, "conda")
	var lines []string
	var diags diag.List
	for _, argName := range []string{"packages", "libraries"} {
		a := d.Arg(argName)
		if a == nil || a.Value.Kind != ir.ValDict {
			continue
		}
		for i, k := range a.Value.Keys {
			v := a.Value.Elems[i]
			line, warn, err := requirement(k.Str, v.Str, conda)
			pos := a.Pos
			switch {
			case err != "":
				diags = append(diags, diag.Errorf(pos, diag.Requirements, "@%s package %q: %s", d.Name, k.Str, err))
			case warn != "":
				diags = append(diags, diag.Warningf(pos, diag.Requirements, "@%s package %q %s", d.Name, k.Str, warn))
			default:
				lines = append(lines, line)
			}
		}
	}
	return lines, diags
}

// requirement is one package as a requirements.txt line: "name==version" for a bare version,
// "name<op>version" when the version has an operator, "name" for any version.
func requirement(name, version string, conda bool) (line, warn, err string) {
	version = strings.TrimSpace(version)
	if conda && (strings.Contains(name, "::") || condaOnly[strings.ToLower(name)] ||
		strings.ContainsAny(version, "| ") && !strings.Contains(version, ",")) {
		return "", "is conda-only; flowc installs packages with pip from PyPI, so it is left out: install it in the base image", ""
	}
	if conda && strings.EqualFold(name, "python") {
		return "", "sets the Python version, which is the base image's: choose baseImage in flowc.yaml; it is left out", ""
	}
	if !pepName.MatchString(name) {
		return "", "", "not a package name"
	}
	switch {
	case version == "":
		return name, "", ""
	case !pipVersion.MatchString(version):
		return "", "", fmt.Sprintf("version %q is not a version pip understands", version)
	case operatorish.MatchString(version):
		return name + strings.ReplaceAll(version, " ", ""), "", ""
	}
	return name + "==" + version, "", ""
}

// stepSets groups the steps by their own requirements: each distinct set (base included) gets a
// file, named by the hash of its content, and the steps that use it.
func stepSets(r Requirements) (files map[string][]byte, byStep map[string]string) {
	files, byStep = map[string][]byte{}, map[string]string{}
	steps := make([]string, 0, len(r.Steps))
	for s := range r.Steps {
		steps = append(steps, s)
	}
	sort.Strings(steps) // map order must not reach the output
	for _, s := range steps {
		content := []byte(strings.Join(r.Steps[s], "\n") + "\n")
		sum := sha256.Sum256(content)
		id := hex.EncodeToString(sum[:])[:12]
		files["requirements/"+id+".txt"] = content
		byStep[s] = id
	}
	return files, byStep
}

// addRequirements writes requirements.txt (the user's file next to the flow, then the flow-level
// packages of its decorators) and the per-step sets, and says whether the image installs any.
// Packages every step asks for alike are the flow's: one image serves all steps.
func (c *Context) addRequirements(base []byte, r Requirements) bool {
	if shared, ok := sameForAll(r, len(c.stepNames)); ok {
		r.Base, r.Steps = append(r.Base, shared...), nil
	}
	if len(r.Base) > 0 {
		if len(base) > 0 && base[len(base)-1] != '\n' {
			base = append(base, '\n')
		}
		base = append(base, "# from @pypi_base, @conda_base (flowc)\n"+strings.Join(r.Base, "\n")+"\n"...)
	}
	if base != nil {
		c.Files["requirements.txt"] = base
	}
	files, byStep := stepSets(r)
	for p, data := range files {
		c.Files[p] = data
	}
	if len(byStep) > 0 {
		c.StepRequirements = byStep
	}
	return base != nil
}

// sameForAll returns the packages when all n steps have the same own packages.
func sameForAll(r Requirements, n int) ([]string, bool) {
	if len(r.Steps) == 0 || len(r.Steps) != n {
		return nil, false
	}
	var first []string
	for _, lines := range r.Steps {
		if first == nil {
			first = lines
		} else if strings.Join(first, "\n") != strings.Join(lines, "\n") {
			return nil, false
		}
	}
	return first, true
}

// thirdPartyWarnings warns, at each module's first import, that the image will not have it.
func thirdPartyWarnings(third []ir.Import, flowFile string) diag.List {
	var diags diag.List
	for _, imp := range third {
		pos, mod := imp.Pos, imp.Module
		diags = append(diags, diag.Warningf(pos, diag.Build,
			"the flow imports %s, which the image will not have: add it to a requirements.txt next to %s, or to @pypi_base",
			mod, flowFile))
	}
	return diags
}

// StepImagesFile lists, next to the context, the images of steps with packages of their own:
// one line "<id> <image>" per requirements set; build each with
// docker build --build-arg FLOWC_REQUIREMENTS=<id> -t <image> .
const StepImagesFile = "step-images.txt"

// AddStepImages returns each step's own image, derived from the flow's image ref, and records
// them in StepImagesFile; nil when every step runs in the flow's image.
func (c *Context) AddStepImages(ref string) map[string]string {
	if len(c.StepRequirements) == 0 {
		return nil
	}
	out := map[string]string{}
	ids := map[string]bool{}
	for step, id := range c.StepRequirements {
		out[step] = ref + "-" + id
		ids[id] = true
	}
	var lines []string
	for id := range ids {
		lines = append(lines, id+" "+ref+"-"+id)
	}
	sort.Strings(lines) // map order must not reach the output
	c.Files[StepImagesFile] = []byte(strings.Join(lines, "\n") + "\n")
	return out
}

// stepRequirementFiles lists the per-step requirements files of the context, sorted: their names
// are hex ids, so they can be written into the Dockerfile as they are.
func (c *Context) stepRequirementFiles() []string {
	seen := map[string]bool{}
	var out []string
	for _, id := range c.StepRequirements {
		if p := "requirements/" + id + ".txt"; !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}
