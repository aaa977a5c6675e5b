#!/usr/bin/env python3
"""Converts every saved-by/3.15.1 and saved-by/3.14.0 file of ../shared/compat for each older
Keras version V (kerasview convert --to keras --target-keras V), loads each output with the real
Keras V (the kc trees of ../shared/compat/README.md, under $SCRATCH/kc-V) and compares every
variable's shape and sums with Keras 3.15.1's load of the original (truth/3.15.1/saved-by).

    SCRATCH=/tmp/kc CP=target/classes:$(cat cp.txt) python3 scripts/compat-convert-sweep.py OUT_DIR
"""
import os
import pathlib
import subprocess
import sys

SHARED = pathlib.Path(__file__).resolve().parents[2] / "shared" / "compat"
VERSIONS = ["3.3.3", "3.6.0", "3.8.0", "3.10.0", "3.12.0", "3.13.2", "3.14.0"]


def variable_lines(text):
    """The lines naming a variable with its shape and sums, model and optimizer apart."""
    model, optimizer, in_opt = [], [], False
    for line in text.splitlines():
        if line.startswith("optimizer:"):
            in_opt = True
        if " sum=" in line and not line.startswith("predict"):
            (optimizer if in_opt else model).append(line.strip())
    return model, optimizer


def main(out_dir):
    scratch = pathlib.Path(os.environ["SCRATCH"])
    cp = os.environ["CP"]
    out_dir = pathlib.Path(out_dir)
    rows = []
    for saver in ("3.14.0", "3.15.1"):
        for src in sorted((SHARED / "saved-by" / saver).glob("*")):
            if src.suffix not in (".keras", ".h5"):
                continue
            truth = (SHARED / "truth" / "3.15.1" / "saved-by" / saver / (src.name + ".txt")).read_text()
            want_model, want_opt = variable_lines(truth)
            for v in VERSIONS:
                if tuple(map(int, v.split("."))) >= tuple(map(int, saver.split("."))):
                    continue
                out = out_dir / v / saver / (src.stem + "-" + src.suffix[1:] + ".keras")
                out.parent.mkdir(parents=True, exist_ok=True)
                conv = subprocess.run(["java", "-cp", cp, "dev.kerasview.Main", "convert", str(src),
                                       "--to", "keras", "--target-keras", v, "-o", str(out), "--force",
                                       "--allow-custom-code"],
                                      capture_output=True, text=True)
                if conv.returncode != 0:
                    rows.append((saver, src.name, v, "convert-refused", conv.stderr.strip()[:200]))
                    continue
                env = dict(os.environ)
                env.update(PYTHONPATH=f"{scratch}/kc-{v}/keras:{scratch}/kc-base/src/optree:"
                                      f"{scratch}/kc-base/src/ml_dtypes:{scratch}/kc-base/src/shims",
                           KERAS_BACKEND="numpy", PYTHONNOUSERSITE="1")
                load = subprocess.run(["/usr/bin/python3", f"{scratch}/kc-{v}/gen/check_load.py", out.name],
                                      capture_output=True, text=True, cwd=out.parent, env=env, timeout=300)
                text = load.stdout + load.stderr
                ok = any(l.startswith("OK ") for l in text.splitlines())
                if not ok:
                    fail = [l for l in text.splitlines() if l.startswith("FAIL")]
                    rows.append((saver, src.name, v, "keras-fails", (fail or [text[-200:]])[0][:200]))
                    continue
                got_model, got_opt = variable_lines(text)
                same = got_model == want_model
                opt = "optimizer-same" if got_opt == want_opt else f"optimizer-differs({len(got_opt)} vs {len(want_opt)})"
                rows.append((saver, src.name, v, "loads-identical" if same else "loads-weights-DIFFER", opt))
    for r in rows:
        print("\t".join(r))
    counts = {}
    for r in rows:
        counts[r[3]] = counts.get(r[3], 0) + 1
    print("# " + ", ".join(f"{k}: {n}" for k, n in sorted(counts.items())) + f" (of {len(rows)})")


if __name__ == "__main__":
    main(sys.argv[1])
