#include "code_drag.h"

#include <string>

#include "coding/names.h"

namespace tema::gui {

wxDataFormat code_format() {
    return wxDataFormat("application/x-tema-code");
}

std::optional<std::int64_t> code_of_data(const void* data, std::size_t size) {
    if (data == nullptr) {
        return std::nullopt;
    }
    return coding::parse_id(std::string_view(static_cast<const char*>(data), size));
}

void drag_code(wxWindow* from, std::int64_t code_id) {
    const std::string id = std::to_string(code_id);
    wxCustomDataObject data(code_format());
    data.SetData(id.size(), id.data());
    wxDropSource source(data, from);
    source.DoDragDrop(wxDrag_AllowMove);
}

CodeDropTarget::CodeDropTarget(std::function<bool(wxPoint)> over,
                               std::function<void(std::int64_t, wxPoint)> drop,
                               std::function<void()> leave)
    : wxDropTarget(new wxCustomDataObject(code_format())),  // the target owns it
      over_(std::move(over)),
      drop_(std::move(drop)),
      leave_(std::move(leave)) {}

wxDragResult CodeDropTarget::OnDragOver(wxCoord x, wxCoord y, wxDragResult suggested) {
    return over_(wxPoint(x, y)) ? suggested : wxDragNone;
}

wxDragResult CodeDropTarget::OnData(wxCoord x, wxCoord y, wxDragResult suggested) {
    if (leave_) {
        leave_();
    }
    if (!GetData()) {
        return wxDragNone;
    }
    const auto* data = static_cast<wxCustomDataObject*>(GetDataObject());
    const auto code = code_of_data(data->GetData(), data->GetSize());
    if (!code) {
        return wxDragNone;
    }
    drop_(*code, wxPoint(x, y));
    return suggested;
}

void CodeDropTarget::OnLeave() {
    if (leave_) {
        leave_();
    }
}

}  // namespace tema::gui
