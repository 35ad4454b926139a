// tema-gui's figures: start and open a project, show a large transcript, and the
// memory a big project takes. Run under Xvfb by run-gui-bench.sh (Release build):
//
//   tema_bench_gui SAMPLE.tema LARGE.tema SOURCE BIG.tema
//
// SAMPLE.tema: the time from the process's start to the main window shown with the
// project open and its first source drawn. LARGE.tema/SOURCE: the time to show that
// source (a 2 MB transcript) in the transcript view, drawn. BIG.tema (1,000
// transcripts): resident memory with it open and one source shown.
#include <unistd.h>
#include <wx/app.h>
#include <wx/init.h>
#include <wx/log.h>
#include <wx/textctrl.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>

#include "main_frame.h"
#include "search_panel.h"
#include "store/sources.h"
#include "transcript_view.h"

namespace {

void settle() {
    for (int i = 0; i < 5; ++i) {
        wxTheApp->ProcessPendingEvents();
        wxYield();
    }
}

// Seconds since this process started (from /proc).
double process_age() {
    std::ifstream stat("/proc/self/stat");
    std::string field;
    for (int i = 0; i < 22 && stat >> field; ++i) {
    }
    const double start = std::stod(field) / static_cast<double>(sysconf(_SC_CLK_TCK));
    std::ifstream uptime("/proc/uptime");
    double now = 0;
    uptime >> now;
    return now - start;
}

// A figure of /proc/self/status, in MB: VmRSS (resident now), VmHWM (peak).
double status_mb(const std::string& field) {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);) {
        if (line.rfind(field, 0) == 0) {
            return std::stod(line.substr(field.size())) / 1024.0;
        }
    }
    return 0;
}

double resident_mb() { return status_mb("VmRSS:"); }
double peak_mb() { return status_mb("VmHWM:"); }

void wait_for_index(tema::gui::MainFrame& frame) {
    while (frame.search()->updater().running()) {
        wxTheApp->Yield();
        wxMilliSleep(20);
    }
}

class BenchApp : public wxApp {
public:
    bool OnInit() override { return true; }
};

}  // namespace

int main(int argc, char** argv) {
    if (argc != 5) {
        std::fprintf(stderr, "usage: tema_bench_gui SAMPLE.tema LARGE.tema SOURCE BIG.tema\n");
        return 2;
    }
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    wxApp::SetInstance(new BenchApp);
    int wx_argc = 1;
    if (!wxEntryStart(wx_argc, argv) || !wxTheApp->CallOnInit()) {
        return 3;
    }
    delete wxLog::SetActiveTarget(new wxLogStderr);  // no log dialogs: this runs unattended
    int status = 0;
    {
        auto* frame = new tema::gui::MainFrame;
        frame->Show();
        if (!frame->open_project(argv[1])) {
            return 1;
        }
        frame->Update();
        settle();
        const double start = process_age();
        std::printf("start and open the sample project: %.0f ms (goal 1000 ms); resident %.0f MB\n",
                    start * 1000, resident_mb());
        // Its search index is brought up to date in the background meanwhile.
        wait_for_index(*frame);

        if (!frame->open_project(argv[2])) {
            return 1;
        }
        settle();
        wait_for_index(*frame);
        const std::int64_t id = tema::store::find_source(frame->project()->db(), argv[3]).id;
        const auto bytes = tema::store::find_source(frame->project()->db(), argv[3]).chars;
        frame->transcript()->clear_source();  // opening the project showed it already
        settle();
        const auto begin = std::chrono::steady_clock::now();
        frame->open_source(id, 1);
        frame->transcript()->Update();
        const double shown =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begin)
                .count();
        settle();
        std::printf("show a transcript of %.1f M characters (%d lines): %.0f ms (goal 200 ms)\n",
                    static_cast<double>(bytes) / 1e6, frame->transcript()->GetLineCount(), shown);
        // Scrolling through it: page by page to the end, drawn each time.
        const auto scroll = std::chrono::steady_clock::now();
        int pages = 0;
        for (int line = 0; line < frame->transcript()->GetLineCount(); line += 50, ++pages) {
            frame->transcript()->SetFirstVisibleLine(line);
            frame->transcript()->Update();
        }
        const double scrolled =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - scroll)
                .count();
        std::printf("scroll it page by page: %.2f ms a page (%d pages)\n", scrolled / pages, pages);

        if (!frame->open_project(argv[4])) {
            return 1;
        }
        frame->Update();
        settle();
        const auto sources = tema::store::list_sources(frame->project()->db()).size();
        const double opened = resident_mb();
        // The search index is built (or brought up to date) in the background.
        tema::gui::SearchPanel& search = *frame->search();
        const auto indexing = std::chrono::steady_clock::now();
        wait_for_index(*frame);
        const double indexed =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - indexing).count();
        settle();
        const double ready = resident_mb();
        std::printf("resident with %zu sources open: %.0f MB at once; %.0f MB when the search "
                    "index was ready, %.1f s later; peak %.0f MB\n",
                    sources, opened, ready, indexed, peak_mb());
        // A first search loads the stemming dictionaries of the project's languages.
        search.query()->SetValue("arbeidsgiver");
        const auto searching = std::chrono::steady_clock::now();
        search.start_search();
        while (search.busy()) {
            wxTheApp->Yield();
            wxMilliSleep(5);
        }
        const double searched =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - searching)
                .count();
        settle();
        const double rss = resident_mb();
        std::printf("first search in the window (arbeidsgiver, %zu hits): %.0f ms; resident then "
                    "%.0f MB (goal 150 MB)\n",
                    search.result().total, searched, rss);
        status = start <= 1.0 && shown <= 200 && rss <= 150 ? 0 : 1;
        frame->Destroy();
        settle();
    }
    wxTheApp->OnExit();
    wxEntryCleanup();
    return status;
}
