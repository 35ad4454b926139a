// Keeps the open project's search index up to date off the UI thread, so the
// project is usable at once: the index is synced when the project opens and
// after every change (a change during a sync queues one more). The UI thread
// hears of progress and of the end through `on_change`.
#pragma once

#include <wx/timer.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "search/index.h"
#include "shared_progress.h"

class wxEvtHandler;

namespace tema::gui {

class IndexUpdater {
public:
    // `ui`: the window whose event loop hears of the end of each sync.
    IndexUpdater(wxEvtHandler& ui, std::function<void()> on_change);
    ~IndexUpdater();
    IndexUpdater(const IndexUpdater&) = delete;
    IndexUpdater& operator=(const IndexUpdater&) = delete;

    // Syncs the index of the project at `path`, now or after the sync running.
    void update(const std::filesystem::path& path);
    // Cancels the sync running and waits for it: the project is closing.
    void stop();

    bool running() const { return worker_.joinable(); }
    // Sources indexed so far, and to index, in the sync running.
    std::size_t done() const { return progress_ ? progress_->done() : 0; }
    std::size_t total() const { return progress_ ? progress_->total() : 0; }
    // The last sync's report, or why it failed.
    const std::optional<search::SyncReport>& last() const { return last_; }
    const std::string& failure() const { return failure_; }

private:
    void start(const std::filesystem::path& path);
    void finished(unsigned generation, std::optional<search::SyncReport> report,
                  std::string failure);

    wxEvtHandler& ui_;
    std::function<void()> on_change_;
    std::unique_ptr<SharedProgress> progress_;
    std::thread worker_;
    unsigned generation_ = 0;  // of the sync running: a stopped one's end is ignored
    std::optional<std::filesystem::path> queued_;
    std::optional<search::SyncReport> last_;
    std::string failure_;
    wxTimer ticks_;  // progress, shown while a sync runs
};

}  // namespace tema::gui
