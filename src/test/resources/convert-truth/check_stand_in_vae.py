"""Loads the .keras kerasview writes from corpus/files/jacob_3dit/vae.keras (tf.keras 2.15) in Keras 3.15.1,
with stand-in VAE and Sampling classes shaped like the keras.io VAE example (the person's own code is not
in the corpus): the VAE rebuilds its encoder and decoder from its config. Prints whether it loads and
whether the loaded weights are exactly the tensors the source stored (as a multiset of shape and sums).
Usage: source /opt/keras-oracle/env.sh; /usr/bin/python3 check_stand_in_vae.py OUT.keras SOURCE.keras
"""
import io
import sys
import zipfile

import h5py
import keras
import numpy as np
from keras import layers, ops

out, source = sys.argv[1], sys.argv[2]


class Sampling(layers.Layer):
    def call(self, inputs):
        z_mean, z_log_var = inputs
        return z_mean + ops.exp(0.5 * z_log_var) * keras.random.normal(ops.shape(z_mean))


class VAE(keras.Model):
    def __init__(self, encoder, decoder, beta=1.0, **kw):
        super().__init__(**kw)
        self.encoder, self.decoder, self.beta = encoder, decoder, beta

    def call(self, x):
        return self.decoder(self.encoder(x)[2])

    @classmethod
    def from_config(cls, c):
        c["encoder"] = keras.saving.deserialize_keras_object(c["encoder"], custom_objects={"Sampling": Sampling})
        c["decoder"] = keras.saving.deserialize_keras_object(c["decoder"])
        return cls(**c)


print(f"# keras {keras.__version__} backend={keras.backend.backend()} {out} with stand-in VAE, Sampling")
m = keras.saving.load_model(out, custom_objects={"VAE": VAE, "Sampling": Sampling})
src = h5py.File(io.BytesIO(zipfile.ZipFile(source).read("model.weights.h5")))
stored = []
src.visititems(lambda n, o: stored.append(np.asarray(o[()], dtype=np.float64))
               if isinstance(o, h5py.Dataset) and n.startswith("layers/functional") else None)
loaded = [np.asarray(w.numpy(), dtype=np.float64) for w in m.weights]
print(f"loaded {len(loaded)} stored {len(stored)}")
key = lambda a: (a.shape, float(a.sum()), float(np.abs(a).sum()))  # noqa: E731
print("same multiset of tensors:", sorted(map(key, loaded)) == sorted(map(key, stored)))
