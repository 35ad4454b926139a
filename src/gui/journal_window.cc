#include "journal_window.h"

#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "memo_editor.h"
#include "wx_string.h"

namespace tema::gui {

JournalWindow::JournalWindow(wxWindow* parent, Workbench& bench)
    : wxFrame(parent, wxID_ANY, "Reflexive journal", wxDefaultPosition, wxSize(900, 640),
              wxDEFAULT_FRAME_STYLE | wxFRAME_FLOAT_ON_PARENT),
      bench_(bench) {
    auto* panel = new wxPanel(this);
    heading_ = new wxStaticText(panel, wxID_ANY, "");
    heading_->SetFont(heading_->GetFont().Bold());
    MemoEditor::Options options;
    options.newest_first = true;
    options.show_target = false;
    options.add_label = "Add entry";
    options.text_heading = "Entry";
    options.list_above = true;
    options.hint = "Write today's entry: what you noticed, felt, assumed; then Add entry";
    entries_ = new MemoEditor(panel, bench, options);
    entries_->list_memos = [](store::Database& db) {
        coding::MemoFilter journal;
        journal.kind = coding::MemoKind::journal;
        return coding::list_memos(db, journal);
    };
    entries_->new_memo = [] {
        return MemoEditor::NewMemo{coding::MemoKind::journal, coding::MemoTarget{}};
    };
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(heading_, 0, wxEXPAND | wxALL, 8);
    sizer->Add(entries_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    panel->SetSizer(sizer);
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& event) {
        if (event.CanVeto()) {
            Hide();  // kept, with its place and any text not yet added
        } else {
            event.Skip();
        }
    });
    reload();
}

void JournalWindow::reload() {
    entries_->reload();
    store::Project* project = bench_.project();
    const std::size_t count = entries_->memos().size();
    heading_->SetLabel(project == nullptr ? wxString("No project open")
                                          : wxString::Format(L"%s \u2014 %zu %s, newest first",
                                                             to_wx(project->title()), count,
                                                             count == 1 ? "entry" : "entries"));
    SetTitle(project == nullptr ? wxString("Reflexive journal")
                                : "Reflexive journal \u2014 " + to_wx(project->title()));
}

}  // namespace tema::gui
