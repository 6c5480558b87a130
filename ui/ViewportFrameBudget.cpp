#include "ui/ViewportFrameBudget.h"

#include <algorithm>
#include <vector>

namespace pal::ui {

void ViewportFrameBudget::setTargetMs(double ms) {
    m_targetMs = std::max(1.0, ms);
    m_recent.clear();
}

void ViewportFrameBudget::startMove() {
    // The frames measured so far stay: they were drawn at this level, and a move of a few
    // frames (a wheel step) would otherwise never gather enough to rise again.
    m_ceiling = 0;
    m_justRose = false;
}

void ViewportFrameBudget::reset() {
    m_level = 0;
    m_recent.clear();
    startMove();
}

bool ViewportFrameBudget::frameTook(double ms) {
    if (!m_adaptive) {
        return false;
    }
    m_recent.push_back(ms);
    if (m_recent.size() > static_cast<std::size_t>(kRiseFrames)) {
        m_recent.pop_front();
    }
    // Slower than the target: coarser, judged on the median of three (one slow frame, from
    // a label texture rebuilt or the machine's other work, is not a trend).
    if (m_recent.size() >= 3) {
        std::vector<double> last(m_recent.end() - 3, m_recent.end());
        std::nth_element(last.begin(), last.begin() + 1, last.end());
        if (last[1] > m_targetMs && m_level + 1 < kLevels) {
            if (m_justRose) {
                m_ceiling = m_level + 1; // the rise did not fit: not again in this move
            }
            ++m_level;
            m_recent.clear();
            m_justRose = false;
            return true;
        }
    }
    // Well within it for a while: finer.
    if (m_level > m_ceiling && m_recent.size() == static_cast<std::size_t>(kRiseFrames) &&
        std::all_of(m_recent.begin(), m_recent.end(),
                    [&](double t) { return t < kRiseShare * m_targetMs; })) {
        --m_level;
        m_recent.clear();
        m_justRose = true;
        return true;
    }
    if (m_recent.size() >= 3) {
        m_justRose = false; // the risen level has held for three frames
    }
    return false;
}

} // namespace pal::ui
