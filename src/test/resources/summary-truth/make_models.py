#!/usr/bin/python3
"""Small models written by Keras 3.15.1 that exercise the layers the fixtures and the corpus
do not (padding and cropping, transposed and dilated convolutions, pooling options, 1D and 3D
layers, return_state, merge modes, attention, frozen parts). Run through make_models.sh;
make_truths.sh then records their summaries like the fixtures'.
"""
import os

import keras
from keras import layers

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "models")


def spatial():
    x = keras.Input((32, 30, 3), name="image")
    y = layers.Conv2D(4, 3, strides=2, padding="valid", name="conv_valid")(x)
    y = layers.ZeroPadding2D(((1, 2), (0, 1)), name="pad")(y)
    y = layers.Cropping2D(((1, 0), (2, 1)), name="crop")(y)
    y = layers.MaxPooling2D(3, strides=2, padding="same", name="max_same")(y)
    y = layers.AveragePooling2D(2, name="avg")(y)
    y = layers.UpSampling2D((2, 3), name="up")(y)
    y = layers.Conv2DTranspose(3, 3, strides=2, padding="same", output_padding=1,
                               name="tconv_same")(y)
    y = layers.Conv2DTranspose(2, 4, strides=3, padding="valid", name="tconv_valid")(y)
    y = layers.DepthwiseConv2D(3, depth_multiplier=3, dilation_rate=2, name="dw")(y)
    y = layers.SeparableConv2D(5, 3, strides=2, padding="same", depth_multiplier=2,
                               name="sep")(y)
    y = layers.Conv2D(6, 3, groups=1, use_bias=False, padding="same", name="conv_nobias")(y)
    y = layers.BatchNormalization(name="bn", trainable=False)(y)
    y = layers.PReLU(name="prelu")(y)
    y = layers.GlobalMaxPooling2D(keepdims=True, name="gmax")(y)
    y = layers.Flatten(name="flat")(y)
    y = layers.Dense(3, name="out")(y)
    return keras.Model(x, y, name="spatial")


def sequence():
    x = keras.Input((20, 6), name="series")
    y = layers.Conv1D(8, 5, padding="causal", dilation_rate=2, name="causal")(x)
    y = layers.MaxPooling1D(2, name="pool")(y)
    y = layers.ZeroPadding1D(2, name="pad")(y)
    y = layers.Cropping1D((1, 2), name="crop")(y)
    y = layers.UpSampling1D(3, name="up")(y)
    y = layers.Conv1DTranspose(4, 3, strides=2, name="tconv")(y)
    y = layers.SeparableConv1D(6, 3, name="sep")(y)
    y = layers.DepthwiseConv1D(3, name="dw")(y)
    seq, h, c = layers.LSTM(5, return_sequences=True, return_state=True, name="lstm")(y)
    y = layers.Bidirectional(layers.GRU(4, return_sequences=True, reset_after=False),
                             merge_mode="sum", name="bigru")(seq)
    fwd, bwd = layers.Bidirectional(layers.SimpleRNN(3), merge_mode=None, name="birnn")(y)
    z = layers.Concatenate(name="cat")([fwd, bwd, h, c])
    z = layers.RepeatVector(4, name="repeat")(z)
    z = layers.Permute((2, 1), name="perm")(z)
    z = layers.TimeDistributed(layers.Dense(2), name="td")(z)
    q = layers.Dense(2, name="q")(seq)
    att = layers.Attention(name="att")([q, z])
    out = layers.GlobalAveragePooling1D(name="gap")(att)
    return keras.Model(x, [out, h], name="sequence")


def volume():
    x = keras.Input((6, 8, 8, 2), name="volume")
    y = layers.Conv3D(3, 2, name="conv3")(x)
    y = layers.MaxPooling3D(2, name="pool3")(y)
    y = layers.UpSampling3D(2, name="up3")(y)
    y = layers.ZeroPadding3D(1, name="pad3")(y)
    y = layers.Cropping3D(((1, 0), (0, 1), (1, 1)), name="crop3")(y)
    y = layers.Conv3DTranspose(2, 3, strides=2, padding="same", name="tconv3")(y)
    y = layers.GlobalAveragePooling3D(name="gap3")(y)
    y = layers.Reshape((2, 1), name="reshape")(y)
    y = layers.Flatten(name="flat")(y)
    return keras.Model(x, layers.Dense(1, name="out")(y), name="volume")


def mixed():
    a = keras.Input((10,), name="a")
    b = keras.Input((6, 5), name="b")
    tokens = keras.Input((7,), dtype="int32", name="tokens")
    y = layers.Dense(12, name="d12")(a)
    y = layers.Reshape((3, -1), name="reshape")(y)
    y = layers.EinsumDense("abc,cd->abd", output_shape=(None, 5), bias_axes="d",
                           name="ein")(y)
    mha = layers.MultiHeadAttention(num_heads=2, key_dim=3, value_dim=4, output_shape=7,
                                    name="mha")(y, b)
    mha = layers.LayerNormalization(name="ln")(mha)
    e = layers.Embedding(20, 7, name="emb")(tokens)
    e = layers.GlobalMaxPooling1D(name="gmp")(e)
    m = layers.GlobalAveragePooling1D(name="gap")(mha)
    s1 = layers.Subtract(name="sub")([m, e])
    s2 = layers.Multiply(name="mul")([m, e])
    s3 = layers.Average(name="avg")([s1, s2])
    s4 = layers.Maximum(name="max")([s1, s3])
    s5 = layers.Minimum(name="min")([s4, s2])
    inner = keras.Sequential([layers.Dense(4), layers.Dropout(0.1), layers.Dense(2)],
                             name="frozen_seq")
    inner.trainable = False
    out = inner(s5)
    img = keras.Input((12, 10, 3), name="img")
    r = layers.Resizing(6, 8, name="resize")(img)
    r = layers.CenterCrop(4, 4, name="crop")(r)
    r = layers.Rescaling(1 / 255, name="rescale")(r)
    r = layers.Conv2D(2, 3, padding="same", name="conv")(r)
    r = layers.GlobalAveragePooling2D(name="gap2")(r)
    return keras.Model([a, b, tokens, img], [out, r], name="mixed")


def main():
    os.makedirs(OUT, exist_ok=True)
    for build in (spatial, sequence, volume, mixed):
        model = build()
        model.save(os.path.join(OUT, model.name + ".keras"))
        print("wrote", model.name)


if __name__ == "__main__":
    main()
