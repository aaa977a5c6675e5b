import keras, inspect, re, sys
from keras.src.layers.layer import Layer
names = {}
for n in sorted(dir(keras.layers)):
    c = getattr(keras.layers, n)
    if not (inspect.isclass(c) and issubclass(c, Layer)): continue
    params = set()
    for k in c.__mro__:
        if '__init__' in k.__dict__:
            sig = inspect.signature(k.__dict__['__init__'])
            ps = [p for p in sig.parameters.values() if p.name != 'self']
            params.update(p.name for p in ps if p.kind not in (p.VAR_KEYWORD, p.VAR_POSITIONAL))
            try: src = inspect.getsource(k)
            except Exception: src = ''
            params.update(re.findall(r'kwargs\.pop\(\s*"(\w+)"', src))
            if not any(p.kind == p.VAR_KEYWORD for p in ps): break
    params.update(['input_dim','input_shape'])
    names[n] = sorted(params)
for n, ps in names.items():
    print(n + "\t" + " ".join(ps))
