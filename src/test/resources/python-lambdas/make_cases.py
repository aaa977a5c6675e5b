"""Writes cases.tsv: real CPython code objects of small lambdas, one line per (Python version, lambda).

Run with each interpreter (python2.7 ... python3.13):  pythonX make_cases.py >> cases.tsv
Columns: Python version, the lambda's source, base64 of marshal.dumps(code object). The source column is
what the test expects kerasview to decode (the code object was compiled from exactly that text).
"""
import base64
import marshal
import sys

SOURCES = [
    "lambda x: x * 2.0 + 1.0",
    "lambda x: x ** 2",
    "lambda x: 3 * x",
    "lambda x: x / 255.0",
    "lambda x: x / 2.0",
    "lambda x: x - 0.5",
    "lambda x: 1.0 - x",
    "lambda x: -x",
    "lambda x: (x + 1.0) * 0.5",
    "lambda x: x * x",
    "lambda x: x[0] + x[1]",
    "lambda x: x[0] * x[1]",
    "lambda x: x[0] - x[1]",
    "lambda x: K.exp(x)",
    "lambda x: K.mean(x, axis=1)",
    "lambda x: x[:, 0]",
    "lambda x: tf.nn.l2_normalize(x, axis=-1)",
    "lambda x: x or 1.0",
    "lambda x, mask: x",
]


def code_of(source):
    return eval(compile(source, "<case>", "eval")).__code__


def closure_code():
    def make(scale):
        return lambda x: x * scale
    return make(2.0).__code__


version = "%d.%d" % sys.version_info[:2]
cases = [(s, code_of(s)) for s in SOURCES] + [("lambda x: x * scale", closure_code())]
for source, code in cases:
    data = base64.b64encode(marshal.dumps(code))
    if not isinstance(data, str):
        data = data.decode("ascii")
    sys.stdout.write("%s\t%s\t%s\n" % (version, source, data))
