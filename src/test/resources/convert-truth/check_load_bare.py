"""check_load.py with the oracle's custom classes also under their bare class names.

A Keras 3 legacy .h5 stores a custom root class by its bare name ('VAEOk'), so the person's loading code
passes it as custom_objects={'VAEOk': VAEOk}; this does the same for oracle_custom's classes, then runs
the oracle's own check_load.py unchanged. Usage: as check_load.py (needs /opt/keras-oracle/env.sh).
"""
import os
import runpy
import sys

gen = os.path.join(os.environ.get("KERAS_ORACLE", "/opt/keras-oracle"), "gen")
sys.path.insert(0, gen)
import keras  # noqa: E402
import oracle_custom  # noqa: E402,F401  (registers demo>*, vae>*)

registered = keras.saving.get_custom_objects()
for key, obj in list(registered.items()):
    registered.setdefault(key.split(">")[-1], obj)
sys.argv = [os.path.join(gen, "check_load.py")] + sys.argv[1:]
runpy.run_path(sys.argv[0], run_name="__main__")
