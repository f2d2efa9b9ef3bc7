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


class IncludeFile(Parameter):
    """A parameter whose value is the content of the file it names (read once, in start)."""

    def __init__(self, name, required=False, is_text=True, encoding="utf-8", help=None,
                 default=None, **kwargs):
        super().__init__(name, default=default, type=str, help=help, required=required, **kwargs)
        self.is_text = is_text
        self.encoding = encoding

    def convert(self, text):
        try:
            if self.is_text:
                with open(text, encoding=self.encoding) as f:
                    return f.read()
            with open(text, "rb") as f:
                return f.read()
        except (OSError, UnicodeDecodeError) as e:
            raise self._error("cannot read %r: %s" % (text, e))

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
    seen = {}
    for attr in sorted(found):
        key = found[attr].name.lower()
        if key in seen:
            raise FlowcError("parameters %s and %s have the same name"
                             % (quote(seen[key]), quote(found[attr].name)))
        seen[key] = found[attr].name
    return found


def _unset(p, text):
    """An empty value of an optional parameter means "not given": where the compiler cannot write
    the default into the manifests (None, a function, an expression), it writes "" instead, and
    the flow's own default applies, as when the parameter is left out in Metaflow."""
    return text == "" and not p.required and not (isinstance(p.default, str) and p.default == "")


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
