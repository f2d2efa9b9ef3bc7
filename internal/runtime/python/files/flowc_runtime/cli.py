"""The command line of the runtime: `step` (what Argo pods and `flowc run` execute) and `dump`
(prints a state.pkl as sorted JSON, for tests and debugging)."""
import argparse
import base64
import json
import os
import re
import sys
import traceback

from . import state
from .errors import FlowcError, UsageError
from .report import describe

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        raise UsageError("%s (see %s --help)" % (message, self.prog))


def _assignment(kind, pattern=None):
    def parse(text):
        name, sep, value = text.partition("=")
        if not sep or not name or (pattern and not pattern.match(name)):
            raise argparse.ArgumentTypeError("want %s, got %r" % (kind, text))
        return name, value

    parse.__name__ = kind
    return parse


def _param(text):
    """NAME=VALUE with VALUE base64-encoded (standard alphabet): Argo substitutes {{...}} in a
    step's command line more than once, so a value reaches the step intact only when it holds no
    braces, which base64 guarantees."""
    name, value = _assignment("NAME=BASE64")(text)
    try:
        return name, base64.b64decode(value.encode("ascii"), validate=True).decode("utf-8")
    except (ValueError, UnicodeError):
        raise argparse.ArgumentTypeError("want NAME=BASE64 (the value base64-encoded), got %r" % text)


def _index(text):
    if not re.match(r"^[0-9]+$", text):
        raise argparse.ArgumentTypeError("want a non-negative integer, got %r" % text)
    return int(text)


def _steps(text):
    names = text.split(",")
    if not all(_NAME.match(n) for n in names):
        raise argparse.ArgumentTypeError("want step names separated by commas, got %r" % text)
    return names


def _parser():
    parser = _Parser(prog="python -m flowc_runtime", allow_abbrev=False,
                     description="flowc's Python step runtime")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True
    s = commands.add_parser("step", allow_abbrev=False, help="run one step of a flow")
    s.add_argument("step", metavar="STEP")
    s.add_argument("--flow", required=True, metavar="FILE.py")
    s.add_argument("--class", dest="cls", required=True, metavar="CLASSNAME")
    s.add_argument("--out", required=True, metavar="OUTDIR")
    s.add_argument("--in", dest="inputs", action="append", default=[], metavar="PARENT=DIR",
                   type=_assignment("PARENT=DIR", _NAME))
    s.add_argument("--in-foreach", metavar="PARENT=DIR", type=_assignment("PARENT=DIR", _NAME))
    s.add_argument("--index", type=_index, metavar="N")
    s.add_argument("--param", dest="params", action="append", default=[], metavar="NAME=BASE64",
                   type=_param)
    s.add_argument("--next", type=_steps, metavar="A,B")
    s.add_argument("--foreach", metavar="VAR")
    d = commands.add_parser("dump", allow_abbrev=False, help="print a state.pkl as JSON")
    d.add_argument("dir", metavar="DIR", help="a step's OUTDIR, or its state.pkl")
    d.add_argument("--flow", metavar="FILE.py", help="import the flow first (for its classes)")
    return parser


def parse(argv):
    """Parses and checks the command line; a malformed one raises UsageError."""
    args = _parser().parse_args(argv)
    if args.command != "step":
        return args
    if not _NAME.match(args.step):
        raise UsageError("step name %r is not an identifier" % args.step)
    parents = [p for p, _ in args.inputs]
    if len(set(parents)) != len(parents):
        raise UsageError("--in names a parent twice")
    if args.in_foreach and args.inputs:
        raise UsageError("--in-foreach and --in do not go together")
    if args.index is not None and len(args.inputs) != 1:
        raise UsageError("--index needs exactly one --in, the foreach step's")
    if args.foreach is not None and (args.next is None or len(args.next) != 1):
        raise UsageError("--foreach needs --next with exactly one step")
    params = {}
    for name, value in args.params:
        if name in params:
            raise UsageError("--param %s is given twice" % name)
        params[name] = value
    args.params = params
    return args


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
