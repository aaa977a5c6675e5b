/** Jackson parsing of Keras config JSON: envelopes, NaN/Infinity, 64-bit ids, inbound nodes. */
package dev.kerasview.config;
