// Command ids shared by the menus and the views that post them.
#pragma once

#include <wx/defs.h>

namespace tema::gui {

enum CommandId : int {
    kQuickCode = wxID_HIGHEST + 1,  // the quick-code box on the selection
    kApplyLastCode,                 // the code applied last, again
    kRemoveCoding,                  // the chosen (or only) coding at the caret
    kInVivo,                        // a code named by the selected words
    kImport,
    kNewCode,
    kRenameCode,
    kColorCode,
    kDescribeCode,
    kDeleteCode,
    kMergeCode,
    kFocusSearch,
    kMemoOnSelection,  // the memo panel, for a memo on the selected text
    kJournal,          // the reflexive journal's window
};

}  // namespace tema::gui
