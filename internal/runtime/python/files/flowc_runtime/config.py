"""Config, ConfigValue and config_expr: Metaflow's configuration values.

flowc resolves every Config when it compiles the flow (Metaflow does so at deploy time) and
ships the values in the build context as flowc_configs.json, {config name: value}. A Config
reads its value from there: in a step as self.<attr>, in the class body (decorator arguments)
as <attr>.key, and config_expr("name.key") evaluates with the configs' names bound to their
values. Values are ConfigValue, a read-only dict whose keys read as attributes too, unless the
Config says plain=True.
"""
import json
import os

from .errors import FlowcError, quote

CONFIGS_FILE = "flowc_configs.json"
_CONTEXT_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_values = None


def _all_values():
    global _values
    if _values is None:
        path = os.path.join(_CONTEXT_ROOT, CONFIGS_FILE)
        try:
            with open(path, encoding="utf-8") as f:
                _values = json.load(f)
        except FileNotFoundError:
            _values = {}
        except (OSError, ValueError) as e:
            raise FlowcError("cannot read the config values in %s: %s" % (path, e))
    return _values


class ConfigValue(dict):
    """A config's value: a read-only dict whose keys also read as attributes (cfg.a.b)."""

    def __init__(self, data=()):
        dict.__init__(self, ((k, _wrap(v)) for k, v in dict(data).items()))

    def __getattr__(self, key):
        if key.startswith("__"):
            raise AttributeError(key)
        try:
            return self[key]
        except KeyError:
            raise AttributeError("config value has no key %s (it has %s)"
                                 % (quote(key), ", ".join(quote(k) for k in sorted(self)) or "none"))

    def _read_only(self, *args, **kwargs):
        raise TypeError("config values are read-only")

    __setitem__ = __delitem__ = __setattr__ = __delattr__ = _read_only
    clear = pop = popitem = setdefault = update = _read_only

    def to_dict(self):
        """Returns the value as plain dicts and lists, which the step may change."""
        return _unwrap(self)

    def __reduce__(self):
        return (ConfigValue, (self.to_dict(),))

    def __repr__(self):
        return "ConfigValue(%s)" % dict.__repr__(self)


def _wrap(v):
    if isinstance(v, dict) and not isinstance(v, ConfigValue):
        return ConfigValue(v)
    if isinstance(v, list):
        return [_wrap(x) for x in v]
    return v


def _unwrap(v):
    if isinstance(v, dict):
        return {k: _unwrap(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_unwrap(x) for x in v]
    return v


class Config(object):
    """A flow's configuration value, resolved when flowc compiled the flow."""

    def __init__(self, name, default=None, default_value=None, help=None, required=None,
                 parser=None, plain=False, **kwargs):
        self.name = name
        self.default = default
        self.default_value = default_value
        self.help = help
        self.required = required
        self.parser = parser
        self.plain = plain
        self.attr = None

    def __set_name__(self, owner, attr):
        self.attr = attr

    def value(self):
        """Returns the config's value as flowc resolved it."""
        values = _all_values()
        if self.name not in values:
            raise FlowcError("config %s has no value in the build context; compile the flow with "
                             "flowc, which resolves configs" % quote(self.name))
        v = values[self.name]
        return v if self.plain or not isinstance(v, dict) else ConfigValue(v)

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return self.value()

    def __set__(self, obj, value):
        raise AttributeError("cannot assign to config %s (self.%s): configs are read-only"
                             % (quote(self.name), self.attr))

    # In the class body (decorator arguments) a Config reads as its value: cfg.key, cfg["key"].
    def __getattr__(self, key):
        if key.startswith("_") or key in ("name", "attr"):
            raise AttributeError(key)
        return getattr(self.value(), key)

    def __getitem__(self, key):
        return self.value()[key]

    def __repr__(self):
        return "Config(%r)" % self.name


def config_expr(expr):
    """Returns the value of an expression over the flow's configs, by config name, such as
    config_expr("cfg.project.name"); flowc evaluated it when compiling the flow."""
    import inspect

    caller = inspect.currentframe().f_back
    names = dict(caller.f_globals)
    for name, v in _all_values().items():
        names[name] = ConfigValue(v) if isinstance(v, dict) else v
    try:
        return eval(expr, names)
    except Exception as e:
        raise FlowcError("config_expr(%r) failed: %s: %s" % (expr, type(e).__name__, e))
