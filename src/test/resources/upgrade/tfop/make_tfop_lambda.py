#!/usr/bin/env python3
"""Writes tfop_lambda.h5: a tf.keras 2.4-form functional model whose config records raw TensorFlow calls as
TFOpLambda layers, as tf.keras wrote them (no TensorFlow is needed to write it, so it is written with h5py):

* layer config {"name", "trainable", "dtype", "function": <TF symbol>} -- tf_keras/layers/core/tf_op_layer.py,
  TFOpLambda.get_config ("function": self.symbol, the canonical TF API name without "tf.");
* inbound node = the first call argument itself (a [layer, node, tensor, kwargs] list, or a list of them when
  the first argument is a list; a constant first argument as ["_CONSTANT_VALUE", -1, value, kwargs]), every
  other argument in kwargs by the TF function's parameter name, tensors there as [layer, node, tensor] --
  tf_keras/engine/node.py, Node.serialize (_preserve_input_structure_in_config is True for TFOpLambda);
* layer names "tf.<symbol>[_k]" as tf.keras generated them;
* h5 layout of tf.keras's save_model: root attrs keras_version/backend/model_config, model_weights with
  layer_names, and per layer weight_names.
The weights of its one Dense layer are fixed numbers (np.linspace), so the truth is reproducible.
"""
import json

import h5py
import numpy as np


def node(layer, kwargs=None):
    return [layer, 0, 0, kwargs or {}]


def op(name, function, inbound):
    return {"class_name": "TFOpLambda",
            "config": {"name": name, "trainable": True, "dtype": "float32", "function": function},
            "name": name, "inbound_nodes": [inbound]}


layers = [
    {"class_name": "InputLayer", "config": {"batch_input_shape": [None, 2, 3], "dtype": "float32", "sparse": False,
                                            "ragged": False, "name": "input_1"}, "name": "input_1",
     "inbound_nodes": []},
    op("tf.__operators__.add", "__operators__.add", node("input_1", {"y": 1.0, "name": None})),
    op("tf.math.multiply", "math.multiply", node("tf.__operators__.add", {"y": 0.5, "name": None})),
    op("tf.math.subtract", "math.subtract", ["_CONSTANT_VALUE", -1, 2.0, {"y": ["tf.math.multiply", 0, 0],
                                                                         "name": None}]),
    op("tf.math.truediv", "math.truediv", node("tf.math.subtract", {"y": 4.0, "name": None})),
    op("tf.nn.relu", "nn.relu", node("tf.math.truediv", {"name": None})),
    op("tf.__operators__.add_1", "__operators__.add", node("tf.nn.relu", {"y": ["tf.math.multiply", 0, 0],
                                                                          "name": None})),
    op("tf.math.multiply_1", "math.multiply", node("tf.__operators__.add_1", {"y": ["tf.math.subtract", 0, 0],
                                                                              "name": None})),
    op("tf.math.sigmoid", "math.sigmoid", node("tf.math.multiply_1", {"name": None})),
    op("tf.math.tanh", "math.tanh", node("tf.math.sigmoid", {"name": None})),
    op("tf.math.subtract_1", "math.subtract", node("tf.math.tanh", {"y": 0.25, "name": None})),
    op("tf.reshape", "reshape", node("tf.math.subtract_1", {"shape": [-1, 6], "name": None})),
    op("tf.expand_dims", "expand_dims", node("tf.reshape", {"axis": 1, "name": None})),
    op("tf.squeeze", "squeeze", node("tf.expand_dims", {"axis": [1], "name": None})),
    op("tf.concat", "concat", [node("tf.squeeze", {"axis": -1, "name": None}),
                               node("tf.reshape", {"axis": -1, "name": None})]),
    {"class_name": "Dense", "config": {"name": "dense", "trainable": True, "dtype": "float32", "units": 3,
                                       "activation": "linear", "use_bias": True,
                                       "kernel_initializer": {"class_name": "GlorotUniform", "config": {"seed": None}},
                                       "bias_initializer": {"class_name": "Zeros", "config": {}},
                                       "kernel_regularizer": None, "bias_regularizer": None,
                                       "activity_regularizer": None, "kernel_constraint": None,
                                       "bias_constraint": None},
     "name": "dense", "inbound_nodes": [[["tf.concat", 0, 0, {}]]]},
]
config = {"class_name": "Functional", "config": {"name": "model", "layers": layers,
                                                 "input_layers": [["input_1", 0, 0]],
                                                 "output_layers": [["dense", 0, 0]]}}

with h5py.File("tfop_lambda.h5", "w") as f:
    f.attrs["keras_version"] = "2.4.0"
    f.attrs["backend"] = "tensorflow"
    f.attrs["model_config"] = json.dumps(config)
    w = f.create_group("model_weights")
    w.attrs["keras_version"] = "2.4.0"
    w.attrs["backend"] = "tensorflow"
    w.attrs["layer_names"] = np.array([l["name"].encode() for l in layers])
    for l in layers:
        g = w.create_group(l["name"])
        names = []
        if l["class_name"] == "Dense":
            kernel = np.linspace(-1, 1, 36, dtype=np.float32).reshape(12, 3)
            bias = np.array([0.1, -0.2, 0.3], np.float32)
            g.create_dataset("dense/kernel:0", data=kernel)
            g.create_dataset("dense/bias:0", data=bias)
            names = [b"dense/kernel:0", b"dense/bias:0"]
        g.attrs["weight_names"] = np.array(names, dtype="S")
