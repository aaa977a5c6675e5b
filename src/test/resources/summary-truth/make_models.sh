#!/bin/sh
# Writes the extra summary models with the Keras 3.15.1 oracle (tools/keras-oracle).
set -e
. "${KERAS_ORACLE_DIR:-/opt/keras-oracle}/env.sh"
exec /usr/bin/python3 "$(dirname "$0")/make_models.py"
