#pragma once

// Reading and writing meshes. OBJ, PLY (ascii and binary) and OFF use PAL Studio's own
// readers, which keep the file's shared vertices in the file's order and parse with
// std::from_chars; STL, glTF/GLB, COLLADA, FBX and the rest go through Assimp (vertices
// joined, in first-use order). Errors are thrown as pal::Error subclasses naming the file.

#include "core/errors/Warnings.h"
#include "core/mesh/Mesh.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <string_view>

namespace pal {

// File extensions (lower case, no dot) that readMesh accepts.
QStringList readableMeshExtensions();
bool isReadableMeshFile(const QString& path);

// Reads a mesh. Non-fatal problems (a missing texture) are appended to warnings if given.
// Throws IoError, FormatError or ValidationError (a mesh without faces). The OBJ and PLY
// readers check cancel (when given) every 65,536 lines or elements and throw pal::Cancelled.
// threads: how many threads an OBJ of several MB may be parsed on (the same mesh and messages
// as on one; other formats read on one).
Mesh readMesh(const QString& path, Warnings* warnings = nullptr,
              const std::atomic<bool>* cancel = nullptr, int threads = 1);

// The individual readers, for tests and benchmarks.
Mesh readObj(const QString& path, Warnings* warnings = nullptr,
             const std::atomic<bool>* cancel = nullptr, int threads = 1);
Mesh readPly(const QString& path, Warnings* warnings = nullptr,
             const std::atomic<bool>* cancel = nullptr);
Mesh readOff(const QString& path, Warnings* warnings = nullptr);
Mesh readWithAssimp(const QString& path, Warnings* warnings = nullptr);

// The OBJ, PLY and OFF readers over bytes already in memory (the fuzz targets use them). path
// names the file in messages; an OBJ's material library and texture are looked up beside it.
Mesh parseObj(std::string_view text, const QString& path, Warnings* warnings = nullptr,
              const std::atomic<bool>* cancel = nullptr, int threads = 1);
Mesh parsePly(std::string_view data, const QString& path, Warnings* warnings = nullptr,
              const std::atomic<bool>* cancel = nullptr);
Mesh parseOff(std::string_view text, const QString& path, Warnings* warnings = nullptr);

struct MeshWriteOptions {
    int decimals = 6;   // text formats: digits after the decimal point
    bool binary = true; // PLY and STL: binary (little endian) or ascii
};

// Writes obj, ply, stl or off (by extension) atomically. An OBJ with a texture gets a .mtl
// beside it that names the texture (copied next to the OBJ when it lives elsewhere).
void writeMesh(const Mesh& mesh, const QString& path, const MeshWriteOptions& options = {});

} // namespace pal
