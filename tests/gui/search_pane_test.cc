// The search pane on the sample study: the index is built in the background
// when the project opens, filters narrow the hits, and a search while sources
// are missing from the index says it is partial.
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>

#include <catch2/catch.hpp>

#include "codebook_panel.h"
#include "coding/retrieval.h"
#include "gui/gui_fixture.h"
#include "search_panel.h"

using tema::test::wait_for;
using tema::test::Workbench;
namespace gui = tema::gui;

namespace {

tema::search::SearchResult search_for(gui::SearchPanel& search, const char* query) {
    search.query()->SetValue(wxString::FromUTF8(query));
    search.start_search();
    REQUIRE(wait_for([&] { return !search.busy(); }, std::chrono::seconds(120)));
    return search.result();
}

void choose(wxChoice* filter, const char* value) {
    const int at = filter->FindString(wxString::FromUTF8(value), true);
    REQUIRE(at != wxNOT_FOUND);
    filter->SetSelection(at);
}

}  // namespace

TEST_CASE("The search index is built in the background at open, and a search meanwhile is partial",
          "[gui]") {
    Workbench w;  // a new project: it has no index yet
    gui::SearchPanel* search = w.frame->search();
    // Opening started the build and returned: the window is usable at once.
    CHECK(search->updater().running());
    const auto early = search_for(*search, "arbeidsgiver");
    // The search ran on what was indexed so far (perhaps all of it, the
    // sample is small), or waited for the index's first commit.
    if (early.partial) {
        CHECK(search->summary()->GetLabel().Contains("partial"));
    }
    REQUIRE(wait_for([&] { return !search->updater().running(); }, std::chrono::seconds(120)));
    REQUIRE(search->updater().last());
    CHECK(search->updater().last()->rebuilt);
    const auto result = search_for(*search, "arbeidsgiver");
    CHECK(result.total > 10);
    CHECK(result.total >= early.total);
    CHECK_FALSE(result.partial);
    CHECK(search->summary()->GetLabel().StartsWith(wxString::Format("%zu hits", result.total)));
}

TEST_CASE("The search filters narrow the hits to a speaker, a participant, a source and a code",
          "[gui]") {
    Workbench w;
    gui::SearchPanel* search = w.frame->search();
    REQUIRE(wait_for([&] { return !search->updater().running(); }, std::chrono::seconds(120)));
    const std::size_t all = search_for(*search, "jobb").total;

    choose(search->speaker_filter(), "Moderator");
    const auto by_speaker = search_for(*search, "jobb");
    REQUIRE_FALSE(by_speaker.hits.empty());
    CHECK(by_speaker.total < all);
    for (const auto& hit : by_speaker.hits) {
        CHECK(hit.speaker == "Moderator");
    }
    search->speaker_filter()->SetSelection(0);

    choose(search->participant_filter(), "P07");
    const auto by_participant = search_for(*search, "jobb");
    REQUIRE_FALSE(by_participant.hits.empty());
    for (const auto& hit : by_participant.hits) {
        CHECK(hit.participant == "P07");
    }
    search->participant_filter()->SetSelection(0);

    choose(search->source_filter(), Workbench::kFocusGroup2);
    const auto by_source = search_for(*search, "jobb");
    REQUIRE_FALSE(by_source.hits.empty());
    for (const auto& hit : by_source.hits) {
        CHECK(hit.source == Workbench::kFocusGroup2);
    }
    search->source_filter()->SetSelection(0);

    // A code applied in the window is a filter at once.
    const std::int64_t code = w.code("Tillit");
    w.frame->project_changed();
    choose(search->code_filter(), "Tillit");
    CHECK(search_for(*search, "jobb").total == 0);
    w.frame->open_source(w.source(Workbench::kFocusGroup2), 1);
    w.select_lines(42, 42);  // the moderator on how NAV and DPS work together
    w.frame->apply_code(code);
    const auto coded = search_for(*search, "samarbeid OR og");
    REQUIRE(coded.hits.size() == 1);
    CHECK(coded.hits[0].source == Workbench::kFocusGroup2);
    CHECK(coded.hits[0].line == 42);

    // Exact words: the form as written only.
    search->code_filter()->SetSelection(0);
    search->exact()->SetValue(true);
    const auto exact = search_for(*search, "arbeidsgiveren");
    REQUIRE_FALSE(exact.hits.empty());
    for (const auto& hit : exact.hits) {
        wxString snippet = wxString::FromUTF8(hit.snippet).Lower();
        CHECK(snippet.Contains("**arbeidsgiveren**"));
        CHECK_FALSE(snippet.Contains("**arbeidsgiver**"));
    }
}

TEST_CASE("A search while sources are missing from the index says it is partial", "[gui]") {
    Workbench w;
    gui::SearchPanel* search = w.frame->search();
    REQUIRE(wait_for([&] { return !search->updater().running(); }, std::chrono::seconds(120)));
    // Another program adds a source; the window has not heard of it yet.
    w.import(tema::test::fixture("search/fokusgruppe-sok.txt"));
    const auto partial = search_for(*search, "barnehage");
    CHECK(partial.partial);
    CHECK(search->summary()->GetLabel().Contains("partial"));
    // Told of the change, the window brings the index up to date.
    w.frame->project_changed();
    REQUIRE(wait_for([&] { return !search->updater().running(); }, std::chrono::seconds(120)));
    const auto whole = search_for(*search, "barnehage");
    CHECK_FALSE(whole.partial);
    CHECK(whole.total > partial.total);
    CHECK_FALSE(search->summary()->GetLabel().Contains("partial"));
}

TEST_CASE("Auto-coding the hits codes their lines as one action, off the UI thread", "[gui]") {
    Workbench w;
    gui::SearchPanel* search = w.frame->search();
    REQUIRE(wait_for([&] { return !search->updater().running(); }, std::chrono::seconds(120)));
    const std::int64_t code = w.code("Arbeidsgiver");
    w.frame->project_changed();
    const auto found = search_for(*search, "arbeidsgiveren");
    REQUIRE(found.total > 3);

    // No code chosen: nothing happens, and the status says why.
    w.frame->codebook()->UnselectAll();
    search->autocode();
    CHECK_FALSE(search->busy());
    w.frame->codebook()->select(code);
    search->autocode();
    CHECK(search->busy());
    REQUIRE(wait_for([&] { return !search->busy(); }, std::chrono::seconds(120)));
    CHECK(search->summary()->GetLabel().StartsWith(
        wxString::Format("Auto-coded %zu hits", found.total)));

    // In the file: a segment on each hit's marked lines, and one undo takes all back.
    w.reopen();
    const auto coded = tema::coding::retrieve(w.db(), code);
    CHECK(coded.size() >= found.total);
    for (const auto& hit : found.hits) {
        const bool covered = std::any_of(coded.begin(), coded.end(), [&](const auto& segment) {
            return segment.source == hit.source && segment.start_line <= hit.line &&
                   hit.line <= segment.end_line;
        });
        CHECK(covered);
    }
    w.frame->undo();
    w.reopen();
    CHECK(tema::coding::retrieve(w.db(), code).empty());
}
