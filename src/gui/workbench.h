// What the panes of the main window may ask of it: the open project, the
// coder, and a few ways to move the reader. The panes hold no domain logic;
// they call the core and then ask the workbench to refresh every view.
#pragma once

#include <wx/string.h>

#include <cstdint>
#include <optional>
#include <vector>

#include "coding/segments.h"
#include "prompts.h"
#include "search/index.h"
#include "store/project.h"

namespace tema::gui {

class Workbench {
public:
    virtual ~Workbench() = default;

    // Null when no project is open.
    virtual store::Project* project() = 0;
    virtual const store::Coder& coder() const = 0;

    // Shows a source in the transcript view, scrolled to `line` (from 1), with
    // `marks` (code points of its text) marked.
    virtual void open_source(std::int64_t source_id, std::int64_t line,
                             const std::vector<search::Mark>& marks = {}) = 0;
    // Selects code points [start, end) of the source shown (opening it first).
    virtual void select_in_source(std::int64_t source_id, std::uint32_t start,
                                  std::uint32_t end) = 0;
    // Codes `range` of the source shown with a code, as one action.
    virtual void apply_code_to(std::int64_t code_id, coding::Range range) = 0;
    // The code selected in the codebook, if any.
    virtual std::optional<std::int64_t> selected_code() = 0;
    // The source in the transcript view, if any.
    virtual std::optional<std::int64_t> shown_source() = 0;
    // The code points selected in the transcript, if any.
    virtual std::optional<coding::Range> selected_range() = 0;
    // The coded segment chosen by a click on its stripe, while it is selected.
    virtual std::optional<std::int64_t> chosen_segment() = 0;
    // Shows a memo in the memo panel, ready to read and edit.
    virtual void show_memo(std::int64_t memo_id) = 0;
    // After every change to the project: every view reads it again.
    virtual void project_changed() = 0;
    // Shows a refusal or failure from the core.
    virtual void report_error(const std::exception& error) = 0;
    virtual void set_status(const wxString& text) = 0;
    // Message boxes, or what a test put in their place.
    virtual Prompts& prompts() = 0;
};

}  // namespace tema::gui
