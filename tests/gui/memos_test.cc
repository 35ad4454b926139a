// Memos in the main window and the reflexive journal's window, driven as a
// researcher would, with the project file read back through the core.
#include "coding/memos.h"

#include <wx/aui/auibook.h>
#include <wx/listctrl.h>
#include <wx/menu.h>
#include <wx/statusbr.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>

#include <catch2/catch.hpp>
#include <cstdlib>

#include "coding/segments.h"
#include "gui/gui_fixture.h"
#include "ids.h"
#include "journal_window.h"
#include "memo_editor.h"
#include "memo_panel.h"
#include "transcript_view.h"

using tema::test::pump;
using tema::test::Workbench;
namespace coding = tema::coding;
namespace gui = tema::gui;

namespace {

std::vector<coding::Memo> memos_in_file(Workbench& w, const coding::MemoFilter& filter = {}) {
    w.reopen();
    return coding::list_memos(w.db(), filter);
}

// Clicks row `row` of a memo list, as the mouse does.
void click_row(wxListCtrl* list, long row) {
    list->SetItemState(row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                       wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    pump();
}

// Types into a text control: the text, marked as changed by the user.
void type_into(wxTextCtrl* editor, const char* text) {
    editor->SetValue(wxString::FromUTF8(text));
    editor->MarkDirty();
    pump();
}

}  // namespace

TEST_CASE("A memo on selected text: a passage, listed, marked in the margin, undoable", "[gui]") {
    Workbench w;
    const std::int64_t fg2 = w.source(Workbench::kFocusGroup2);
    w.frame->open_source(fg2, 1);
    auto* view = w.frame->transcript();
    // Words of line 20, not coded.
    const int start = view->PositionFromLine(19) + 11;
    view->SetSelection(start, start + 20);
    pump();
    const coding::Range selected = *view->selected_range();

    // The key m in the text, as the keyboard gives it.
    w.frame->Raise();
    view->SetFocus();
    REQUIRE(tema::test::wait_for([&] { return wxWindow::FindFocus() == view; },
                                 std::chrono::seconds(5)));
    wxUIActionSimulator keys;
    keys.Char('m');
    gui::MemoPanel* memos = w.frame->memos();
    REQUIRE(tema::test::wait_for([&] { return wxWindow::FindFocus() == memos->editor(); },
                                 std::chrono::seconds(5)));
    CHECK(w.frame->bottom()->GetCurrentPage() == memos);
    CHECK(memos->target_choice() == gui::MemoPanel::kSelection);
    type_into(memos->editor(), "Her snur samtalen.");
    memos->add();
    pump();

    const auto in_file = memos_in_file(w);
    REQUIRE(in_file.size() == 1);
    CHECK(in_file[0].target.kind == coding::MemoTarget::Kind::passage);
    CHECK(in_file[0].target.id == fg2);
    CHECK(in_file[0].target.start == selected.start);
    CHECK(in_file[0].target.end == selected.end);
    CHECK(in_file[0].text == "Her snur samtalen.");
    CHECK(memos->list()->GetItemCount() == 1);
    CHECK(memos->list()->GetItemText(0, 3) ==
          wxString::FromUTF8(std::string(Workbench::kFocusGroup2) + ", l. 20"));
    // Marked: a marker on line 20, in a margin shown, the memo in its tooltip.
    CHECK(view->GetMarginWidth(gui::TranscriptView::kMemoMargin) > 0);
    CHECK(view->GetMarginMask(gui::TranscriptView::kMemoMargin) == (1 << 24));
    CHECK((view->MarkerGet(19) & (1 << 24)) != 0);
    CHECK_THAT(view->memo_tooltip(20),
               Catch::Contains("Kari on source:") && Catch::EndsWith("Her snur samtalen."));
    // A click on the marker selects the passage and shows the memo.
    view->SetSelection(0, 0);
    view->click_memo_marker(20);
    pump();
    CHECK(view->selected_range()->start == selected.start);
    CHECK(memos->memo_editor()->selected_memo() == in_file[0].id);
    CHECK(memos->editor()->GetValue() == "Her snur samtalen.");

    w.command(wxID_UNDO);
    CHECK(memos_in_file(w).empty());
    CHECK((view->MarkerGet(19) & (1 << 24)) == 0);
    CHECK(memos->list()->GetItemCount() == 0);
}

TEST_CASE("A memo on the coded segment chosen in the margin, and the refusals", "[gui]") {
    Workbench w;
    const std::int64_t fg2 = w.source(Workbench::kFocusGroup2);
    const std::int64_t honesty = w.code("Ærlighet");
    const auto applied = coding::apply_code(*w.project, w.coder, honesty, fg2,
                                            coding::line_range(w.db(), fg2, 30, 31));
    w.frame->project_changed();
    w.frame->open_source(fg2, 1);
    auto* view = w.frame->transcript();
    gui::MemoPanel* memos = w.frame->memos();

    // Nothing selected: the status bar says what to do.
    view->SetSelection(0, 0);
    w.command(gui::kMemoOnSelection);
    CHECK(w.frame->GetStatusBar()->GetStatusText().StartsWith("Select some text first"));

    view->click_stripe(30, 0);
    pump();
    w.command(gui::kMemoOnSelection);
    // Empty text: refused in the core's words, nothing written.
    memos->add();
    pump();
    REQUIRE(w.prompts->warnings.size() == 1);
    CHECK(w.prompts->warnings[0] == "memo: a memo needs some text");
    CHECK(memos_in_file(w).empty());

    type_into(memos->editor(), "Sterkt sitat om ærlighet.");
    memos->add();
    pump();
    const auto in_file = memos_in_file(w);
    REQUIRE(in_file.size() == 1);
    CHECK(in_file[0].target.kind == coding::MemoTarget::Kind::segment);
    CHECK(in_file[0].target.id == applied.segment);
    CHECK((view->MarkerGet(29) & (1 << 24)) != 0);
}

TEST_CASE("A memo is edited and deleted in the memo list, and undo brings it back", "[gui]") {
    Workbench w;
    const auto memo =
        coding::add_memo(*w.project, w.coder, coding::MemoKind::note, {}, "Første tanke.");
    w.frame->project_changed();
    gui::MemoPanel* memos = w.frame->memos();
    memos->set_target(gui::MemoPanel::kProject);
    REQUIRE(memos->list()->GetItemCount() == 1);

    click_row(memos->list(), 0);
    CHECK(memos->memo_editor()->selected_memo() == memo.id);
    CHECK(memos->editor()->GetValue() == wxString::FromUTF8("Første tanke."));
    type_into(memos->editor(), "Første tanke, revidert etter FG3.");
    memos->memo_editor()->save();
    pump();
    CHECK(memos_in_file(w).at(0).text == "Første tanke, revidert etter FG3.");
    CHECK(memos->list()->GetItemText(0, 4) ==
          wxString::FromUTF8("Første tanke, revidert etter FG3."));

    // Saving empty text is refused; the memo keeps its text.
    type_into(memos->editor(), "  ");
    memos->memo_editor()->save();
    CHECK(w.prompts->warnings.back() == "memo: a memo needs some text");
    CHECK(memos_in_file(w).at(0).text == "Første tanke, revidert etter FG3.");

    // Delete asks first: No keeps it, Yes deletes it.
    w.prompts->answer = false;
    memos->memo_editor()->remove();
    REQUIRE(w.prompts->questions.size() == 1);
    CHECK_THAT(w.prompts->questions[0], Catch::StartsWith("Delete this memo on project?"));
    CHECK(memos_in_file(w).size() == 1);
    w.prompts->answer = true;
    memos->memo_editor()->remove();
    pump();
    CHECK(memos_in_file(w).empty());
    CHECK(memos->list()->GetItemCount() == 0);
    CHECK(memos->editor()->IsEmpty());

    w.command(wxID_UNDO);
    REQUIRE(memos_in_file(w).size() == 1);
    CHECK(memos->list()->GetItemCount() == 1);
    w.command(wxID_UNDO);
    CHECK(memos_in_file(w).at(0).text == "Første tanke.");
}

TEST_CASE("The journal window lists dated entries newest first, and writes and edits them",
          "[gui]") {
    Workbench w;
    coding::add_memo(*w.project, w.project->coder_named("Ola"), coding::MemoKind::journal, {},
                     "Ola: FG1 var lang.");
    coding::add_memo(*w.project, w.coder, coding::MemoKind::note, {}, "Ikke i journalen.");
    w.frame->project_changed();
    REQUIRE(w.frame->journal() == nullptr);
    // In the Memos menu, with its shortcut.
    wxMenuItem* item = w.frame->GetMenuBar()->FindItem(gui::kJournal);
    REQUIRE(item != nullptr);
    CHECK(item->GetItemLabel().Contains("Ctrl+Shift+J"));
    w.command(gui::kJournal);
    gui::JournalWindow* journal = w.frame->journal();
    REQUIRE(journal != nullptr);
    CHECK(journal->IsShown());
    gui::MemoEditor* entries = journal->entries();
    REQUIRE(entries->list()->GetItemCount() == 1);
    CHECK(entries->list()->GetColumnCount() == 3);  // written, author, entry
    CHECK(entries->list()->GetItemText(0, 1) == "Ola");

    type_into(entries->editor(), "Jeg merker at jeg heier på jobbspesialistene.");
    entries->add();
    pump();
    coding::MemoFilter journal_only;
    journal_only.kind = coding::MemoKind::journal;
    auto in_file = memos_in_file(w, journal_only);
    REQUIRE(in_file.size() == 2);
    CHECK(in_file[1].text == "Jeg merker at jeg heier på jobbspesialistene.");
    CHECK(in_file[1].author == "Kari");
    // Newest first, dated in local time.
    REQUIRE(entries->list()->GetItemCount() == 2);
    CHECK(entries->list()->GetItemText(0, 2) ==
          wxString::FromUTF8("Jeg merker at jeg heier på jobbspesialistene."));
    CHECK(entries->list()->GetItemText(0, 0) == gui::local_time_label(in_file[1].created));
    // The memo panel's journal lists the same entries.
    w.frame->memos()->set_target(gui::MemoPanel::kJournal);
    CHECK(w.frame->memos()->list()->GetItemCount() == 2);

    // Editing the older entry.
    click_row(entries->list(), 1);
    CHECK(entries->editor()->GetValue() == "Ola: FG1 var lang.");
    type_into(entries->editor(), "Ola: FG1 var lang, men god.");
    entries->save();
    pump();
    in_file = memos_in_file(w, journal_only);
    CHECK(in_file[0].text == "Ola: FG1 var lang, men god.");
    CHECK(in_file[0].author == "Ola");  // the author stays

    // An empty entry is refused.
    entries->start_new();
    entries->add();
    CHECK(w.prompts->warnings.back() == "memo: a memo needs some text");
    CHECK(memos_in_file(w, journal_only).size() == 2);

    // Closing hides the window; the menu brings it back.
    journal->Close();
    pump();
    CHECK_FALSE(journal->IsShown());
    w.command(gui::kJournal);
    CHECK(w.frame->journal() == journal);
    CHECK(journal->IsShown());
    // Destroyed all the same (a close that cannot be refused): the frame lets it go.
    journal->Destroy();
    pump();
    CHECK(w.frame->journal() == nullptr);
    w.frame->project_changed();
}

TEST_CASE("Memo dates are shown in local time, readably", "[gui]") {
    const char* before = std::getenv("TZ");
    const std::string saved = before != nullptr ? before : "";
    setenv("TZ", "Europe/Oslo", 1);
    tzset();
    CHECK(gui::local_time_label("2026-04-02T09:15:00Z") == "Thu 2 Apr 2026, 11:15");
    CHECK(gui::local_time_label("2026-01-15T23:30:00Z") == "Fri 16 Jan 2026, 00:30");
    CHECK(gui::local_time_label("not a time") == "not a time");
    if (before != nullptr) {
        setenv("TZ", saved.c_str(), 1);
    } else {
        unsetenv("TZ");
    }
    tzset();
}
