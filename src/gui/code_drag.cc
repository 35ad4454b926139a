#include "code_drag.h"

#include <string>

#include "coding/codebook.h"
#include "util/error.h"
#include "workbench.h"


namespace tema::gui {

wxDataFormat code_format() {
    return wxDataFormat("application/x-tema-code");
}

std::optional<std::string> code_of_data(const void* data, std::size_t size) {
    if (data == nullptr || size == 0 || size > 64) {
        return std::nullopt;
    }
    return std::string(static_cast<const char*>(data), size);
}

std::optional<std::int64_t> dropped_code(Workbench& bench, const std::string& guid) {
    store::Project* project = bench.project();
    if (project == nullptr) {
        return std::nullopt;
    }
    if (auto code = coding::code_with_guid(project->db(), guid)) {
        return code;
    }
    bench.report_error(
        Error("code", "the code dropped is not in this project's codebook (is it from another "
                      "project's window?)"));
    return std::nullopt;
}

void drag_code(wxWindow* from, const std::string& guid) {
    wxCustomDataObject data(code_format());
    data.SetData(guid.size(), guid.data());
    wxDropSource source(data, from);
    source.DoDragDrop(wxDrag_AllowMove);
}

CodeDropTarget::CodeDropTarget(std::function<bool(wxPoint)> over,
                               std::function<void(const std::string&, wxPoint)> drop,
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
