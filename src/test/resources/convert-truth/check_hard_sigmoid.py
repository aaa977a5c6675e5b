"""Checks that kerasview's Keras 3 form of Keras 1/2's hard_sigmoid computes the old formula bit for bit.

Usage (oracle Python): check_hard_sigmoid.py CONVERTED.keras...
For each converted archive: load it, rebuild the same model with every `keras2_hard_sigmoid` Sequential
replaced by a registered function computing clip(x * 0.2 + 0.5, 0, 1) as Keras 2's backend did, copy
the weights, and compare predictions on random inputs with np.array_equal.
"""
import sys

import keras
import numpy as np


@keras.saving.register_keras_serializable(package="reference")
def keras2_hard_sigmoid(x):
    x = x * np.float32(0.2) + np.float32(0.5)
    return keras.ops.clip(x, 0.0, 1.0)


def replace(node):
    if isinstance(node, dict):
        if node.get("class_name") == "Sequential" and node.get("config", {}).get("name") == "keras2_hard_sigmoid":
            return keras.saving.serialize_keras_object(keras2_hard_sigmoid)
        return {k: replace(v) for k, v in node.items()}
    if isinstance(node, list):
        return [replace(v) for v in node]
    return node


for path in sys.argv[1:]:
    model = keras.saving.load_model(path)
    config = replace(keras.saving.serialize_keras_object(model))
    reference = keras.saving.deserialize_keras_object(config)
    reference.set_weights(model.get_weights())
    rng = np.random.default_rng(0)
    shape = [d if d is not None else 4 for d in model.inputs[0].shape]
    x = rng.normal(0, 3, size=shape).astype(model.inputs[0].dtype)
    a, b = model.predict(x, verbose=0), reference.predict(x, verbose=0)
    same = np.array_equal(a, b)
    print(f"{path.split('/')[-1]}: predictions {'identical' if same else 'DIFFER'} "
          f"(max |diff| {float(np.max(np.abs(a - b))):.3g}, sum {float(np.sum(a)):.9g})")
