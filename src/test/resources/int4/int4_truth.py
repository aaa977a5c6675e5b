"""Int4 truths: what Keras 3.15.1's own quantizers.unpack_int4 gives for each int4-packed variable.

  source /opt/keras-oracle/env.sh
  /usr/bin/python3 int4_truth.py make int4_odd.keras        # writes a model with odd unpacked sizes
  /usr/bin/python3 int4_truth.py truth MODEL.keras > MODEL.keras.int4-keras-3.15.1.txt

The truth lists, per int4 layer, the variable's path, the unpacked length Keras used, and count, sum,
min, max, mean and std of the unpacked int4 values in float64.
"""
import sys

import keras
import numpy as np
from keras import quantizers

if sys.argv[1] == "make":
    rng = np.random.default_rng(7)
    tokens = keras.Input((4,), dtype="int32", name="tokens")
    e = keras.layers.Embedding(11, 7, name="emb")(tokens)
    x = keras.layers.EinsumDense("abc,cd->abd", output_shape=(4, 9), bias_axes="d", name="ein")(e)
    x = keras.layers.GlobalAveragePooling1D(name="gap")(x)
    out = keras.layers.Dense(5, name="dense_out")(x)
    m = keras.Model(tokens, out, name="int4_odd")
    for w in m.weights:
        w.assign(rng.normal(0, 0.2, w.shape).astype(w.dtype))
    m.quantize("int4")
    m.save(sys.argv[2])
    sys.exit(0)

m = keras.saving.load_model(sys.argv[2])
print(f"# keras {keras.__version__} backend={keras.backend.backend()} unpack_int4 of {sys.argv[2].split('/')[-1]}")
for layer in m.layers:
    if getattr(layer, "quantization_mode", None) != "int4":
        continue
    if isinstance(layer, keras.layers.Embedding):
        var, orig = layer._embeddings, layer.output_dim
    elif isinstance(layer, keras.layers.EinsumDense):
        var, orig = layer._kernel, layer._int4_unpacked_column_size
    else:
        var, orig = layer._kernel, layer.units
    v = np.asarray(quantizers.unpack_int4(var, orig, axis=-1)).astype(np.float64)
    print(f"{var.path} orig={orig} count={v.size} sum={v.sum():.9g} min={v.min():.9g} max={v.max():.9g} "
          f"mean={v.mean():.9g} std={v.std():.9g}")
