"""Rewrites mlp.keras so that weights no longer sit where Keras 3.15's save walk puts them.

Usage: move_groups.py SOURCE_KERAS OUT_KERAS MODE
  swap      layers/dense and layers/dense_1 exchange places (walk order changed between versions)
  renamed   layers/batch_normalization moves to layers/batch_norm_v2 (class renamed since saving)
  elsewhere layers/dense_2 moves to _tracked/out_layer (reachable only under another attribute)
The vars groups keep their name attributes; nothing else changes.
"""
import io
import sys
import zipfile

import h5py

src, out, mode = sys.argv[1:4]
moves = {"swap": [("layers/dense", "tmp"), ("layers/dense_1", "layers/dense"), ("tmp", "layers/dense_1")],
         "renamed": [("layers/batch_normalization", "layers/batch_norm_v2")],
         "elsewhere": [("layers/dense_2", "_tracked/out_layer")]}[mode]
with zipfile.ZipFile(src) as z:
    entries = {n: z.read(n) for n in z.namelist()}
buf = io.BytesIO(entries["model.weights.h5"])
with h5py.File(buf, "r+") as f:
    for a, b in moves:
        f.move(a, b)
with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
    for n, data in entries.items():
        z.writestr(n, buf.getvalue() if n == "model.weights.h5" else data)
