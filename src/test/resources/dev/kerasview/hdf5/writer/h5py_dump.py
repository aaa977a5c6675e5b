# Prints every object of an HDF5 file as h5py 3 sees it, as JSON, for the writer's tests.
# Usage: /usr/bin/python3 h5py_dump.py FILE [FILE...] (several files: a JSON list, one entry each)
import json
import sys

import h5py
import numpy as np


def element(x):
    if isinstance(x, bytes):  # includes numpy.bytes_
        return {"pytype": "bytes", "value": x.decode("utf-8")}
    if isinstance(x, str):
        return {"pytype": "str", "value": x}
    if isinstance(x, np.void):
        return {"pytype": "void", "value": x.tobytes().hex()}
    if isinstance(x, (np.generic,)):
        return {"pytype": type(x).__name__, "value": x.item()}
    return {"pytype": type(x).__name__, "value": x}


def attribute(value):
    if isinstance(value, np.ndarray):
        if value.dtype.kind in "OSUV":
            values = [element(x) for x in value.ravel()]
        else:
            values = value.ravel().tolist()
        return {"pytype": "ndarray", "dtype": str(value.dtype), "shape": list(value.shape), "values": values}
    result = element(value)
    result["dtype"] = str(value.dtype) if hasattr(value, "dtype") else None
    return result


def dataset(d):
    array = np.asarray(d)  # as Keras's legacy loader reads weights
    if array.dtype.kind == "V":
        values = [x.hex() for x in [array.ravel()[i].tobytes() for i in range(array.size)]]
    else:
        values = array.ravel().tolist()
    return {"kind": "dataset", "dtype": str(array.dtype), "shape": list(array.shape),
            "h5class": d.id.get_type().get_class(), "values": values, "attr_count": len(d.attrs),
            "attrs": {k: attribute(d.attrs[k]) for k in d.attrs}}


def dump(path):
    out = {}
    with h5py.File(path, "r") as f:
        out["/"] = {"kind": "group", "children": list(f.keys()), "attr_count": len(f.attrs),
                    "attrs": {k: attribute(f.attrs[k]) for k in f.attrs}}

        def visit(name, obj):
            if isinstance(obj, h5py.Group):
                out["/" + name] = {"kind": "group", "children": list(obj.keys()), "attr_count": len(obj.attrs),
                                   "attrs": {k: attribute(obj.attrs[k]) for k in obj.attrs}}
            else:
                out["/" + name] = dataset(obj)

        f.visititems(visit)
    return out


paths = sys.argv[1:]
json.dump(dump(paths[0]) if len(paths) == 1 else [dump(p) for p in paths], sys.stdout)
