// The reflexive journal in a window of its own, beside the transcript: its
// dated entries, newest first, with their authors; write a new entry, or pick
// one to read, edit or delete it. Closing it only hides it.
#pragma once

#include <wx/frame.h>

#include "workbench.h"

class wxStaticText;

namespace tema::gui {

class MemoEditor;

class JournalWindow : public wxFrame {
public:
    JournalWindow(wxWindow* parent, Workbench& bench);

    // Reads the entries again (after any change to the project).
    void reload();
    MemoEditor* entries() { return entries_; }

private:
    Workbench& bench_;
    MemoEditor* entries_ = nullptr;
    wxStaticText* heading_ = nullptr;
};

}  // namespace tema::gui
