#pragma once

// Memory for the engine's CPU tensors (docs/method.md, "Engine speed"): large blocks are kept
// and handed out again instead of going back to the system after every step.
//
// glibc serves every allocation over 32 MB with a fresh mmap and returns it with munmap, so
// each training step faulted in and zeroed its ~1 GB of activations and gradients again, 4 KB
// at a time: page faults took 44 % of a K = 1000 step's time. The cache keeps freed blocks of
// 1 MB or more by size class (at most 1/16 bigger than asked), and what it holds and hands out
// together never exceed the largest amount the engine had in use at once (its high-water mark)
// by more than an eighth: when a size it lacks is asked for, it first gives back
// cached blocks of other sizes until use and cache fit under that limit. The eighth is room for
// the blocks of one phase of a step beside those of another (a micro-batch's activations beside
// the optimiser's temporaries): with no room at all, a K = 1000 step made 57 of its 107 large
// blocks afresh, every step. Blocks of 4 MB or more ask for transparent huge pages (2 MB), so
// that the faults that remain are 512 times fewer. No torch type appears here.

#include <cstddef>

namespace pal::engine {

struct TensorMemoryStats {
    std::size_t inUse = 0;     // bytes in live tensors served by the cache's allocator
    std::size_t cached = 0;    // bytes kept for reuse
    std::size_t highWater = 0; // the most bytes in use at once since the last release
    std::size_t reused = 0;    // large allocations served from the cache
    std::size_t fresh = 0;     // large allocations that asked the system
};

// Makes the cache torch's CPU allocator. Once per process, before the first tensor; later
// calls do nothing. PalNet's constructor calls it. Tensors made before keep their own deleter.
void installTensorMemoryCache();

// Gives every cached block back to the system and resets the high-water mark. Called when a
// training run or a batch of predictions ends, so that an idle program holds no cache.
void releaseTensorMemoryCache();

TensorMemoryStats tensorMemoryStats();

} // namespace pal::engine
