package dev.kerasview.catalog;

import java.util.Set;

/** Names of the classes Keras 3 ships (layers, models, cells), for resolving legacy class names. */
final class BuiltInClasses {

    /** Public {@code keras.layers} names of Keras 3.15.1, plus the model classes. */
    static final Set<String> KERAS3 = Set.of(
            "Activation", "ActivityRegularization", "AdaptiveAveragePooling1D",
            "AdaptiveAveragePooling2D", "AdaptiveAveragePooling3D", "AdaptiveMaxPooling1D",
            "AdaptiveMaxPooling2D", "AdaptiveMaxPooling3D", "Add", "AdditiveAttention",
            "AlphaDropout", "Attention", "AugMix", "AutoContrast", "Average",
            "AveragePooling1D", "AveragePooling2D", "AveragePooling3D", "AvgPool1D", "AvgPool2D",
            "AvgPool3D", "BatchNormalization", "Bidirectional", "CategoryEncoding", "CenterCrop",
            "Concatenate", "ContrastLimitedAdaptiveHistogramEqualization", "Conv1D",
            "Conv1DTranspose", "Conv2D", "Conv2DTranspose", "Conv3D", "Conv3DTranspose",
            "ConvLSTM1D", "ConvLSTM2D", "ConvLSTM3D", "Convolution1D", "Convolution1DTranspose",
            "Convolution2D", "Convolution2DTranspose", "Convolution3D", "Convolution3DTranspose",
            "Cropping1D", "Cropping2D", "Cropping3D", "CutMix", "Dense", "DepthwiseConv1D",
            "DepthwiseConv2D", "Discretization", "Dot", "Dropout", "ELU", "EinsumDense",
            "Embedding", "Equalization", "Flatten", "FlaxLayer", "GRU", "GRUCell",
            "GaussianDropout", "GaussianNoise", "GlobalAveragePooling1D", "GlobalAveragePooling2D",
            "GlobalAveragePooling3D", "GlobalAvgPool1D", "GlobalAvgPool2D", "GlobalAvgPool3D",
            "GlobalMaxPool1D", "GlobalMaxPool2D", "GlobalMaxPool3D", "GlobalMaxPooling1D",
            "GlobalMaxPooling2D", "GlobalMaxPooling3D", "GroupNormalization",
            "GroupQueryAttention", "HashedCrossing", "Hashing", "Identity", "InputLayer",
            "IntegerLookup", "JaxLayer", "LSTM", "LSTMCell", "Lambda", "Layer",
            "LayerNormalization", "LeakyReLU", "Masking", "MaxNumBoundingBoxes", "MaxPool1D",
            "MaxPool2D", "MaxPool3D", "MaxPooling1D", "MaxPooling2D", "MaxPooling3D", "Maximum",
            "MelSpectrogram", "Minimum", "MixUp", "MultiHeadAttention", "Multiply",
            "Normalization", "PReLU", "Permute", "Pipeline", "RMSNormalization", "RNN",
            "RandAugment", "RandomBrightness", "RandomColorDegeneration", "RandomColorJitter",
            "RandomContrast", "RandomCrop", "RandomElasticTransform", "RandomErasing",
            "RandomFlip", "RandomGaussianBlur", "RandomGrayscale", "RandomHue", "RandomInvert",
            "RandomPerspective", "RandomPosterization", "RandomRotation", "RandomSaturation",
            "RandomSharpness", "RandomShear", "RandomTranslation", "RandomZoom", "ReLU",
            "RepeatVector", "Rescaling", "Reshape", "Resizing", "ReversibleEmbedding",
            "STFTSpectrogram", "SeparableConv1D", "SeparableConv2D", "SeparableConvolution1D",
            "SeparableConvolution2D", "SimpleRNN", "SimpleRNNCell", "Softmax", "Solarization",
            "SpatialDropout1D", "SpatialDropout2D", "SpatialDropout3D", "SpectralNormalization",
            "StackedRNNCells", "StringLookup", "Subtract", "TFSMLayer", "TextVectorization",
            "TimeDistributed", "TorchModuleWrapper", "UnitNormalization", "UpSampling1D",
            "UpSampling2D", "UpSampling3D", "Wrapper", "ZeroPadding1D", "ZeroPadding2D",
            "ZeroPadding3D", "ConvLSTMCell",
            "Functional", "Sequential", "Model");

    /** Built-in classes that own no variables of their own. */
    static final Set<String> WEIGHTLESS = Set.of(
            "InputLayer", "Activation", "ActivityRegularization", "AdaptiveAveragePooling1D",
            "AdaptiveAveragePooling2D", "AdaptiveAveragePooling3D", "AdaptiveMaxPooling1D",
            "AdaptiveMaxPooling2D", "AdaptiveMaxPooling3D", "Add", "AlphaDropout", "Average",
            "AveragePooling1D", "AveragePooling2D", "AveragePooling3D", "AvgPool1D", "AvgPool2D",
            "AvgPool3D", "CategoryEncoding", "CenterCrop", "Concatenate", "Cropping1D",
            "Cropping2D", "Cropping3D", "Discretization", "Dot", "Dropout", "ELU", "Flatten",
            "GaussianDropout", "GaussianNoise", "GlobalAveragePooling1D", "GlobalAveragePooling2D",
            "GlobalAveragePooling3D", "GlobalAvgPool1D", "GlobalAvgPool2D", "GlobalAvgPool3D",
            "GlobalMaxPool1D", "GlobalMaxPool2D", "GlobalMaxPool3D", "GlobalMaxPooling1D",
            "GlobalMaxPooling2D", "GlobalMaxPooling3D", "HashedCrossing", "Hashing", "Identity",
            "Lambda", "LeakyReLU", "Masking", "MaxPool1D", "MaxPool2D", "MaxPool3D",
            "MaxPooling1D", "MaxPooling2D", "MaxPooling3D", "Maximum", "Minimum", "Multiply",
            "Permute", "ReLU", "RepeatVector", "Rescaling", "Reshape", "Resizing", "Softmax",
            "SpatialDropout1D", "SpatialDropout2D", "SpatialDropout3D", "Subtract",
            "UnitNormalization", "UpSampling1D", "UpSampling2D", "UpSampling3D",
            "ZeroPadding1D", "ZeroPadding2D", "ZeroPadding3D", "AutoContrast", "AugMix",
            "CutMix", "Equalization", "MixUp", "RandAugment", "RandomBrightness",
            "RandomColorDegeneration", "RandomColorJitter", "RandomContrast", "RandomCrop",
            "RandomElasticTransform", "RandomErasing", "RandomFlip", "RandomGaussianBlur",
            "RandomGrayscale", "RandomHue", "RandomInvert", "RandomPerspective",
            "RandomPosterization", "RandomRotation", "RandomSaturation", "RandomSharpness",
            "RandomShear", "RandomTranslation", "RandomZoom", "Solarization",
            "MaxNumBoundingBoxes", "ContrastLimitedAdaptiveHistogramEqualization",
            "LSTM", "GRU", "SimpleRNN", "ConvLSTM1D", "ConvLSTM2D", "ConvLSTM3D", "RNN",
            "Bidirectional", "TimeDistributed", "MultiHeadAttention", "Pipeline",
            "StackedRNNCells");

    private BuiltInClasses() {
    }
}
