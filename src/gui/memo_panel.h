// Memos: write a memo on the project, the source shown, the selection in the
// text (a passage, or the coded segment chosen in the margin), or the code
// selected; read, edit and delete them. The list shows the memos on what is
// chosen, oldest first (the reflexive journal has a window of its own too).
#pragma once

#include <wx/panel.h>

#include <cstdint>
#include <optional>
#include <vector>

#include "coding/memos.h"
#include "memo_editor.h"
#include "workbench.h"

class wxChoice;
class wxListCtrl;
class wxTextCtrl;

namespace tema::gui {

class MemoPanel : public wxPanel {
public:
    // What a new memo goes on; the order of the choice box.
    enum Target : int { kProject = 0, kSource, kSelection, kCode, kJournal };

    MemoPanel(wxWindow* parent, Workbench& bench);

    void reload();
    void set_target(Target target);
    Target target_choice() const;
    MemoEditor* memo_editor() { return editor_; }
    wxTextCtrl* editor() { return editor_->editor(); }
    wxListCtrl* list() { return editor_->list(); }
    // Adds the editor's text as a memo on the chosen target.
    void add() { editor_->add(); }
    const std::vector<coding::Memo>& memos() const { return editor_->memos(); }

private:
    std::vector<coding::Memo> listed(store::Database& db);
    std::optional<MemoEditor::NewMemo> new_memo();

    Workbench& bench_;
    wxChoice* choice_ = nullptr;
    MemoEditor* editor_ = nullptr;
};

}  // namespace tema::gui
