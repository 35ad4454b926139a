// The search pane: a query in the search language (words, "phrases", OR, NOT,
// speaker:, code:, ...), results with snippets; activating a hit opens its
// source at the line with the words marked; the hits can be auto-coded with
// the code selected in the codebook. The index is brought up to date and
// searched off the UI thread, on a connection of its own.
#pragma once

#include <wx/panel.h>

#include <cstdint>
#include <optional>
#include <string>
#include <thread>
#include <variant>

#include "search/index.h"
#include "workbench.h"

class wxCheckBox;
class wxListCtrl;
class wxTextCtrl;
class wxButton;

namespace tema::gui {

class SearchPanel : public wxPanel {
public:
    SearchPanel(wxWindow* parent, Workbench& bench);
    ~SearchPanel() override;

    wxTextCtrl* query() { return query_; }
    wxListCtrl* list() { return list_; }
    // Starts the search in the query box (off the UI thread).
    void start_search();
    bool busy() const { return worker_.joinable() && !done_; }
    const search::SearchResult& result() const { return result_; }
    // Opens hit `row` in the transcript view.
    void open_hit(long row);
    // Codes every hit's lines with the code selected in the codebook.
    void autocode();

private:
    void show(std::variant<search::SearchResult, std::string> outcome);
    search::SearchRequest request() const;

    Workbench& bench_;
    wxTextCtrl* query_ = nullptr;
    wxCheckBox* fold_ = nullptr;
    wxListCtrl* list_ = nullptr;
    wxButton* autocode_ = nullptr;
    std::thread worker_;
    bool done_ = true;  // read and written on the UI thread only
    search::SearchResult result_;
};

}  // namespace tema::gui
