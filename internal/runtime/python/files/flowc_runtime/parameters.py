"""Parameter, JSONType and IncludeFile, and how a step's parameters get their values.

Values arrive as strings (--param NAME=VALUE) and are converted by the parameter's type. They
are resolved once, in the start step, and then travel in the state, so that a default
computed by a function or a file read by IncludeFile is the same in every step.
"""
import collections
import json
import os
import sys

from .errors import FlowcError, quote


class _JSONType(object):
    """The type of a parameter whose value is JSON text, handed to the step decoded."""

    name = "JSON"

    def __call__(self, text):
        return json.loads(text)

    def __repr__(self):
        return "JSONType"


JSONType = _JSONType()

# The words a bool parameter accepts (click's BOOL, as Metaflow's command line): the step
# protocol's one list, which flowc's check and the Go SDK share (stepcmd.BoolWords).
_BOOLS = {"1": True, "true": True, "t": True, "yes": True, "y": True, "on": True,
          "0": False, "false": False, "f": False, "no": False, "n": False, "off": False}

# What a default given as a function receives when it takes one argument (as in Metaflow).
ParameterContext = collections.namedtuple(
    "ParameterContext", "flow_name user_name parameter_name logger ds_type"
)


def _infer_type(default):
    # bool before int: True is an int too.
    for kind in (bool, int, float):
        if isinstance(default, kind):
            return kind
    if isinstance(default, (dict, list)):
        return JSONType
    return str


def _type_name(kind):
    return getattr(kind, "__name__", None) or getattr(kind, "name", None) or repr(kind)


class Parameter(object):
    """A flow parameter: a read-only attribute of every step, set from --param NAME=VALUE."""

    def __init__(self, name, default=None, type=None, help=None, required=False,
                 show_default=True, separator=None, **kwargs):
        self.name = name
        self.default = default
        self.type = type if type is not None else _infer_type(default)
        self.help = help
        self.required = required
        self.separator = separator
        self.kwargs = kwargs
        self.attr = None
        self.literal_default = False  # set by definitions() from the flow's source

    def __set_name__(self, owner, attr):
        self.attr = attr

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        values = obj.__dict__.get("_flowc_params")
        if values is None or self.attr not in values:
            return self.default
        return values[self.attr]

    def __set__(self, obj, value):
        raise AttributeError("cannot assign to parameter %s (self.%s): parameters are read-only"
                             % (quote(self.name), self.attr))

    def __delete__(self, obj):
        raise AttributeError("cannot delete parameter %s (self.%s)"
                             % (quote(self.name), self.attr))

    def __repr__(self):
        return "Parameter(%r)" % self.name

    def convert(self, text):
        """Returns the value of the command-line string text."""
        if self.separator:
            return [self._convert_one(part) for part in text.split(self.separator)]
        return self._convert_one(text)

    def _convert_one(self, text):
        kind = self.type
        if kind is str:
            return text
        if kind is bool:
            if text.strip().lower() in _BOOLS:
                return _BOOLS[text.strip().lower()]
            raise self._error("invalid bool value %r (use true/false, yes/no, on/off, t/f, y/n or 1/0)" % text)
        try:
            return kind(text)
        except Exception as e:
            raise self._error("invalid %s value %r: %s" % (_type_name(kind), text, e))

    def default_value(self, flow_name):
        """Returns the value of a parameter that was not passed."""
        default = self.default
        if callable(default) and not isinstance(default, type):
            default = self._call_default(flow_name)
        if default is None and self.required:
            raise FlowcError("missing required parameter %s: pass --param %s=VALUE"
                             % (quote(self.name), self.name))
        if isinstance(default, str) and (self.type is not str or self.separator):
            return self.convert(default)
        return default

    def _call_default(self, flow_name):
        import inspect  # slow to import, and rarely needed

        func = self.default
        try:
            sig = inspect.signature(func)
            kinds = inspect.Parameter
            positional = (kinds.POSITIONAL_ONLY, kinds.POSITIONAL_OR_KEYWORD)
            needed = [p for p in sig.parameters.values()
                      if p.default is p.empty and p.kind in positional]
        except (TypeError, ValueError):
            needed = []
        if len(needed) > 1:
            raise self._error("the default is a function of %d arguments; flowc calls it with "
                              "no arguments or with one context argument" % len(needed))
        try:
            if not needed:
                return func()
            user = os.environ.get("USER") or os.environ.get("USERNAME") or "unknown"
            ctx = ParameterContext(flow_name, user, self.name, _log, "local")
            return func(ctx)
        except FlowcError:
            raise
        except Exception as e:
            raise self._error("the default function raised %s: %s" % (type(e).__name__, e))

    def _error(self, message):
        return FlowcError("parameter %s: %s" % (quote(self.name), message))


def _log(message, **kwargs):
    sys.stderr.write("%s\n" % message)


# The build context's root, where the flow file and the files it includes are.
_CONTEXT_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class IncludeFile(Parameter):
    """A parameter whose value is the content of the file it names (read once, in start), as
    text (is_text=True, decoded with encoding) or as bytes.

    The default path is the flow's: a literal one is relative to the flow's directory, and flowc
    put the file into the build context when it compiled the flow; a computed one (such as a
    path joined to os.path.dirname(__file__)) names a file of the build context, which holds only
    the files flowc.yaml's include: declares. A path given with --param is the user's, relative
    to the working directory of `flowc run`."""

    def __init__(self, name, required=False, is_text=True, encoding="utf-8", help=None,
                 default=None, **kwargs):
        super().__init__(name, default=default, type=str, help=help, required=required, **kwargs)
        self.is_text = is_text
        self.encoding = encoding

    def convert(self, text):
        path = text
        if isinstance(self.default, str) and text == self.default and not os.path.isabs(text):
            path = os.path.join(_CONTEXT_ROOT, text)
        try:
            if self.is_text:
                with open(path, encoding=self.encoding) as f:
                    return f.read()
            with open(path, "rb") as f:
                return f.read()
        except FileNotFoundError:
            raise self._error(self._missing(path, text))
        except (OSError, UnicodeDecodeError) as e:
            raise self._error("cannot read %r: %s" % (text, e))

    def _missing(self, path, text):
        inside = os.path.relpath(os.path.abspath(path), _CONTEXT_ROOT)
        if inside == os.pardir or inside.startswith(os.pardir + os.sep):
            return "file %r does not exist" % text
        return ("file %s is not in the flow's build context: declare it in flowc.yaml under "
                "include: (a list of globs relative to flowc.yaml's directory) so that the image "
                "and `flowc run` have it" % inside.replace(os.sep, "/"))

    def default_value(self, flow_name):
        path = super().default_value(flow_name)
        return None if path is None else self.convert(path)


def definitions(cls):
    """Returns {attribute name: Parameter} for flow class cls and its bases."""
    found = {}
    for klass in reversed(cls.__mro__):
        for attr, value in vars(klass).items():
            if isinstance(value, Parameter):
                found[attr] = value
                if value.attr is None:
                    value.attr = attr
            else:
                found.pop(attr, None)
    _mark_literal_defaults(cls, found)
    seen = {}
    for attr in sorted(found):
        key = found[attr].name.lower()
        if key in seen:
            raise FlowcError("parameters %s and %s have the same name"
                             % (quote(seen[key]), quote(found[attr].name)))
        seen[key] = found[attr].name
    return found


def _unset(p, text):
    """An empty value of an optional parameter whose default the compiler cannot write into the
    manifests (None, a function, an expression) means "not given": the compiler writes "" there,
    and the flow's own default applies, as when the parameter is left out in Metaflow. Where the
    source gives the default as a literal, "" is the empty string the user gave (`--param x=`).
    An IncludeFile's "" is never a file, so it means "not given" too."""
    if text != "" or p.required:
        return False
    return isinstance(p, IncludeFile) or not p.literal_default


def _mark_literal_defaults(cls, found):
    """Sets literal_default on each Parameter of found whose default= the flow's source writes as
    a literal (or a module constant holding one), the defaults flowc writes into manifests."""
    import ast  # only for flows with parameters

    literal = set()
    for klass in cls.__mro__:
        module = sys.modules.get(getattr(klass, "__module__", ""), None)
        path = getattr(module, "__file__", None)
        try:
            with open(path, "rb") as f:
                tree = ast.parse(f.read())
        except Exception:
            continue
        consts = _module_consts(ast, tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and node.name == klass.__name__:
                literal |= _literal_params(ast, node, consts)
    for attr, p in found.items():
        p.literal_default = attr in literal


def _module_consts(ast, tree):
    names, seen = set(), {}
    for st in tree.body:
        if isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name):
            name = st.targets[0].id
            seen[name] = seen.get(name, 0) + 1
            if _is_literal(ast, st.value, ()) and seen[name] == 1:
                names.add(name)
            else:
                names.discard(name)
    return names


def _literal_params(ast, cls_node, consts):
    out = set()
    for st in cls_node.body:
        if not (isinstance(st, ast.Assign) and len(st.targets) == 1
                and isinstance(st.targets[0], ast.Name) and isinstance(st.value, ast.Call)):
            continue
        default = None
        for k in st.value.keywords:
            if k.arg == "default":
                default = k.value
        if default is None and len(st.value.args) > 1:
            default = st.value.args[1]
        if default is not None and _is_literal(ast, default, consts):
            out.add(st.targets[0].id)
    return out


def _is_literal(ast, node, consts):
    if isinstance(node, ast.Name):
        return node.id in consts
    if isinstance(node, ast.Constant) and node.value is None:
        return False
    try:
        ast.literal_eval(node)
        return True
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return False


def resolve(defs, given, carried, flow_name):
    """Returns {attribute name: value}.

    given maps parameter names to --param strings, carried maps them to the values resolved in
    start and kept in the state. A carried value wins, then a given one, then the default.
    """
    names = {p.name for p in defs.values()}
    unknown = sorted(set(given) - names)
    if unknown:
        defined = ", ".join(quote(n) for n in sorted(names)) or "none"
        raise FlowcError("unknown parameter %s (the flow defines %s); recompile the flow"
                         % (quote(unknown[0]), defined))
    values = {}
    for attr in sorted(defs):
        p = defs[attr]
        if p.name in carried:
            values[attr] = carried[p.name]
        elif p.name in given and not _unset(p, given[p.name]):
            values[attr] = p.convert(given[p.name])
        else:
            values[attr] = p.default_value(flow_name)
    return values
