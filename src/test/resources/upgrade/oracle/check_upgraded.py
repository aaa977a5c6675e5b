"""Loads configs written by kerasview's ConfigUpgrader into real Keras 3.15.1 and prints the truth text.

Usage (with the Keras oracle, see /work/shared/tools/keras-oracle/README.md):
    source /opt/keras-oracle/env.sh
    /usr/bin/python3 check_upgraded.py UPGRADED.json [LABEL] > truth.txt
Prints a header naming Keras, then OK or FAIL <exception>, then Keras's own to_json() of the model it
rebuilt, projected onto the keys the upgrader wrote, as a SHA-256 (see project()), then per layer with weights: '<name> <class> <shape>;<shape>...' in the
order layer.trainable_weights + layer.non_trainable_weights, and whether the model came back compiled.
"""
import hashlib
import json
import sys

import os

import keras

# the oracle's test classes (demo>*, vae>*), as check_load.py registers them; also under their bare class
# names, the way a person's loading code passes custom_objects for a Keras-3-written legacy h5 root class
sys.path.insert(0, os.path.join(os.environ.get("KERAS_ORACLE", "/opt/keras-oracle"), "gen"))
custom = {}
try:
    import oracle_custom  # noqa: F401

    for key, obj in keras.saving.get_custom_objects().items():
        custom[key.split(">")[-1]] = obj
except ImportError:
    pass

path = sys.argv[1]
label = sys.argv[2] if len(sys.argv) > 2 else path
print(f"# keras {keras.__version__} backend={keras.backend.backend()} model_from_json of the upgraded config of {label}")
text = open(path).read()
try:
    model = keras.models.model_from_json(text, custom_objects=custom)
except Exception as e:  # the truth is the failure itself
    print(f"FAIL {type(e).__module__}.{type(e).__name__}")
    print(str(e).splitlines()[0] if str(e) else "")
    sys.exit(1)
print(f"OK {type(model).__name__} {model.name}")


def project(mine, theirs):
    """Keras's value restricted to the keys the upgrader wrote (a key Keras lacks stays out, so the hash differs)."""
    if isinstance(mine, dict) and isinstance(theirs, dict):
        out = {}
        for k, v in mine.items():
            if k == "compile_config" or k not in theirs:
                continue
            if k == "inbound_nodes" and v and isinstance(v[0], list):
                continue  # Keras 2 node lists: Keras rewrites them with tensor shapes
            out[k] = project(v, theirs[k])
        return out
    if isinstance(mine, list) and isinstance(theirs, list) and len(mine) == len(theirs):
        if all(isinstance(x, dict) and "name" in x and "inbound_nodes" in x for x in mine + theirs):
            # a Functional's layers: Keras orders them its own way; matched by name, kept in the upgrader's order
            by_name = {x["name"]: x for x in theirs}
            if len(by_name) == len(theirs) and all(x["name"] in by_name for x in mine):
                return [project(a, by_name[a["name"]]) for a in mine]
        return [project(a, b) for a, b in zip(mine, theirs)]
    return theirs


# the corpus files carry other people's licences: the truth holds a hash of Keras's re-serialised config,
# projected onto the upgrader's keys, not the config itself
rebuilt = json.loads(model.to_json())
projected = json.dumps(project(json.loads(text), rebuilt), sort_keys=True)
print("projection_sha256: " + hashlib.sha256(projected.encode("ascii")).hexdigest())
print(f"compiled: {bool(getattr(model, 'compiled', False))}")


def walk(layer):
    yield layer
    for sub in getattr(layer, "layers", []) or []:
        yield from walk(sub)


for layer in walk(model):
    if layer is model:
        continue
    weights = layer.trainable_weights + layer.non_trainable_weights
    if weights:
        shapes = ";".join(str(list(w.shape)) for w in weights)
        print(f"weights: {layer.name} {type(layer).__name__} {shapes}")
