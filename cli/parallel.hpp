#pragma once
// Tasks 0..count-1 shared out to up to `jobs` threads, the calling thread included, each
// taking the next task when it finishes one. A task must not throw: catch inside it.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace handoff {

template <typename Task>
void parallel_for(std::size_t count, unsigned jobs, Task&& task) {
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i = next.fetch_add(1); i < count; i = next.fetch_add(1)) task(i);
    };
    jobs = static_cast<unsigned>(std::min<std::size_t>(std::max(jobs, 1U), std::max<std::size_t>(count, 1)));
    std::vector<std::thread> helpers;
    helpers.reserve(jobs - 1);
    for (unsigned i = 1; i < jobs; ++i) helpers.emplace_back(work);
    work();
    for (std::thread& t : helpers) t.join();
}

} // namespace handoff
