// Memos and the reflexive journal: write a memo on the project, the source
// shown, the code selected, or the segment chosen in the margin; or a dated
// journal entry. The list shows the memos on what is chosen, newest last.
#pragma once

#include <wx/panel.h>

#include <optional>
#include <vector>

#include "coding/memos.h"
#include "workbench.h"

class wxChoice;
class wxListCtrl;
class wxTextCtrl;

namespace tema::gui {

class MemoPanel : public wxPanel {
public:
    // What a new memo goes on; the order of the choice box.
    enum Target : int { kProject = 0, kSource, kCode, kJournal };

    MemoPanel(wxWindow* parent, Workbench& bench);

    void reload();
    void set_target(Target target);
    wxTextCtrl* editor() { return editor_; }
    wxListCtrl* list() { return list_; }
    // Adds the editor's text as a memo on the chosen target.
    void add();
    const std::vector<coding::Memo>& memos() const { return memos_; }

private:
    std::optional<coding::MemoTarget> target();

    Workbench& bench_;
    wxChoice* choice_ = nullptr;
    wxListCtrl* list_ = nullptr;
    wxTextCtrl* editor_ = nullptr;
    std::vector<coding::Memo> memos_;
};

}  // namespace tema::gui
