// The main window on the sample study, driven as a researcher would, with the
// project file read back through the core after each step.
#include <wx/choice.h>
#include <wx/fileconf.h>
#include <wx/listbox.h>
#include <wx/listctrl.h>
#include <wx/statusbr.h>
#include <wx/textctrl.h>
#include <wx/timer.h>
#include <wx/uiaction.h>

#include <catch2/catch.hpp>

#include "code_drag.h"
#include "codebook_panel.h"
#include "coding/memos.h"
#include "coding/retrieval.h"
#include "gui/gui_fixture.h"
#include "ids.h"
#include "import_dialog.h"
#include "memo_panel.h"
#include "participants_panel.h"
#include "quick_code.h"
#include "retrieval_panel.h"
#include "search_panel.h"
#include "settings.h"
#include "sources_panel.h"
#include "store/history.h"
#include "transcript_view.h"

using tema::test::pump;
using tema::test::wait_for;
using tema::test::Workbench;
namespace coding = tema::coding;
namespace gui = tema::gui;

namespace {

// The segments of a code, read from the project file by a connection of the test's own.
std::vector<coding::Retrieved> segments_in_file(Workbench& w, std::int64_t code) {
    w.reopen();
    return coding::retrieve(w.db(), code);
}

gui::QuickCodeBox* quick_code_box() {
    for (wxWindow* window : wxTopLevelWindows) {
        if (auto* box = dynamic_cast<gui::QuickCodeBox*>(window); box && box->IsShown()) {
            return box;
        }
    }
    return nullptr;
}

// Types into the quick-code box and presses Enter, as the keyboard does.
void quick_code(const wxString& typed) {
    gui::QuickCodeBox* box = quick_code_box();
    REQUIRE(box != nullptr);
    box->entry()->SetValue(typed);  // sends wxEVT_TEXT, as typing does
    pump();
    wxCommandEvent enter(wxEVT_TEXT_ENTER, box->entry()->GetId());
    enter.SetEventObject(box->entry());
    box->entry()->GetEventHandler()->ProcessEvent(enter);
    pump();
}

}  // namespace

TEST_CASE("The main window shows the sources by kind, the codebook and a transcript", "[gui]") {
    Workbench w;
    const std::int64_t fg2 = w.source(Workbench::kFocusGroup2);
    const std::int64_t honesty = w.code("Ærlighet", "#D62728");
    w.frame->project_changed();

    auto* sources = w.frame->sources();
    const wxTreeItemId item = sources->item_of(fg2);
    REQUIRE(item.IsOk());
    CHECK(sources->GetItemText(sources->GetItemParent(item)) == "Transcripts (5)");
    const auto info = tema::store::find_source(w.db(), std::to_string(fg2));
    CHECK(sources->GetItemText(item).Contains(
        wxString::Format("%lld lines", static_cast<long long>(info.lines))));
    CHECK(sources->GetItemText(item).Contains("0 coded"));

    sources->SelectItem(item);  // opens it
    pump();
    REQUIRE(w.frame->shown_source() == fg2);
    auto* view = w.frame->transcript();
    // The text ends with a LF: the editor shows an empty line after the last.
    CHECK(view->GetLineCount() == info.lines + 1);
    CHECK(view->GetLine(0).StartsWith(wxString::FromUTF8("Fokusgruppe 2 – NAV-veiledere")));
    CHECK(view->GetReadOnly());
    // Speaker label styled, participant id in the margin of line 8 ("[00:00:33] Person 1:").
    CHECK(view->MarginGetText(7) == "P07");
    const int label =
        view->PositionFromLine(7) + static_cast<int>(std::string("[00:00:33] ").size());
    CHECK(view->GetStyleAt(label) == 1);
    CHECK(view->GetStyleAt(view->PositionFromLine(7) + 1) == 2);

    const wxTreeItemId code_item = w.frame->codebook()->item_of(honesty);
    REQUIRE(code_item.IsOk());
    CHECK(w.frame->codebook()->GetItemText(code_item) == wxString::FromUTF8("Ærlighet  (0)"));
}

TEST_CASE(
    "Quick code applies a code to the selected lines, and undo and redo take it back and again",
    "[gui]") {
    Workbench w;
    const std::int64_t fg2 = w.source(Workbench::kFocusGroup2);
    const std::int64_t honesty = w.code("Ærlighet", "#D62728");
    w.code("Arbeidsgiver");
    w.frame->project_changed();
    w.frame->open_source(fg2, 1);
    w.select_lines(10, 12);

    w.command(gui::kQuickCode);
    gui::QuickCodeBox* box = quick_code_box();
    REQUIRE(box != nullptr);
    // Accent-insensitive: "aerl" finds "Ærlighet", and Enter takes the first row.
    box->entry()->SetValue("aerl");
    pump();
    REQUIRE(box->list()->GetCount() == 2);  // Ærlighet, then "+ New code"
    CHECK(box->list()->GetString(0) == wxString::FromUTF8("Ærlighet"));
    quick_code("aerl");
    CHECK(quick_code_box() == nullptr);

    auto segments = segments_in_file(w, honesty);
    REQUIRE(segments.size() == 1);
    CHECK(segments[0].source_id == fg2);
    CHECK(segments[0].start_line == 10);
    CHECK(segments[0].end_line == 12);
    // The stripes show it, with code and coder in the tooltip.
    auto* view = w.frame->transcript();
    REQUIRE(view->stripe_at(11, 0).has_value());
    CHECK(view->stripe_at(11, 0)->code_id == honesty);
    CHECK_FALSE(view->stripe_at(13, 0).has_value());
    CHECK(view->stripe_tooltip(10) == "Ærlighet \u2014 Kari");
    CHECK(view->MarkerGet(9) != 0);

    w.command(wxID_UNDO);
    CHECK(segments_in_file(w, honesty).empty());
    CHECK(view->MarkerGet(9) == 0);
    w.command(wxID_REDO);
    CHECK(segments_in_file(w, honesty).size() == 1);
    CHECK(view->MarkerGet(9) != 0);
}

TEST_CASE("Quick code makes a new code of what was typed, and the last code applies again",
          "[gui]") {
    Workbench w;
    const std::int64_t fg2 = w.source(Workbench::kFocusGroup2);
    w.frame->open_source(fg2, 1);
    w.select_lines(20, 20);
    w.command(gui::kQuickCode);
    quick_code(wxString::FromUTF8("Tillit til veileder"));

    w.reopen();
    const coding::Code made = coding::find_code(w.db(), "Tillit til veileder");
    REQUIRE(w.frame->last_code() == made.id);
    w.select_lines(30, 32);
    w.command(gui::kApplyLastCode);
    auto segments = segments_in_file(w, made.id);
    REQUIRE(segments.size() == 2);
    CHECK(segments[1].start_line == 30);
    CHECK(segments[1].end_line == 32);

    // Clicking the stripe selects the segment; Remove coding removes that one.
    auto* view = w.frame->transcript();
    view->click_stripe(31, 0);
    pump();
    REQUIRE(view->chosen_segment() == segments[1].segment);
    CHECK(view->GetSelectedText() ==
          view->GetTextRange(view->PositionFromLine(29), view->GetLineEndPosition(31)));
    w.command(gui::kRemoveCoding);
    segments = segments_in_file(w, made.id);
    REQUIRE(segments.size() == 1);
    CHECK(segments[0].start_line == 20);

    // A new code and its first coding are one action: one undo takes back both.
    w.select_lines(40, 40);
    w.command(gui::kQuickCode);
    quick_code(wxString::FromUTF8("Helt ny kode"));
    REQUIRE_NOTHROW(coding::find_code(w.db(), "Helt ny kode"));
    w.command(wxID_UNDO);
    CHECK_THROWS(coding::find_code(w.db(), "Helt ny kode"));
    REQUIRE(segments_in_file(w, made.id).size() == 1);  // the earlier coding stays
}

TEST_CASE("Searching finds the words, and a hit opens its source at the line with the words marked",
          "[gui]") {
    Workbench w;
    gui::SearchPanel* search = w.frame->search();
    // Built in the background since the project opened.
    REQUIRE(wait_for([&] { return !search->updater().running(); }, std::chrono::seconds(120)));
    search->query()->SetValue("arbeidsgiveren");
    search->start_search();
    REQUIRE(wait_for([&] { return !search->busy(); }, std::chrono::seconds(120)));
    const auto& result = search->result();
    REQUIRE_FALSE(result.hits.empty());
    CHECK(search->list()->GetItemCount() == static_cast<int>(result.hits.size()));

    const tema::search::Hit hit = result.hits.front();
    search->open_hit(0);
    pump();
    auto* view = w.frame->transcript();
    CHECK(w.frame->shown_source() == hit.source_id);
    CHECK(view->GetCurrentLine() + 1 == hit.line);
    REQUIRE_FALSE(hit.marks.empty());
    const wxString marked = view->GetSelectedText();
    CHECK(marked.Lower().StartsWith("arbeidsgiver"));
    CHECK(view->IndicatorValueAt(8, view->GetSelectionStart()) != 0);
}

TEST_CASE("A memo written on the source shown and one in the journal are in the project file",
          "[gui]") {
    Workbench w;
    const std::int64_t fg2 = w.source(Workbench::kFocusGroup2);
    w.frame->open_source(fg2, 1);
    gui::MemoPanel* memos = w.frame->memos();
    memos->set_target(gui::MemoPanel::kSource);
    memos->editor()->SetValue(wxString::FromUTF8("NAV og DPS snakker forbi hverandre her."));
    memos->add();
    pump();
    CHECK(memos->editor()->IsEmpty());
    CHECK(memos->list()->GetItemCount() == 1);
    memos->set_target(gui::MemoPanel::kJournal);
    memos->editor()->SetValue(wxString::FromUTF8("Jeg merker at jeg heier på jobbspesialistene."));
    memos->add();

    w.reopen();
    coding::MemoFilter on_source;
    on_source.target = coding::MemoTarget{coding::MemoTarget::Kind::source, fg2};
    const auto memo = coding::list_memos(w.db(), on_source);
    REQUIRE(memo.size() == 1);
    CHECK(memo[0].text == "NAV og DPS snakker forbi hverandre her.");
    CHECK(memo[0].author == "Kari");
    coding::MemoFilter journal;
    journal.kind = coding::MemoKind::journal;
    REQUIRE(coding::list_memos(w.db(), journal).size() == 1);
}

TEST_CASE("Retrieval lists a code's segments, jumps to one, and saves its translation", "[gui]") {
    Workbench w;
    const std::int64_t fg2 = w.source(Workbench::kFocusGroup2);
    const std::int64_t honesty = w.code("Ærlighet");
    coding::apply_code(*w.project, w.coder, honesty, fg2, coding::line_range(w.db(), fg2, 12, 12));
    w.frame->project_changed();
    w.frame->codebook()->select(honesty);
    pump();
    gui::RetrievalPanel* retrieval = w.frame->retrieval();
    REQUIRE(retrieval->rows().size() == 1);
    CHECK(retrieval->list()->GetItemText(0, 1) == "12");
    CHECK(retrieval->list()->GetItemText(0, 2) == "P11");  // Person 5 of focus group 2

    w.frame->open_source(w.source("interview-01-team-leader"), 1);
    retrieval->open_row(0);
    pump();
    CHECK(w.frame->shown_source() == fg2);
    CHECK(w.frame->transcript()->GetCurrentLine() == 11);

    retrieval->list()->SetItemState(0, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    retrieval->translation()->SetValue("We have to be honest with the employer.");
    retrieval->save_translation();
    w.reopen();
    CHECK(coding::retrieve(w.db(), honesty).at(0).translation ==
          "We have to be honest with the employer.");
}

TEST_CASE("Moving a code by dropping it on another, and the layout is remembered", "[gui]") {
    Workbench w;
    const std::int64_t employer = w.code("Arbeidsgiver");
    const std::int64_t contact = w.code("Kontakt");
    w.frame->project_changed();
    w.frame->codebook()->drop(contact, employer);
    w.reopen();
    CHECK(coding::code_path(w.db(), contact) == "Arbeidsgiver/Kontakt");

    w.frame->Close(true);
    pump();
    w.frame = new gui::MainFrame;  // ~Workbench destroys this one
    w.prompts = new tema::test::RecordedPrompts;
    w.frame->set_prompts(std::unique_ptr<gui::Prompts>(w.prompts));
    wxFileConfig settings("tema-gui", "", wxString(gui::settings_path().string()), "",
                          wxCONFIG_USE_LOCAL_FILE);
    CHECK(settings.Read("Layout/Perspective", "").Contains("name=codebook"));
    CHECK(settings.Read("RecentFiles/file1", "") == wxString(w.path.string()));
}

TEST_CASE("Participants and their attributes, and a speaker mapped to one", "[gui]") {
    Workbench w;
    const std::int64_t fg3 = w.source("fokusgruppe-3-deltakere-solvang");
    w.frame->open_source(fg3, 1);
    gui::ParticipantsPanel* panel = w.frame->participants();
    CHECK(panel->participants()->GetItemCount() == 19);
    CHECK(panel->participants()->GetItemText(0, 0) == "P01");
    CHECK(panel->participants()->GetItemText(0, 1) == "jobbspesialist");
    REQUIRE(panel->speakers()->GetItemCount() > 1);
    long person1 = -1;
    for (long row = 0; row < panel->speakers()->GetItemCount(); ++row) {
        if (panel->speakers()->GetItemText(row, 0) == "Person 1") {
            person1 = row;
        }
    }
    REQUIRE(person1 >= 0);
    CHECK(panel->speakers()->GetItemText(person1, 2).empty());
    panel->speakers()->SetItemState(person1, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    panel->choice()->SetStringSelection("P13");
    panel->map_selected();
    pump();

    w.reopen();
    for (const auto& speaker : tema::store::list_speakers(w.db(), fg3)) {
        if (speaker.label == "Person 1") {
            CHECK(speaker.participant == "P13");
        }
    }
    // The transcript shows the participant at once.
    const auto lines = tema::store::load_turns(w.db(), fg3);
    for (const auto& turn : lines) {
        if (turn.turn.speaker == "Person 1") {
            CHECK(w.frame->transcript()->MarginGetText(static_cast<int>(turn.first_line) - 1) ==
                  "P13");
            break;
        }
    }
}

TEST_CASE("Import runs off the UI thread and the new source is listed", "[gui]") {
    Workbench w;
    const auto file = tema::test::fixture("import/timestamps-brackets.txt");
    const auto reports = gui::import_with_progress(*w.frame, {file});
    REQUIRE(reports.size() == 1);
    CHECK(reports[0].ok);
    w.reopen();
    const std::int64_t id = w.source(reports[0].source);
    CHECK(w.frame->sources()->item_of(id).IsOk());
}

TEST_CASE("Keys typed in the transcript open the quick-code box and apply a code", "[gui]") {
    Workbench w;
    const std::int64_t fg2 = w.source(Workbench::kFocusGroup2);
    const std::int64_t honesty = w.code("Ærlighet");
    w.frame->project_changed();
    w.frame->open_source(fg2, 1);
    w.select_lines(16, 16);
    auto* view = w.frame->transcript();
    w.frame->Raise();
    view->SetFocus();
    REQUIRE(wait_for([&] { return wxWindow::FindFocus() == view; }, std::chrono::seconds(5)));

    wxUIActionSimulator keys;
    keys.Char('q');
    REQUIRE(wait_for([] { return quick_code_box() != nullptr; }, std::chrono::seconds(5)));
    gui::QuickCodeBox* box = quick_code_box();
    CHECK(wxWindow::FindFocus() == box->entry());
    // Without a window manager Xvfb gives no new window the keyboard, so the box
    // is typed into by events (as in the other tests); the keys before and after
    // are real ones.
    quick_code("aerl");
    REQUIRE(wait_for([] { return quick_code_box() == nullptr; }, std::chrono::seconds(5)));

    auto segments = segments_in_file(w, honesty);
    REQUIRE(segments.size() == 1);
    CHECK(segments[0].start_line == 16);
    // Ctrl+Z, as the keyboard gives it, undoes through the core's history.
    REQUIRE(wait_for([&] { return wxWindow::FindFocus() == view; }, std::chrono::seconds(5)));
    keys.Char('z', wxMOD_CONTROL);
    REQUIRE(
        wait_for([&] { return segments_in_file(w, honesty).empty(); }, std::chrono::seconds(5)));
    keys.Char('z', wxMOD_CONTROL | wxMOD_SHIFT);
    REQUIRE(wait_for([&] { return segments_in_file(w, honesty).size() == 1; },
                     std::chrono::seconds(5)));
}

TEST_CASE("In vivo: the selected words become a code that codes them", "[gui]") {
    Workbench w;
    const std::int64_t fg2 = w.source(Workbench::kFocusGroup2);
    w.frame->open_source(fg2, 1);
    auto* view = w.frame->transcript();
    // Line 8: "[00:00:33] Person 1: Og det er et langt bord, altså. [latter]"
    const wxString line = view->GetLine(7);
    const int at = line.Find(wxString::FromUTF8("langt bord"));
    REQUIRE(at != wxNOT_FOUND);
    const int start = view->PositionFromLine(7) +
                      static_cast<int>(line.Left(static_cast<std::size_t>(at)).utf8_str().length());
    // With the space before: the range, not the text, goes to the core, which
    // leaves the space out.
    view->SetSelection(start - 1, start + 10);
    w.command(gui::kInVivo);

    w.reopen();
    const coding::Code made = coding::find_code(w.db(), "langt bord");
    CHECK(made.origin == coding::Origin::invivo);
    const auto segments = coding::retrieve(w.db(), made.id);
    REQUIRE(segments.size() == 1);
    CHECK(segments[0].text == "langt bord");
    CHECK(segments[0].start_line == 8);

    // Nothing selected: nothing is made, and the status bar says why.
    view->SetSelection(start, start);
    w.command(gui::kInVivo);
    CHECK(w.frame->GetStatusBar()->GetStatusText() == "Select the participant's words first");
    CHECK(coding::list_codes(w.db()).size() == 1);
}

namespace {

// Drags with the mouse (wxUIActionSimulator) from the codebook's `from` to
// `to` (screen points) and drops there. The drag is GTK's own: it starts when
// the tree sees the pointer move with the button down and runs its own loop
// until the button is released, so the rest of the way is moved by a timer
// that starts with the drag (a timer started earlier would be blocked inside
// its own callback when the drag began there).
void drag_with_mouse(gui::CodebookPanel* tree, wxPoint from, wxPoint to) {
    wxUIActionSimulator mouse;
    wxTimer steps;
    int step = 0;
    constexpr int kSteps = 10;
    steps.Bind(wxEVT_TIMER, [&](wxTimerEvent&) {
        ++step;
        if (step <= kSteps) {
            mouse.MouseMove(from + (to - from) * step / kSteps);
        } else {
            steps.Stop();
            mouse.MouseUp();
        }
    });
    auto start_steps = [&](wxTreeEvent& event) {
        steps.Start(50);
        event.Skip();  // on to the codebook, which starts the drag
    };
    tree->Bind(wxEVT_TREE_BEGIN_DRAG, start_steps);
    mouse.MouseMove(from);
    mouse.MouseDown();
    for (int dx = 4; dx <= 40 && !steps.IsRunning(); dx += 4) {
        mouse.MouseMove(from + wxPoint(dx, 2));
    }
    REQUIRE(wait_for([&] { return step > kSteps; }, std::chrono::seconds(10)));
    tree->Unbind(wxEVT_TREE_BEGIN_DRAG, start_steps);
    pump();
}

// The middle of a code's row in the codebook, on the screen.
wxPoint code_on_screen(gui::CodebookPanel* tree, std::int64_t code) {
    wxRect row;
    REQUIRE(tree->GetBoundingRect(tree->item_of(code), row, true));
    return tree->ClientToScreen(row.GetPosition() + wxPoint(10, row.height / 2));
}

// The point, in the transcript's client coordinates, of code point `offset`
// of line `line` (from 1).
wxPoint point_in_line(gui::TranscriptView* view, int line, int offset) {
    return view->PointFromPosition(view->PositionFromLine(line - 1) + offset) + wxPoint(1, 4);
}

}  // namespace

TEST_CASE("A code dropped on the transcript codes the selection it lands in, else the line",
          "[gui]") {
    Workbench w;
    const std::int64_t fg2 = w.source(Workbench::kFocusGroup2);
    const std::int64_t honesty = w.code("Ærlighet");
    w.frame->project_changed();
    w.frame->open_source(fg2, 1);
    auto* view = w.frame->transcript();
    REQUIRE(view->GetDropTarget() != nullptr);

    // Inside the selection of lines 10-12: the selection.
    w.select_lines(10, 12);
    view->drop_code(honesty, point_in_line(view, 11, 5));
    pump();
    auto segments = segments_in_file(w, honesty);
    REQUIRE(segments.size() == 1);
    CHECK(segments[0].start_line == 10);
    CHECK(segments[0].end_line == 12);

    // Outside it: the line under the drop, whole, and only it.
    view->drop_code(honesty, point_in_line(view, 16, 3));
    pump();
    segments = segments_in_file(w, honesty);
    REQUIRE(segments.size() == 2);
    CHECK(segments[1].start_line == 16);
    CHECK(segments[1].end_line == 16);
    const auto line16 = coding::line_range(w.db(), fg2, 16, 16);
    CHECK(segments[1].text.size() > 0);
    CHECK(coding::get_segment(w.db(), segments[1].segment).start == line16.start);
    CHECK(coding::get_segment(w.db(), segments[1].segment).end == line16.end);
    CHECK(view->stripe_at(16, 0).has_value());

    // Each drop is one action: undo takes back the last.
    w.command(wxID_UNDO);
    CHECK(segments_in_file(w, honesty).size() == 1);

    // The empty line after the text's last LF: refused, in the core's words.
    view->GotoLine(view->GetLineCount() - 1);
    pump();
    view->SetSelection(view->GetLength(), view->GetLength());
    view->drop_code(honesty, view->PointFromPosition(view->GetLength()) + wxPoint(1, 4));
    pump();
    REQUIRE_FALSE(w.prompts->warnings.empty());
    CHECK_THAT(w.prompts->warnings.back(), Catch::Contains("is empty; nothing to code"));
    CHECK(segments_in_file(w, honesty).size() == 1);

    // No source shown: nothing to code, and the status bar says so.
    view->clear_source();
    view->drop_code(honesty, wxPoint(10, 10));
    CHECK(w.frame->GetStatusBar()->GetStatusText().StartsWith("Open a source first"));
    CHECK(segments_in_file(w, honesty).size() == 1);
}

TEST_CASE("The codebook takes a dragged code too: dropped on another code, it moves there",
          "[gui]") {
    Workbench w;
    const std::int64_t employer = w.code("Arbeidsgiver");
    const std::int64_t contact = w.code("Kontakt");
    w.frame->project_changed();
    gui::CodebookPanel* tree = w.frame->codebook();
    REQUIRE(tree->GetDropTarget() != nullptr);
    wxRect employer_row;
    REQUIRE(tree->GetBoundingRect(tree->item_of(employer), employer_row, true));
    CHECK(tree->item_at(employer_row.GetPosition() + wxPoint(4, 4)) == tree->item_of(employer));
    // The data a drag carries: the code's GUID, in a format of Tema's own; a
    // window takes only a code its project's codebook holds.
    const std::string guid = coding::get_code(w.db(), contact).guid;
    CHECK(gui::code_of_data(guid.data(), guid.size()) == guid);
    CHECK_FALSE(gui::code_of_data("", 0).has_value());
    CHECK(gui::code_format().GetId() == "application/x-tema-code");
    CHECK(gui::dropped_code(*w.frame, guid) == contact);
    CHECK_FALSE(gui::dropped_code(*w.frame, "b7e1f1e6-0000-4000-8000-000000000000").has_value());
    REQUIRE_FALSE(w.prompts->warnings.empty());
    CHECK(w.prompts->warnings.back() ==
          "code: the code dropped is not in this project's codebook (is it from another "
          "project's window?)");

    tree->drop(contact, employer);
    w.reopen();
    CHECK(coding::code_path(w.db(), contact) == "Arbeidsgiver/Kontakt");
    w.command(wxID_UNDO);
    CHECK(coding::code_path(w.db(), contact) == "Kontakt");
}

TEST_CASE("Dragging a code with the mouse onto the text and onto another code", "[gui]") {
    Workbench w;
    const std::int64_t fg2 = w.source(Workbench::kFocusGroup2);
    const std::int64_t honesty = w.code("Ærlighet");
    const std::int64_t employer = w.code("Arbeidsgiver");
    w.frame->project_changed();
    w.frame->open_source(fg2, 1);
    w.frame->Raise();
    pump();
    gui::CodebookPanel* tree = w.frame->codebook();
    auto* view = w.frame->transcript();

    // Onto line 16, nothing selected there: the line.
    view->SetSelection(0, 0);
    drag_with_mouse(tree, code_on_screen(tree, honesty),
                    view->ClientToScreen(point_in_line(view, 16, 5)));
    REQUIRE(wait_for([&] { return segments_in_file(w, honesty).size() == 1; },
                     std::chrono::seconds(5)));
    auto segments = segments_in_file(w, honesty);
    CHECK(segments[0].start_line == 16);
    CHECK(segments[0].end_line == 16);

    // Into the selection of lines 10-12: the selection.
    w.select_lines(10, 12);
    drag_with_mouse(tree, code_on_screen(tree, honesty),
                    view->ClientToScreen(point_in_line(view, 11, 5)));
    REQUIRE(wait_for([&] { return segments_in_file(w, honesty).size() == 2; },
                     std::chrono::seconds(5)));
    segments = segments_in_file(w, honesty);
    CHECK(segments[0].start_line == 10);
    CHECK(segments[0].end_line == 12);

    // Onto another code in the codebook: moved under it.
    drag_with_mouse(tree, code_on_screen(tree, honesty), code_on_screen(tree, employer));
    REQUIRE(wait_for(
        [&] {
            w.reopen();
            return coding::code_path(w.db(), honesty) == "Arbeidsgiver/Ærlighet";
        },
        std::chrono::seconds(5)));
    CHECK(w.prompts->warnings.empty());
}
