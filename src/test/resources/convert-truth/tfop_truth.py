#!/usr/bin/env python3
"""Independent numpy forward pass of a tf.keras functional model whose config holds TensorFlow op layers.

Reads the ORIGINAL legacy .h5 (model_config + model_weights, with h5py), evaluates each layer with numpy
following TensorFlow's definitions of the ops (not Keras 3's code), on the input check_load.py --predict uses
(np.linspace(-1, 1) over each input, batch 2), and prints `predict[i]: shape=[...] sum=...` like check_load.py.
It implements only the layers the tf.keras op fixtures use; any other layer stops it.
Usage: tfop_truth.py MODEL.h5
       tfop_truth.py MODEL.h5 --compare CONVERTED.keras   (needs the keras oracle: every layer's output of the
       converted model against this computation, bit for bit)
"""
import base64
import json
import sys

import h5py
import numpy as np


def conv2d(x, k, strides, padding, dilations=(1, 1)):
    """tf.nn.conv2d, NHWC/HWIO; SAME pads total = max((out-1)*s + (k-1)*d + 1 - in, 0), the smaller half first.
    Products are summed in float64 and rounded once to float32."""
    n, h, w, c = x.shape
    kh, kw, ci, co = k.shape
    assert ci == c, (k.shape, x.shape)
    pads = []
    for size, ks, s, d in ((h, kh, strides[0], dilations[0]), (w, kw, strides[1], dilations[1])):
        eff = (ks - 1) * d + 1
        if padding == "SAME":
            out = -(-size // s)
            total = max((out - 1) * s + eff - size, 0)
            pads.append((total // 2, total - total // 2))
        else:
            pads.append((0, 0))
    xp = np.pad(x.astype(np.float64), ((0, 0), pads[0], pads[1], (0, 0)))
    oh = (xp.shape[1] - ((kh - 1) * dilations[0] + 1)) // strides[0] + 1
    ow = (xp.shape[2] - ((kw - 1) * dilations[1] + 1)) // strides[1] + 1
    y = np.zeros((n, oh, ow, co), np.float64)
    for i in range(kh):
        for j in range(kw):
            patch = xp[:, i * dilations[0]: i * dilations[0] + (oh - 1) * strides[0] + 1: strides[0],
                       j * dilations[1]: j * dilations[1] + (ow - 1) * strides[1] + 1: strides[1], :]
            y += np.einsum("nhwc,cd->nhwd", patch, k[i, j].astype(np.float64))
    return y.astype(np.float32)


def bilinear(x, axis, factor):
    """tf.image.resize(method='bilinear') along one axis: half-pixel centres, source (o + 0.5) / factor - 0.5,
    neighbours clamped to the edge, value a + (b - a) * fraction."""
    if factor == 1:
        return x
    n = x.shape[axis]
    src = (np.arange(n * factor) + 0.5) / factor - 0.5
    lo = np.floor(src)
    frac = (src - lo).astype(np.float32)
    i0 = np.clip(lo, 0, n - 1).astype(int)
    i1 = np.clip(lo + 1, 0, n - 1).astype(int)
    a = np.take(x, i0, axis=axis)
    b = np.take(x, i1, axis=axis)
    shape = [1] * x.ndim
    shape[axis] = -1
    return (a + (b - a) * frac.reshape(shape)).astype(np.float32)


def activation(name, x):
    if name == "linear":
        return x
    if name == "relu":
        return np.maximum(x, np.float32(0))
    if name == "swish":
        with np.errstate(over="ignore"):
            return (x * (np.float32(1) / (np.float32(1) + np.exp(-x)))).astype(np.float32)
    if name == "sigmoid":
        with np.errstate(over="ignore"):
            return (np.float32(1) / (np.float32(1) + np.exp(-x))).astype(np.float32)
    if name == "tanh":
        return np.tanh(x)
    raise SystemExit("no activation " + name)


def graph_op(cfg, args):
    """A TensorFlowOpLayer: node_def.op on its inputs (constants by index, tensors in order)."""
    nd = cfg["node_def"]
    op = nd["op"]
    attr = nd.get("attr", {})
    a = [np.asarray(v, np.float32) if isinstance(v, (list, float, int)) and op != "Reshape" or i == 0 else v
         for i, v in enumerate(args)]
    if op == "Mul":
        return a[0] * a[1]
    if op == "Sub":
        return a[0] - a[1]
    if op in ("Add", "AddV2"):
        return a[0] + a[1]
    if op == "Reshape":
        return args[0].reshape(args[1])
    if op == "Conv2D":
        s = [int(v) for v in attr["strides"]["list"]["i"]]
        d = [int(v) for v in attr.get("dilations", {}).get("list", {}).get("i", ["1"] * 4)]
        pad = base64.b64decode(attr["padding"]["s"]).decode()
        return conv2d(args[0], np.asarray(args[1], np.float32), s[1:3], pad, d[1:3])
    raise SystemExit("no op " + op)


def tf_op_lambda(fn, x, kw):
    """A TFOpLambda: the named TensorFlow function on its first argument and keyword arguments."""
    y = kw.get("y")
    if fn in ("__operators__.add", "math.add"):
        return x + np.asarray(y, np.float32)
    if fn == "math.subtract":
        return np.asarray(x, np.float32) - np.asarray(y, np.float32)
    if fn == "math.multiply":
        return x * np.asarray(y, np.float32)
    if fn == "math.truediv":
        return x / np.asarray(y, np.float32)
    if fn == "reshape":
        return x.reshape(kw["shape"])
    if fn == "expand_dims":
        return np.expand_dims(x, kw["axis"])
    if fn == "squeeze":
        return np.squeeze(x, tuple(np.atleast_1d(kw["axis"])))
    if fn == "concat":
        return np.concatenate(x, axis=kw["axis"])
    if fn == "nn.relu":
        return np.maximum(x, np.float32(0))
    if fn == "math.sigmoid":
        return activation("sigmoid", x)
    if fn == "math.tanh":
        return np.tanh(x)
    raise SystemExit("no function " + fn)


def run(path):
    f = h5py.File(path, "r")
    model = json.loads(f.attrs["model_config"])["config"]
    weights = f["model_weights"]

    def w(layer):
        g = weights[layer]
        return [np.asarray(g[n]) for n in g.attrs["weight_names"]]

    values = {}
    inputs = []
    for name, _, _ in model["input_layers"]:
        entry = next(e for e in model["layers"] if e["name"] == name)
        shape = [2 if d is None else d for d in entry["config"]["batch_input_shape"]]
        inputs.append(name)
        values[(name, 0)] = np.linspace(-1, 1, int(np.prod(shape))).reshape(shape).astype("float32")

    def resolve(v):
        if isinstance(v, list) and len(v) >= 3 and isinstance(v[0], str) and v[0] != "_CONSTANT_VALUE":
            return values[(v[0], v[2])]
        if isinstance(v, list) and len(v) >= 3 and v[0] == "_CONSTANT_VALUE":
            return v[2]
        return v

    for e in model["layers"]:
        cls, cfg, name = e["class_name"], e["config"], e["name"]
        if cls == "InputLayer":
            continue
        nodes = e["inbound_nodes"]
        assert len(nodes) == 1, name
        node = nodes[0]
        if cls == "TFOpLambda":
            single = isinstance(node[0], str)
            first = resolve(node) if single else [resolve(i) for i in node]
            kw = {k: resolve(v) for k, v in (node[3] if single else node[0][3]).items()}
            values[(name, 0)] = tf_op_lambda(cfg["function"], first, kw)
            continue
        xs = [values[(i[0], i[2])] for i in node]
        if cls == "TensorFlowOpLayer":
            consts = cfg["constants"]
            it = iter(xs)
            args = [consts[str(i)] if str(i) in consts else next(it) for i in range(len(cfg["node_def"]["input"]))]
            y = graph_op(cfg, args)
        elif cls == "Dense":
            k, b = w(name)
            y = activation(cfg["activation"], (xs[0].astype(np.float64) @ k.astype(np.float64)).astype(np.float32) + b)
        elif cls == "Conv2D":
            k, b = w(name)
            assert cfg["dilation_rate"] == [1, 1] and cfg["data_format"] == "channels_last"
            y = activation(cfg["activation"], conv2d(xs[0], k, cfg["strides"], cfg["padding"].upper()) + b)
        elif cls == "Activation":
            y = activation(cfg["activation"], xs[0])
        elif cls == "MaxPooling2D":
            (ph, pw), (sh, sw) = cfg["pool_size"], cfg["strides"]
            assert cfg["padding"] == "valid"
            x = xs[0]
            oh, ow = (x.shape[1] - ph) // sh + 1, (x.shape[2] - pw) // sw + 1
            y = np.full((x.shape[0], oh, ow, x.shape[3]), -np.inf, np.float32)
            for i in range(ph):
                for j in range(pw):
                    y = np.maximum(y, x[:, i: i + (oh - 1) * sh + 1: sh, j: j + (ow - 1) * sw + 1: sw, :])
        elif cls == "UpSampling2D":
            sh, sw = cfg["size"]
            if cfg.get("interpolation", "nearest") == "nearest":
                y = np.repeat(np.repeat(xs[0], sh, axis=1), sw, axis=2)
            else:
                assert cfg["interpolation"] == "bilinear"
                y = bilinear(bilinear(xs[0], 1, sh), 2, sw)
        elif cls == "Concatenate":
            y = np.concatenate(xs, axis=cfg["axis"])
        else:
            raise SystemExit("no layer " + cls)
        values[(name, 0)] = y.astype(np.float32)
    for i, (name, _, t) in enumerate(model["output_layers"]):
        y = np.asarray(values[(name, t)], np.float64)
        print(f"predict[{i}]: shape={list(y.shape)} sum={y.sum():.9g}")
    return values, [values[(name, 0)] for name in inputs]


def compare(values, inputs, converted):
    import keras
    m = keras.saving.load_model(converted)
    layers = [l for l in m.layers if l.__class__.__name__ != "InputLayer"]
    outs = keras.Model(m.inputs, [l.output for l in layers]).predict(inputs, verbose=0)
    for layer, out in zip(layers, outs):
        mine = values[(layer.name, 0)].astype(np.float32)
        same = out.shape == mine.shape and np.array_equal(out.view(np.uint32), mine.view(np.uint32))
        print(layer.name, layer.__class__.__name__, "bit-identical" if same
              else f"max |diff| {np.abs(out - mine).max():g}")


if __name__ == "__main__":
    values, inputs = run(sys.argv[1])
    if len(sys.argv) > 3 and sys.argv[2] == "--compare":
        compare(values, inputs if len(inputs) > 1 else inputs[0], sys.argv[3])
