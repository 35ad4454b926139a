#include "search_panel.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/gauge.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <stdexcept>

#include "coding/codebook.h"
#include "search/autocode.h"
#include "store/project.h"
#include "store/participants.h"
#include "store/sources.h"
#include "wx_string.h"

namespace tema::gui {

namespace {

// A filter: "any" first, then the project's values. Its width is fixed: a
// long source name or code path would push the others off the row.
wxChoice* filter_choice(wxWindow* parent, const wxString& any, int width) {
    auto* choice = new wxChoice(parent, wxID_ANY);
    choice->SetInitialSize(wxSize(width, -1));
    choice->Append(any);
    choice->SetSelection(0);
    return choice;
}

// Fills a filter again, keeping what was chosen when it is still there.
void refill(wxChoice* choice, const std::vector<std::string>& values) {
    const wxString any = choice->GetString(0);
    const wxString chosen = choice->GetSelection() > 0 ? choice->GetStringSelection() : wxString();
    choice->Clear();
    choice->Append(any);
    for (const std::string& value : values) {
        choice->Append(to_wx(value));
    }
    const int at = chosen.empty() ? 0 : choice->FindString(chosen, true);
    choice->SetSelection(at == wxNOT_FOUND ? 0 : at);
}

std::optional<std::string> chosen(const wxChoice* choice) {
    if (choice->GetSelection() <= 0) {
        return std::nullopt;
    }
    return from_wx(choice->GetStringSelection());
}

wxString count_of(std::size_t total, bool exact) {
    return wxString::Format(L"%s%zu %s", exact ? L"" : L"about ", total,
                            total == 1 ? L"hit" : L"hits");
}

}  // namespace

SearchPanel::SearchPanel(wxWindow* parent, Workbench& bench)
    : wxPanel(parent), bench_(bench), updater_(*this, [this] { index_changed(); }) {
    query_ =
        new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
    query_->SetHint("Search: words, \"a phrase\", OR, NOT, støtt*, a NEAR b, role:jobbspesialist");
    auto* go = new wxButton(this, wxID_ANY, "Search");
    autocode_ = new wxButton(this, wxID_ANY, "Auto-code hits");
    autocode_->SetToolTip("Code the lines of every hit with the code selected in the codebook");

    speaker_ = filter_choice(this, "Any speaker", 160);
    participant_ = filter_choice(this, "Any participant", 140);
    source_ = filter_choice(this, "Any source", 240);
    code_ = filter_choice(this, "Any code", 240);
    code_->SetToolTip("Only passages coded with this code or its subcodes");
    exact_ = new wxCheckBox(this, wxID_ANY, "Exact words");
    exact_->SetToolTip("The words as written: no other forms of them");
    fold_ = new wxCheckBox(this, wxID_ANY, "Accent-tolerant");
    fold_->SetToolTip(L"Also æ as ae, ø as o, å as a, accents dropped, and ø misread as g");
    order_ = new wxChoice(this, wxID_ANY);
    order_->Append("Best matches first");
    order_->Append("In document order");
    order_->SetSelection(0);

    summary_ = new wxStaticText(this, wxID_ANY, "");
    indexing_text_ = new wxStaticText(this, wxID_ANY, "");
    indexing_ = new wxGauge(this, wxID_ANY, 100, wxDefaultPosition, wxSize(160, -1));
    indexing_->Hide();

    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                           wxLC_REPORT | wxLC_SINGLE_SEL);
    list_->AppendColumn("Source", wxLIST_FORMAT_LEFT, 220);
    list_->AppendColumn("Line", wxLIST_FORMAT_LEFT, 50);
    list_->AppendColumn("Speaker", wxLIST_FORMAT_LEFT, 130);
    list_->AppendColumn("Snippet", wxLIST_FORMAT_LEFT, 740);

    auto* query_row = new wxBoxSizer(wxHORIZONTAL);
    query_row->Add(query_, 1, wxEXPAND | wxRIGHT, 4);
    query_row->Add(go, 0, wxRIGHT, 4);
    query_row->Add(autocode_, 0);
    auto* filter_row = new wxBoxSizer(wxHORIZONTAL);
    for (wxWindow* filter : std::initializer_list<wxWindow*>{speaker_, participant_, source_, code_,
                                                             exact_, fold_, order_}) {
        filter_row->Add(filter, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    }
    auto* summary_row = new wxBoxSizer(wxHORIZONTAL);
    summary_row->Add(summary_, 1, wxALIGN_CENTER_VERTICAL);
    summary_row->Add(indexing_text_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    summary_row->Add(indexing_, 0, wxALIGN_CENTER_VERTICAL);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(query_row, 0, wxEXPAND | wxBOTTOM, 4);
    sizer->Add(filter_row, 0, wxEXPAND | wxBOTTOM, 4);
    sizer->Add(summary_row, 0, wxEXPAND | wxBOTTOM, 4);
    sizer->Add(list_, 1, wxEXPAND);
    SetSizer(sizer);

    query_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { start_search(); });
    go->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { start_search(); });
    autocode_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { autocode(); });
    list_->Bind(wxEVT_LIST_ITEM_ACTIVATED,
                [this](wxListEvent& event) { open_hit(event.GetIndex()); });
}

SearchPanel::~SearchPanel() {
    // The workers post back to this panel: they must end first.
    updater_.stop();
    if (worker_.joinable()) {
        worker_.join();
    }
}

void SearchPanel::project_changed() {
    store::Project* project = bench_.project();
    if (project == nullptr) {
        updater_.stop();
        waiting_ = false;
        return;
    }
    reload_filters();
    updater_.update(project->path());
}

void SearchPanel::reload_filters() {
    store::Database& db = bench_.project()->db();
    refill(speaker_, store::speaker_labels(db));
    std::vector<std::string> values;
    for (const store::Participant& participant : store::list_participants(db)) {
        values.push_back(participant.pid);
    }
    refill(participant_, values);
    values.clear();
    for (const SourceInfo& source : store::list_sources(db)) {
        values.push_back(source.name);
    }
    refill(source_, values);
    values.clear();
    for (const coding::Code& code : coding::list_codes(db)) {
        values.push_back(code.path);
    }
    refill(code_, values);
    Layout();
}

search::SearchRequest SearchPanel::request() const {
    search::SearchRequest request;
    request.query = from_wx(query_->GetValue());
    request.exact = exact_->GetValue();
    request.fold = fold_->GetValue();
    request.order = order_->GetSelection() == 1 ? search::SearchRequest::Order::document
                                                : search::SearchRequest::Order::relevance;
    request.limit = 200;
    request.speaker = chosen(speaker_);
    request.participant = chosen(participant_);
    request.source = chosen(source_);
    request.code = chosen(code_);
    return request;
}

void SearchPanel::start_search() {
    store::Project* project = bench_.project();
    if (project == nullptr || !done_ || query_->GetValue().Strip(wxString::both).empty()) {
        return;
    }
    if (worker_.joinable()) {
        worker_.join();
    }
    done_ = false;
    waiting_ = false;
    counting_ = false;
    summary_->SetLabel(L"Searching\u2026");
    worker_ = std::thread([this, path = project->path(), request = request()] {
        try {
            // A connection of its own: the UI thread's is not shared.
            store::Project reader(path, store::Project::Access::read_only);
            search::SearchIndex index(reader);
            if (const std::string problem = index.problem(); !problem.empty()) {
                CallAfter([this, problem] { show_failure(problem, true); });
                return;
            }
            search::SearchRequest page = request;
            page.estimate_total = true;
            search::SearchResult found = index.search(page);
            const bool counted = found.total_exact;
            CallAfter([this, found = std::move(found)]() mutable { show_page(std::move(found)); });
            if (!counted) {
                const search::SearchResult all = index.count(request);
                CallAfter([this, total = all.total, exact = all.total_exact] {
                    show_count(total, exact);
                });
            }
        } catch (const std::exception& error) {
            CallAfter([this, problem = std::string(error.what())] { show_failure(problem, false); });
        }
    });
}

void SearchPanel::show_page(search::SearchResult result) {
    done_ = true;
    counting_ = !result.total_exact;
    result_ = std::move(result);
    list_->DeleteAllItems();
    for (const search::Hit& hit : result_.hits) {
        const long at = list_->InsertItem(list_->GetItemCount(), to_wx(hit.source));
        list_->SetItem(at, 1, wxString::Format("%lld", static_cast<long long>(hit.line)));
        wxString who = to_wx(hit.speaker.value_or(""));
        if (hit.participant && hit.participant != hit.speaker) {
            who += " [" + to_wx(*hit.participant) + "]";
        }
        list_->SetItem(at, 2, who);
        wxString snippet = to_wx(hit.snippet);
        snippet.Replace("\n", " ");
        snippet.Replace("**", "");  // the marks: the words are marked in the text when opened
        list_->SetItem(at, 3, snippet);
    }
    show_summary();
}

void SearchPanel::show_count(std::size_t total, bool exact) {
    counting_ = false;
    result_.total = total;
    result_.total_exact = exact;
    show_summary();
}

void SearchPanel::show_failure(const std::string& problem, bool index_missing) {
    done_ = true;
    result_ = {};
    list_->DeleteAllItems();
    if (index_missing && updater_.running()) {
        // The index is being built for the first time: search when it is.
        waiting_ = true;
        summary_->SetLabel(L"The search index is being built; the search runs when it is ready");
        return;
    }
    summary_->SetLabel(to_wx(problem));
    bench_.set_status(to_wx(problem));
}

void SearchPanel::show_summary() {
    wxString text = count_of(result_.total, result_.total_exact);
    if (counting_) {
        text += L" (counting\u2026)";
    }
    if (result_.partial) {
        text += updater_.running()
                    ? L" \u2014 partial: the search index is still being updated"
                    : L" \u2014 partial: some sources were not yet in the search index";
    }
    if (result_.suggestion) {
        text += L" \u2014 did you mean: " + to_wx(*result_.suggestion);
    }
    summary_->SetLabel(text);
    bench_.set_status(text);
}

void SearchPanel::index_changed() {
    if (updater_.running()) {
        const std::size_t total = updater_.total();
        indexing_text_->SetLabel(
            total == 0 ? wxString(L"Search index: checking\u2026")
                       : wxString::Format(L"Search index: %zu of %zu sources", updater_.done(),
                                          total));
        indexing_->SetValue(total == 0 ? 0 : static_cast<int>(updater_.done() * 100 / total));
        indexing_->Show();
    } else {
        indexing_->Hide();
        indexing_text_->SetLabel(
            updater_.failure().empty()
                ? wxString()
                : L"The search index could not be updated: " + to_wx(updater_.failure()));
        if (const auto& last = updater_.last(); last && last->rebuilt) {
            bench_.set_status(wxString::Format("Search index built: %zu sources, %zu passages",
                                               last->indexed, last->passages));
        }
        if (waiting_) {
            waiting_ = false;
            start_search();
        }
    }
    Layout();
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
    if (worker_.joinable()) {
        worker_.join();
    }
    done_ = false;
    summary_->SetLabel(L"Auto-coding the hits\u2026");
    // Off the UI thread: tens of thousands of hits take seconds. A connection
    // of its own writes the one action; the views read the project after.
    worker_ = std::thread([this, path = project->path(), coder = bench_.coder().name,
                           request = request(), code = *code] {
        std::string outcome;
        bool failed = false;
        try {
            store::Project writer(path);
            const store::Coder who = store::find_coder(writer.db(), coder);
            search::SearchIndex index(writer);
            const search::AutocodeResult done =
                search::autocode(writer, who, index, request, code, search::AutocodeUnit::line);
            outcome = "Auto-coded " + std::to_string(done.hits) + " hits: " +
                      std::to_string(done.applied.created) + " new segments";
        } catch (const std::exception& error) {
            outcome = error.what();
            failed = true;
        }
        CallAfter([this, outcome, failed] {
            done_ = true;
            bench_.project_changed();
            summary_->SetLabel(to_wx(outcome));
            if (failed) {
                bench_.report_error(std::runtime_error(outcome));
            } else {
                bench_.set_status(to_wx(outcome));
            }
        });
    });
}

}  // namespace tema::gui
