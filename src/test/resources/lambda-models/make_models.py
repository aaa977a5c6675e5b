"""Writes the Keras 3.15.1 models with Python lambdas used by LambdaConversionTest (run with the oracle:
source /opt/keras-oracle/env.sh; /usr/bin/python3 make_models.py). Python 3.11 bytecode."""
import numpy as np
import keras
from keras import layers

rng = np.random.RandomState(7)


def randomize(model):
    for v in model.weights:
        v.assign(rng.normal(0, 0.3, v.shape).astype("float32"))
    return model


x = keras.Input((4,), name="x")
h = layers.Dense(3, name="dense")(x)
y = layers.Lambda(lambda t: t / 255.0, name="scale_255")(h)
randomize(keras.Model(x, layers.Dense(2, name="out")(y), name="lambda_div")).save("lambda_div.keras")

seq = keras.Sequential([keras.Input((4,)), layers.Dense(3, name="dense"),
                        layers.Lambda(lambda t: t ** 2, name="square"),
                        layers.Lambda(lambda t: 1.0 - t, name="flip"),
                        layers.Dense(2, name="out")], name="lambda_seq")
randomize(seq).save("lambda_seq.keras")

a = keras.Input((4,), name="a")
b = keras.Input((4,), name="b")
d = layers.Lambda(lambda t: t[0] - t[1], name="difference")([layers.Dense(3, name="da")(a),
                                                            layers.Dense(3, name="db")(b)])
randomize(keras.Model([a, b], layers.Dense(2, name="out")(d), name="lambda_merge")).save("lambda_merge.keras")
