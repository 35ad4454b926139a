#include "codebook_panel.h"

#include <wx/bitmap.h>
#include <wx/dcmemory.h>
#include <wx/imaglist.h>

#include <map>
#include <vector>

#include "code_drag.h"
#include "coding/codebook.h"
#include "wx_string.h"

namespace tema::gui {

namespace {

struct CodeData : wxTreeItemData {
    CodeData(std::int64_t code, wxString about) : id(code), tip(std::move(about)) {}
    std::int64_t id;
    wxString tip;  // path, origin and description
};

constexpr int kSwatch = 12;

wxBitmap swatch(const wxColour& colour, bool folder) {
    wxBitmap bitmap(kSwatch, kSwatch);
    wxMemoryDC dc(bitmap);
    dc.SetBackground(*wxWHITE_BRUSH);
    dc.Clear();
    dc.SetPen(wxPen(colour.IsOk() ? colour.ChangeLightness(70) : *wxLIGHT_GREY));
    dc.SetBrush(folder ? *wxTRANSPARENT_BRUSH
                       : wxBrush(colour.IsOk() ? colour : wxColour(230, 230, 230)));
    dc.DrawRectangle(1, 1, kSwatch - 2, kSwatch - 2);
    dc.SelectObject(wxNullBitmap);
    return bitmap;
}

}  // namespace

CodebookPanel::CodebookPanel(wxWindow* parent, Workbench& bench)
    : wxTreeCtrl(parent, wxID_ANY, wxDefaultPosition, wxSize(260, -1),
                 wxTR_HIDE_ROOT | wxTR_HAS_BUTTONS | wxTR_SINGLE | wxTR_FULL_ROW_HIGHLIGHT),
      bench_(bench) {
    Bind(wxEVT_TREE_SEL_CHANGED, [this](wxTreeEvent& event) {
        if (const auto code = code_of(event.GetItem()); code && on_select) {
            on_select(*code);
        }
    });
    Bind(wxEVT_TREE_ITEM_ACTIVATED, [this](wxTreeEvent& event) {
        if (const auto code = code_of(event.GetItem()); code && on_activate) {
            on_activate(*code);
        }
    });
    Bind(wxEVT_TREE_ITEM_GETTOOLTIP, [this](wxTreeEvent& event) {
        if (const auto* data = dynamic_cast<CodeData*>(GetItemData(event.GetItem()))) {
            event.SetToolTip(data->tip.Strip(wxString::trailing));
        }
    });
    // A drag carries the code to another code here (a move) or to the
    // transcript (coding): wx drag and drop, which both windows take.
    Bind(wxEVT_TREE_BEGIN_DRAG, [this](wxTreeEvent& event) {
        if (const auto code = code_of(event.GetItem()); code && bench_.project() != nullptr) {
            drag_code(this, coding::get_code(bench_.project()->db(), *code).guid);
        }
    });
    SetDropTarget(new CodeDropTarget(
        [this](wxPoint at) {
            const wxTreeItemId item = item_at(at);
            if (item != drop_highlight_) {
                show_drop_highlight(item);
            }
            return true;
        },
        [this](const std::string& guid, wxPoint at) {
            if (const auto code = dropped_code(bench_, guid)) {
                drop(*code, code_of(item_at(at)));
            }
        },
        [this] { show_drop_highlight({}); }));
}

std::optional<std::int64_t> CodebookPanel::code_of(const wxTreeItemId& item) const {
    if (!item.IsOk()) {
        return std::nullopt;
    }
    if (const auto* data = dynamic_cast<CodeData*>(GetItemData(item)); data != nullptr) {
        return data->id;
    }
    return std::nullopt;
}

wxTreeItemId CodebookPanel::item_at(wxPoint point) const {
    int flags = 0;
    const wxTreeItemId item = HitTest(point, flags);
    return (flags & wxTREE_HITTEST_ONITEM) != 0 ? item : wxTreeItemId();
}

void CodebookPanel::show_drop_highlight(const wxTreeItemId& item) {
    if (drop_highlight_.IsOk()) {
        SetItemDropHighlight(drop_highlight_, false);
    }
    drop_highlight_ = item;
    if (item.IsOk()) {
        SetItemDropHighlight(item, true);
    }
}

std::optional<std::int64_t> CodebookPanel::selected() const {
    return code_of(GetSelection());
}

wxTreeItemId CodebookPanel::item_of(std::int64_t code_id) const {
    // Depth-first through the whole tree.
    std::vector<wxTreeItemId> stack{GetRootItem()};
    while (!stack.empty()) {
        const wxTreeItemId item = stack.back();
        stack.pop_back();
        if (code_of(item) == code_id) {
            return item;
        }
        wxTreeItemIdValue cookie;
        for (wxTreeItemId child = GetFirstChild(item, cookie); child.IsOk();
             child = GetNextChild(item, cookie)) {
            stack.push_back(child);
        }
    }
    return {};
}

void CodebookPanel::select(std::int64_t code_id) {
    if (const wxTreeItemId item = item_of(code_id); item.IsOk()) {
        SelectItem(item);
        EnsureVisible(item);
    }
}

void CodebookPanel::drop(std::int64_t code, std::optional<std::int64_t> target) {
    store::Project* project = bench_.project();
    if (project == nullptr || target == code) {
        return;
    }
    try {
        coding::move_code(*project, bench_.coder(), code, target);
        bench_.project_changed();
    } catch (const std::exception& error) {
        bench_.report_error(error);
    }
}

void CodebookPanel::reload() {
    const std::optional<std::int64_t> keep = selected();
    drop_highlight_ = wxTreeItemId();
    Freeze();
    DeleteAllItems();
    const wxTreeItemId root = AddRoot("Codes");
    auto* images = new wxImageList(kSwatch, kSwatch);
    if (store::Project* project = bench_.project(); project != nullptr) {
        std::map<std::int64_t, wxTreeItemId> items;
        for (const coding::Code& code : coding::list_codes(project->db())) {
            const wxColour colour = code.color ? wxColour(to_wx(*code.color)) : wxColour();
            const int image = images->Add(swatch(colour, !code.codable));
            wxString label = to_wx(code.name);
            if (code.codable) {
                label += wxString::Format("  (%lld)", static_cast<long long>(code.segments));
            }
            const wxTreeItemId parent = code.parent_id ? items.at(*code.parent_id) : root;
            const wxTreeItemId item = AppendItem(
                parent, label, image, image,
                new CodeData(code.id, to_wx(code.path + " (" +
                                            std::string(coding::origin_name(code.origin)) + ")\n" +
                                            code.description)));
            items.emplace(code.id, item);
        }
        ExpandAll();
    }
    AssignImageList(images);
    if (keep) {
        select(*keep);
    }
    Thaw();
}

}  // namespace tema::gui
