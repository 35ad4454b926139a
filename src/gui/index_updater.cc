#include "index_updater.h"

#include <wx/event.h>

#include "store/project.h"
#include "util/memory.h"

namespace tema::gui {

IndexUpdater::IndexUpdater(wxEvtHandler& ui, std::function<void()> on_change)
    : ui_(ui), on_change_(std::move(on_change)) {
    ticks_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) { on_change_(); });
}

IndexUpdater::~IndexUpdater() { stop(); }

void IndexUpdater::update(const std::filesystem::path& path) {
    if (running()) {
        queued_ = path;
    } else {
        start(path);
    }
}

void IndexUpdater::stop() {
    ++generation_;
    queued_.reset();
    if (progress_) {
        progress_->cancel();
    }
    if (worker_.joinable()) {
        worker_.join();
        release_free_memory();
    }
    ticks_.Stop();
}

void IndexUpdater::start(const std::filesystem::path& path) {
    progress_ = std::make_unique<SharedProgress>();
    worker_ = std::thread([this, path, generation = ++generation_, &progress = *progress_] {
        std::optional<search::SyncReport> report;
        std::string failure;
        try {
            // A connection of its own: the UI thread's is not shared.
            store::Project reader(path, store::Project::Access::read_only);
            search::SearchIndex index(reader);
            report = index.sync(progress);
        } catch (const std::exception& error) {
            failure = error.what();
        }
        ui_.CallAfter([this, generation, report, failure] { finished(generation, report, failure); });
    });
    ticks_.Start(250);
    on_change_();
}

void IndexUpdater::finished(unsigned generation, std::optional<search::SyncReport> report,
                            std::string failure) {
    if (generation != generation_) {
        return;  // stopped, and joined, meanwhile
    }
    worker_.join();
    ticks_.Stop();
    release_free_memory();  // a build leaves a hundred MB freed in its arena
    last_ = std::move(report);
    failure_ = std::move(failure);
    if (queued_) {
        const std::filesystem::path next = *queued_;
        queued_.reset();
        start(next);
        return;
    }
    on_change_();
}

}  // namespace tema::gui
