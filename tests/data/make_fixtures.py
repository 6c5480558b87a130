#!/usr/bin/python3
"""Writes the test fixtures of tests/data (run once; the outputs are committed).

Everything here is made up by the PAL Studio team for tests: the landmark coordinates are
generated numbers, not measurements of a person. The .npy files are written by NumPy itself,
so the C++ reader is checked against the real format rather than against our own writer.
Usage: /usr/bin/python3 tests/data/make_fixtures.py   (needs Debian's python3-numpy)
"""
import math
import os
import struct

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ORDER = sorted(range(1, 51), key=str)  # the reference's row order: 1, 10, 11, ..., 9


def coords(n):
    # Deterministic made-up positions (mm), roughly on a face-sized ellipsoid.
    t = n * 0.7
    return (60 * math.sin(t), 80 * math.cos(t * 0.5), 40 + 10 * math.cos(t))


def row(label, xyz, fmt="{:.6f}"):
    return f"{label}\t({fmt.format(xyz[0])}, {fmt.format(xyz[1])}, {fmt.format(xyz[2])})"


def lafas_lines(numbers=ORDER):
    return ["landmark names\tcoordinates (x, y, z)"] + [row(n, coords(n)) for n in numbers]


def write(path, text, mode="w"):
    with open(os.path.join(HERE, path), mode, **({} if "b" in mode else {"newline": ""})) as f:
        f.write(text)


def main():
    lines = lafas_lines()
    write("lafas/valid.txt", "\n".join(lines) + "\n")
    write("lafas/crlf.txt", "\r\n".join(lines) + "\r\n")
    # Rows shuffled (by a fixed permutation), no header, a blank line, 3 decimals, no final EOL.
    shuffled = [row(n, coords(n), "{:.3f}") for n in reversed(range(1, 51))]
    write("lafas/reordered.txt", "\n".join(shuffled[:25] + [""] + shuffled[25:]))
    # Labels that are not numbers: mapped by row position in the reference's order.
    write("lafas/named_labels.txt",
          "\n".join(row(f"P{i + 1}", coords(n)) for i, n in enumerate(ORDER)) + "\n")

    write("broken/empty.txt", "")
    write("broken/landmarks_49.txt", "\n".join(lines[:-1]) + "\n")
    write("broken/landmarks_51.txt", "\n".join(lines + [row(51, (1, 2, 3))]) + "\n")
    bad = list(lines)
    bad[5] = f"{ORDER[4]}\t(1.5, abc, 3.0)"
    write("broken/not_a_number.txt", "\n".join(bad) + "\n")
    bad = list(lines)
    bad[7] = f"{ORDER[6]}\t(nan, 2.0, 3.0)"
    write("broken/nan.txt", "\n".join(bad) + "\n")
    bad = list(lines)
    bad[3] = f"{ORDER[2]}\t(1.0, 2.0, 3.0"
    write("broken/missing_parenthesis.txt", "\n".join(bad) + "\n")
    bad = list(lines)
    bad[10] = row(7, coords(7))  # label 7 twice; ORDER[9] (= 17) is then missing
    write("broken/duplicate_label.txt", "\n".join(bad) + "\n")
    bad = list(lines)
    bad[-1] = row(51, coords(9))
    write("broken/unknown_label.txt", "\n".join(bad) + "\n")
    rng = np.random.default_rng(7)
    write("broken/binary_garbage.txt", bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00])
          + rng.integers(0, 256, 503, dtype=np.uint8).tobytes(), "wb")

    m = np.array([[0.0, -1.0, 0.0, 10.0], [1.0, 0.0, 0.0, -5.0], [0.0, 0.0, 1.0, 2.5],
                  [0.0, 0.0, 0.0, 1.0]])
    np.save(os.path.join(HERE, "npy/transform_f8_c.npy"), m)
    np.save(os.path.join(HERE, "npy/transform_f4_c.npy"), m.astype("<f4"))
    np.save(os.path.join(HERE, "npy/transform_f8_fortran.npy"), np.asfortranarray(m))
    np.save(os.path.join(HERE, "npy/transform_f8_big_endian.npy"), m.astype(">f8"))
    np.save(os.path.join(HERE, "broken/transform_3x3.npy"), np.eye(3))
    np.save(os.path.join(HERE, "broken/transform_int64.npy"), np.eye(4, dtype="<i8"))
    full = open(os.path.join(HERE, "npy/transform_f8_c.npy"), "rb").read()
    write("broken/transform_truncated.npy", full[:128 + 64], "wb")

    write("broken/no_faces.obj", "# vertices only\nv 0 0 0\nv 1 0 0\nv 0 1 0\nv 0 0 1\n")
    # Binary PLY: a tetrahedron whose data stops inside the second face.
    header = ("ply\nformat binary_little_endian 1.0\nelement vertex 4\nproperty float x\n"
              "property float y\nproperty float z\nelement face 4\n"
              "property list uchar int vertex_indices\nend_header\n").encode()
    verts = b"".join(struct.pack("<3f", *v) for v in [(0, 0, 0), (1, 0, 0), (0, 1, 0), (0, 0, 1)])
    faces = b"".join(struct.pack("<B3i", 3, *f) for f in [(0, 2, 1), (0, 1, 3), (0, 3, 2), (1, 2, 3)])
    write("mesh/tetra_binary.ply", header + verts + faces, "wb")
    write("broken/truncated.ply", header + verts + faces[:13 + 5], "wb")
    write("broken/missing_texture.mtl", "newmtl skin\nKd 1 1 1\nmap_Kd missing_texture.png\n")
    write("broken/missing_texture.obj",
          "mtllib missing_texture.mtl\nv 0 0 0\nv 1 0 0\nv 0 1 0\nvt 0 0\nvt 1 0\nvt 0 1\n"
          "usemtl skin\nf 1/1 2/2 3/3\n")
    write("broken/bad_face_index.obj", "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 4\n")


if __name__ == "__main__":
    main()
