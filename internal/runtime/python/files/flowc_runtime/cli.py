"""The command line of the runtime: `step` (what Argo pods and `flowc run` execute) and `dump`
(prints a state.pkl as sorted JSON, for tests and debugging)."""
import base64
import json
import os
import re
import sys
import traceback

from . import state
from .errors import FlowcError, UsageError
from .report import describe

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_BASE64 = re.compile(r"(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?")

SYNOPSIS = ("step [--flow FILE --class NAME] [--in-dir DIR] --out DIR [--param NAME=BASE64]... "
            "[--params-file FILE] NAME [--in PARENT[=DIR]]... [--in-foreach PARENT[=DIR]] "
            "[--index N] [--next A,B] [--foreach VAR] (NAME and the flags in any order)")

# The step command line is flowc's step protocol (internal/stepcmd/PROTOCOL.md). It is parsed
# here by hand, rule for rule as the Go SDK parses it (stepcmd.Parse), rather than by argparse,
# whose extras (--flag=value, abbreviations) the Go side lacks. After `step`, an argument in a
# flag's place that does not start with "-" is the step's NAME: a pod's container command holds
# what all steps share, before NAME, and its arguments the step's own flags.
_REPEATABLE = ("--in", "--param")


class Args(object):
    """A parsed command line: the fields of stepcmd.Command."""

    def __init__(self, command):
        self.command = command
        self.step = None
        self.flow = None
        self.cls = None
        self.in_dir = None
        self.inputs = []
        self.in_foreach = None
        self.index = None
        self.out = None
        self.params = {}
        self.params_file = None
        self.next = None
        self.foreach = None
        self.dir = None


def _q(text):
    """Quotes text for a message as Go's %q does (for the conformance suite's messages)."""
    return json.dumps(text, ensure_ascii=False) if isinstance(text, str) else str(text)


def _is_name(text):
    return _NAME.fullmatch(text) is not None


def _assignment(flag, text):
    """PARENT=DIR, or PARENT alone: its directory is then resolved against --in-dir."""
    name, sep, value = text.partition("=")
    if not _is_name(name) or (sep and not value):
        raise UsageError("%s %s: want PARENT or PARENT=DIR" % (flag, _q(text)))
    return name, value or None


def _param(args, text):
    """NAME=VALUE with VALUE base64-encoded (standard alphabet): Argo substitutes {{...}} in a
    step's command line more than once, so a value reaches the step intact only when it holds no
    braces, which base64 guarantees."""
    name, sep, value = text.partition("=")
    try:
        if not sep or not name or _BASE64.fullmatch(value) is None:
            raise ValueError(value)
        decoded = base64.b64decode(value.encode("ascii"), validate=True).decode("utf-8")
    except (ValueError, UnicodeError):
        raise UsageError("--param %s: want NAME=BASE64, the value base64-encoded UTF-8" % _q(text))
    if name in args.params:
        raise UsageError("--param %s is given twice" % name)
    args.params[name] = decoded


def _set(args, flag, value):
    if flag == "--flow":
        args.flow = value
    elif flag == "--class":
        args.cls = value
    elif flag == "--in":
        parent, d = _assignment(flag, value)
        if any(p == parent for p, _ in args.inputs):
            raise UsageError("--in names parent %s twice" % _q(parent))
        args.inputs.append((parent, d))
    elif flag == "--in-foreach":
        args.in_foreach = _assignment(flag, value)
    elif flag == "--in-dir":
        if not value:
            raise UsageError("--in-dir needs a directory")
        args.in_dir = value
    elif flag == "--index":
        if not re.fullmatch(r"[0-9]+", value):
            raise UsageError("--index %s: want a non-negative integer" % _q(value))
        args.index = int(value)
    elif flag == "--out":
        args.out = value
    elif flag == "--param":
        _param(args, value)
    elif flag == "--params-file":
        args.params_file = value
    elif flag == "--next":
        names = value.split(",")
        if not all(_is_name(n) for n in names):
            raise UsageError("--next %s: want step names separated by commas" % _q(value))
        args.next = names
    elif flag == "--foreach":
        if not _is_name(value):
            raise UsageError("--foreach %s: want an attribute name" % _q(value))
        args.foreach = value
    else:
        raise UsageError("unknown flag %s" % _q(flag))


def _validate(args):
    if args.step is None:
        raise UsageError("no step NAME: " + SYNOPSIS)
    if args.out is None or args.out == "":
        raise UsageError("--out DIR is required")
    if args.in_foreach and args.inputs:
        raise UsageError("--in-foreach and --in do not go together")
    if args.index is not None and len(args.inputs) != 1:
        raise UsageError("--index needs exactly one --in, the foreach step's")
    if args.foreach is not None and (args.next is None or len(args.next) != 1):
        raise UsageError("--foreach needs --next with exactly one step")
    if (args.flow is None) != (args.cls is None):
        raise UsageError("--flow and --class go together")
    ins = list(args.inputs) + ([args.in_foreach] if args.in_foreach else [])
    for parent, d in ins:
        if d is None and args.in_dir is None:
            raise UsageError("--in %s without =DIR needs --in-dir" % parent)
    args.inputs = [(p, d if d is not None else os.path.join(args.in_dir, p)) for p, d in args.inputs]
    if args.in_foreach:
        p, d = args.in_foreach
        args.in_foreach = (p, d if d is not None else os.path.join(args.in_dir, p))


def _read_params_file(args):
    """Adds the values of --params-file: a JSON object of names to string values, for values
    too large for one command-line argument."""
    try:
        with open(args.params_file, "rb") as f:
            data = json.loads(f.read().decode("utf-8"))
    except (OSError, ValueError) as e:
        raise UsageError("--params-file %s: %s" % (args.params_file, e))
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise UsageError("--params-file %s: want a JSON object of strings" % args.params_file)
    for name, value in data.items():
        if name in args.params:
            raise UsageError("parameter %s is given by --param and by --params-file" % name)
        args.params[name] = value


def _parse_step(argv):
    args = Args("step")
    if len(argv) < 2 or argv[0] != "step":
        raise UsageError(SYNOPSIS)
    seen = set()
    i = 1
    while i < len(argv):
        flag = argv[i]
        if not flag.startswith("-"):
            if args.step is not None:
                raise UsageError("two step names, %s and %s" % (_q(args.step), _q(flag)))
            if not _is_name(flag):
                raise UsageError("step name %s is not an identifier" % _q(flag))
            args.step = flag
            i += 1
            continue
        i += 2
        if i - 1 >= len(argv):
            raise UsageError("%s needs a value" % flag)
        if flag in seen and flag not in _REPEATABLE:
            raise UsageError("%s is given twice" % flag)
        seen.add(flag)
        _set(args, flag, argv[i - 1])
    _validate(args)
    if args.params_file is not None:
        _read_params_file(args)
    if args.flow is None:
        raise UsageError("the Python runtime needs --flow FILE and --class NAME")
    return args


def _parse_dump(argv):
    args = Args("dump")
    rest = list(argv[1:])
    while rest:
        a = rest.pop(0)
        if a == "--flow" and rest:
            args.flow = rest.pop(0)
        elif args.dir is None and not a.startswith("--"):
            args.dir = a
        else:
            raise UsageError("dump DIR [--flow FILE.py]")
    if args.dir is None:
        raise UsageError("dump DIR [--flow FILE.py]")
    return args


def parse(argv):
    """Parses and checks the command line; a malformed one raises UsageError."""
    if argv and argv[0] == "dump":
        return _parse_dump(argv)
    return _parse_step(argv)


def main(argv=None):
    """Runs the runtime's command line and returns the exit code: 0 ok, 1 failed, 2 usage."""
    argv = sys.argv[1:] if argv is None else argv
    try:
        args = parse(argv)
        if args.command == "step":
            from .run import run

            run(args)
        else:
            dump(args)
        return 0
    except FlowcError as e:
        _flush()
        sys.stderr.write("flowc: %s\n" % " ".join(str(e).split()))
        return e.code
    except Exception as e:
        _flush()
        traceback.print_exc()
        sys.stderr.write("flowc: internal error: %s\n" % describe(e))
        return 1
    finally:
        _flush()


def _flush():
    for f in (sys.stdout, sys.stderr):
        try:
            f.flush()
        except Exception:
            pass


def dump(args):
    """Prints the state in args.dir as JSON with sorted keys."""
    if args.flow:
        from .task import import_flow

        import_flow(args.flow)
    path = args.dir
    if os.path.isdir(path):
        path = os.path.join(path, state.STATE_FILE)
    _find_blobs(path)
    try:
        with open(path, "rb") as f:
            st = state.State.from_bytes(f.read(), path)
    except OSError as e:
        raise FlowcError("cannot read %s: %s" % (path, e.strerror or e))
    out = {
        "flow": st.flow,
        "step": st.step,
        "artifacts": {n: _loaded("artifact", n, raw) for n, raw in st.artifacts.items()},
        "params": {n: _loaded("parameter", n, raw) for n, raw in st.params.items()},
        "foreach_stack": [dict(f.to_dict(), value=_loaded("foreach item", f.step, f.raw))
                          for f in st.frames],
        "foreach": st.foreach,
    }
    sys.stdout.write(json.dumps(out, sort_keys=True, indent=2) + "\n")


def _find_blobs(path):
    """Points FLOWC_BLOB_DIR at the blobs of the local run that holds path, unless it is set."""
    if os.environ.get(state.BLOB_ENV):
        return
    d = os.path.dirname(os.path.abspath(path))
    while os.path.dirname(d) != d:
        if os.path.isfile(os.path.join(d, "run.json")):
            os.environ[state.BLOB_ENV] = os.path.join(d, "blobs")
            return
        d = os.path.dirname(d)


def _loaded(kind, name, raw):
    try:
        return jsonable(state.decode("%s %s" % (kind, name), raw))
    except Exception as e:
        return "<%s>" % e


def jsonable(value):
    """Returns value as plain JSON data; what JSON lacks becomes its repr or its attributes."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k if isinstance(k, str) else repr(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        return [jsonable(v) for v in sorted(value, key=repr)]
    attrs = getattr(value, "__dict__", None)
    if isinstance(attrs, dict) and not isinstance(value, type):
        out = {k: jsonable(v) for k, v in attrs.items() if not k.startswith("_")}
        out["__class__"] = type(value).__name__
        return out
    return repr(value)
