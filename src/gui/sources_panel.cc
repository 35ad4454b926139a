#include "sources_panel.h"

#include <map>
#include <vector>

#include "coding/retrieval.h"
#include "store/sources.h"
#include "wx_string.h"

namespace tema::gui {

namespace {

struct SourceData : wxTreeItemData {
    explicit SourceData(std::int64_t source) : id(source) {}
    std::int64_t id;
};

const char* group_name(SourceKind kind) {
    switch (kind) {
        case SourceKind::transcript:
            return "Transcripts";
        case SourceKind::fieldnote:
            return "Field notes";
        case SourceKind::document:
            return "Documents";
    }
    return "Documents";
}

}  // namespace

SourcesPanel::SourcesPanel(wxWindow* parent, Workbench& bench)
    : wxTreeCtrl(parent, wxID_ANY, wxDefaultPosition, wxSize(260, -1),
                 wxTR_HIDE_ROOT | wxTR_HAS_BUTTONS | wxTR_NO_LINES | wxTR_SINGLE |
                     wxTR_FULL_ROW_HIGHLIGHT),
      bench_(bench) {
    Bind(wxEVT_TREE_SEL_CHANGED, [this](wxTreeEvent& event) {
        if (const auto source = source_of(event.GetItem()); source) {
            if (bench_.shown_source() != source) {
                bench_.open_source(*source, 1);
            }
        }
    });
}

std::optional<std::int64_t> SourcesPanel::source_of(const wxTreeItemId& item) const {
    if (!item.IsOk()) {
        return std::nullopt;
    }
    if (const auto* data = dynamic_cast<SourceData*>(GetItemData(item)); data != nullptr) {
        return data->id;
    }
    return std::nullopt;
}

wxTreeItemId SourcesPanel::item_of(std::int64_t source_id) const {
    wxTreeItemIdValue groups;
    for (wxTreeItemId group = GetFirstChild(GetRootItem(), groups); group.IsOk();
         group = GetNextChild(GetRootItem(), groups)) {
        wxTreeItemIdValue items;
        for (wxTreeItemId item = GetFirstChild(group, items); item.IsOk();
             item = GetNextChild(group, items)) {
            if (source_of(item) == source_id) {
                return item;
            }
        }
    }
    return {};
}

void SourcesPanel::reload() {
    const std::optional<std::int64_t> selected = bench_.shown_source();
    Freeze();
    DeleteAllItems();
    const wxTreeItemId root = AddRoot("Sources");
    if (store::Project* project = bench_.project(); project != nullptr) {
        const std::vector<SourceInfo> sources = store::list_sources(project->db());
        const std::map<std::int64_t, std::int64_t> coded =
            coding::segments_per_source(project->db());
        for (const SourceKind kind :
             {SourceKind::transcript, SourceKind::fieldnote, SourceKind::document}) {
            std::vector<const SourceInfo*> group;
            for (const SourceInfo& source : sources) {
                if (source.kind == kind) {
                    group.push_back(&source);
                }
            }
            if (group.empty()) {
                continue;
            }
            const wxTreeItemId parent =
                AppendItem(root, wxString::Format("%s (%zu)", group_name(kind), group.size()));
            SetItemBold(parent);
            for (const SourceInfo* source : group) {
                const auto count = coded.find(source->id);
                const std::int64_t codings = count == coded.end() ? 0 : count->second;
                const wxString label =
                    to_wx(source->name) + wxString::Format(L"  \u00B7 %lld lines \u00B7 %lld coded",
                                                           static_cast<long long>(source->lines),
                                                           static_cast<long long>(codings));
                const wxTreeItemId item =
                    AppendItem(parent, label, -1, -1, new SourceData(source->id));
                if (selected == source->id) {
                    SelectItem(item);
                }
            }
            Expand(parent);
        }
    }
    Thaw();
}

}  // namespace tema::gui
