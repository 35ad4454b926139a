#include "search_panel.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/textctrl.h>

#include "coding/codebook.h"
#include "search/autocode.h"
#include "util/progress.h"
#include "wx_string.h"

namespace tema::gui {

SearchPanel::SearchPanel(wxWindow* parent, Workbench& bench) : wxPanel(parent), bench_(bench) {
    query_ =
        new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
    query_->SetHint("Search: words, \"a phrase\", OR, NOT, speaker:P07, code:Kontakt ...");
    fold_ = new wxCheckBox(this, wxID_ANY, "Accent-tolerant");
    auto* go = new wxButton(this, wxID_ANY, "Search");
    autocode_ = new wxButton(this, wxID_ANY, "Auto-code hits");
    autocode_->SetToolTip("Code the lines of every hit with the code selected in the codebook");
    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                           wxLC_REPORT | wxLC_SINGLE_SEL);
    list_->AppendColumn("Source", wxLIST_FORMAT_LEFT, 220);
    list_->AppendColumn("Line", wxLIST_FORMAT_LEFT, 50);
    list_->AppendColumn("Speaker", wxLIST_FORMAT_LEFT, 110);
    list_->AppendColumn("Snippet", wxLIST_FORMAT_LEFT, 760);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(query_, 1, wxEXPAND | wxRIGHT, 4);
    row->Add(fold_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    row->Add(go, 0, wxRIGHT, 4);
    row->Add(autocode_, 0);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(row, 0, wxEXPAND | wxBOTTOM, 4);
    sizer->Add(list_, 1, wxEXPAND);
    SetSizer(sizer);
    query_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { start_search(); });
    go->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { start_search(); });
    autocode_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { autocode(); });
    list_->Bind(wxEVT_LIST_ITEM_ACTIVATED,
                [this](wxListEvent& event) { open_hit(event.GetIndex()); });
}

SearchPanel::~SearchPanel() {
    // The worker posts back to this panel: it must end first.
    if (worker_.joinable()) {
        worker_.join();
    }
}

search::SearchRequest SearchPanel::request() const {
    search::SearchRequest request;
    request.query = from_wx(query_->GetValue());
    request.fold = fold_->GetValue();
    request.limit = 200;
    return request;
}

void SearchPanel::start_search() {
    store::Project* project = bench_.project();
    if (project == nullptr || busy() || query_->GetValue().Strip(wxString::both).empty()) {
        return;
    }
    if (worker_.joinable()) {
        worker_.join();
    }
    done_ = false;
    bench_.set_status(L"Searching\u2026");
    worker_ = std::thread([this, path = project->path(), request = request()]() {
        std::variant<search::SearchResult, std::string> outcome;
        try {
            // A connection of its own: the UI thread's is not shared.
            store::Project reader(path, store::Project::Access::read_only);
            search::SearchIndex index(reader);
            NoProgress quiet;
            index.sync(quiet);
            outcome = index.search(request);
        } catch (const std::exception& error) {
            outcome = std::string(error.what());
        }
        CallAfter([this, outcome = std::move(outcome)]() mutable { show(std::move(outcome)); });
    });
}

void SearchPanel::show(std::variant<search::SearchResult, std::string> outcome) {
    done_ = true;
    list_->DeleteAllItems();
    if (const auto* problem = std::get_if<std::string>(&outcome)) {
        result_ = {};
        bench_.set_status(to_wx(*problem));
        return;
    }
    result_ = std::move(std::get<search::SearchResult>(outcome));
    for (const search::Hit& hit : result_.hits) {
        const long at = list_->InsertItem(list_->GetItemCount(), to_wx(hit.source));
        list_->SetItem(at, 1, wxString::Format("%lld", static_cast<long long>(hit.line)));
        list_->SetItem(at, 2, to_wx(hit.participant.value_or(hit.speaker.value_or(""))));
        wxString snippet = to_wx(hit.snippet);
        snippet.Replace("\n", " ");
        snippet.Replace("**", "");  // the marks: the words are marked in the text when opened
        list_->SetItem(at, 3, snippet);
    }
    wxString status =
        wxString::Format("%zu hits%s", result_.total, result_.total_exact ? "" : " (about)");
    if (result_.suggestion) {
        status += L" \u2014 did you mean: " + to_wx(*result_.suggestion);
    }
    bench_.set_status(status);
}

void SearchPanel::open_hit(long row) {
    if (row < 0 || static_cast<std::size_t>(row) >= result_.hits.size()) {
        return;
    }
    const search::Hit& hit = result_.hits[static_cast<std::size_t>(row)];
    bench_.open_source(hit.source_id, hit.line, hit.marks);
}

void SearchPanel::autocode() {
    store::Project* project = bench_.project();
    const std::optional<std::int64_t> code = bench_.selected_code();
    if (project == nullptr || busy()) {
        return;
    }
    if (!code) {
        bench_.set_status("Select a code in the codebook to auto-code the hits with");
        return;
    }
    try {
        search::SearchIndex index(*project);
        const search::AutocodeResult done = search::autocode(
            *project, bench_.coder(), index, request(), *code, search::AutocodeUnit::line);
        bench_.project_changed();
        bench_.set_status(wxString::Format("Auto-coded %zu hits: %lld new segments", done.hits,
                                           static_cast<long long>(done.applied.created)));
    } catch (const std::exception& error) {
        bench_.report_error(error);
    }
}

}  // namespace tema::gui
