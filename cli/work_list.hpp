#pragma once
// A list that one producer appends to while workers take items in order, so that files
// are scanned while the walk is still finding them. Items never move once added: a
// worker keeps a plain reference to its item.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>

namespace handoff {

template <typename T>
class WorkList {
public:
    template <typename... Args>
    void add(Args&&... args) {
        {
            std::lock_guard lock(mutex_);
            items_.emplace_back(std::forward<Args>(args)...);
        }
        ready_.notify_one();
    }

    // No more items will be added; workers drain what is left and stop.
    void close() {
        {
            std::lock_guard lock(mutex_);
            closed_ = true;
        }
        ready_.notify_all();
    }

    // The next item not yet taken, waiting for one while the list is open; nullptr at the end.
    T* take() {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [this] { return next_ < items_.size() || closed_; });
        return next_ < items_.size() ? &items_[next_++] : nullptr;
    }

    [[nodiscard]] std::size_t size() {
        std::lock_guard lock(mutex_);
        return items_.size();
    }

    // Only once every worker has stopped.
    std::deque<T>& items() { return items_; }

private:
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<T> items_;
    std::size_t next_ = 0;
    bool closed_ = false;
};

} // namespace handoff
