#include "retrieval_panel.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/textctrl.h>

#include "coding/segments.h"
#include "wx_string.h"

namespace tema::gui {

RetrievalPanel::RetrievalPanel(wxWindow* parent, Workbench& bench)
    : wxPanel(parent), bench_(bench) {
    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                           wxLC_REPORT | wxLC_SINGLE_SEL);
    list_->AppendColumn("Source", wxLIST_FORMAT_LEFT, 200);
    list_->AppendColumn("Lines", wxLIST_FORMAT_LEFT, 70);
    list_->AppendColumn("Participant", wxLIST_FORMAT_LEFT, 80);
    list_->AppendColumn("Coder", wxLIST_FORMAT_LEFT, 100);
    list_->AppendColumn("Text", wxLIST_FORMAT_LEFT, 520);
    list_->AppendColumn("Translation", wxLIST_FORMAT_LEFT, 300);
    translation_ =
        new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
    translation_->SetHint("Translation of the selected quote");
    auto* save = new wxButton(this, wxID_ANY, "Save translation");
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(translation_, 1, wxEXPAND | wxRIGHT, 4);
    row->Add(save, 0);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(list_, 1, wxEXPAND);
    sizer->Add(row, 0, wxEXPAND | wxTOP, 4);
    SetSizer(sizer);
    list_->Bind(wxEVT_LIST_ITEM_SELECTED, &RetrievalPanel::on_selected, this);
    list_->Bind(wxEVT_LIST_ITEM_ACTIVATED,
                [this](wxListEvent& event) { open_row(event.GetIndex()); });
    save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save_translation(); });
    translation_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { save_translation(); });
}

void RetrievalPanel::show_code(std::optional<std::int64_t> code_id) {
    code_ = code_id;
    list_->DeleteAllItems();
    rows_.clear();
    translation_->Clear();
    store::Project* project = bench_.project();
    if (!code_ || project == nullptr) {
        return;
    }
    try {
        rows_ = coding::retrieve(project->db(), *code_);
    } catch (const std::exception&) {
        // The code went away (undone, merged): nothing to retrieve.
        code_.reset();
        return;
    }
    for (const coding::Retrieved& row : rows_) {
        const long at = list_->InsertItem(list_->GetItemCount(), to_wx(row.source));
        list_->SetItem(
            at, 1,
            row.start_line == row.end_line
                ? wxString::Format("%lld", static_cast<long long>(row.start_line))
                : wxString::Format(L"%lld\u2013%lld", static_cast<long long>(row.start_line),
                                   static_cast<long long>(row.end_line)));
        list_->SetItem(at, 2, to_wx(row.participant.value_or(row.speaker.value_or(""))));
        list_->SetItem(at, 3, to_wx(row.coder));
        wxString words = to_wx(row.text);
        words.Replace("\n", L" \u00B6 ");
        list_->SetItem(at, 4, words);
        list_->SetItem(at, 5, to_wx(row.translation));
    }
}

void RetrievalPanel::open_row(long row) {
    if (row < 0 || static_cast<std::size_t>(row) >= rows_.size()) {
        return;
    }
    const coding::Retrieved& hit = rows_[static_cast<std::size_t>(row)];
    bench_.select_in_source(hit.source_id, hit.start, hit.end);
}

void RetrievalPanel::on_selected(wxListEvent& event) {
    const long row = event.GetIndex();
    if (row >= 0 && static_cast<std::size_t>(row) < rows_.size()) {
        translation_->ChangeValue(to_wx(rows_[static_cast<std::size_t>(row)].translation));
    }
}

void RetrievalPanel::save_translation() {
    const long row = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    store::Project* project = bench_.project();
    if (row < 0 || static_cast<std::size_t>(row) >= rows_.size() || project == nullptr) {
        return;
    }
    try {
        coding::annotate_segment(*project, bench_.coder(),
                                 rows_[static_cast<std::size_t>(row)].segment, std::nullopt,
                                 from_wx(translation_->GetValue()));
        bench_.project_changed();
    } catch (const std::exception& error) {
        bench_.report_error(error);
    }
}

}  // namespace tema::gui
