#pragma once

// Runs the parts of a job at once: work(1) .. work(count - 1) each on a thread of its own,
// work(0) on the calling thread. A part whose thread cannot be had (std::system_error) runs on
// the calling thread instead, so the job is done either way. Returns when every part has
// ended; what a part threw (out of memory, say) is rethrown, the lowest part's first.

#include <cstddef>
#include <future>
#include <system_error>
#include <vector>

namespace pal {

template <class Work> void runParts(std::size_t count, const Work& work) {
    std::vector<std::future<void>> helpers;
    for (std::size_t i = 1; i < count; ++i) {
        try {
            helpers.push_back(std::async(std::launch::async, [&work, i] { work(i); }));
        } catch (const std::system_error&) {
            work(i); // no thread to be had: this part here
        }
    }
    if (count > 0) {
        work(0);
    }
    for (std::future<void>& h : helpers) {
        h.get();
    }
}

} // namespace pal
