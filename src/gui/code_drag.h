// A code dragged out of the codebook, with wx drag and drop: the data carries
// the code's id in a format of our own, so only Tema's windows take it. The
// codebook takes it (to move the code) and so does the transcript (to code
// the text under the drop).
#pragma once

#include <wx/dnd.h>

#include <cstdint>
#include <functional>
#include <optional>

namespace tema::gui {

// "application/x-tema-code": the code's id in decimal.
wxDataFormat code_format();

// Starts dragging `code_id` from `from`; returns when it is dropped or given up.
void drag_code(wxWindow* from, std::int64_t code_id);

// Takes a dragged code. `over` says, as the pointer moves, whether a drop
// there would do something; `drop` does it. Points are in the window's
// client coordinates.
class CodeDropTarget : public wxDropTarget {
public:
    CodeDropTarget(std::function<bool(wxPoint)> over,
                   std::function<void(std::int64_t code_id, wxPoint)> drop,
                   std::function<void()> leave = {});

    wxDragResult OnDragOver(wxCoord x, wxCoord y, wxDragResult suggested) override;
    wxDragResult OnData(wxCoord x, wxCoord y, wxDragResult suggested) override;
    void OnLeave() override;

private:
    std::function<bool(wxPoint)> over_;
    std::function<void(std::int64_t, wxPoint)> drop_;
    std::function<void()> leave_;
};

// The code id that data in code_format() carries, if it is one.
std::optional<std::int64_t> code_of_data(const void* data, std::size_t size);

}  // namespace tema::gui
