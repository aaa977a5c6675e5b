#!/usr/bin/python3
"""Write a valid Keras 3 `.keras` archive with MANY small layers (UI scale benchmark).

Only numpy + h5py + zipfile are used; Keras is not imported. The layout is the one
Keras 3.15.1 `model.save("x.keras")` writes (see shared/spec/KERAS_FORMATS.md §2-§4):

    Sequential "sequential" = InputLayer "input_layer" (batch_shape [null, UNITS])
                              + N x Dense(UNITS, relu) "dense", "dense_1", ... "dense_{N-1}"
    zip (STORED): metadata.json, config.json, model.weights.h5
    HDF5: /vars (attr name="sequential"), /layers/dense_i/vars/{0,1}
          0 = kernel (UNITS, UNITS) float32, 1 = bias (UNITS,) float32

USAGE
    /usr/bin/python3 make_many_layers_keras.py [-n 5000] [--units 8] -o OUT.keras
"""
import argparse
import datetime
import json
import os
import sys
import zipfile

import h5py
import numpy as np

KERAS_VERSION = "3.15.1"
SHARED_POLICY_ID = 139872345678912


def dtype_policy(shared):
    d = {"module": "keras", "class_name": "DTypePolicy",
         "config": {"name": "float32"}, "registered_name": None}
    if shared:
        d["shared_object_id"] = SHARED_POLICY_ID
    return d


def dense(name, units, in_dim, shared_policy):
    return {
        "module": "keras.layers", "class_name": "Dense",
        "config": {
            "name": name, "trainable": True, "dtype": dtype_policy(shared_policy),
            "units": units, "activation": "relu", "use_bias": True,
            "kernel_initializer": {"module": "keras.initializers", "class_name": "GlorotUniform",
                                   "config": {"seed": None}, "registered_name": None},
            "bias_initializer": {"module": "keras.initializers", "class_name": "Zeros",
                                 "config": {}, "registered_name": None},
            "kernel_regularizer": None, "bias_regularizer": None,
            "kernel_constraint": None, "bias_constraint": None,
            "quantization_config": None,
        },
        "registered_name": None,
        "build_config": {"input_shape": [None, in_dim]},
    }


def names(n):
    return ["dense" if i == 0 else f"dense_{i}" for i in range(n)]


def config(n, units):
    layers = [{"module": "keras.layers", "class_name": "InputLayer",
               "config": {"batch_shape": [None, units], "dtype": "float32", "sparse": False,
                          "ragged": False, "name": "input_layer", "optional": False},
               "registered_name": None}]
    layers += [dense(nm, units, units, i > 0) for i, nm in enumerate(names(n))]
    return {"module": "keras", "class_name": "Sequential",
            "config": {"name": "sequential", "trainable": True, "dtype": dtype_policy(True),
                       "layers": layers, "build_input_shape": [None, units]},
            "registered_name": None, "build_config": {"input_shape": [None, units]},
            "compile_config": {}}


def write_weights(path, n, units):
    rng = np.random.default_rng(0)
    with h5py.File(path, "w") as f:
        f.create_group("vars").attrs["name"] = "sequential"
        for nm in names(n):
            g = f.create_group(f"layers/{nm}").create_group("vars")
            g.attrs["name"] = nm
            g["0"] = rng.standard_normal((units, units), dtype=np.float32)
            g["1"] = np.zeros((units,), dtype=np.float32)


def main():
    ap = argparse.ArgumentParser(description="many-layer Keras 3 archive")
    ap.add_argument("-n", "--layers", type=int, default=5000)
    ap.add_argument("--units", type=int, default=8)
    ap.add_argument("-o", "--out", required=True)
    a = ap.parse_args()
    out = os.path.abspath(a.out)
    tmp = out + ".weights.h5.tmp"
    try:
        write_weights(tmp, a.layers, a.units)
        with zipfile.ZipFile(out, "w") as zf:  # ZIP_STORED, entry order as Keras writes it
            zf.writestr("metadata.json", json.dumps({
                "keras_version": KERAS_VERSION,
                "date_saved": datetime.datetime.now().strftime("%Y-%m-%d@%H:%M:%S")}))
            zf.writestr("config.json", json.dumps(config(a.layers, a.units)))
            zf.write(tmp, "model.weights.h5")
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
    print(f"wrote {out}: {os.path.getsize(out)} bytes, {a.layers} Dense layers")
    return 0


if __name__ == "__main__":
    sys.exit(main())
