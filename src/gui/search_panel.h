// The search pane: a query in the search language (words, "phrases", OR, NOT,
// speaker:, code:, ...) with filters for speaker, participant, source and
// code; results with snippets; activating a hit opens its source at the line
// with the words marked; the hits can be auto-coded with the code selected in
// the codebook.
//
// The index is kept up to date in the background (IndexUpdater), so the
// project is usable at once; a search while it is built or updated runs on
// what is indexed so far and says it is partial (in the moment before a new
// project's build first commits, it waits). Searches run off the UI thread:
// the first page shows at once, and a broad query's total is counted after.
#pragma once

#include <wx/panel.h>

#include <cstdint>
#include <optional>
#include <string>
#include <thread>

#include "index_updater.h"
#include "search/index.h"
#include "workbench.h"

class wxButton;
class wxCheckBox;
class wxChoice;
class wxGauge;
class wxListCtrl;
class wxStaticText;
class wxTextCtrl;

namespace tema::gui {

class SearchPanel : public wxPanel {
public:
    SearchPanel(wxWindow* parent, Workbench& bench);
    ~SearchPanel() override;

    // After every change to the project (or its opening or closing): the
    // filters' lists are read again and the index brought up to date.
    void project_changed();

    wxTextCtrl* query() { return query_; }
    wxListCtrl* list() { return list_; }
    wxChoice* speaker_filter() { return speaker_; }
    wxChoice* participant_filter() { return participant_; }
    wxChoice* source_filter() { return source_; }
    wxChoice* code_filter() { return code_; }
    wxCheckBox* exact() { return exact_; }
    wxCheckBox* fold() { return fold_; }
    wxChoice* order() { return order_; }
    wxStaticText* summary() { return summary_; }
    IndexUpdater& updater() { return updater_; }

    // Starts the search in the query box (off the UI thread).
    void start_search();
    // A search runs, waits for the index, or counts its hits.
    bool busy() const { return !done_ || waiting_ || counting_; }
    const search::SearchResult& result() const { return result_; }
    // Opens hit `row` in the transcript view.
    void open_hit(long row);
    // Codes every hit's lines with the code selected in the codebook, as one
    // action, off the UI thread (busy() until it is done).
    void autocode();

private:
    search::SearchRequest request() const;
    void reload_filters();
    void show_page(search::SearchResult result);
    void show_count(std::size_t total, bool exact);
    void show_failure(const std::string& problem, bool index_missing);
    void show_summary();
    void index_changed();

    Workbench& bench_;
    wxTextCtrl* query_ = nullptr;
    wxChoice* speaker_ = nullptr;
    wxChoice* participant_ = nullptr;
    wxChoice* source_ = nullptr;
    wxChoice* code_ = nullptr;
    wxCheckBox* exact_ = nullptr;
    wxCheckBox* fold_ = nullptr;
    wxChoice* order_ = nullptr;
    wxStaticText* summary_ = nullptr;
    wxGauge* indexing_ = nullptr;
    wxStaticText* indexing_text_ = nullptr;
    wxListCtrl* list_ = nullptr;
    wxButton* autocode_ = nullptr;

    std::thread worker_;
    bool done_ = true;      // read and written on the UI thread only
    bool waiting_ = false;  // for the index to exist; the search runs then
    bool counting_ = false;  // the page is shown, its total being counted
    search::SearchResult result_;
    IndexUpdater updater_;
};

}  // namespace tema::gui
