"""Writes a large .keras for interruption tests: mlp.keras's model with a wide hidden layer.

Usage: make_big_model.py SOURCE_MLP_KERAS OUT_KERAS UNITS
The weights are deterministic (no randomness) and every variable has the shape Keras expects.
"""
import io
import json
import sys
import zipfile

import h5py
import numpy as np

src, out, units = sys.argv[1], sys.argv[2], int(sys.argv[3])
with zipfile.ZipFile(src) as z:
    config = json.loads(z.read("config.json"))
    metadata = z.read("metadata.json")
layers = config["config"]["layers"]
dense_in = next(l for l in layers if l["config"]["name"] == "dense_in")
dense_in["config"]["units"] = units
for l in layers:
    if l["config"]["name"] == "bn":
        l.setdefault("build_config", {})["input_shape"] = [None, units]
    if l["config"]["name"] == "dropout":
        l.setdefault("build_config", {})["input_shape"] = [None, units]
    if l["config"]["name"] == "dense_hidden":
        l.setdefault("build_config", {})["input_shape"] = [None, units]


def values(shape, seed):
    n = int(np.prod(shape))
    return ((np.arange(n, dtype=np.float32) % 997) * 0.001 + seed).reshape(shape)


buf = io.BytesIO()
with h5py.File(buf, "w") as f:
    f.create_group("vars").attrs["name"] = "mlp"
    spec = {"dense": ("dense_in", [(16, units), (units,)]),
            "batch_normalization": ("bn", [(units,)] * 4),
            "dropout": ("dropout", []),
            "dense_1": ("dense_hidden", [(units, 16), (16,)]),
            "dense_2": ("dense_out", [(16, 3), (3,)])}
    for i, (path, (name, shapes)) in enumerate(spec.items()):
        g = f.create_group("layers/%s/vars" % path)
        g.attrs["name"] = name
        for k, s in enumerate(shapes):
            g.create_dataset(str(k), data=values(s, i + k * 0.1))
with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED, allowZip64=True) as z:
    z.writestr("metadata.json", metadata)
    z.writestr("config.json", json.dumps(config))
    z.writestr("model.weights.h5", buf.getvalue())
