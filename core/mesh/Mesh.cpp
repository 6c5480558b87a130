#include "core/mesh/Mesh.h"

namespace pal {

AlignedBox Mesh::bounds() const {
    AlignedBox box;
    if (vertices.rows() == 0) {
        return box;
    }
    box.min = vertices.colwise().minCoeff().transpose();
    box.max = vertices.colwise().maxCoeff().transpose();
    return box;
}

} // namespace pal
