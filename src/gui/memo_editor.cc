#include "memo_editor.h"

#include <wx/button.h>
#include <wx/datetime.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <ctime>
#include <iomanip>
#include <sstream>
#include <tuple>

#include "wx_string.h"

namespace tema::gui {

wxString local_time_label(const std::string& iso8601_utc) {
    // The core writes "YYYY-MM-DDTHH:MM:SSZ", in UTC: timegm makes it a moment,
    // which wxDateTime formats in the reader's time zone.
    std::tm fields{};
    std::istringstream in(iso8601_utc);
    in >> std::get_time(&fields, "%Y-%m-%dT%H:%M:%S");
    if (in.fail()) {
        return to_wx(iso8601_utc);
    }
    const wxDateTime local(timegm(&fields));
    return local.Format("%a ") + wxString::Format("%d", local.GetDay()) +
           local.Format(" %b %Y, %H:%M");
}

MemoEditor::MemoEditor(wxWindow* parent, Workbench& bench, Options options)
    : wxPanel(parent), bench_(bench), options_(std::move(options)) {
    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                           wxLC_REPORT | wxLC_SINGLE_SEL);
    list_->AppendColumn("Written", wxLIST_FORMAT_LEFT, 170);
    list_->AppendColumn("Author", wxLIST_FORMAT_LEFT, 120);
    if (options_.show_target) {
        list_->AppendColumn("Kind", wxLIST_FORMAT_LEFT, 70);
        list_->AppendColumn("On", wxLIST_FORMAT_LEFT, 360);
    }
    list_->AppendColumn(options_.text_heading, wxLIST_FORMAT_LEFT, 600);
    editor_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(-1, 60), wxTE_MULTILINE);
    // A tooltip, not SetHint: wxGTK's hint on a multi-line control leaves the
    // text typed or shown after it grey, as if disabled.
    editor_->SetToolTip(options_.hint);
    auto* fresh = new wxButton(this, wxID_ANY, "New");
    fresh->SetToolTip("Clear the editor for a new memo");
    auto* add = new wxButton(this, wxID_ANY, options_.add_label);
    save_ = new wxButton(this, wxID_ANY, "Save changes");
    delete_ = new wxButton(this, wxID_ANY, L"Delete\u2026");
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(fresh, 0, wxRIGHT, 4);
    buttons->AddStretchSpacer();
    buttons->Add(delete_, 0, wxRIGHT, 4);
    buttons->Add(save_, 0, wxRIGHT, 4);
    buttons->Add(add, 0);
    column_ = new wxBoxSizer(wxVERTICAL);
    column_->Add(editor_, 1, wxEXPAND | wxBOTTOM, 4);
    column_->Add(buttons, 0, wxEXPAND);
    auto* sizer = new wxBoxSizer(options_.list_above ? wxVERTICAL : wxHORIZONTAL);
    if (options_.list_above) {
        sizer->Add(list_, 3, wxEXPAND | wxBOTTOM, 6);
        sizer->Add(column_, 2, wxEXPAND);
    } else {
        sizer->Add(column_, 1, wxEXPAND | wxRIGHT, 6);
        sizer->Add(list_, 2, wxEXPAND);
    }
    SetSizer(sizer);

    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& event) {
        const auto row = static_cast<std::size_t>(event.GetIndex());
        if (row < memos_.size()) {
            selected_ = memos_[row].id;
            show_selected();
        }
    });
    list_->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) {
        if (list_->GetSelectedItemCount() == 0) {
            start_new();
        }
    });
    fresh->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { start_new(); });
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { this->add(); });
    save_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save(); });
    delete_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { remove(); });
    show_selected();
}

void MemoEditor::add_header(wxWindow* window) {
    column_->Insert(0, window, 0, wxEXPAND | wxBOTTOM, 4);
    Layout();
}

void MemoEditor::reload() {
    memos_.clear();
    if (store::Project* project = bench_.project(); project != nullptr && list_memos) {
        memos_ = list_memos(project->db());
    }
    if (options_.newest_first) {
        std::sort(memos_.begin(), memos_.end(), [](const coding::Memo& a, const coding::Memo& b) {
            // Written in the same second: the later one (its id) first.
            return std::tie(a.created, a.id) > std::tie(b.created, b.id);
        });
    }
    const bool still_there = std::any_of(memos_.begin(), memos_.end(), [this](const auto& memo) {
        return selected_ && memo.id == *selected_;
    });
    if (!still_there) {
        selected_.reset();
    }
    fill_list();
    show_selected();
}

void MemoEditor::fill_list() {
    list_->DeleteAllItems();
    for (const coding::Memo& memo : memos_) {
        const long row = list_->InsertItem(list_->GetItemCount(), local_time_label(memo.created));
        int column = 1;
        list_->SetItem(row, column++, to_wx(memo.author));
        if (options_.show_target) {
            list_->SetItem(row, column++, to_wx(coding::memo_kind_name(memo.kind)));
            list_->SetItem(row, column++, to_wx(memo.place));
        }
        wxString text = to_wx(memo.text);
        text.Replace("\n", L" \u00B6 ");
        list_->SetItem(row, column, text);
        if (selected_ && memo.id == *selected_) {
            list_->SetItemState(row, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
        }
    }
}

void MemoEditor::show_selected() {
    save_->Enable(selected_.has_value());
    delete_->Enable(selected_.has_value());
    const auto memo = std::find_if(memos_.begin(), memos_.end(), [this](const auto& each) {
        return selected_ && each.id == *selected_;
    });
    // Another memo chosen, or this one changed (undone) while its text in the
    // editor was not touched: show its text. Unsaved typing is left alone.
    if (memo != memos_.end() && (memo->id != shown_ || !editor_->IsModified())) {
        editor_->ChangeValue(to_wx(memo->text));
        shown_ = memo->id;
    }
}

void MemoEditor::select_memo(std::int64_t memo_id) {
    for (std::size_t row = 0; row < memos_.size(); ++row) {
        if (memos_[row].id == memo_id) {
            const long item = static_cast<long>(row);
            list_->SetItemState(item, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
            list_->EnsureVisible(item);
            selected_ = memo_id;
            show_selected();
            return;
        }
    }
}

void MemoEditor::start_new() {
    if (selected_) {
        selected_.reset();
        for (long row = 0; row < list_->GetItemCount(); ++row) {
            list_->SetItemState(row, 0, wxLIST_STATE_SELECTED);
        }
    }
    editor_->Clear();
    shown_.reset();
    show_selected();
}

void MemoEditor::add() {
    store::Project* project = bench_.project();
    if (project == nullptr || !new_memo) {
        return;
    }
    const std::optional<NewMemo> memo = new_memo();
    if (!memo) {
        return;
    }
    try {
        const coding::Memo added = coding::add_memo(*project, bench_.coder(), memo->kind,
                                                    memo->target, from_wx(editor_->GetValue()));
        start_new();
        bench_.project_changed();
        bench_.set_status("Added a memo on " + to_wx(added.on));
    } catch (const std::exception& error) {
        bench_.report_error(error);
    }
}

void MemoEditor::save() {
    store::Project* project = bench_.project();
    if (project == nullptr || !selected_) {
        return;
    }
    try {
        coding::edit_memo(*project, bench_.coder(), *selected_, from_wx(editor_->GetValue()));
        bench_.project_changed();
        bench_.set_status("Saved the memo");
    } catch (const std::exception& error) {
        bench_.report_error(error);
    }
}

void MemoEditor::remove() {
    store::Project* project = bench_.project();
    if (project == nullptr || !selected_) {
        return;
    }
    try {
        const coding::Memo memo = coding::find_memo(project->db(), *selected_);
        wxString text = to_wx(memo.text);
        if (text.length() > 80) {
            text = text.Left(80) + L"\u2026";
        }
        if (!bench_.prompts().confirm(this, "Delete this memo on " + to_wx(memo.on) + "?\n\n" +
                                                text + "\n\n(Edit \u203A Undo brings it back.)")) {
            return;
        }
        coding::delete_memo(*project, bench_.coder(), memo.id);
        start_new();
        bench_.project_changed();
        bench_.set_status("Deleted the memo (Ctrl+Z brings it back)");
    } catch (const std::exception& error) {
        bench_.report_error(error);
    }
}

}  // namespace tema::gui
