#!/usr/bin/env python3
"""Writes the .npz fixtures of tests/data/npz and tests/data/broken.

GENERATED numbers (a curved 20 x 20 grid and points on it), not measurements of a person. Written with
Python's zipfile and the .npy format as NumPy documents it (format 1.0, header padded to a
multiple of 64 bytes, little endian): the bytes np.savez (stored entries) and
np.savez_compressed (deflated entries) write, so the files can be made where NumPy is not
installed. With NumPy, np.load reads each of them back.
"""
import math
import os
import struct
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))


def npy(descr, shape, values):
    fmt = {"<f8": "d", "<f4": "f", "<i8": "q", "<i4": "i"}[descr]
    shape_text = "(%s)" % (", ".join(str(d) for d in shape) + ("," if len(shape) == 1 else ""))
    header = "{'descr': '%s', 'fortran_order': False, 'shape': %s, }" % (descr, shape_text)
    pad = (64 - (10 + len(header) + 1) % 64) % 64
    header = header + " " * pad + "\n"
    out = b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header.encode("latin1")
    return out + struct.pack("<%d%s" % (len(values), fmt), *values)


def savez(path, arrays, compressed=False):
    method = zipfile.ZIP_DEFLATED if compressed else zipfile.ZIP_STORED
    with zipfile.ZipFile(path, "w", method) as z:
        for name, data in arrays:
            z.writestr(zipfile.ZipInfo(name + ".npy", (1980, 1, 1, 0, 0, 0)), data,
                       compress_type=method)


def grid(n=20, step=5.0):
    verts, faces = [], []
    for j in range(n):
        for i in range(n):
            x, y = (i - (n - 1) / 2) * step, (j - (n - 1) / 2) * step
            verts += [x, y, 50.0 - (x * x + y * y) / 200.0]
    for j in range(n - 1):
        for i in range(n - 1):
            a = j * n + i
            faces += [a, a + 1, a + n, a + 1, a + n + 1, a + n]
    return verts, faces


def landmarks(count, missing=()):
    rows = []
    for k in range(count):
        if k in missing:
            rows += [math.nan] * 3
        else:
            x, y = -40 + (k % 10) * 9.0, -40 + (k // 10) * 9.0
            rows += [x, y, 50.0 - (x * x + y * y) / 200.0]
    return rows


def main():
    verts, faces = grid()
    nv, nf = len(verts) // 3, len(faces) // 3
    turn = [0, -1, 0, 5, 1, 0, 0, -3, 0, 0, 1, 2, 0, 0, 0, 1]
    savez(os.path.join(HERE, "npz/mesh_case.npz"),
          [("vertices", npy("<f4", (nv, 3), verts)),
           ("faces", npy("<i4", (nf, 3), faces)),
           ("landmarks", npy("<f8", (50, 3), landmarks(50, missing={33}))),
           ("transform", npy("<f8", (4, 4), turn))])
    savez(os.path.join(HERE, "npz/points_case.npz"),
          [("points", npy("<f8", (nv, 3), verts)),
           ("landmarks", npy("<f8", (50, 3), landmarks(50)))], compressed=True)
    bad = list(faces)
    bad[7] = nv  # one past the last vertex
    savez(os.path.join(HERE, "broken/npz_face_out_of_range.npz"),
          [("vertices", npy("<f8", (nv, 3), verts)), ("faces", npy("<i8", (nf, 3), bad))])
    savez(os.path.join(HERE, "broken/npz_landmarks_7.npz"),
          [("vertices", npy("<f8", (nv, 3), verts)), ("faces", npy("<i8", (nf, 3), faces)),
           ("landmarks", npy("<f8", (7, 3), landmarks(7)))])
    savez(os.path.join(HERE, "broken/npz_no_mesh.npz"),
          [("landmarks", npy("<f8", (50, 3), landmarks(50)))])
    # FaceScape's landmark_indices.npz, wrong: 67 indices, and floats instead of integers.
    savez(os.path.join(HERE, "broken/facescape_67_indices.npz"),
          [("v10", npy("<i8", (67,), list(range(67))))])
    savez(os.path.join(HERE, "broken/facescape_float_indices.npz"),
          [("v10", npy("<f8", (68,), [float(k) for k in range(68)]))])


if __name__ == "__main__":
    main()
