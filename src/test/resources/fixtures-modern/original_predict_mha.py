#!/usr/bin/python3
"""Record the in-memory prediction of quant_int8_mha before saving (Keras cannot load its own files).

Usage: source $KERAS_ORACLE/env.sh; /usr/bin/python3 original_predict_mha.py > quant_int8_mha/quant_int8_mha.original-predict.txt
Builds the model exactly as make_modern.py does (same seed, same quantize call) and predicts on
check_load.py's demo input, so the sum compares with `check_load.py --predict` of a converted file.
"""
import importlib.util
import os
import sys
import warnings

import numpy as np

import keras

warnings.filterwarnings("ignore")
spec = importlib.util.spec_from_file_location(
    "check_load", os.path.join(os.environ["KERAS_ORACLE"], "gen", "check_load.py"))
check_load = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check_load)


def fill(model, seed):  # make_modern.py's fill()
    rng = np.random.default_rng(seed)
    for v in model.weights:
        if "moving_variance" in v.path:
            v.assign(rng.uniform(0.5, 2.0, v.shape).astype(v.dtype))
        else:
            v.assign(rng.normal(0, 0.2, v.shape).astype(v.dtype))
    return model


inp = keras.Input((5, 8), name="seq")
a = keras.layers.MultiHeadAttention(num_heads=2, key_dim=4, name="mha")(inp, inp)
o = keras.layers.Dense(3, name="head")(a)
m = fill(keras.Model(inp, o, name="quant_int8_mha"), 11)
m.quantize("int8")
y = np.asarray(m.predict(check_load.demo_inputs(m), verbose=0), np.float64)
sys.stdout.write(f"in-memory model before saving: predict[0]: shape={list(y.shape)} sum={y.sum():.9g}\n")
