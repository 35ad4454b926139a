#include "participants_panel.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>

#include "wx_string.h"

namespace tema::gui {

ParticipantsPanel::ParticipantsPanel(wxWindow* parent, Workbench& bench)
    : wxPanel(parent), bench_(bench) {
    participants_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                   wxLC_REPORT | wxLC_SINGLE_SEL);
    speakers_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(360, -1),
                               wxLC_REPORT | wxLC_SINGLE_SEL);
    speakers_->AppendColumn("Speaker in this source", wxLIST_FORMAT_LEFT, 170);
    speakers_->AppendColumn("Turns", wxLIST_FORMAT_RIGHT, 60);
    speakers_->AppendColumn("Participant", wxLIST_FORMAT_LEFT, 100);
    choice_ = new wxChoice(this, wxID_ANY);
    auto* map = new wxButton(this, wxID_ANY, "Map speaker to");
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(map, 0, wxRIGHT, 4);
    row->Add(choice_, 1);
    auto* right = new wxBoxSizer(wxVERTICAL);
    right->Add(speakers_, 1, wxEXPAND | wxBOTTOM, 4);
    right->Add(row, 0, wxEXPAND);
    auto* sizer = new wxBoxSizer(wxHORIZONTAL);
    sizer->Add(participants_, 2, wxEXPAND | wxRIGHT, 6);
    sizer->Add(right, 1, wxEXPAND);
    SetSizer(sizer);
    map->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { map_selected(); });
}

void ParticipantsPanel::reload() {
    participants_->ClearAll();
    speakers_->DeleteAllItems();
    choice_->Clear();
    speaker_rows_.clear();
    pids_.clear();
    store::Project* project = bench_.project();
    if (project == nullptr) {
        return;
    }
    const std::vector<store::Participant> people = store::list_participants(project->db());
    // Columns: the id, then every attribute name in the order first met.
    std::vector<std::string> names;
    for (const store::Participant& person : people) {
        for (const auto& [name, value] : person.attributes) {
            if (std::find(names.begin(), names.end(), name) == names.end()) {
                names.push_back(name);
            }
        }
    }
    participants_->AppendColumn("Participant", wxLIST_FORMAT_LEFT, 90);
    for (const std::string& name : names) {
        participants_->AppendColumn(to_wx(name), wxLIST_FORMAT_LEFT, 110);
    }
    for (const store::Participant& person : people) {
        const long at = participants_->InsertItem(participants_->GetItemCount(), to_wx(person.pid));
        for (const auto& [name, value] : person.attributes) {
            const auto column = std::find(names.begin(), names.end(), name) - names.begin() + 1;
            participants_->SetItem(at, static_cast<int>(column), to_wx(value));
        }
        choice_->Append(to_wx(person.pid));
        pids_.push_back(person.pid);
    }
    if (const auto source = bench_.shown_source()) {
        speaker_rows_ = store::list_speakers(project->db(), *source);
        for (const store::Speaker& speaker : speaker_rows_) {
            const long at = speakers_->InsertItem(speakers_->GetItemCount(), to_wx(speaker.label));
            speakers_->SetItem(at, 1,
                               wxString::Format("%lld", static_cast<long long>(speaker.turns)));
            speakers_->SetItem(at, 2, to_wx(speaker.participant.value_or("")));
        }
    }
}

void ParticipantsPanel::map_selected() {
    store::Project* project = bench_.project();
    const auto source = bench_.shown_source();
    const long row = speakers_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    const int person = choice_->GetSelection();
    if (project == nullptr || !source || row < 0 || person == wxNOT_FOUND) {
        bench_.set_status("Choose a speaker and a participant");
        return;
    }
    try {
        store::map_speaker(*project, bench_.coder(), *source,
                           speaker_rows_.at(static_cast<std::size_t>(row)).label,
                           pids_.at(static_cast<std::size_t>(person)));
        bench_.project_changed();
    } catch (const std::exception& error) {
        bench_.report_error(error);
    }
}

}  // namespace tema::gui
