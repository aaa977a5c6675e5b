#!/usr/bin/python3
"""Write a LARGE sharded Keras 3.15.1 model: ARCH.json + ARCH.weights.json + shards (numpy + h5py).

Usage: /usr/bin/python3 bench/make_big_sharded.py SIZE_MB -o OUT_STEM [--shard-mb 2048]
       [--tools ../shared/tools]

The model is the one ../shared/tools/make_big_keras.py writes (same plan, config and weights:
a Sequential of 500 Dense layers, 1,000 variables, widths grown to SIZE_MB), saved the way
`model.to_json()` + `model.save_weights("OUT.weights.json", max_shard_size=...)` does
(fixtures-modern/sharded shows Keras's own form): OUT.json holds the architecture,
OUT.weights.json {"metadata": {"total_size": bytes}, "weight_map": {"/layers/<g>/vars":
[shards]}}, OUT_00000.weights.h5 ... each a Keras 3 weights file; a layer's variables may span
two shards (its group's `name` attribute is in the first); shard 0 holds the model's /vars.
Little RAM: one kernel at a time.
"""
import argparse
import importlib.util
import json
import os
import sys

import h5py


def load_tools(folder):
    spec = importlib.util.spec_from_file_location(
        "make_big_keras", os.path.join(folder, "make_big_keras.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("size_mb", type=float)
    ap.add_argument("-o", "--out", required=True, help="output stem (OUT.json, OUT.weights.json)")
    ap.add_argument("--shard-mb", type=float, default=2048)
    ap.add_argument("--tools", default=os.path.join(here, "..", "..", "shared", "tools"))
    a = ap.parse_args()
    big = load_tools(a.tools)
    W, units = big.plan(int(a.size_mb * 2**20), 4096, 1000)
    first_small = units.index(big.SMALL)
    acts = ["softmax" if i == len(units) - 1 else ("relu" if i < first_small else "tanh")
            for i in range(len(units))]
    config = big.make_config(W, units, acts)
    config.pop("compile_config", None)  # to_json() carries no compile config
    config["keras_version"] = big.KERAS_VERSION
    config["backend"] = "numpy"
    stem = os.path.abspath(a.out)
    with open(stem + ".json", "w") as f:
        json.dump(config, f)
    limit = int(a.shard_mb * 2**20)
    base = os.path.basename(stem)
    weight_map = {}
    total = 0
    shard_no = 0
    shard_bytes = 0
    shard = h5py.File(f"{stem}_{shard_no:05}.weights.h5", "w")
    shard.create_group("vars").attrs["name"] = "sequential"
    in_dim = W
    for i, (name, u) in enumerate(zip(big.layer_names(len(units)), units)):
        kernel, bias = big.layer_arrays(i, in_dim, u, 0)
        files = []
        for key, arr in (("0", kernel), ("1", bias)):
            if shard_bytes and shard_bytes + arr.nbytes > limit:
                shard.close()
                shard_no += 1
                shard_bytes = 0
                shard = h5py.File(f"{stem}_{shard_no:05}.weights.h5", "w")
            group = shard.require_group(f"layers/{name}/vars")
            if not files:
                group.attrs["name"] = name
            group[key] = arr
            shard_bytes += arr.nbytes
            total += arr.nbytes
            fname = f"{base}_{shard_no:05}.weights.h5"
            if fname not in files:
                files.append(fname)
        weight_map[f"/layers/{name}/vars"] = files
        in_dim = u
        del kernel, bias
    shard.close()
    with open(stem + ".weights.json", "w") as f:
        json.dump({"metadata": {"total_size": float(total)}, "weight_map": weight_map}, f, indent=4)
    print(f"wrote {stem}.json + .weights.json + {shard_no + 1} shards, {total} bytes of weights")
    return 0


if __name__ == "__main__":
    sys.exit(main())
