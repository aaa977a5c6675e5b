"""Writes the HDF5 files ClassicLayoutReaderTest compares against jhdf, with h5py itself.

    /usr/bin/python3 make_layout_samples.py     (in this folder; h5py 3.x, numpy)

attributes.h5    every attribute type h5py writes for numpy scalars and 1-D arrays, in the
                 classic layout (the fast reader must give what jhdf gives);
links.h5         a soft link, a hard link back to an ancestor, a committed datatype;
chunked.h5       a chunked, compressed dataset (left to jhdf);
compact.h5       a compact dataset (left to jhdf);
latest.h5        libver='latest': version 3 superblock, new-style groups (left to jhdf);
attribute-2d.h5  a two-dimensional attribute (left to jhdf);
bool-attribute.h5 a numpy bool attribute, an HDF5 enumeration (left to jhdf).
"""
import h5py
import numpy as np


def layer_like(g):
    v = g.create_group("vars")
    v.create_dataset("0", data=np.arange(6, dtype="float32").reshape(2, 3))
    v.create_dataset("1", data=np.arange(3, dtype=">f8"))


with h5py.File("attributes.h5", "w") as f:
    g = f.create_group("layers/dense")
    layer_like(g)
    a = g.attrs
    for t in ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "float32", "float64", ">i4", ">f8"]:
        a["scalar_" + t.replace(">", "be_")] = np.array(7, dtype=t)[()]
        a["array_" + t.replace(">", "be_")] = np.array([1, 2, 100] if t.startswith("u") else [-1, 2, 100], dtype=t)
    a["empty_array"] = np.zeros((0,), dtype="int32")
    a["empty"] = h5py.Empty("f")
    a["fixed_bytes"] = np.bytes_(b"dense_1")
    a["fixed_bytes_array"] = np.array([b"kernel:0", b"bias:0", b""], dtype="S9")
    a["vlen_str"] = "relu"
    a["vlen_str_utf8"] = "caf\u00e9 \u2192 \u4e2d"
    a["vlen_str_empty"] = ""
    a["vlen_str_array"] = np.array(["a", "", "ccc"], dtype=h5py.string_dtype())
    a["vlen_ascii"] = np.array(b"ascii bytes", dtype=h5py.string_dtype("ascii"))
    a["fixed_utf8"] = np.array("na\u00efve".encode(), dtype=h5py.string_dtype("utf-8", 8))
    for pad, name, value in [(h5py.h5t.STR_SPACEPAD, b"space_padded", b"abc     "),
                             (h5py.h5t.STR_NULLTERM, b"null_terminated", b"abc\0xyz\0")]:
        t = h5py.h5t.C_S1.copy()
        t.set_size(8)
        t.set_strpad(pad)
        h5py.h5a.create(g.id, name, t, h5py.h5s.create(h5py.h5s.SCALAR)).write(np.array(value, dtype="S8"))
    f.attrs["keras_version"] = "3.15.1"
    f.attrs["layer_names"] = np.array([b"dense"], dtype="S5")
    f["layers/dense/vars/0"].attrs["note"] = "dataset attribute"
    f["layers/dense/vars/1"].attrs["scale"] = np.float32(0.5)

with h5py.File("links.h5", "w") as f:
    g = f.create_group("model/layer")
    layer_like(g)
    g["soft"] = h5py.SoftLink("/model/layer/vars")
    g["up"] = f["model"]
    f["committed"] = np.dtype("float32")

with h5py.File("chunked.h5", "w") as f:
    layer_like(f.create_group("layer"))
    f.create_dataset("layer/vars/2", data=np.ones((64, 64), "float32"), chunks=(16, 16), compression="gzip")

with h5py.File("compact.h5", "w") as f:
    layer_like(f.create_group("layer"))
    space = h5py.h5s.create_simple((4,))
    plist = h5py.h5p.create(h5py.h5p.DATASET_CREATE)
    plist.set_layout(h5py.h5d.COMPACT)
    h5py.h5d.create(f["layer/vars"].id, b"2", h5py.h5t.NATIVE_FLOAT, space, plist)

with h5py.File("latest.h5", "w", libver="latest") as f:
    layer_like(f.create_group("layer"))
    f.attrs["note"] = "new-style"

with h5py.File("attribute-2d.h5", "w") as f:
    layer_like(f.create_group("layer"))
    f["layer"].attrs["matrix"] = np.arange(4, dtype="int32").reshape(2, 2)

with h5py.File("bool-attribute.h5", "w") as f:
    layer_like(f.create_group("layer"))
    f["layer"].attrs["flag"] = np.bool_(True)
