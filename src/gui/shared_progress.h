// Progress written by a worker thread and read by the UI thread: the import
// dialog and the search index's background updates show it.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>

#include "util/progress.h"

namespace tema::gui {

class SharedProgress final : public Progress {
public:
    void start(std::string_view what, std::size_t total) override {
        const std::lock_guard lock(mutex_);
        item_ = what;
        total_ = total;
        done_ = 0;
    }
    void advance(std::string_view item, std::size_t steps) override {
        const std::lock_guard lock(mutex_);
        item_ = item;
        done_ += steps;
    }
    void finish() override {}
    bool cancelled() const override { return cancelled_; }

    void cancel() { cancelled_ = true; }
    int percent() const {
        const std::lock_guard lock(mutex_);
        return total_ == 0 ? 0 : static_cast<int>(std::min<std::size_t>(99, done_ * 100 / total_));
    }
    std::size_t done() const {
        const std::lock_guard lock(mutex_);
        return done_;
    }
    std::size_t total() const {
        const std::lock_guard lock(mutex_);
        return total_;
    }
    std::string item() const {
        const std::lock_guard lock(mutex_);
        return item_;
    }

private:
    mutable std::mutex mutex_;
    std::string item_;
    std::size_t total_ = 0;
    std::size_t done_ = 0;
    std::atomic<bool> cancelled_{false};
};

}  // namespace tema::gui
