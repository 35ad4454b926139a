// A code dragged out of the codebook, with wx drag and drop: the data carries
// the code's GUID in a format of our own, so only Tema's windows take it, and
// a window of another project takes only a code its codebook holds too. The
// codebook takes it (to move the code) and so does the transcript (to code
// the text under the drop).
#pragma once

#include <wx/dnd.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace tema::gui {

class Workbench;

// "application/x-tema-code": the code's GUID.
wxDataFormat code_format();

// Starts dragging the code with `guid` from `from`; returns when it is
// dropped or given up.
void drag_code(wxWindow* from, const std::string& guid);

// Takes a dragged code. `over` says, as the pointer moves, whether a drop
// there would do something; `drop` does it. Points are in the window's
// client coordinates.
class CodeDropTarget : public wxDropTarget {
public:
    CodeDropTarget(std::function<bool(wxPoint)> over,
                   std::function<void(const std::string& guid, wxPoint)> drop,
                   std::function<void()> leave = {});

    wxDragResult OnDragOver(wxCoord x, wxCoord y, wxDragResult suggested) override;
    wxDragResult OnData(wxCoord x, wxCoord y, wxDragResult suggested) override;
    void OnLeave() override;

private:
    std::function<bool(wxPoint)> over_;
    std::function<void(const std::string&, wxPoint)> drop_;
    std::function<void()> leave_;
};

// The code GUID that data in code_format() carries, if it is one.
std::optional<std::string> code_of_data(const void* data, std::size_t size);

// The open project's code that a drop carried; none, with the reason shown,
// when there is no project or its codebook lacks the code (dragged from a
// window of another project).
std::optional<std::int64_t> dropped_code(Workbench& bench, const std::string& guid);

}  // namespace tema::gui
