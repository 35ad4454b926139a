#include "import_dialog.h"

#include <wx/filedlg.h>
#include <wx/msgdlg.h>
#include <wx/progdlg.h>
#include <wx/utils.h>

#include <atomic>
#include <thread>

#include "main_frame.h"
#include "shared_progress.h"
#include "util/progress.h"
#include "wx_string.h"

namespace tema::gui {

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
