#!/usr/bin/env python3
"""Prints, for the Keras importable in this process, what its deserializer accepts.

Run once per Keras version (the kc oracle trees of ../shared/compat/README.md), then merge the
outputs with --merge into src/main/resources/dev/kerasview/catalog/keras-arguments.tsv:

    source /tmp/kc/kc-3.12.0/env.sh && python3 scripts/keras-version-table.py > /tmp/kc/3.12.0.tsv
    python3 scripts/keras-version-table.py --merge /tmp/kc/*.tsv > .../keras-arguments.tsv

One row per (kind, class, argument): kind is layer, initializer, regularizer, constraint or
policy; argument '*' says the class resolves by that name, its cell '=Name' naming the Python
class it resolves to (aliases share one); '**' that the constructor drops unknown keywords;
'default' is the newest version's default value as JSON (empty: required, or no JSON form);
each version's cell is 'r' (a required argument), 'o' (accepted) or '-' (not there).
"""
import inspect
import json
import re
import sys


DEFAULTS = {}


def json_default(value):
    """The default as JSON text the way a config stores it, or None when it has no JSON form."""
    if isinstance(value, tuple):
        value = list(value)
    try:
        return json.dumps(value)
    except (TypeError, ValueError):
        return None


def own_params(fn, owner=None):
    """Named parameters of fn and whether it takes **kwargs; records defaults under owner."""
    sig = inspect.signature(fn)
    named, required, var_kw = [], [], False
    for p in sig.parameters.values():
        if p.name == "self" or p.kind == p.VAR_POSITIONAL:
            continue
        if p.kind == p.VAR_KEYWORD:
            var_kw = True
            continue
        named.append(p.name)
        if p.default is p.empty:
            required.append(p.name)
        elif owner is not None:
            DEFAULTS.setdefault((owner, p.name), json_default(p.default))
    return named, required, var_kw


def popped(fn):
    """Keywords an __init__ takes out of **kwargs by name (kwargs.pop("x"...))."""
    try:
        src = inspect.getsource(fn)
    except (OSError, TypeError):
        return []
    return re.findall(r"kwargs\.pop\(\s*[\"'](\w+)[\"']", src)


def forwards_kwargs(fn):
    """True when fn passes its **kwargs on to a parent __init__ (else it drops the rest)."""
    try:
        src = inspect.getsource(fn)
    except (OSError, TypeError):
        return True
    for m in re.finditer(r"(super\([^)]*\)|\w+)\.__init__\(", src):
        depth, i = 1, m.end()
        while i < len(src) and depth:
            depth += {"(": 1, ")": -1}.get(src[i], 0)
            i += 1
        if "**kwargs" in src[m.end():i]:
            return True
    return False


def accepted(cls, stop=None):
    """Every keyword the constructor chain accepts, following **kwargs up the MRO.

    '**' among them: an __init__ takes **kwargs and drops what it does not use (InputLayer
    before 3.10), so any keyword is accepted.
    """
    args, required = [], None
    for klass in cls.__mro__:
        if "__init__" not in klass.__dict__ or klass is object:
            continue
        init = klass.__dict__["__init__"]
        named, req, var_kw = own_params(init, cls)
        if required is None:
            required = req
        args += named + popped(init)
        if not var_kw:
            break
        # The base (Layer) checks its own **kwargs; only subclasses may drop theirs.
        if klass is not stop and stop is not None and issubclass(klass, stop) \
                and not forwards_kwargs(init):
            args.append("**")
            break
    return sorted(set(args)), required or []


def rows_for(kind, name, cls, args, required):
    """The class row ('*', the Python class the name resolves to: aliases share it), then its
    required arguments in signature order (Python names them so), then the rest, each with its
    default as JSON where it has one."""
    rows = [(kind, name, "*", "=" + cls.__name__, "")]
    rows += [(kind, name, a, "r", "") for a in required]
    rows += [(kind, name, a, "o", DEFAULTS.get((cls, a)) or "") for a in args if a not in required]
    return rows


def dump():
    import keras
    from keras.src import initializers, regularizers, constraints
    from keras.src.layers.layer import Layer
    rows = []
    for name in sorted(dir(keras.layers)):
        obj = getattr(keras.layers, name)
        if inspect.isclass(obj) and issubclass(obj, Layer):
            args, req = accepted(obj, Layer)
            rows += rows_for("layer", name, obj, args, req)
    for kind, module in (("initializer", initializers), ("regularizer", regularizers),
                         ("constraint", constraints)):
        for name, obj in sorted(module.ALL_OBJECTS_DICT.items()):
            if inspect.isclass(obj):
                args, req = accepted(obj)
                rows += rows_for(kind, name, obj, args, req)
    from keras.src import dtype_policies
    for name in sorted(dir(dtype_policies)):
        obj = getattr(dtype_policies, name)
        if inspect.isclass(obj) and name.endswith("Policy"):
            args, req = accepted(obj)
            rows += rows_for("policy", name, obj, args, req)
    print("#version\t" + keras.__version__)
    for r in rows:
        print("\t".join(r))


# Classes whose required arguments the load replay does not check (their from_config supplies
# them, or the 3.15.1 table this replaced never listed them): marked 'o', not 'r'.
UNCHECKED_REQUIRED = {"FlaxLayer", "GroupQueryAttention", "JaxLayer", "Lambda", "Pipeline",
                      "TFSMLayer", "TorchModuleWrapper", "Wrapper"}


def merge(paths):
    versions, cells, order, defaults = [], {}, [], {}
    # Newest first, so each class keeps the newest signature's order of required arguments.
    paths = sorted(paths, key=lambda p: tuple(int(x) for x in open(p).readline().split("\t")[1].split(".")),
                   reverse=True)
    for p in paths:
        with open(p) as f:
            v = f.readline().rstrip("\n").split("\t")[1]
            versions.append(v)
            for line in f:
                kind, cls, arg, cell, default = line.rstrip("\n").split("\t")
                if kind == "layer" and cls in UNCHECKED_REQUIRED and cell == "r":
                    cell = "o"
                key = (kind, cls, arg)
                if key not in cells:
                    cells[key] = {}
                    order.append(key)
                cells[key][v] = cell
                if default and key not in defaults:
                    defaults[key] = default  # the newest version's default
    versions.sort(key=lambda s: tuple(int(x) for x in s.split(".")))
    print("kind\tclass\targument\tdefault\t" + "\t".join(versions))
    for key in sorted(order, key=lambda k: (k[0], k[1])):
        print("\t".join(key) + "\t" + defaults.get(key, "") + "\t"
              + "\t".join(cells[key].get(v, "-") for v in versions))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--merge":
        merge(sys.argv[2:])
    else:
        dump()
