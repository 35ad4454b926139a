// The sources of the project, grouped by kind, with their lines and codings.
#pragma once

#include <wx/treectrl.h>

#include <cstdint>
#include <optional>

#include "workbench.h"

namespace tema::gui {

class SourcesPanel : public wxTreeCtrl {
public:
    SourcesPanel(wxWindow* parent, Workbench& bench);

    // Reads the sources again, keeping the selection.
    void reload();
    std::optional<std::int64_t> source_of(const wxTreeItemId& item) const;
    // The item of a source (for tests), or an invalid id.
    wxTreeItemId item_of(std::int64_t source_id) const;

private:
    Workbench& bench_;
};

}  // namespace tema::gui
