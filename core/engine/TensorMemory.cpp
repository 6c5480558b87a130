#include <c10/core/Allocator.h>
#include <c10/core/CPUAllocator.h>
#include <c10/util/Exception.h>
#include <torch/version.h>

#include "core/engine/TensorMemory.h"

#include <bit>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <mutex>
#include <sys/mman.h>
#include <vector>

namespace pal::engine {
namespace {

// Every block starts with a header of this size that holds its size class; the tensor's data
// follows, 64-byte aligned as c10's own allocator aligns it (vector kernels rely on that).
constexpr std::size_t kAlignment = 64;
constexpr std::size_t kHeader = 64;
// Smaller blocks are left to malloc, whose own free lists serve them without system calls.
constexpr std::size_t kSmallest = std::size_t{1} << 20;
// Blocks of this size or more are aligned to, and advised to use, 2 MB pages.
constexpr std::size_t kHugePage = std::size_t{2} << 20;
constexpr std::size_t kHugeFrom = 2 * kHugePage;

// Size classes of at most 1/16 (6.25 %) waste: n rounded up to a multiple of a sixteenth of
// the power of two below it (4 KB at least).
std::size_t sizeClass(std::size_t n) {
    const std::size_t step = std::max<std::size_t>(4096, std::bit_floor(n) / 16);
    return (n + step - 1) / step * step;
}

// The most that use and cache together may hold: the high-water mark and an eighth of it.
std::size_t cacheLimit(std::size_t highWater) {
    return highWater + highWater / 8;
}

class CachingCpuAllocator final : public c10::Allocator {
public:
    // LibTorch 2.3 made allocate non-const and added copy_data (what clone() copies with).
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 3)
    c10::DataPtr allocate(std::size_t n) override {
        return dataPtr(n);
    }
    void copy_data(void* dest, const void* src, std::size_t count) const override {
        default_copy_data(dest, src, count);
    }
#else
    c10::DataPtr allocate(std::size_t n) const override {
        return dataPtr(n);
    }
#endif
    c10::DeleterFnPtr raw_deleter() const override {
        return &release;
    }

    void releaseAll() const {
        std::vector<void*> blocks;
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            for (auto& [size, list] : m_free) {
                blocks.insert(blocks.end(), list.begin(), list.end());
            }
            m_free.clear();
            m_stats.cached = 0;
            m_stats.highWater = m_stats.inUse;
        }
        for (void* b : blocks) {
            std::free(b);
        }
    }

    TensorMemoryStats stats() const {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_stats;
    }

private:
    static std::size_t& sizeOf(void* block) {
        return *static_cast<std::size_t*>(block);
    }
    static void* dataOf(void* block) {
        return static_cast<char*>(block) + kHeader;
    }
    static void* blockOf(void* data) {
        return static_cast<char*>(data) - kHeader;
    }

    c10::DataPtr dataPtr(std::size_t n) const {
        if (n == 0) {
            return {nullptr, nullptr, &release, c10::Device(c10::DeviceType::CPU)};
        }
        void* data = n < kSmallest ? fromSystem(n) : fromCache(sizeClass(n));
        return {data, data, &release, c10::Device(c10::DeviceType::CPU)};
    }

    // A block of `bytes` from malloc, with its header; nullptr when there is no memory.
    static void* newBlock(std::size_t bytes) {
        void* block = nullptr;
        if (bytes >= kHugeFrom) {
            const std::size_t total = (kHeader + bytes + kHugePage - 1) / kHugePage * kHugePage;
            if (posix_memalign(&block, kHugePage, total) != 0) {
                return nullptr;
            }
            // Transparent huge pages where the system offers them on request
            // (/sys/kernel/mm/transparent_hugepage/enabled = madvise, Debian's default): a
            // block is then faulted in 2 MB at a time instead of 4 KB (K = 1000 training step
            // 1.40 -> 0.97 s here). Only advice: without it the block works the same.
            madvise(block, total, MADV_HUGEPAGE);
        } else if (posix_memalign(&block, kAlignment, kHeader + bytes) != 0) {
            return nullptr;
        }
        sizeOf(block) = bytes;
        return block;
    }

    void* fromSystem(std::size_t n) const {
        void* block = newBlock(n);
        TORCH_CHECK(block, "not enough memory for a tensor of ", n, " bytes");
        return dataOf(block);
    }

    void* fromCache(std::size_t bytes) const {
        std::vector<void*> evicted;
        void* block = nullptr;
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_stats.inUse += bytes;
            m_stats.highWater = std::max(m_stats.highWater, m_stats.inUse);
            const auto it = m_free.find(bytes);
            if (it != m_free.end() && !it->second.empty()) {
                block = it->second.back();
                it->second.pop_back();
                m_stats.cached -= bytes;
                ++m_stats.reused;
            } else {
                ++m_stats.fresh;
                // What is in use and cached stays within the high-water mark and an eighth:
                // make room by giving back cached blocks of other sizes, the largest first.
                while (m_stats.inUse + m_stats.cached > cacheLimit(m_stats.highWater) &&
                       !m_free.empty()) {
                    auto last = std::prev(m_free.end());
                    if (last->second.empty()) {
                        m_free.erase(last);
                        continue;
                    }
                    evicted.push_back(last->second.back());
                    last->second.pop_back();
                    m_stats.cached -= last->first;
                }
            }
        }
        for (void* b : evicted) {
            std::free(b);
        }
        if (!block) {
            block = newBlock(bytes);
            if (!block) { // out of memory: nothing cached may stand in the way
                releaseAll();
                block = newBlock(bytes);
            }
            if (!block) {
                {
                    std::lock_guard<std::mutex> lock(m_mutex);
                    m_stats.inUse -= bytes;
                }
                TORCH_CHECK(false, "not enough memory for a tensor of ", bytes, " bytes");
            }
        }
        return dataOf(block);
    }

    void giveBack(void* block) {
        const std::size_t bytes = sizeOf(block);
        if (bytes < kSmallest) {
            std::free(block);
            return;
        }
        // Always kept: use and cache together stay as they were, within cacheLimit (fromCache
        // keeps them there when it takes a fresh block).
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stats.inUse -= bytes;
        m_free[bytes].push_back(block);
        m_stats.cached += bytes;
    }

    static void release(void* data);

    mutable std::mutex m_mutex;
    mutable std::map<std::size_t, std::vector<void*>> m_free; // by size class
    mutable TensorMemoryStats m_stats;
};

// Never destroyed: tensors may outlive static destruction order.
CachingCpuAllocator* instance() {
    static auto* allocator = new CachingCpuAllocator();
    return allocator;
}

void CachingCpuAllocator::release(void* data) {
    if (data) {
        instance()->giveBack(blockOf(data));
    }
}

} // namespace

void installTensorMemoryCache() {
    static std::once_flag once;
    std::call_once(once, [] { c10::SetCPUAllocator(instance(), /*priority=*/1); });
}

void releaseTensorMemoryCache() {
    instance()->releaseAll();
}

TensorMemoryStats tensorMemoryStats() {
    return instance()->stats();
}

} // namespace pal::engine
