#!/bin/sh
# Regenerates the summary truths with the Keras 3.15.1 oracle (tools/keras-oracle).
# Usage: make_truths.sh [SHARED_DIR]   (default: ../shared beside the project)
set -e
. "${KERAS_ORACLE_DIR:-/opt/keras-oracle}/env.sh"
exec /usr/bin/python3 "$(dirname "$0")/make_truths.py" "$@"
