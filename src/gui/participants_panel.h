// Participants: the table of participants and their attributes, and the
// speakers of the source shown, each mapped (or to be mapped) to a participant.
#pragma once

#include <wx/panel.h>

#include <string>
#include <vector>

#include "store/participants.h"
#include "workbench.h"

class wxChoice;
class wxListCtrl;

namespace tema::gui {

class ParticipantsPanel : public wxPanel {
public:
    ParticipantsPanel(wxWindow* parent, Workbench& bench);

    void reload();
    wxListCtrl* participants() { return participants_; }
    wxListCtrl* speakers() { return speakers_; }
    wxChoice* choice() { return choice_; }
    // Maps the selected speaker of the source shown to the participant chosen.
    void map_selected();

private:
    Workbench& bench_;
    wxListCtrl* participants_ = nullptr;
    wxListCtrl* speakers_ = nullptr;
    wxChoice* choice_ = nullptr;
    std::vector<store::Speaker> speaker_rows_;
    std::vector<std::string> pids_;
};

}  // namespace tema::gui
