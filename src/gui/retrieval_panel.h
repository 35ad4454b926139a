// Retrieval: the segments of the code selected in the codebook, with source,
// lines, participant, coder and words; a click jumps there. The translation of
// the selected segment's quote can be edited below the list.
#pragma once

#include <wx/panel.h>

#include <cstdint>
#include <optional>
#include <vector>

#include "coding/retrieval.h"
#include "workbench.h"

class wxListCtrl;
class wxListEvent;
class wxTextCtrl;

namespace tema::gui {

class RetrievalPanel : public wxPanel {
public:
    RetrievalPanel(wxWindow* parent, Workbench& bench);

    void show_code(std::optional<std::int64_t> code_id);
    void reload() { show_code(code_); }
    const std::vector<coding::Retrieved>& rows() const { return rows_; }
    wxListCtrl* list() { return list_; }
    // Jumps to row `row`'s place in its source.
    void open_row(long row);
    // Saves the translation box for the selected row.
    void save_translation();
    wxTextCtrl* translation() { return translation_; }

private:
    void on_selected(wxListEvent& event);

    Workbench& bench_;
    std::optional<std::int64_t> code_;
    std::vector<coding::Retrieved> rows_;
    wxListCtrl* list_ = nullptr;
    wxTextCtrl* translation_ = nullptr;
};

}  // namespace tema::gui
