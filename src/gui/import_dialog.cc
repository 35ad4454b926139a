#include "import_dialog.h"

#include <wx/filedlg.h>
#include <wx/msgdlg.h>
#include <wx/progdlg.h>
#include <wx/utils.h>

#include <atomic>
#include <mutex>
#include <thread>

#include "main_frame.h"
#include "util/progress.h"
#include "wx_string.h"

namespace tema::gui {

namespace {

// Progress written by the import thread, read by the UI thread.
class SharedProgress final : public Progress {
public:
    void start(std::string_view what, std::size_t total) override {
        const std::lock_guard lock(mutex_);
        item_ = what;
        total_ = total;
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

}  // namespace

std::vector<import::ImportReport> import_with_progress(
    MainFrame& frame, const std::vector<std::filesystem::path>& files) {
    std::vector<import::ImportReport> reports;
    store::Project* project = frame.project();
    if (project == nullptr || files.empty()) {
        return reports;
    }
    SharedProgress progress;
    std::atomic<bool> finished{false};
    std::string failure;
    std::thread worker([&, path = project->path(), coder = frame.coder().name]() {
        try {
            store::Project connection(path);
            const store::Coder who = store::find_coder(connection.db(), coder);
            reports = import::import_files(connection, who, files, {}, progress);
        } catch (const std::exception& error) {
            failure = error.what();
        }
        finished = true;
    });
    {
        wxProgressDialog dialog(
            "Import", L"Reading the files\u2026", 100, &frame,
            wxPD_CAN_ABORT | wxPD_APP_MODAL | wxPD_ELAPSED_TIME | wxPD_AUTO_HIDE);
        while (!finished) {
            if (!dialog.Update(progress.percent(), to_wx(progress.item()))) {
                progress.cancel();
            }
            wxMilliSleep(40);
        }
    }
    worker.join();
    if (!failure.empty()) {
        import::ImportReport failed;
        failed.error = failure;
        reports.push_back(failed);
    }
    frame.project_changed();
    return reports;
}

void import_sources(MainFrame& frame) {
    if (frame.project() == nullptr) {
        frame.set_status("Open or make a project first");
        return;
    }
    wxFileDialog dialog(&frame, "Import sources", "", "",
                        "Sources|*.txt;*.md;*.docx;*.odt;*.rtf;*.pdf;*.srt;*.vtt|All files|*",
                        wxFD_OPEN | wxFD_MULTIPLE | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() != wxID_OK) {
        return;
    }
    wxArrayString paths;
    dialog.GetPaths(paths);
    std::vector<std::filesystem::path> files;
    for (const wxString& path : paths) {
        files.emplace_back(from_wx(path));
    }
    int added = 0;
    wxString problems;
    for (const import::ImportReport& report : import_with_progress(frame, files)) {
        if (report.ok && !report.duplicate) {
            ++added;
        } else if (!report.ok) {
            problems += to_wx(report.error) + "\n";
        }
    }
    frame.set_status(wxString::Format("Imported %d of %zu files", added, files.size()));
    if (!problems.empty()) {
        wxMessageBox(problems, "Import", wxOK | wxICON_WARNING, &frame);
    }
}

}  // namespace tema::gui
