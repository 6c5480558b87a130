#!/usr/bin/env python3
"""Writes tiny_float16.palnet, a model bundle made without PAL Studio (Python's standard
library only), so that tst_model_bundle checks that the C++ reader accepts what an outside
exporter writes: deflated entries, float16 rounded by struct's '<e' (nearest, ties to even).

    python3 tests/data/bundles/make_bundles.py
"""
import hashlib
import json
import os
import struct
import zipfile

MIDLINE = ["Tr", "G", "N", "Prn", "C", "Sn", "Ls", "Sto", "Li", "Sl", "Pg", "Gn"]
BILATERAL = ["T", "Pra", "Sa", "Pa", "Sba", "Ft", "Zy", "Go", "Is", "Ex", "Or", "En", "Chk",
             "Ac", "Al", "Itn", "Stn", "Cph", "Ch"]
KEYS = MIDLINE + [k + "_R" for k in BILATERAL] + [k + "_L" for k in BILATERAL]

TENSORS = [
    ("head.weight", [2, 3], [1.0, -2.5, 65504.0, 2.0 ** -24, 0.0, 0.1]),
    ("head.bias", [1], [0.5]),
    ("rounding", [3], [1e-3, 2.0 ** -25, 1.0 + 2.0 ** -11]),
]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    weights = b""
    entries = []
    for name, shape, values in TENSORS:
        entries.append({"name": name, "shape": shape, "offset": len(weights),
                        "count": len(values)})
        # float32 first, as an exporter holding float32 weights would, then float16.
        weights += b"".join(struct.pack("<e", struct.unpack("<f", struct.pack("<f", v))[0])
                            for v in values)
    manifest = {
        "format": "palnet-bundle",
        "formatVersion": 1,
        "architecture": {"name": "PALNET", "variant": "attention", "patchSize": 100,
                         "landmarks": 50},
        "schema": {"id": "LA-FAS-50", "keys": KEYS},
        "template": [[float(i), -float(i), i + 0.5] for i in range(50)],
        "postProcessing": "closest",
        "provenance": {"createdBy": "make_bundles.py", "created": "2024-05-01"},
        "metrics": {},
        "weights": {"file": "weights.bin", "dtype": "float16",
                    "sha256": hashlib.sha256(weights).hexdigest(), "tensors": entries},
    }
    path = os.path.join(here, "tiny_float16.palnet")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in (("manifest.json", json.dumps(manifest, indent=1).encode()),
                           ("weights.bin", weights)):
            info = zipfile.ZipInfo(name, date_time=(2024, 5, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    print(path)


if __name__ == "__main__":
    main()
