// A list of memos with an editor below it: pick a memo to read and edit it,
// Save changes, Delete (after a question), or write a new one and Add it. The
// memo panel and the journal window are each one of these with their own
// list and target. Every change goes through the core (undoable).
#pragma once

#include <wx/panel.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "coding/memos.h"
#include "workbench.h"

class wxBoxSizer;
class wxButton;
class wxListCtrl;
class wxTextCtrl;

namespace tema::gui {

// "2026-04-02T09:15:00Z" in local time, as "Thu 2 Apr 2026, 11:15"; the text
// as it was when it is not such a time.
wxString local_time_label(const std::string& iso8601_utc);

class MemoEditor : public wxPanel {
public:
    struct Options {
        bool newest_first = false;
        bool show_target = true;  // the Kind and On columns
        wxString add_label = "Add memo";
        wxString text_heading = "Memo";                 // the text column's
        bool list_above = false;                        // else the list to the right of the editor
        wxString hint = "Write a memo, then Add memo";  // the editor's tooltip
    };
    // What a new memo is: its kind and target; nullopt (after telling the
    // researcher why, in the status bar) when there is nothing to put it on.
    struct NewMemo {
        coding::MemoKind kind = coding::MemoKind::note;
        coding::MemoTarget target;
    };

    MemoEditor(wxWindow* parent, Workbench& bench, Options options);

    std::function<std::vector<coding::Memo>(store::Database&)> list_memos;
    std::function<std::optional<NewMemo>()> new_memo;

    // Puts `window` (a child of this panel) above the editor.
    void add_header(wxWindow* window);

    // Reads the memos again, keeping the one selected.
    void reload();
    // Selects a memo of the list and puts its text in the editor.
    void select_memo(std::int64_t memo_id);
    // Clears the selection and the editor, for a new memo.
    void start_new();
    std::optional<std::int64_t> selected_memo() const { return selected_; }

    // The buttons' actions.
    void add();
    void save();
    void remove();

    wxListCtrl* list() { return list_; }
    wxTextCtrl* editor() { return editor_; }
    const std::vector<coding::Memo>& memos() const { return memos_; }

private:
    void fill_list();
    void show_selected();

    Workbench& bench_;
    Options options_;
    wxListCtrl* list_ = nullptr;
    wxTextCtrl* editor_ = nullptr;
    wxButton* save_ = nullptr;
    wxButton* delete_ = nullptr;
    wxBoxSizer* column_ = nullptr;     // the editor and its buttons
    std::vector<coding::Memo> memos_;  // in the list's order
    std::optional<std::int64_t> selected_;
    std::optional<std::int64_t> shown_;  // the memo whose text the editor holds
};

}  // namespace tema::gui
