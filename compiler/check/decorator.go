package check

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/diag"
)

// decoStatus is what flowc does with a known decorator.
type decoStatus int

const (
	supported   decoStatus = iota // compiled; its arguments are checked
	silent                        // accepted and ignored without a word (@card)
	unsupported                   // ignored with a warning (@conda, @trigger)
	rejected                      // an error (@parallel)
)

// decoSpec describes one known decorator.
type decoSpec struct {
	status   decoStatus
	args     []argSpec // in Metaflow's order, which did-you-mean ties follow
	multiple bool      // may be given more than once
	flow     bool      // a flow decorator, not a step's
	check    func(p *Pass, d *ir.Decorator, args map[string]*ir.Arg)
}

// argSpec is one keyword argument of a decorator. An ignored argument is accepted with a warning.
type argSpec struct {
	name    string
	kind    argKind
	ignored bool
}

func arg(name string, kind argKind) argSpec { return argSpec{name: name, kind: kind} }

func args(specs ...argSpec) []argSpec { return specs }

// ignored lists arguments that are accepted with a warning.
func ignored(names ...string) []argSpec {
	out := make([]argSpec, len(names))
	for i, n := range names {
		out[i] = argSpec{name: n, kind: anyValue, ignored: true}
	}
	return out
}

// resourceArgs are the arguments @resources and @kubernetes share.
var resourceArgs = append(args(arg("cpu", cpuQty), arg("gpu", nonNegInt), arg("disk", memQty), arg("memory", memQty)),
	ignored("shared_memory")...)

// kubernetesArgs are @kubernetes's: the resources, what the emitter maps to the pod, and
// Metaflow's other arguments, which flowc accepts with a warning.
var kubernetesArgs = slices.Concat(resourceArgs,
	args(arg("image", literal), arg("image_pull_policy", pullPolicy), arg("service_account", literal),
		arg("secrets", strList), arg("node_selector", selector), arg("tolerations", tolerations),
		arg("gpu_vendor", literal), arg("labels", strMap), arg("annotations", strMap)),
	ignored("namespace", "use_tmpfs", "tmpfs_size", "tmpfs_path", "tmpfs_tempdir", "persistent_volume_claims",
		"port", "compute_pool", "hostname_resolution_timeout", "qos", "security_context"))

// decoSpecs are the decorators flowc knows, by name: Metaflow's names, for Python and Go alike.
var decoSpecs = map[string]*decoSpec{
	"step":        {args: args(arg("start", boolean), arg("end", boolean))},
	"resources":   {args: resourceArgs},
	"kubernetes":  {args: kubernetesArgs, check: checkKubernetes},
	"retry":       {args: args(arg("times", nonNegInt), arg("minutes_between_retries", nonNegInt))},
	"timeout":     {args: args(arg("seconds", nonNegInt), arg("minutes", nonNegInt), arg("hours", nonNegInt)), check: checkTimeout},
	"catch":       {args: args(arg("var", identifier), arg("print_exception", boolean))},
	"environment": {args: args(arg("vars", envVars)), check: checkEnvironment},
	"secrets":     {args: append(args(arg("sources", strList)), ignored("role")...), check: checkK8sNames},
	"card":        {status: silent, multiple: true},
	"conda":       {args: condaArgs},
	"pypi":        {args: pypiArgs},
	"parallel":    {status: rejected},

	"schedule": {flow: true, check: checkSchedule, args: args(arg("hourly", boolean), arg("daily", boolean),
		arg("weekly", boolean), arg("cron", literal), arg("timezone", literal))},
	"project": {flow: true, check: checkProject, args: args(arg("name", literal), arg("branch", literal),
		arg("production", boolean))},
	"trigger":           {flow: true, status: unsupported},
	"trigger_on_finish": {flow: true, status: unsupported},
	"conda_base":        {flow: true, args: condaArgs},
	"pypi_base":         {flow: true, args: pypiArgs},
}

// pypiArgs and condaArgs are the package decorators': their packages go into the image's
// requirements (emit/build); the Python version is the base image's.
var (
	pypiArgs  = append(args(arg("packages", strMap), arg("disabled", boolean)), ignored("python", "extra_indices")...)
	condaArgs = append(args(arg("packages", strMap), arg("libraries", strMap), arg("disabled", boolean)), ignored("python", "channels", "pip_packages")...)
)

// Decorator reports unknown decorators and bad decorator arguments.
var Decorator = &Check{
	Name: diag.Decorator,
	Doc: `decorator warns about unknown decorators and about known ones flowc ignores (@conda, @pypi,
@trigger, @trigger_on_finish, @conda_base, @pypi_base, some @kubernetes arguments), and reports
@parallel, a decorator given twice, positional or unknown arguments, values that are not
literals, and bad values: retry counts, timeouts, resource quantities, schedules, project names.`,
	Run: func(p *Pass) {
		for _, s := range p.Flow.Steps {
			if len(s.Decorators) == 0 {
				continue
			}
			seen := make(map[string]bool, len(s.Decorators))
			for _, d := range s.Decorators {
				checkDecorator(p, d, false, seen)
			}
		}
		seen := make(map[string]bool, len(p.Flow.Decorators))
		for _, d := range p.Flow.Decorators {
			checkDecorator(p, d, true, seen)
		}
	},
}

func checkDecorator(p *Pass, d *ir.Decorator, onFlow bool, seen map[string]bool) {
	name := decoName(p.Flow, d.Name)
	spec, known := decoSpecs[d.Name]
	switch {
	case !known:
		p.Warnf(d.Pos, "unknown %s %s is ignored", decoWord(p.Flow), name)
		return
	case spec.flow != onFlow:
		where := map[bool]string{true: "the flow", false: "a step"}
		p.Warnf(d.Pos, "%s applies to %s, not %s; it is ignored here", name, where[spec.flow], where[onFlow])
		return
	case spec.status == rejected:
		p.Reportf(d.Pos, "%s is not supported yet", name)
		return
	case spec.status == unsupported:
		p.Warnf(d.Pos, "%s is not supported; it is ignored", name)
		return
	case spec.status == silent:
		return
	}
	if seen[d.Name] && !spec.multiple {
		p.Reportf(d.Pos, "%s is given more than once", name)
	}
	seen[d.Name] = true
	valid := checkArgs(p, d, spec)
	if spec.check != nil {
		spec.check(p, d, valid)
	}
}

// checkArgs checks each argument of d and returns the valid ones by name.
func checkArgs(p *Pass, d *ir.Decorator, spec *decoSpec) map[string]*ir.Arg {
	name := decoName(p.Flow, d.Name)
	valid := make(map[string]*ir.Arg, len(d.Args))
	given := make(map[string]bool, len(d.Args))
	for i := range d.Args {
		a := &d.Args[i]
		pos := orPos(a.Pos, d.Pos)
		as, ok := findArg(spec, a.Name)
		switch {
		case a.Name == "":
			p.Reportf(pos, "%s takes named arguments only", name)
		case strings.HasPrefix(a.Name, "*"):
			p.reportFix(pos, "write the arguments out", "%s in %s is computed when the flow runs, and flowc reads decorators without running the flow", a.Name, name)
		case given[a.Name]:
			p.Reportf(pos, "argument %q is given twice in %s", a.Name, name)
		case !ok:
			p.reportFix(pos, didYouMean(a.Name, argNames(spec)), "unknown argument %q in %s", a.Name, name)
		case as.ignored:
			p.Warnf(pos, "argument %q of %s is not supported; it is ignored", a.Name, name)
		default:
			if msg := checkValue(p.Flow, as.kind, a.Value); msg != "" {
				p.Reportf(pos, "%s %s %s", name, a.Name, msg)
			} else {
				valid[a.Name] = a
			}
		}
		given[a.Name] = true
	}
	return valid
}

func findArg(spec *decoSpec, name string) (argSpec, bool) {
	for _, a := range spec.args {
		if a.name == name {
			return a, true
		}
	}
	return argSpec{}, false
}

func argNames(spec *decoSpec) []string {
	out := make([]string, len(spec.args))
	for i, a := range spec.args {
		out[i] = a.name
	}
	return out
}

// checkKubernetes checks the names @kubernetes hands to Kubernetes, and warns that an image of a
// step's own runs instead of the one flowc builds for the flow, so it must hold what the step
// needs to start.
func checkKubernetes(p *Pass, d *ir.Decorator, valid map[string]*ir.Arg) {
	checkK8sNames(p, d, valid)
	checkKubernetesValues(p, d, valid)
	a := valid["image"]
	if a == nil || a.Value.Kind != ir.ValString {
		return
	}
	if !plausibleImage(a.Value.Str) {
		p.Reportf(orPos(a.Pos, d.Pos), "%s image %q is not an image reference (no spaces or control characters, not starting with '-')",
			decoName(p.Flow, d.Name), a.Value.Str)
		return
	}
	if p.Flow.Lang != ir.Python {
		return
	}
	p.warnFix(orPos(a.Pos, d.Pos), "to build on it, set baseImage in flowc.yaml instead",
		"%s image %q replaces the image flowc builds for this step, so it must hold flowc's runtime and the flow's files",
		decoName(p.Flow, d.Name), a.Value.Str)
}

// plausibleImage reports whether s can be an image reference as far as this layer can tell
// (emit/build parses the references flowc writes itself): what the kubelet would refuse, or a
// container runtime could read as a flag, is not.
func plausibleImage(s string) bool {
	if s == "" || s[0] == '-' {
		return false
	}
	for _, r := range s {
		if r <= ' ' || r == 0x7f || unicode.IsSpace(r) || unicode.IsControl(r) {
			return false
		}
	}
	return true
}

// checkK8sNames reports secret names, label keys and values and node selectors that the API
// server would refuse, where Argo's validator does not look: at apply time, or when the pod is
// created, is too late to hear of a typo.
func checkK8sNames(p *Pass, d *ir.Decorator, valid map[string]*ir.Arg) {
	name := decoName(p.Flow, d.Name)
	for _, argName := range []string{"secrets", "sources"} {
		a := valid[argName]
		if a == nil {
			continue
		}
		for _, v := range append([]ir.Value{a.Value}, a.Value.List...) {
			if v.Kind == ir.ValString && !hasBraces(v.Str) && !k8sSubdomain.MatchString(v.Str) {
				p.Reportf(orPos(a.Pos, d.Pos), "%s %s: %q is not a Kubernetes secret name (lowercase letters, digits, '-' and '.'); flowc loads secrets of the namespace by name", name, argName, v.Str)
			}
		}
	}
	for _, argName := range []string{"labels", "node_selector"} {
		a := valid[argName]
		if a == nil || a.Value.Kind != ir.ValDict {
			continue
		}
		for i, k := range a.Value.Keys {
			v := a.Value.Elems[i]
			switch {
			case hasBraces(k.Str) || hasBraces(v.Str): // template-syntax reports it
			case !validLabelKey(k.Str):
				p.Reportf(orPos(a.Pos, d.Pos), "%s %s: %q is not a Kubernetes label key", name, argName, k.Str)
			case v.Kind == ir.ValString && !(v.Str == "" || len(v.Str) <= 63 && k8sLabelValue.MatchString(v.Str)):
				p.Reportf(orPos(a.Pos, d.Pos), "%s %s: %q is not a Kubernetes label value (at most 63 letters, digits, '-', '_' and '.')", name, argName, v.Str)
			}
		}
	}
}

var (
	k8sSubdomain  = regexp.MustCompile(`^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$`)
	k8sLabelValue = regexp.MustCompile(`^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$`)
)

// validLabelKey applies Kubernetes' rule: an optional DNS subdomain prefix and '/', then a name
// of at most 63 characters.
func validLabelKey(k string) bool {
	prefix, name, found := strings.Cut(k, "/")
	if !found {
		prefix, name = "", k
	} else if len(prefix) > 253 || !k8sSubdomain.MatchString(prefix) {
		return false
	}
	return len(name) <= 63 && k8sLabelValue.MatchString(name)
}
