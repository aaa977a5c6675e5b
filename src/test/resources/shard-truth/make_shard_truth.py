"""Ground truth for sharded Keras 3 weights: what Keras itself writes with save_weights(max_shard_size=...).

Usage (after `source $KERAS_ORACLE/env.sh`), from the repository root:
    /usr/bin/python3 src/test/resources/shard-truth/make_shard_truth.py OUTDIR NAME:BYTES:MODEL[:WEIGHTS] ...
For each case it loads MODEL (a .keras with keras.saving.load_model, or ARCH.json + WEIGHTS with
model_from_json + load_weights), calls model.save_weights("NAME.weights.json", max_shard_size=BYTES / 1024**3)
and writes OUTDIR/NAME.shards.keras-3.15.1.json: the Keras version, BYTES, the index file's exact text, and each
shard's h5summary.py "keras3" summary (groups with their attributes; datasets with shape, dtype, SHA-256, attributes).
With KEEP=1 in the environment the shard files themselves are kept in OUTDIR/NAME/.
"""
import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.join(os.environ["KERAS_ORACLE"], "gen"))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "convert"))
import h5py  # noqa: E402
import keras  # noqa: E402
import oracle_custom  # noqa: E402,F401  (registers the fixtures' custom classes)
from h5summary import keras3  # noqa: E402


def load(model, weights):
    if weights is None:
        return keras.saving.load_model(model, safe_mode=False)
    with open(model) as f:
        m = keras.models.model_from_json(f.read())
    m.load_weights(weights)
    return m


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for case in sys.argv[2:]:
        parts = case.split(":")
        name, size, model = parts[0], int(parts[1]), parts[2]
        weights = parts[3] if len(parts) > 3 else None
        keras.backend.clear_session()  # auto-generated sub-layer names restart per model, as in a fresh process
        m = load(model, weights)
        tmp = tempfile.mkdtemp()
        try:
            index = os.path.join(tmp, name + ".weights.json")
            m.save_weights(index, max_shard_size=size / 1024 ** 3)
            with open(index) as f:
                text = f.read()
            shards = {}
            for fn in sorted(os.listdir(tmp)):
                if fn.endswith(".weights.h5"):
                    with h5py.File(os.path.join(tmp, fn), "r") as h:
                        shards[fn] = keras3(h)
            truth = {"keras": keras.__version__, "max_shard_bytes": size, "index_text": text, "shards": shards}
            with open(os.path.join(out, name + ".shards.keras-%s.json" % keras.__version__), "w") as f:
                json.dump(truth, f, indent=1, sort_keys=True)
                f.write("\n")
            if os.environ.get("KEEP") == "1":
                keep = os.path.join(out, name)
                shutil.rmtree(keep, ignore_errors=True)
                shutil.copytree(tmp, keep)
            print(name, len(shards), "shards")
        finally:
            shutil.rmtree(tmp)


main()
