// The codebook: the code tree with colours and counts. Drag a code onto
// another to move it there (onto the empty space: to the top), or onto the
// transcript to code the text there.
#pragma once

#include <wx/treectrl.h>

#include <cstdint>
#include <functional>
#include <optional>

#include "workbench.h"

class wxImageList;

namespace tema::gui {

class CodebookPanel : public wxTreeCtrl {
public:
    CodebookPanel(wxWindow* parent, Workbench& bench);

    // Reads the codebook again, keeping the selection.
    void reload();
    std::optional<std::int64_t> selected() const;
    void select(std::int64_t code_id);
    wxTreeItemId item_of(std::int64_t code_id) const;

    // Called when a code is selected, and when one is double-clicked.
    std::function<void(std::int64_t)> on_select;
    std::function<void(std::int64_t)> on_activate;

    // A drag of `code` dropped on `target` (none: the top), as the tree does.
    void drop(std::int64_t code, std::optional<std::int64_t> target);
    // The item at a point of the window, if the point is on one.
    wxTreeItemId item_at(wxPoint point) const;

private:
    std::optional<std::int64_t> code_of(const wxTreeItemId& item) const;
    void show_drop_highlight(const wxTreeItemId& item);

    Workbench& bench_;
    wxTreeItemId drop_highlight_;  // the code a drag is over
};

}  // namespace tema::gui
