// Screenshots of the main views for docs/screenshots, from the coded sample
// project that scripts/screenshots.sh builds. Hidden from the normal run:
//   TEMA_SAMPLE_PROJECT=... TEMA_SCREENSHOT_DIR=... tema_gui_tests "[.screenshots]"
#include <wx/aui/auibook.h>
#include <wx/textctrl.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>

#include "codebook_panel.h"
#include "coding/codebook.h"
#include "gui/gui_fixture.h"
#include "ids.h"
#include "journal_window.h"
#include "memo_editor.h"
#include "memo_panel.h"
#include "quick_code.h"
#include "screenshot.h"
#include "search_panel.h"
#include "store/sources.h"
#include "transcript_view.h"

using tema::test::pump;
using tema::test::wait_for;
namespace gui = tema::gui;

namespace {

std::filesystem::path env_path(const char* name) {
    const char* value = std::getenv(name);
    REQUIRE(value != nullptr);
    return value;
}

void shoot(gui::MainFrame* frame, const std::filesystem::path& file) {
    pump();
    wxMilliSleep(200);
    pump();
    REQUIRE(gui::save_screenshot(frame, wxString(file.string())));
    REQUIRE(std::filesystem::file_size(file) > 10000);
}

// The sample project open on focus group 2, with a code selected.
struct Shot {
    std::filesystem::path out = env_path("TEMA_SCREENSHOT_DIR");
    gui::MainFrame* frame = new gui::MainFrame;

    Shot() {
        std::filesystem::create_directories(out);
        frame->SetSize(0, 0, 1600, 1000);
        frame->Show();
        REQUIRE(frame->open_project(env_path("TEMA_SAMPLE_PROJECT")));
        tema::store::Project& p = *frame->project();
        const std::int64_t fg2 =
            tema::store::find_source(p.db(), "fokusgruppe-2-nav-og-behandlere-fjordheim").id;
        frame->open_source(fg2, 42);
        frame->codebook()->select(tema::coding::find_code(p.db(), "Arbeidsgiver/Kontakt").id);
        auto* view = frame->transcript();
        view->SetFirstVisibleLine(40);
        view->SetSelection(view->PositionFromLine(47), view->GetLineEndPosition(47));
    }
    ~Shot() {
        frame->Destroy();
        pump();
    }
    Shot(const Shot&) = delete;
    Shot& operator=(const Shot&) = delete;

    void show_page(wxWindow* page) {
        frame->bottom()->SetSelection(
            static_cast<std::size_t>(frame->bottom()->GetPageIndex(page)));
    }
};

}  // namespace

// One screenshot per process: GTK 3 keeps the screen's first image for a
// process's later copies (scripts/screenshots.sh runs each case alone).

TEST_CASE("Screenshot main-window", "[.screenshots]") {
    Shot shot;
    shoot(shot.frame, shot.out / "main-window.png");
}

TEST_CASE("Screenshot quick-code", "[.screenshots]") {
    Shot shot;
    shot.frame->open_quick_code();
    for (wxWindow* window : wxTopLevelWindows) {
        if (auto* box = dynamic_cast<gui::QuickCodeBox*>(window)) {
            box->entry()->SetValue("sam");
        }
    }
    shoot(shot.frame, shot.out / "quick-code.png");
}

TEST_CASE("Screenshot search", "[.screenshots]") {
    Shot shot;
    gui::SearchPanel* search = shot.frame->search();
    shot.show_page(search);
    // Built in the background since the project opened.
    REQUIRE(wait_for([&] { return !search->updater().running(); }, std::chrono::seconds(120)));
    search->query()->SetValue("arbeidsgiver");
    search->start_search();
    REQUIRE(wait_for([&] { return !search->busy(); }, std::chrono::seconds(120)));
    REQUIRE_FALSE(search->result().hits.empty());
    search->open_hit(0);
    shoot(shot.frame, shot.out / "search.png");
}

TEST_CASE("Screenshot memos", "[.screenshots]") {
    Shot shot;
    shot.show_page(shot.frame->memos());
    shot.frame->memos()->set_target(gui::MemoPanel::kJournal);
    shoot(shot.frame, shot.out / "memos.png");
}

TEST_CASE("Screenshot memo-on-selection", "[.screenshots]") {
    Shot shot;
    // The sample's memo on lines 46-47 (scripts/screenshots.sh), opened from its marker.
    shot.frame->transcript()->click_memo_marker(46);
    shoot(shot.frame, shot.out / "memo-on-selection.png");
}

TEST_CASE("Screenshot journal", "[.screenshots]") {
    Shot shot;
    gui::JournalWindow* journal = shot.frame->open_journal();
    journal->SetSize(200, 150, 900, 640);
    journal->entries()->select_memo(journal->entries()->memos().back().id);
    journal->entries()->editor()->SetFocus();  // as a researcher about to edit it
    pump();
    wxMilliSleep(200);
    pump();
    const std::filesystem::path file = shot.out / "journal.png";
    REQUIRE(gui::save_screenshot(journal, wxString(file.string())));
    REQUIRE(std::filesystem::file_size(file) > 10000);
}
