#!/usr/bin/python3
"""Record what Keras's model.summary() reports for every model file Keras loads.

Run through make_truths.sh (it sources the Keras oracle's env.sh). For each row of
<shared>/fixtures/, <shared>/corpus/ and <shared>/fixtures-modern/GROUND_TRUTH_INDEX.tsv
whose verdict is OK, and for each model make_models.py wrote into models/, the file (or json + weights pair) is loaded the way check_load.py loads it
(--unsafe and --no-compile honoured) and one truth file is written:

    # Keras 3.15.1 summary truth (backend numpy) for <set>/<cwd>: <args>
    model {"name", "className", "outputShape", "total", "trainable", "nonTrainable"}
    layer {"path", "name", "className", "outputShape", "built", "total", "trainable",
           "nonTrainable", "macs"}  (one per layer, nested models recursed, depth first)
    summary
    | <each line of model.summary(line_length=100)>

outputShape follows keras.src.utils.summary_utils.format_layer_shape: the output tensors of
the layer's last inbound node (a shape, or a list of shapes for several outputs), else
compute_output_shape of its build shapes, else null ("?" in the summary).
"macs" is not a Keras figure (Keras has none): it is the definition kerasview's MacCounter
documents (multiply-accumulates per sample), evaluated here on the layers Keras built, with
their real kernels and call shapes; null for custom and Lambda code.
INDEX.tsv lists every truth with the set, folder and arguments it was made from.
"""
import json
import os
import sys
import warnings

warnings.filterwarnings("ignore")
import keras  # noqa: E402
from keras.src import tree  # noqa: E402

sys.path.insert(0, os.path.join(os.environ["KERAS_ORACLE"], "gen"))
import oracle_custom  # noqa: E402,F401  (registers demo>ScaledDense, vae>*)

HERE = os.path.dirname(os.path.abspath(__file__))


def shape_list(s):
    return [None if d is None else int(d) for d in s]


def flat_shapes(s):
    """A shape or a (nested) structure of shapes as a flat list of shapes."""
    if all(d is None or isinstance(d, int) for d in s):
        return [shape_list(s)]
    return [x for part in s for x in flat_shapes(part)]


def output_shape(layer):
    """format_layer_shape's choice, as data: a shape, a list of shapes, or None."""
    try:
        if layer._inbound_nodes:
            outs = layer._inbound_nodes[-1].output_tensors
            flat = [shape_list(t.shape) for t in tree.flatten(outs)]
        elif layer._build_shapes_dict:
            if hasattr(layer, "output_shape"):
                flat = flat_shapes(layer.output_shape)
            else:
                flat = flat_shapes(layer.compute_output_shape(**layer._build_shapes_dict))
        else:
            return None
    except NotImplementedError:
        return None
    return flat[0] if len(flat) == 1 else flat


def prod(dims):
    n = 1
    for d in dims:
        if d is None:
            return None
        n *= int(d)
    return n


def size(v):
    return prod(v.shape)


def mul(*xs):
    return None if any(x is None for x in xs) else prod(xs)


def spatial(layer, shape):
    first = getattr(layer, "data_format", "channels_last") == "channels_first"
    return shape[2:] if first else shape[1:-1]


PER_ELEMENT = ("BatchNormalization", "LayerNormalization", "GroupNormalization",
               "RMSNormalization", "UnitNormalization", "Normalization", "PReLU")
GATES = {"LSTM": 4, "GRU": 3, "SimpleRNN": 1}
# keras.ops calls that only add, compare or reduce values: no multiply-accumulates.
PLAIN_OPS = ("Add", "Subtract", "Multiply", "Maximum", "Minimum", "Max", "Min", "Mean", "Sum")


def call_macs(layer, ins, outs):
    """MACs of one call, per sample, by the definition kerasview's MacCounter documents,
    evaluated on the layer Keras built (its real kernels and tensor shapes)."""
    from keras.src.layers.convolutional.base_conv import BaseConv
    from keras.src.layers.convolutional.base_conv_transpose import BaseConvTranspose
    from keras.src.layers.convolutional.base_depthwise_conv import BaseDepthwiseConv
    from keras.src.layers.convolutional.base_separable_conv import BaseSeparableConv
    cls = type(layer).__name__
    if not isinstance(layer, keras.layers.Layer):
        return 0 if cls in PLAIN_OPS else None
    if not type(layer).__module__.startswith("keras.") or cls == "Lambda":
        return None
    out = list(outs[0]) if outs else None
    inp = list(ins[0]) if ins else None
    if cls == "Dense":
        return mul(size(layer.kernel), prod(out[1:-1]))
    if cls == "EinsumDense":
        ops, out_letters = layer.equation.split("->")
        kernel_letters = ops.split(",")[1]
        contracted = prod(d for letter, d in zip(kernel_letters, layer.kernel.shape)
                          if letter not in out_letters)
        return mul(prod(out[1:]), contracted)
    if isinstance(layer, BaseSeparableConv):
        return mul(size(layer.depthwise_kernel) + size(layer.pointwise_kernel),
                   prod(spatial(layer, out)))
    if isinstance(layer, (BaseConv, BaseDepthwiseConv)):
        return mul(size(layer.kernel), prod(spatial(layer, out)))
    if isinstance(layer, BaseConvTranspose):
        return mul(size(layer.kernel), prod(spatial(layer, inp)))
    if cls in GATES:
        units = layer.cell.units
        return mul(inp[1], GATES[cls] * units, inp[-1] + units)
    if cls == "Bidirectional":
        f = call_macs(layer.forward_layer, ins, outs)
        b = call_macs(layer.backward_layer, ins, outs)
        return None if f is None or b is None else f + b
    if cls == "TimeDistributed":
        step_in = [[s[0]] + list(s[2:]) for s in ins]
        step_out = [[s[0]] + list(s[2:]) for s in outs]
        one = call_macs(layer.layer, step_in, step_out)
        return mul(inp[1], one)
    if cls == "MultiHeadAttention":
        q = ins[0]
        v = ins[1] if len(ins) > 1 else q
        k = ins[2] if len(ins) > 2 else v
        h, kd, vd = layer.num_heads, layer.key_dim, layer.value_dim
        tq, tk, tv = prod(q[1:-1]), prod(k[1:-1]), prod(v[1:-1])
        if None in (tq, tk, tv, q[-1], k[-1], v[-1]) or prod(out[1:]) is None:
            return None
        width = prod(out[1:]) // tq
        return (tq * q[-1] * h * kd + tk * k[-1] * h * kd + tv * v[-1] * h * vd
                + tq * h * vd * width + h * tq * tk * kd + h * tq * tk * vd)
    if cls in ("Attention", "AdditiveAttention"):
        q, v = ins[0], ins[1]
        return mul(prod(q[1:-1]), prod(v[1:-1]), q[-1] + v[-1])
    if cls in PER_ELEMENT:
        return prod(out[1:])
    if cls == "Embedding" or not layer.weights:
        return 0
    return None


def layer_macs(layer, nodes):
    """A layer's MACs over its calls in the model (nested models: their layers' sum)."""
    if isinstance(layer, keras.Model):
        # Each call of a nested model runs all of it.
        one = model_macs(layer)
        return None if one is None else one * max(1, len(nodes))
    total = 0
    for node in nodes:
        ins = [shape_list(t.shape) for t in tree.flatten(node.input_tensors)]
        outs = [shape_list(t.shape) for t in tree.flatten(node.output_tensors)]
        m = call_macs(layer, ins, outs)
        if m is None:
            return None
        total += m
    return total if nodes else None


def own_nodes(model, layer):
    # A Sequential keeps every build's node; its graph is its inner Functional's.
    graph = getattr(model, "_functional", None) or model
    if hasattr(graph, "_nodes_by_depth"):
        relevant = [n for v in graph._nodes_by_depth.values() for n in v]
        return [n for n in layer._inbound_nodes if n in relevant]
    return list(layer._inbound_nodes)


def model_macs(model):
    total = 0
    # A Functional's keras.ops calls are operations, not layers; they cost too.
    for layer in getattr(model, "_operations", None) or model.layers:
        m = layer_macs(layer, own_nodes(model, layer))
        if m is None:
            return None
        total += m
    return total


def counts(layer):
    built = getattr(layer, "built", False)
    total = layer.count_params() if built else 0
    tw = sum(int(keras.ops.size(v)) for v in layer.trainable_weights)
    nw = sum(int(keras.ops.size(v)) for v in layer.non_trainable_weights)
    return built, total, tw, nw


def walk(model, layer, prefix, out):
    path = f"{prefix}{layer.name}"
    built, total, tw, nw = counts(layer)
    out.append("layer " + json.dumps({
        "path": path, "name": layer.name, "className": type(layer).__name__,
        "outputShape": output_shape(layer), "built": built, "total": total,
        "trainable": tw, "nonTrainable": nw,
        "macs": layer_macs(layer, own_nodes(model, layer))}))
    if isinstance(layer, keras.Model):
        for sub in layer.layers:
            walk(layer, sub, path + "/", out)


def load(folder, args):
    unsafe = "--unsafe" in args
    compile_ = "--no-compile" not in args
    files = [os.path.join(folder, a) for a in args if not a.startswith("--")]
    if unsafe:
        keras.config.enable_unsafe_deserialization()
    if len(files) == 1 and not files[0].endswith(".json"):
        return keras.saving.load_model(files[0], compile=compile_, safe_mode=not unsafe)
    arch = [f for f in files if f.endswith(".json")][0]
    with open(arch) as fh:
        model = keras.models.model_from_json(fh.read())
    for w in (f for f in files if not f.endswith(".json")):
        model.load_weights(w)
    return model


def truth(set_name, base, folder, args):
    model = load(folder, args)
    lines = [f"# Keras {keras.__version__} summary truth (backend "
             f"{keras.backend.backend()}) for {set_name}/{os.path.relpath(folder, base)}: "
             f"{' '.join(args)}"]
    outs = [shape_list(t.shape) for t in tree.flatten(model.outputs)] \
        if getattr(model, "outputs", None) else None
    if outs is not None and len(outs) == 1:
        outs = outs[0]
    tw = sum(int(keras.ops.size(v)) for v in model.trainable_weights)
    nw = sum(int(keras.ops.size(v)) for v in model.non_trainable_weights)
    lines.append("model " + json.dumps({
        "name": model.name, "className": type(model).__name__, "outputShape": outs,
        "total": tw + nw, "trainable": tw, "nonTrainable": nw, "macs": model_macs(model)}))
    for layer in model.layers:
        walk(model, layer, "", lines)
    text = []
    model.summary(line_length=100, print_fn=lambda s, **kw: text.append(s))
    lines.append("summary")
    for block in text:
        for line in block.splitlines():
            lines.append("| " + line.rstrip())
    return "\n".join(lines) + "\n"


SHARED = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "../../../../../shared"))


def main():
    index = ["set\ttruth\tfolder\targs"]
    keras.config.disable_interactive_logging()
    for set_name in ("fixtures", "corpus", "fixtures-modern", "models"):
        if set_name == "models":
            # make_models.py's files, beside this script: every one loads
            base = os.path.join(HERE, "models")
            rows = [[None, None, ".", f, "0", "OK"] for f in sorted(os.listdir(base))
                    if f.endswith(".keras")]
        else:
            base = os.path.join(SHARED, set_name)
            with open(os.path.join(base, "GROUND_TRUTH_INDEX.tsv")) as fh:
                rows = [r.rstrip("\n").split("\t") for r in fh][1:]
        done = set()
        for _truth, tool, cwd, args, _code, verdict in rows:
            if verdict != "OK" or cwd.startswith("("):
                continue
            argv = [a for a in args.split() if a not in ("--predict", "--raw")]
            key = (cwd, tuple(a for a in argv if not a.startswith("--")))
            if key in done:
                continue
            done.add(key)
            name = [a for a in argv if not a.startswith("--")][-1]
            rel = os.path.normpath(os.path.join(set_name, cwd, name + ".summary-keras-3.15.1.txt"))
            out = os.path.join(HERE, rel)
            os.makedirs(os.path.dirname(out), exist_ok=True)
            text = truth(set_name, base, os.path.join(base, cwd), argv)
            with open(out, "w") as fh:
                fh.write(text)
            index.append(f"{set_name}\t{rel}\t{cwd}\t{' '.join(argv)}")
            print("wrote", rel, file=sys.stderr)
    with open(os.path.join(HERE, "INDEX.tsv"), "w") as fh:
        fh.write("\n".join(index) + "\n")


if __name__ == "__main__":
    main()
