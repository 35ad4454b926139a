#include "progress_bar.h"

#include <unistd.h>

#include <cstdio>

namespace tema::cli {

ProgressBar::ProgressBar() : enabled_(::isatty(STDERR_FILENO) == 1) {}

void ProgressBar::start(std::string_view what, std::size_t total) {
    what_ = what;
    total_ = total;
    done_ = 0;
}

void ProgressBar::advance(std::string_view item, std::size_t steps) {
    done_ += steps;
    const auto now = std::chrono::steady_clock::now();
    // Redraw at most 20 times a second: drawing is slower than importing a file.
    if (now - last_draw_ > std::chrono::milliseconds(50) || done_ == total_) {
        last_draw_ = now;
        draw(item);
    }
}

void ProgressBar::finish() {
    if (enabled_ && total_ > 0) {
        std::fputs("\r\033[K", stderr);
    }
}

void ProgressBar::draw(std::string_view item) {
    if (!enabled_ || total_ == 0) {
        return;
    }
    constexpr std::size_t kWidth = 30;
    const std::size_t filled = done_ * kWidth / total_;
    const std::string bar = std::string(filled, '#') + std::string(kWidth - filled, ' ');
    std::string name(item.substr(item.size() > 40 ? item.size() - 40 : 0));
    std::fprintf(stderr, "\r\033[K%s [%s] %zu/%zu %s", what_.c_str(), bar.c_str(), done_, total_,
                 name.c_str());
    std::fflush(stderr);
}

}  // namespace tema::cli
