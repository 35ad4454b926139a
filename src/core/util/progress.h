// Long work (import, indexing, export, merge) reports through this interface and
// polls it for cancellation. The CLI draws a bar; the GUI a dialog.
#pragma once

#include <cstddef>
#include <string_view>

namespace tema {

class Progress {
  public:
    virtual ~Progress() = default;
    // Announces how many steps the work has.
    virtual void start(std::string_view what, std::size_t total) = 0;
    // One or more steps done; `item` names what was just worked on.
    virtual void advance(std::string_view item, std::size_t steps = 1) = 0;
    virtual void finish() = 0;
    // Work checks this between steps and stops cleanly when it is true.
    virtual bool cancelled() const { return false; }
};

// Reports nowhere; for callers that do not care.
class NoProgress final : public Progress {
  public:
    void start(std::string_view, std::size_t) override {}
    void advance(std::string_view, std::size_t) override {}
    void finish() override {}
};

}  // namespace tema
