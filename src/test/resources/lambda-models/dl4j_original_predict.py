"""The prediction of the dl4j Keras 2.0.9 lambda models, computed in NumPy from their stored weights, on
check_load.py's demo input (linspace(-1, 1) over a batch of 2): no Keras involved, the Lambdas as written
(x ** 2, then 3 * x, in float32).  usage: python3 dl4j_original_predict.py FILE.h5 > FILE.original-predict.txt"""
import sys
import h5py
import numpy as np

path = sys.argv[1]
with h5py.File(path, "r") as f:
    w = f["model_weights"]
    first, last = ("dense_3", "dense_4") if "dense_3" in w else ("dense_1", "dense_2")
    k1, b1 = w[first][first]["kernel:0"][()], w[first][first]["bias:0"][()]
    k2, b2 = w[last][last]["kernel:0"][()], w[last][last]["bias:0"][()]
x = np.linspace(-1, 1, 2 * k1.shape[0]).reshape(2, k1.shape[0]).astype("float32")
h = np.maximum(x @ k1 + b1, np.float32(0))
h = h ** 2
h = 3 * h
y = h @ k2 + b2
if last == "dense_4":  # softmax output
    e = np.exp(y - y.max(axis=-1, keepdims=True))
    y = e / e.sum(axis=-1, keepdims=True)
y = np.asarray(y, np.float64)
print(f"# numpy {np.__version__}: {path.split('/')[-1]} computed from its stored weights")
print(f"predict[0]: shape={list(y.shape)} sum={y.sum():.9g}")
