# Describes an HDF5 file (as h5py reads it) precisely enough to write it again: every group and
# dataset in visit order, every attribute with its storage (vlen/fixed string, numeric) and the
# raw bytes of numeric data. Usage: /usr/bin/python3 h5py_describe.py FILE [FILE...]
# (several files: a JSON object from each file name given to its description)
import json
import sys

import h5py
import numpy as np


def text(x):
    return x.decode("utf-8") if isinstance(x, bytes) else str(x)


def attribute(owner, name):
    tid = owner.attrs.get_id(name).get_type()
    value = owner.attrs[name]
    shape = list(owner.attrs.get_id(name).shape)
    if tid.get_class() == h5py.h5t.STRING:
        values = [text(x) for x in np.asarray(value, dtype=object).ravel()] if shape else [text(value)]
        return {"name": name, "kind": "vlen" if tid.is_variable_str() else "fixed",
                "utf8": tid.get_cset() == h5py.h5t.CSET_UTF8, "scalar": not shape, "values": values}
    array = np.asarray(value)
    return {"name": name, "kind": "numeric", "dtype": str(array.dtype), "shape": shape,
            "hex": array.astype(array.dtype.newbyteorder("<")).tobytes().hex()}


def dtype_name(d):
    if d.id.get_type().get_class() == h5py.h5t.OPAQUE:
        return "bfloat16"
    return str(d.dtype)


def describe(path):
    objects = []
    with h5py.File(path, "r") as f:
        objects.append({"path": "/", "kind": "group", "attrs": [attribute(f, k) for k in f.attrs]})

        def visit(name, obj):
            entry = {"path": "/" + name, "attrs": [attribute(obj, k) for k in obj.attrs]}
            if isinstance(obj, h5py.Group):
                entry["kind"] = "group"
            else:
                array = np.asarray(obj)
                entry.update({"kind": "dataset", "dtype": dtype_name(obj), "shape": list(obj.shape),
                              "hex": array.tobytes().hex()})
            objects.append(entry)

        f.visititems(visit)
    return objects


paths = sys.argv[1:]
json.dump(describe(paths[0]) if len(paths) == 1 else {p: describe(p) for p in paths}, sys.stdout)
