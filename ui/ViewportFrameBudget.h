#pragma once

// How much detail the frames of a camera move (or a glyph drag) may have, so that they keep
// a target frame rate. Pure logic, no GL: the viewport reports how long each moving frame
// took (from the start of its render to the end of its buffer swap) and asks for the
// current level. As VTK's "desired update rate" and ParaView's level of detail do, detail
// is only given up while moving; a still view is always drawn at full detail.
//
// Levels, finest first (level 0 is what a move used before the budget existed):
//   0: the decimated mesh, about kPixels[0] pixels drawn and stretched over the view
//   1: fewer pixels
//   2: the coarser decimated mesh
//   3, 4: fewer pixels again
// A level drops (coarser) when the median of the last three frames is over the target; it
// rises (finer) when the last kRiseFrames frames all took under kRiseShare of the target,
// so that the finer level, about 1.5 times dearer, still fits; those frames may span several
// moves (wheel steps are moves of a frame or two). A level that was too slow right after a
// rise is not tried again during that move. The level reached is kept for the next move (the
// machine and the mesh are the same), and reset by reset() for a new mesh.

#include <array>
#include <deque>

namespace pal::ui {

class ViewportFrameBudget {
public:
    static constexpr int kLevels = 5;
    // Pixels drawn while moving at each level (the view's own size when it is smaller).
    static constexpr std::array<double, kLevels> kPixels = {256000, 180000, 180000, 120000, 80000};
    // Whether each level draws the coarser decimated copy of the mesh (when there is one).
    static constexpr std::array<bool, kLevels> kCoarseMesh = {false, false, true, true, true};
    static constexpr int kRiseFrames = 8;
    static constexpr double kRiseShare = 0.6;

    // 30 frames a second unless told otherwise.
    explicit ViewportFrameBudget(double targetMs = 1000.0 / 30.0) : m_targetMs(targetMs) {}

    void setTargetMs(double ms);
    double targetMs() const { return m_targetMs; }
    // Off: level 0 (the fixed level of detail) until it is on again, at the level it had.
    void setAdaptive(bool adaptive) { m_adaptive = adaptive; }
    bool adaptive() const { return m_adaptive; }

    int level() const { return m_adaptive ? m_level : 0; }
    double pixels() const { return kPixels[static_cast<std::size_t>(level())]; }
    bool coarseMesh() const { return kCoarseMesh[static_cast<std::size_t>(level())]; }

    // A move starts: a level that failed to rise may be tried again (the level and the frames
    // measured at it stay).
    void startMove();
    // One moving frame took ms. Returns true when the level changed.
    bool frameTook(double ms);
    // A new mesh: back to level 0.
    void reset();

private:
    double m_targetMs;
    bool m_adaptive = true;
    int m_level = 0;
    int m_ceiling = 0; // the finest level allowed in this move (after a failed rise)
    bool m_justRose = false;
    std::deque<double> m_recent; // frame times since the last change, newest last
};

} // namespace pal::ui
