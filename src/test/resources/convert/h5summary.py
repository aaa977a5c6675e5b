"""Summarises an HDF5 file written by Keras or by kerasview, for tests to compare.

Usage: h5summary.py FILE legacy|keras3
Prints one JSON object. Tensor bytes are summarised by SHA-256 of their raw little-endian bytes.
"""
import hashlib
import json
import sys

import h5py
import numpy as np


def attr_type(obj, name):
    a = obj.attrs.get_id(name)
    t = a.get_type()
    if isinstance(t, h5py.h5t.TypeStringID):
        return "%s-%s" % ("vlen" if t.is_variable_str() else "fixed",
                          "utf8" if t.get_cset() == h5py.h5t.CSET_UTF8 else "ascii")
    return "%s%s" % (np.dtype(a.dtype).str, list(a.shape))


def text(v):
    return v.decode("utf-8") if isinstance(v, bytes) else str(v)


def strings(obj, name):
    if name in obj.attrs:
        v = obj.attrs[name]
        return [text(x) for x in v]
    out, i = [], 0
    while "%s%d" % (name, i) in obj.attrs:
        out += [text(x) for x in obj.attrs["%s%d" % (name, i)]]
        i += 1
    return out


def tensor(ds):
    raw = ds[()]
    arr = np.asarray(raw)
    if arr.dtype.byteorder == ">":
        arr = arr.byteswap().newbyteorder()
    out = {"shape": list(ds.shape), "dtype": np.dtype(ds.dtype).str,
           "sha256": hashlib.sha256(arr.tobytes()).hexdigest(),
           "attrs": {k: text(v) for k, v in ds.attrs.items()}}
    if np.dtype(ds.dtype).str == "|V2":
        # bfloat16 bits as the high half of float32 values: the exact float32 form of each value
        wide = np.frombuffer(arr.tobytes(), "<u2").astype("<u4") << 16
        out["widened_sha256"] = hashlib.sha256(wide.astype("<u4").tobytes()).hexdigest()
    return out


def weights_group(g):
    out = {"layer_names": strings(g, "layer_names"),
           "layer_names_type": attr_type(g, "layer_names") if "layer_names" in g.attrs else
           attr_type(g, "layer_names0"),
           "backend_type": attr_type(g, "backend"), "keras_version_type": attr_type(g, "keras_version"),
           "layers": {}}
    for name in list(out["layer_names"]) + ["top_level_model_weights"]:
        lg = g[name]
        names = strings(lg, "weight_names")
        out["layers"][name] = {
            "weight_names": names,
            "weight_names_type": attr_type(lg, "weight_names") if "weight_names" in lg.attrs else None,
            "weights": [tensor(lg[n]) for n in names]}
    return out


def legacy(f):
    out = {"root_attrs": {k: attr_type(f, k) for k in f.attrs.keys()}}
    if "model_config" in f.attrs:
        out["model_config"] = json.loads(text(f.attrs["model_config"]))
        out["model_weights"] = weights_group(f["model_weights"])
    else:
        out["model_weights"] = weights_group(f)
    if "training_config" in f.attrs:
        out["training_config"] = json.loads(text(f.attrs["training_config"]))
    if "optimizer_weights" in f:
        g = f["optimizer_weights"]
        names = strings(g, "weight_names")
        out["optimizer_weights"] = {"weight_names": names, "weights": [tensor(g[n]) for n in names]}
    return out


def keras3(f):
    out = {"groups": {}, "datasets": {}}

    def visit(name, obj):
        if isinstance(obj, h5py.Group):
            out["groups"][name] = {k: text(v) for k, v in obj.attrs.items()}
        else:
            out["datasets"][name] = tensor(obj)
    f.visititems(visit)
    return out


if __name__ == "__main__":
    with h5py.File(sys.argv[1], "r") as f:
        print(json.dumps(legacy(f) if sys.argv[2] == "legacy" else keras3(f)))
