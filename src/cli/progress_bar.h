#pragma once

#include <chrono>
#include <string>

#include "util/progress.h"

namespace tema::cli {

// A progress bar on stderr when it is a terminal; silent otherwise.
class ProgressBar final : public Progress {
  public:
    ProgressBar();
    void start(std::string_view what, std::size_t total) override;
    void advance(std::string_view item, std::size_t steps) override;
    void finish() override;

  private:
    void draw(std::string_view item);

    bool enabled_;
    std::string what_;
    std::size_t total_ = 0;
    std::size_t done_ = 0;
    std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace tema::cli
