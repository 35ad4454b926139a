#include "memo_panel.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/textctrl.h>

#include "wx_string.h"

namespace tema::gui {

MemoPanel::MemoPanel(wxWindow* parent, Workbench& bench) : wxPanel(parent), bench_(bench) {
    choice_ = new wxChoice(this, wxID_ANY);
    choice_->Append("The project");
    choice_->Append("The source shown");
    choice_->Append("The code selected");
    choice_->Append("Reflexive journal");
    choice_->SetSelection(kProject);
    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                           wxLC_REPORT | wxLC_SINGLE_SEL);
    list_->AppendColumn("Date", wxLIST_FORMAT_LEFT, 150);
    list_->AppendColumn("Author", wxLIST_FORMAT_LEFT, 110);
    list_->AppendColumn("Kind", wxLIST_FORMAT_LEFT, 90);
    list_->AppendColumn("On", wxLIST_FORMAT_LEFT, 200);
    list_->AppendColumn("Memo", wxLIST_FORMAT_LEFT, 600);
    editor_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(-1, 60), wxTE_MULTILINE);
    editor_->SetHint("Write a memo, then Add");
    auto* add_button = new wxButton(this, wxID_ANY, "Add memo");
    auto* left = new wxBoxSizer(wxVERTICAL);
    left->Add(choice_, 0, wxEXPAND | wxBOTTOM, 4);
    left->Add(editor_, 1, wxEXPAND | wxBOTTOM, 4);
    left->Add(add_button, 0, wxALIGN_RIGHT);
    auto* sizer = new wxBoxSizer(wxHORIZONTAL);
    sizer->Add(left, 1, wxEXPAND | wxRIGHT, 6);
    sizer->Add(list_, 2, wxEXPAND);
    SetSizer(sizer);
    choice_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { reload(); });
    add_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { add(); });
}

void MemoPanel::set_target(Target target) {
    choice_->SetSelection(target);
    reload();
}

std::optional<coding::MemoTarget> MemoPanel::target() {
    using Kind = coding::MemoTarget::Kind;
    switch (choice_->GetSelection()) {
        case kSource:
            if (const auto source = bench_.shown_source()) {
                return coding::MemoTarget{Kind::source, *source};
            }
            return std::nullopt;
        case kCode:
            if (const auto code = bench_.selected_code()) {
                return coding::MemoTarget{Kind::code, *code};
            }
            return std::nullopt;
        default:
            return coding::MemoTarget{};
    }
}

void MemoPanel::reload() {
    list_->DeleteAllItems();
    memos_.clear();
    store::Project* project = bench_.project();
    const std::optional<coding::MemoTarget> on = target();
    if (project == nullptr || !on) {
        return;
    }
    coding::MemoFilter filter;
    if (choice_->GetSelection() == kJournal) {
        filter.kind = coding::MemoKind::journal;
    } else {
        filter.target = on;
    }
    memos_ = coding::list_memos(project->db(), filter);
    for (const coding::Memo& memo : memos_) {
        // "2026-04-02T09:15:00Z" as "2026-04-02 09:15".
        wxString date = to_wx(memo.created).Left(16);
        date.Replace("T", " ");
        const long at = list_->InsertItem(list_->GetItemCount(), date);
        list_->SetItem(at, 1, to_wx(memo.author));
        list_->SetItem(at, 2, to_wx(coding::memo_kind_name(memo.kind)));
        list_->SetItem(at, 3, to_wx(memo.on));
        wxString text = to_wx(memo.text);
        text.Replace("\n", L" \u00B6 ");
        list_->SetItem(at, 4, text);
    }
}

void MemoPanel::add() {
    store::Project* project = bench_.project();
    const std::optional<coding::MemoTarget> on = target();
    if (project == nullptr) {
        return;
    }
    if (!on) {
        bench_.set_status(choice_->GetSelection() == kSource ? "Open a source first"
                                                             : "Select a code first");
        return;
    }
    const coding::MemoKind kind =
        choice_->GetSelection() == kJournal ? coding::MemoKind::journal : coding::MemoKind::note;
    try {
        coding::add_memo(*project, bench_.coder(), kind, *on, from_wx(editor_->GetValue()));
        editor_->Clear();
        bench_.project_changed();
    } catch (const std::exception& error) {
        bench_.report_error(error);
    }
}

}  // namespace tema::gui
