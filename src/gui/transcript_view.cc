#include "transcript_view.h"

#include <wx/colour.h>
#include <wx/settings.h>

#include <algorithm>

#include "code_drag.h"
#include "coding/segments.h"
#include "ids.h"
#include "store/sources.h"
#include "wx_string.h"

namespace tema::gui {

namespace {

enum Style : int { kText = 0, kSpeaker = 1, kTime = 2, kParticipant = 3 };
constexpr int kLineNumberMargin = 0;
constexpr int kParticipantMargin = 1;
constexpr int kStripeWidth = 7;
constexpr int kHitIndicator = 8;
constexpr int kDropIndicator = 9;   // what a code dragged over the text would code
constexpr int kMemoIndicator = 10;  // the text a memo is on
constexpr int kMemoMarker = 24;     // after the stripe columns' markers
constexpr int kMemoMarginWidth = 14;
const wxColour kMemoColour(214, 140, 0);
constexpr int kMarkersPerColumn = 8;

// Colours for codes that have none of their own.
const char* const kPalette[] = {"#1F77B4", "#FF7F0E", "#2CA02C", "#D62728",
                                "#9467BD", "#8C564B", "#E377C2", "#7F7F7F"};

wxColour code_colour(const coding::LineCode& code) {
    if (code.color) {
        return wxColour(to_wx(*code.color));
    }
    return wxColour(kPalette[static_cast<std::size_t>(code.code_id) % std::size(kPalette)]);
}

}  // namespace

TranscriptView::TranscriptView(wxWindow* parent, Workbench& bench)
    : wxStyledTextCtrl(parent, wxID_ANY), bench_(bench) {
    setup_styles();
    Bind(wxEVT_STC_MARGINCLICK, &TranscriptView::on_margin_click, this);
    Bind(wxEVT_MOTION, &TranscriptView::on_motion, this);
    Bind(wxEVT_CHAR, &TranscriptView::on_char, this);
    Bind(wxEVT_KEY_DOWN, &TranscriptView::on_key_down, this);
    SetDropTarget(new CodeDropTarget(
        [this](wxPoint at) {
            show_drop_range(at);
            return source_.has_value();
        },
        [this](const std::string& guid, wxPoint at) {
            if (const auto code = dropped_code(bench_, guid)) {
                drop_code(*code, at);
            }
        },
        [this] {
            SetIndicatorCurrent(kDropIndicator);
            IndicatorClearRange(0, GetLength());
        }));
}

void TranscriptView::setup_styles() {
    SetCodePage(wxSTC_CP_UTF8);
    SetWrapMode(wxSTC_WRAP_WORD);
    SetWrapVisualFlags(wxSTC_WRAPVISUALFLAG_NONE);
    SetMarginLeft(4);
    SetCaretLineVisible(true);
    SetCaretLineBackground(wxColour(245, 245, 235));
    wxFont font(wxFontInfo(11).Family(wxFONTFAMILY_SWISS));
    StyleSetFont(wxSTC_STYLE_DEFAULT, font);
    StyleClearAll();
    StyleSetForeground(kSpeaker, wxColour(20, 60, 140));
    StyleSetBold(kSpeaker, true);
    StyleSetForeground(kTime, wxColour(120, 120, 120));
    StyleSetForeground(kParticipant, wxColour(150, 60, 20));
    StyleSetBackground(kParticipant, wxSystemSettings::GetColour(wxSYS_COLOUR_3DLIGHT));
    StyleSetBold(kParticipant, true);
    StyleSetForeground(wxSTC_STYLE_LINENUMBER, wxColour(110, 110, 110));

    SetMarginCount(kMemoMargin + 1);  // Scintilla has 5 margins unless told
    SetMarginType(kLineNumberMargin, wxSTC_MARGIN_NUMBER);
    SetMarginType(kParticipantMargin, wxSTC_MARGIN_RTEXT);
    SetMarginMask(kParticipantMargin, 0);  // text only: no coding markers here
    SetMarginWidth(kParticipantMargin, TextWidth(kParticipant, "P000 "));
    for (int column = 0; column < kStripeColumns; ++column) {
        const int margin = kFirstStripeMargin + column;
        SetMarginType(margin, wxSTC_MARGIN_SYMBOL);
        SetMarginWidth(margin, kStripeWidth);
        SetMarginSensitive(margin, true);
        SetMarginMask(margin, ((1 << kMarkersPerColumn) - 1) << (column * kMarkersPerColumn));
    }
    SetMarginType(kMemoMargin, wxSTC_MARGIN_SYMBOL);
    SetMarginWidth(kMemoMargin, kMemoMarginWidth);
    SetMarginSensitive(kMemoMargin, true);
    SetMarginMask(kMemoMargin, 1 << kMemoMarker);
    MarkerDefine(kMemoMarker, wxSTC_MARK_BOOKMARK, kMemoColour.ChangeLightness(70), kMemoColour);
    IndicatorSetStyle(kMemoIndicator, wxSTC_INDIC_DASH);
    IndicatorSetForeground(kMemoIndicator, kMemoColour);
    IndicatorSetUnder(kMemoIndicator, true);
    IndicatorSetStyle(kHitIndicator, wxSTC_INDIC_ROUNDBOX);
    IndicatorSetForeground(kHitIndicator, wxColour(255, 200, 0));
    IndicatorSetAlpha(kHitIndicator, 140);
    IndicatorSetUnder(kHitIndicator, true);
    IndicatorSetStyle(kDropIndicator, wxSTC_INDIC_FULLBOX);
    IndicatorSetForeground(kDropIndicator, wxColour(60, 120, 220));
    IndicatorSetAlpha(kDropIndicator, 60);
    IndicatorSetUnder(kDropIndicator, true);
    // Undo and redo are the project's (Edit menu), not the editor's own.
    CmdKeyClear('Z', wxSTC_KEYMOD_CTRL);
    CmdKeyClear('Z', wxSTC_KEYMOD_CTRL | wxSTC_KEYMOD_SHIFT);
    CmdKeyClear('Y', wxSTC_KEYMOD_CTRL);
    SetReadOnly(true);
}

void TranscriptView::clear_source() {
    source_.reset();
    line_codes_.clear();
    stripe_codes_.clear();
    memos_.clear();
    chosen_segment_.reset();
    SetReadOnly(false);
    ClearAll();
    MarginTextClearAll();
    MarkerDeleteAll(-1);
    SetReadOnly(true);
}

void TranscriptView::show_source(std::int64_t source_id) {
    store::Project* project = bench_.project();
    if (project == nullptr) {
        return;
    }
    const store::SourceText content = store::load_source_text(project->db(), source_id);
    clear_source();
    source_ = source_id;
    positions_ = EditorPositions(content.text);
    SetReadOnly(false);
    // Raw bytes: the text is UTF-8 already, and 2 MB need no conversion.
    SetTextRaw(content.text.c_str());
    SetReadOnly(true);
    EmptyUndoBuffer();
    const int digits = static_cast<int>(std::to_string(content.line_starts.size()).size());
    SetMarginWidth(
        kLineNumberMargin,
        TextWidth(wxSTC_STYLE_LINENUMBER, wxString('9', static_cast<std::size_t>(digits) + 1)));
    style_turns();
    refresh_codes();
    GotoPos(0);
}

void TranscriptView::refresh_turns() {
    if (source_ && bench_.project() != nullptr) {
        MarginTextClearAll();
        style_turns();
    }
}

void TranscriptView::style_turns() {
    store::Database& db = bench_.project()->db();
    for (const store::TurnInfo& info : store::load_turns(db, *source_)) {
        const Turn& turn = info.turn;
        const int start = positions_.editor_of(turn.start);
        const int body = positions_.editor_of(turn.body_start);
        // The label as written, and before it the time stamp, if there is one.
        const std::string head = from_wx(GetTextRange(start, body));
        const std::size_t label = head.find(turn.speaker);
        const int label_at = label == std::string::npos ? start : start + static_cast<int>(label);
        if (label_at > start) {
            StartStyling(start);
            SetStyling(label_at - start, kTime);
        }
        StartStyling(label_at);
        SetStyling(body - label_at, kSpeaker);
        const int line = static_cast<int>(info.first_line) - 1;
        if (info.participant) {
            MarginSetText(line, to_wx(*info.participant));
            MarginSetStyle(line, kParticipant);
        }
    }
}

int TranscriptView::column_of(std::int64_t code_id) const {
    const auto at = std::find(stripe_codes_.begin(), stripe_codes_.end(), code_id);
    return static_cast<int>(at - stripe_codes_.begin()) % kStripeColumns;
}

void TranscriptView::refresh_codes() {
    MarkerDeleteAll(-1);
    line_codes_.clear();
    stripe_codes_.clear();
    if (!source_ || bench_.project() == nullptr) {
        return;
    }
    line_codes_ = coding::codes_on_lines(bench_.project()->db(), *source_, 1, GetLineCount());
    // Each code here gets a stripe column and a marker of its own colour, in
    // the order the codes first appear (the same order each time it is drawn).
    std::vector<wxColour> colours;
    for (const auto& line : line_codes_) {
        for (const coding::LineCode& code : line) {
            if (std::find(stripe_codes_.begin(), stripe_codes_.end(), code.code_id) ==
                stripe_codes_.end()) {
                stripe_codes_.push_back(code.code_id);
                colours.push_back(code_colour(code));
            }
        }
    }
    // Beyond 8 codes in one column, markers (and so colours) are shared.
    std::vector<int> marker_of_code(stripe_codes_.size());
    for (std::size_t i = 0; i < stripe_codes_.size(); ++i) {
        const int column = static_cast<int>(i % kStripeColumns);
        const int slot = static_cast<int>(i / kStripeColumns) % kMarkersPerColumn;
        marker_of_code[i] = column * kMarkersPerColumn + slot;
        if (i / kStripeColumns < kMarkersPerColumn) {
            MarkerDefine(marker_of_code[i], wxSTC_MARK_FULLRECT, colours[i], colours[i]);
        }
    }
    for (std::size_t n = 0; n < line_codes_.size(); ++n) {
        for (const coding::LineCode& code : line_codes_[n]) {
            const auto at = std::find(stripe_codes_.begin(), stripe_codes_.end(), code.code_id);
            const auto index = static_cast<std::size_t>(at - stripe_codes_.begin());
            MarkerAdd(static_cast<int>(n), marker_of_code[index]);
        }
    }
    refresh_memos();
    tooltip_line_ = -1;
}

void TranscriptView::refresh_memos() {
    SetIndicatorCurrent(kMemoIndicator);
    IndicatorClearRange(0, GetLength());
    memos_ = coding::memos_in_source(bench_.project()->db(), *source_);
    for (const coding::PlacedMemo& placed : memos_) {
        const int from = positions_.editor_of(placed.start);
        MarkerAdd(LineFromPosition(from), kMemoMarker);
        IndicatorFillRange(from, positions_.editor_of(placed.end) - from);
    }
}

std::vector<coding::PlacedMemo> TranscriptView::memos_at(std::int64_t line) const {
    std::vector<coding::PlacedMemo> found;
    for (const coding::PlacedMemo& placed : memos_) {
        if (LineFromPosition(positions_.editor_of(placed.start)) + 1 == line) {
            found.push_back(placed);
        }
    }
    return found;
}

std::string TranscriptView::memo_tooltip(std::int64_t line) const {
    std::string tip;
    for (const coding::PlacedMemo& placed : memos_at(line)) {
        if (!tip.empty()) {
            tip += "\n\n";
        }
        tip += placed.memo.author + " on " + placed.memo.on + ":\n" + placed.memo.text;
    }
    return tip;
}

void TranscriptView::click_memo_marker(std::int64_t line) {
    const std::vector<coding::PlacedMemo> here = memos_at(line);
    if (here.empty()) {
        return;
    }
    select_codepoints(here.front().start, here.front().end);
    bench_.show_memo(here.front().memo.id);
}

std::optional<coding::Range> TranscriptView::coding_range() {
    if (!source_) {
        return std::nullopt;
    }
    int from = 0;
    int to = 0;
    GetSelection(&from, &to);
    if (from == to) {
        const int line = GetCurrentLine();
        from = PositionFromLine(line);
        to = GetLineEndPosition(line);
    }
    return coding::Range{positions_.codepoint_of(from), positions_.codepoint_of(to)};
}

std::optional<coding::Range> TranscriptView::selected_range() {
    int from = 0;
    int to = 0;
    GetSelection(&from, &to);
    if (!source_ || from == to) {
        return std::nullopt;
    }
    return coding::Range{positions_.codepoint_of(from), positions_.codepoint_of(to)};
}

void TranscriptView::select_codepoints(std::uint32_t start, std::uint32_t end) {
    const int from = positions_.editor_of(start);
    const int to = positions_.editor_of(end);
    EnsureVisible(LineFromPosition(from));
    SetSelection(from, to);
    ScrollRange(to, from);
}

void TranscriptView::go_to(std::int64_t line, const std::vector<search::Mark>& marks) {
    SetIndicatorCurrent(kHitIndicator);
    IndicatorClearRange(0, GetLength());
    for (const search::Mark& mark : marks) {
        const int from = positions_.editor_of(mark.start);
        IndicatorFillRange(from, positions_.editor_of(mark.end) - from);
    }
    const int n = static_cast<int>(line) - 1;
    GotoLine(n);
    SetFirstVisibleLine(std::max(0, VisibleFromDocLine(n) - 3));
    if (!marks.empty()) {
        SetSelection(positions_.editor_of(marks.front().start),
                     positions_.editor_of(marks.front().end));
    }
}

std::optional<coding::Range> TranscriptView::drop_range(wxPoint point) {
    if (!source_) {
        return std::nullopt;
    }
    const int at = PositionFromPoint(point);
    int from = 0;
    int to = 0;
    GetSelection(&from, &to);
    if (from == to || at < from || at > to) {
        const int line = LineFromPosition(at);
        from = PositionFromLine(line);
        to = GetLineEndPosition(line);
    }
    return coding::Range{positions_.codepoint_of(from), positions_.codepoint_of(to)};
}

void TranscriptView::show_drop_range(wxPoint point) {
    SetIndicatorCurrent(kDropIndicator);
    IndicatorClearRange(0, GetLength());
    if (const auto range = drop_range(point)) {
        const int from = positions_.editor_of(range->start);
        IndicatorFillRange(from, positions_.editor_of(range->end) - from);
    }
}

void TranscriptView::drop_code(std::int64_t code_id, wxPoint point) {
    const auto range = drop_range(point);
    if (!range) {
        bench_.set_status("Open a source first, then drop the code on its text");
        return;
    }
    bench_.apply_code_to(code_id, *range);
}

std::optional<std::int64_t> TranscriptView::chosen_segment() {
    int from = 0;
    int to = 0;
    GetSelection(&from, &to);
    if (chosen_segment_ && chosen_selection_ == std::make_pair(from, to)) {
        return chosen_segment_;
    }
    return std::nullopt;
}

std::vector<coding::LineCode> TranscriptView::codes_at_caret() {
    const auto line = static_cast<std::size_t>(GetCurrentLine());
    return line < line_codes_.size() ? line_codes_[line] : std::vector<coding::LineCode>{};
}

std::optional<coding::LineCode> TranscriptView::stripe_at(std::int64_t line, int column) const {
    const auto n = static_cast<std::size_t>(line - 1);
    if (line < 1 || n >= line_codes_.size()) {
        return std::nullopt;
    }
    for (const coding::LineCode& code : line_codes_[n]) {
        if (column_of(code.code_id) == column) {
            return code;
        }
    }
    return std::nullopt;
}

std::string TranscriptView::stripe_tooltip(std::int64_t line) const {
    const auto n = static_cast<std::size_t>(line - 1);
    if (line < 1 || n >= line_codes_.size()) {
        return {};
    }
    std::string tip;
    for (const coding::LineCode& code : line_codes_[n]) {
        if (!tip.empty()) {
            tip += '\n';
        }
        tip += code.path + " \u2014 " + code.coder;
    }
    return tip;
}

void TranscriptView::click_stripe(std::int64_t line, int column) {
    const std::optional<coding::LineCode> code = stripe_at(line, column);
    if (!code || bench_.project() == nullptr) {
        return;
    }
    const coding::Segment segment = coding::get_segment(bench_.project()->db(), code->segment);
    select_codepoints(segment.start, segment.end);
    GetSelection(&chosen_selection_.first, &chosen_selection_.second);
    chosen_segment_ = segment.id;
    bench_.set_status(to_wx(code->path + " \u2014 " + code->coder));
}

void TranscriptView::on_margin_click(wxStyledTextEvent& event) {
    if (event.GetMargin() == kMemoMargin) {
        click_memo_marker(LineFromPosition(event.GetPosition()) + 1);
        return;
    }
    const int column = event.GetMargin() - kFirstStripeMargin;
    if (column >= 0 && column < kStripeColumns) {
        click_stripe(LineFromPosition(event.GetPosition()) + 1, column);
    }
}

void TranscriptView::on_motion(wxMouseEvent& event) {
    event.Skip();
    int stripes_end = 0;  // the margins up to the stripes' end, then the memo margin
    for (int margin = 0; margin < kMemoMargin; ++margin) {
        stripes_end += GetMarginWidth(margin);
    }
    const int margins_end = stripes_end + GetMarginWidth(kMemoMargin);
    std::int64_t line = -1;
    if (event.GetX() < margins_end) {
        const int visible = GetFirstVisibleLine() + event.GetY() / std::max(1, TextHeight(0));
        line = DocLineFromVisible(visible) + 1;
    }
    const bool on_memos = event.GetX() >= stripes_end;
    // One tooltip per line and margin kind: the same one is not set again.
    const std::int64_t spot = line < 0 ? -1 : line * 2 + (on_memos ? 1 : 0);
    if (spot == tooltip_line_) {
        return;
    }
    tooltip_line_ = spot;
    const std::string tip = line <= 0  ? std::string{}
                            : on_memos ? memo_tooltip(line)
                                       : stripe_tooltip(line);
    if (tip.empty()) {
        UnsetToolTip();
    } else {
        SetToolTip(to_wx(tip));
    }
}

void TranscriptView::on_key_down(wxKeyEvent& event) {
    // Ctrl+Z and Ctrl+Shift+Z are the project's undo and redo, which the editor
    // would otherwise take for its own.
    if (event.GetKeyCode() == 'Z' && event.GetModifiers() == wxMOD_CONTROL) {
        post_command(wxID_UNDO);
    } else if (event.GetKeyCode() == 'Z' && event.GetModifiers() == (wxMOD_CONTROL | wxMOD_SHIFT)) {
        post_command(wxID_REDO);
    } else {
        event.Skip();
    }
}

void TranscriptView::post_command(int id) {
    wxCommandEvent menu(wxEVT_MENU, id);
    wxPostEvent(wxGetTopLevelParent(this), menu);
}

void TranscriptView::on_char(wxKeyEvent& event) {
    // The text is read-only: plain keys are free for coding, as in MAXQDA.
    int command = 0;
    if (!event.HasAnyModifiers()) {
        switch (event.GetUnicodeKey()) {
            case 'q':
                command = kQuickCode;
                break;
            case '.':
                command = kApplyLastCode;
                break;
            case 'v':
                command = kInVivo;
                break;
            case 'm':
                command = kMemoOnSelection;
                break;
            default:
                break;
        }
    }
    if (command == 0) {
        event.Skip();
        return;
    }
    post_command(command);
}

}  // namespace tema::gui
