#include "memo_panel.h"

#include <wx/choice.h>
#include <wx/sizer.h>

namespace tema::gui {

MemoPanel::MemoPanel(wxWindow* parent, Workbench& bench) : wxPanel(parent), bench_(bench) {
    editor_ = new MemoEditor(this, bench, {});
    choice_ = new wxChoice(editor_, wxID_ANY);
    choice_->Append("The project");
    choice_->Append("The source shown");
    choice_->Append("The selection in the text");
    choice_->Append("The code selected");
    choice_->Append("Reflexive journal");
    choice_->SetSelection(kProject);
    choice_->SetToolTip(
        "What a new memo goes on. For the selection in the text, the list shows every memo on "
        "a passage or a coded segment of the source shown");
    editor_->add_header(choice_);
    editor_->list_memos = [this](store::Database& db) { return listed(db); };
    editor_->new_memo = [this] { return new_memo(); };
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(editor_, 1, wxEXPAND);
    SetSizer(sizer);
    choice_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        editor_->start_new();
        reload();
    });
}

void MemoPanel::set_target(Target target) {
    if (target != target_choice()) {
        choice_->SetSelection(target);
        editor_->start_new();
    }
    reload();
}

MemoPanel::Target MemoPanel::target_choice() const {
    return static_cast<Target>(choice_->GetSelection());
}

void MemoPanel::reload() {
    editor_->reload();
}

std::vector<coding::Memo> MemoPanel::listed(store::Database& db) {
    using Kind = coding::MemoTarget::Kind;
    coding::MemoFilter filter;
    switch (target_choice()) {
        case kProject:
            filter.target = coding::MemoTarget{};
            break;
        case kSource:
            if (const auto source = bench_.shown_source()) {
                filter.target = coding::MemoTarget{Kind::source, *source};
                break;
            }
            return {};
        case kSelection: {
            // Every memo on a passage or a coded segment of the source shown.
            std::vector<coding::Memo> memos;
            if (const auto source = bench_.shown_source()) {
                for (auto& placed : coding::memos_in_source(db, *source)) {
                    memos.push_back(std::move(placed.memo));
                }
            }
            return memos;
        }
        case kCode:
            if (const auto code = bench_.selected_code()) {
                filter.target = coding::MemoTarget{Kind::code, *code};
                break;
            }
            return {};
        case kJournal:
            filter.kind = coding::MemoKind::journal;
            break;
    }
    return coding::list_memos(db, filter);
}

std::optional<MemoEditor::NewMemo> MemoPanel::new_memo() {
    using Kind = coding::MemoTarget::Kind;
    switch (target_choice()) {
        case kProject:
            return MemoEditor::NewMemo{};
        case kSource:
            if (const auto source = bench_.shown_source()) {
                return MemoEditor::NewMemo{coding::MemoKind::note, {Kind::source, *source}};
            }
            bench_.set_status("Open a source first");
            return std::nullopt;
        case kSelection:
            // The coded segment chosen in the margin, else the passage selected.
            if (const auto segment = bench_.chosen_segment()) {
                return MemoEditor::NewMemo{coding::MemoKind::note, {Kind::segment, *segment}};
            }
            if (const auto range = bench_.selected_range(); range && bench_.shown_source()) {
                return MemoEditor::NewMemo{
                    coding::MemoKind::note,
                    coding::passage(*bench_.shown_source(), range->start, range->end)};
            }
            bench_.set_status("Select some text first (or click a coding stripe for its segment)");
            return std::nullopt;
        case kCode:
            if (const auto code = bench_.selected_code()) {
                return MemoEditor::NewMemo{coding::MemoKind::note, {Kind::code, *code}};
            }
            bench_.set_status("Select a code first");
            return std::nullopt;
        case kJournal:
            return MemoEditor::NewMemo{coding::MemoKind::journal, {}};
    }
    return std::nullopt;
}

}  // namespace tema::gui
