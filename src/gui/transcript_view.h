// The text of one source: read-only, with line numbers, participant ids and
// time stamps, speaker labels styled, and coding stripes in the margin (one
// colour per code; hover for code and coder, click to select the segment).
// A code dragged from the codebook and dropped here codes the selection, when
// the drop lands inside it, else the line under the drop. Memos on passages
// and segments have a marker in a margin of their own (hover to read, click
// to open) and their text a dashed underline.
#pragma once

#include <wx/stc/stc.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "coding/memos.h"
#include "coding/retrieval.h"
#include "coding/segments.h"
#include "editor_positions.h"
#include "search/index.h"
#include "workbench.h"

namespace tema::gui {

class TranscriptView : public wxStyledTextCtrl {
public:
    TranscriptView(wxWindow* parent, Workbench& bench);

    // Shows a source; reads its text, turns and codings.
    void show_source(std::int64_t source_id);
    void clear_source();
    std::optional<std::int64_t> source() const { return source_; }

    // Reads the codings again (after any change) and redraws the stripes.
    void refresh_codes();
    // Reads the turns again (a speaker mapped): labels, time stamps, participant ids.
    void refresh_turns();

    // The range to code: the selection, or the caret's line when nothing is
    // selected. Nullopt when no source is shown.
    std::optional<coding::Range> coding_range();
    // The selection's code points; nullopt when nothing is selected.
    std::optional<coding::Range> selected_range();
    // Code points [start, end) selected and scrolled into view.
    void select_codepoints(std::uint32_t start, std::uint32_t end);
    // Scrolls to `line` (from 1) and marks the search hits' words.
    void go_to(std::int64_t line, const std::vector<search::Mark>& marks);

    // What a code dropped at `point` (client coordinates) codes: the
    // selection, if the point is inside it, else the line under the point.
    std::optional<coding::Range> drop_range(wxPoint point);
    // A code dropped at `point`, as the drop target does after the drag.
    void drop_code(std::int64_t code_id, wxPoint point);

    // The segment chosen by clicking a stripe, while that selection stands.
    std::optional<std::int64_t> chosen_segment();
    // The segments covering the caret's line.
    std::vector<coding::LineCode> codes_at_caret();
    const std::vector<std::vector<coding::LineCode>>& line_codes() const { return line_codes_; }

    // The stripe margins (for tests): the code shown in stripe `column` of
    // `line` (from 1), if any.
    std::optional<coding::LineCode> stripe_at(std::int64_t line, int column) const;
    std::string stripe_tooltip(std::int64_t line) const;
    // As a click on the stripe `column` of `line` (from 1) does.
    void click_stripe(std::int64_t line, int column);

    // The memos that begin on `line` (from 1), and their texts for a tooltip.
    std::vector<coding::PlacedMemo> memos_at(std::int64_t line) const;
    std::string memo_tooltip(std::int64_t line) const;
    // As a click on the memo marker of `line` does: selects the first memo's
    // passage and shows the memo.
    void click_memo_marker(std::int64_t line);

    static constexpr int kStripeColumns = 3;
    static constexpr int kFirstStripeMargin = 2;
    static constexpr int kMemoMargin = kFirstStripeMargin + kStripeColumns;

private:
    void setup_styles();
    void style_turns();
    void show_drop_range(wxPoint point);
    void refresh_memos();
    void on_margin_click(wxStyledTextEvent& event);
    void on_motion(wxMouseEvent& event);
    void on_char(wxKeyEvent& event);
    void on_key_down(wxKeyEvent& event);
    void post_command(int id);
    int column_of(std::int64_t code_id) const;

    Workbench& bench_;
    std::optional<std::int64_t> source_;
    EditorPositions positions_;
    std::vector<std::vector<coding::LineCode>> line_codes_;  // [line - 1]
    std::vector<std::int64_t> stripe_codes_;  // codes with stripes here, in tree order
    std::vector<coding::PlacedMemo> memos_;   // on passages and segments, by start
    std::optional<std::int64_t> chosen_segment_;
    std::pair<int, int> chosen_selection_{-1, -1};
    std::int64_t tooltip_line_ = -1;  // the line (and margin) of the tooltip shown
};

}  // namespace tema::gui
