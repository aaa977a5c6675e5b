"""Makes module_less_layers.keras: Keras 3.15.1's own functional_nested.keras with the 'module' and
'registered_name' keys removed from every layer entry of every model's 'layers' list (the form a
Keras 3 legacy .h5 config has). Keras's Functional/Sequential.from_config rebuild such entries through
the legacy loader (saving_utils.model_from_config), so Keras loads the file.
Usage: /usr/bin/python3 make.py SOURCE.keras OUT.keras   (then check_load.py OUT.keras > the truth)"""
import json
import sys
import zipfile

src, out = sys.argv[1], sys.argv[2]


def strip(node):
    if isinstance(node, dict):
        if node.get("class_name") in ("Functional", "Sequential") and isinstance(node.get("config"), dict):
            for entry in node["config"].get("layers", []):
                entry.pop("module", None)
                entry.pop("registered_name", None)
        for v in node.values():
            strip(v)
    elif isinstance(node, list):
        for v in node:
            strip(v)


with zipfile.ZipFile(src) as z:
    config = json.loads(z.read("config.json"))
    strip(config)
    with zipfile.ZipFile(out, "w") as o:
        for name in z.namelist():
            o.writestr(name, json.dumps(config) if name == "config.json" else z.read(name))
