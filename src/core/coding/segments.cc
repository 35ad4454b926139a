#include "coding/segments.h"

#include <algorithm>
#include <vector>

#include "coding/codebook.h"
#include "store/database.h"
#include "store/sources.h"
#include "text/collation.h"
#include "text/normalize.h"
#include "text/positions.h"
#include "text/utf8.h"
#include "text/words.h"
#include "util/clock.h"
#include "util/error.h"
#include "util/guid.h"

namespace tema::coding {

using store::Database;
using store::Statement;

namespace {

// What applying needs to know of a source, without its text.
struct SourceShape {
    std::string name;
    std::uint32_t chars = 0;
    std::vector<std::uint32_t> line_starts;

    std::int64_t line_of(std::uint32_t cp) const {
        const auto after = std::upper_bound(line_starts.begin(), line_starts.end(), cp);
        return std::max<std::int64_t>(1, after - line_starts.begin());
    }
};

SourceShape load_shape(Database& db, std::int64_t source_id) {
    Statement& query = db.cached("SELECT name, chars, line_starts FROM sources WHERE id = ?");
    query.bind(1, source_id);
    if (!query.step()) {
        query.reset();
        throw Error("source " + std::to_string(source_id), "no such source in the project");
    }
    SourceShape shape{query.text(0), static_cast<std::uint32_t>(query.int64(1)),
                      store::decode_uint32s(query.blob(2))};
    query.reset();
    return shape;
}

// Refuses an unknown code and a folder.
void check_codable(Database& db, std::int64_t code_id) {
    Statement& query = db.cached("SELECT codable, name FROM codes WHERE id = ?");
    query.bind(1, code_id);
    if (!query.step()) {
        query.reset();
        throw Error("code " + std::to_string(code_id), "no such code");
    }
    const bool codable = query.int64(0) != 0;
    const std::string name = query.text(1);
    query.reset();
    if (!codable) {
        throw Error("code " + name,
                    "is a folder (not codable); apply one of its codes, or make it codable");
    }
}

void check_range(const SourceShape& source, Range range) {
    if (range.start >= range.end) {
        throw Error("source " + source.name, "the range " + std::to_string(range.start) + ":" +
                                                 std::to_string(range.end) +
                                                 " is empty; nothing to code");
    }
    if (range.end > source.chars) {
        throw Error("source " + source.name, "the range " + std::to_string(range.start) + ":" +
                                                 std::to_string(range.end) +
                                                 " is outside the text (it has " +
                                                 std::to_string(source.chars) + " characters)");
    }
}

// `a` and `b` as one note: each distinct non-empty text once, one per line.
std::string join_notes(std::string a, const std::string& b) {
    if (b.empty() || a == b) {
        return a;
    }
    if (a.empty()) {
        return b;
    }
    return a + "\n" + b;
}

bool is_blank_byte(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && is_blank_byte(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && is_blank_byte(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

Applied applied_from(const Placement& placed, const SourceShape& shape, std::int64_t code_id,
                     std::int64_t source_id) {
    Applied result;
    result.segment = placed.segment;
    result.code_id = code_id;
    result.source_id = source_id;
    result.start = placed.start;
    result.end = placed.end;
    result.start_line = shape.line_of(placed.start);
    result.end_line = shape.line_of(placed.end - 1);
    result.created = placed.created;
    result.joined = placed.joined;
    result.changed = placed.changed;
    return result;
}

std::string range_label(const Applied& applied) {
    return applied.start_line == applied.end_line ? "l. " + std::to_string(applied.start_line)
                                                  : "l. " + std::to_string(applied.start_line) +
                                                        "-" + std::to_string(applied.end_line);
}

}  // namespace

Range line_range(Database& db, std::int64_t source_id, std::int64_t first, std::int64_t last) {
    const SourceShape shape = load_shape(db, source_id);
    const auto count = static_cast<std::int64_t>(shape.line_starts.size());
    if (first < 1 || first > last || last > count) {
        throw Error("source " + shape.name, "has no lines " + std::to_string(first) + "-" +
                                                std::to_string(last) + " (it has " +
                                                std::to_string(count) + " lines)");
    }
    Range range;
    range.start = shape.line_starts[static_cast<std::size_t>(first - 1)];
    if (last < count) {
        range.end = shape.line_starts[static_cast<std::size_t>(last)] - 1;  // before the LF
    } else {
        Statement& lf =
            db.cached("SELECT substr(CAST(text AS BLOB), -1) = x'0A' FROM sources WHERE id = ?");
        lf.bind(1, source_id);
        const bool final_lf = lf.step() && lf.int64(0) != 0;
        lf.reset();
        range.end = shape.chars - (final_lf ? 1U : 0U);
    }
    if (range.start >= range.end) {
        throw Error("source " + shape.name,
                    (first == last ? "line " + std::to_string(first) + " is blank"
                                   : "lines " + std::to_string(first) + "-" + std::to_string(last) +
                                         " are blank") +
                        "; nothing to code");
    }
    return range;
}

Placement place_segment(Database& db, const SegmentDraft& draft) {
    struct Row {
        std::int64_t id;
        std::uint32_t start, end;
        std::string memo, translation;
    };
    std::vector<Row> overlapping;
    {
        Statement& query = db.cached(R"sql(
            SELECT id, start, end, memo, translation FROM segments
            WHERE code_id = ? AND source_id = ? AND start <= ? AND end >= ? AND coder_id = ?
              AND id IS NOT ?
            ORDER BY id)sql");
        query.bind(1, draft.code_id)
            .bind(2, draft.source_id)
            .bind(3, std::int64_t{draft.end})
            .bind(4, std::int64_t{draft.start})
            .bind(5, draft.coder_id)
            .bind(6, draft.moving);
        while (query.step()) {
            overlapping.push_back({query.int64(0), static_cast<std::uint32_t>(query.int64(1)),
                                   static_cast<std::uint32_t>(query.int64(2)), query.text(3),
                                   query.text(4)});
        }
        query.reset();
    }
    Placement placed;
    placed.start = draft.start;
    placed.end = draft.end;
    if (overlapping.empty()) {
        placed.changed = true;
        if (draft.moving) {
            Statement& move = db.cached("UPDATE segments SET code_id = ? WHERE id = ?");
            move.bind(1, draft.code_id).bind(2, *draft.moving).run();
            placed.segment = *draft.moving;
            return placed;
        }
        Statement& insert = db.cached(R"sql(
            INSERT INTO segments(guid, code_id, source_id, start, end, coder_id, created, memo,
                                 translation)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?))sql");
        insert.bind(1, new_guid())
            .bind(2, draft.code_id)
            .bind(3, draft.source_id)
            .bind(4, std::int64_t{draft.start})
            .bind(5, std::int64_t{draft.end})
            .bind(6, draft.coder_id)
            .bind(7, now_iso8601())
            .bind(8, draft.memo)
            .bind(9, draft.translation)
            .run();
        placed.segment = db.last_insert_id();
        placed.created = true;
        return placed;
    }
    // The oldest overlapping segment keeps its id and takes the union.
    const Row& keeper = overlapping.front();
    std::string memo = keeper.memo;
    std::string translation = keeper.translation;
    placed.start = std::min(draft.start, keeper.start);
    placed.end = std::max(draft.end, keeper.end);
    Statement& remove = db.cached("DELETE FROM segments WHERE id = ?");
    for (std::size_t i = 1; i < overlapping.size(); ++i) {
        const Row& other = overlapping[i];
        placed.start = std::min(placed.start, other.start);
        placed.end = std::max(placed.end, other.end);
        memo = join_notes(memo, other.memo);
        translation = join_notes(translation, other.translation);
        remove.reset();
        remove.bind(1, other.id).run();
        ++placed.joined;
    }
    memo = join_notes(memo, draft.memo);
    translation = join_notes(translation, draft.translation);
    if (draft.moving) {
        remove.reset();
        remove.bind(1, *draft.moving).run();
    }
    ++placed.joined;  // the keeper itself
    placed.segment = keeper.id;
    placed.changed = draft.moving.has_value() || overlapping.size() > 1 ||
                     placed.start != keeper.start || placed.end != keeper.end ||
                     memo != keeper.memo || translation != keeper.translation;
    if (placed.changed) {
        Statement& update = db.cached(
            "UPDATE segments SET start = ?, end = ?, memo = ?, translation = ? WHERE id = ?");
        update.bind(1, std::int64_t{placed.start})
            .bind(2, std::int64_t{placed.end})
            .bind(3, memo)
            .bind(4, translation)
            .bind(5, keeper.id)
            .run();
    }
    return placed;
}

namespace {

// Codes `range` as apply_code does, inside `action`, which it commits when
// something changed; `made` names a code the action has just made.
Applied apply_within(store::Action& action, Database& db, const store::Coder& coder,
                     std::int64_t code_id, std::int64_t source_id, Range range,
                     const SegmentNotes& notes, bool made) {
    check_codable(db, code_id);
    const SourceShape shape = load_shape(db, source_id);
    check_range(shape, range);
    SegmentDraft draft;
    draft.code_id = code_id;
    draft.source_id = source_id;
    draft.coder_id = coder.id;
    draft.start = range.start;
    draft.end = range.end;
    draft.memo = text::to_nfc(notes.memo);
    draft.translation = text::to_nfc(notes.translation);
    const Applied applied = applied_from(place_segment(db, draft), shape, code_id, source_id);
    if (!applied.changed) {
        return applied;  // already coded: the action rolls back, nothing is recorded
    }
    action.set_summary(std::string(made ? "made the code '" + code_path(db, code_id) + "' and coded "
                                        : applied.created ? "coded "
                                                          : "extended ") +
                       shape.name + " " + range_label(applied) +
                       (made ? std::string() : " with '" + code_path(db, code_id) + "'"));
    action.commit();
    return applied;
}

}  // namespace

Applied apply_code(store::Project& project, const store::Coder& coder, std::int64_t code_id,
                   std::int64_t source_id, Range range, const SegmentNotes& notes) {
    store::Action action(project, coder, "apply");
    return apply_within(action, project.db(), coder, code_id, source_id, range, notes, false);
}

Applied apply_new_code(store::Project& project, const store::Coder& coder, const NewCode& code,
                       std::int64_t source_id, Range range, const SegmentNotes& notes) {
    store::Action action(project, coder, "apply");
    const std::int64_t code_id = insert_code(project.db(), coder, code);
    return apply_within(action, project.db(), coder, code_id, source_id, range, notes, true);
}

AppliedMany apply_code_to_ranges(store::Project& project, const store::Coder& coder,
                                 std::int64_t code_id, const std::vector<SourceRange>& ranges,
                                 const std::string& summary) {
    Database& db = project.db();
    store::Action action(project, coder, "apply");
    check_codable(db, code_id);
    AppliedMany result;
    std::optional<std::int64_t> shape_of;
    SourceShape shape;
    for (const SourceRange& place : ranges) {
        if (shape_of != place.source_id) {
            shape = load_shape(db, place.source_id);
            shape_of = place.source_id;
        }
        check_range(shape, place.range);
        SegmentDraft draft;
        draft.code_id = code_id;
        draft.source_id = place.source_id;
        draft.coder_id = coder.id;
        draft.start = place.range.start;
        draft.end = place.range.end;
        const Placement placed = place_segment(db, draft);
        if (!placed.changed) {
            ++result.unchanged;
        } else if (placed.created) {
            ++result.created;
        } else {
            ++result.extended;
        }
    }
    if (result.created + result.extended > 0) {
        action.set_summary(summary);
        action.commit();
    }
    return result;
}

namespace {

void check_invivo_length(std::string_view words) {
    const std::size_t length = text::count_codepoints(words);
    if (length > kMaxInVivoName) {
        throw Error("in-vivo code", "the words are " + std::to_string(length) +
                                        " characters long; a code name holds at most " +
                                        std::to_string(kMaxInVivoName) +
                                        " (code the range with a shorter name instead)");
    }
}

// Names a code by `words` (or finds that code under `parent`) and codes `range`
// with it, inside the in-vivo action.
InVivo code_invivo(Database& db, store::Action& action, const store::Coder& coder,
                   const SourceShape& shape, std::int64_t source_id, Range range,
                   std::string_view words, std::optional<std::int64_t> parent) {
    InVivo result;
    result.code_name = clean_code_name(words);
    // A codable sibling with the same name is that code again.
    for (const Code& code : list_codes(db)) {
        if (code.parent_id == parent && code.codable &&
            text::same_name(code.name, result.code_name)) {
            result.code_id = code.id;
            result.code_name = code.name;
        }
    }
    if (result.code_id == 0) {
        NewCode code;
        code.name = result.code_name;
        code.parent_id = parent;
        code.origin = Origin::invivo;
        result.code_id = insert_code(db, coder, code);
        result.code_created = true;
    }
    SegmentDraft draft;
    draft.code_id = result.code_id;
    draft.source_id = source_id;
    draft.coder_id = coder.id;
    draft.start = range.start;
    draft.end = range.end;
    result.applied = applied_from(place_segment(db, draft), shape, result.code_id, source_id);
    if (!result.applied.changed) {
        return result;
    }
    action.set_summary("in-vivo coded " + shape.name + " " + range_label(result.applied) +
                       " with '" + code_path(db, result.code_id) + "'");
    action.commit();
    return result;
}

}  // namespace

InVivo invivo(store::Project& project, const store::Coder& coder, std::int64_t source_id,
              std::string_view words, std::int64_t occurrence, std::optional<std::int64_t> parent) {
    Database& db = project.db();
    const std::string nfc = text::to_nfc(words);
    const std::string_view wanted = trim(nfc);
    if (wanted.empty()) {
        throw Error("in-vivo code", "no words given");
    }
    check_invivo_length(wanted);
    if (occurrence < 1) {
        throw Error("in-vivo code", "the occurrence counts from 1");
    }
    store::Action action(project, coder, "invivo");
    const SourceShape shape = load_shape(db, source_id);
    const store::SourceText content = store::load_source_text(db, source_id);
    // Whole words only: "ærlig" is not the middle of "kjærlighet". Where the
    // words begin or end with a letter or digit, the place must begin or end
    // a word as ICU's word rules see them.
    const std::vector<text::WordSpan> own = text::word_spans(wanted);
    const bool word_first = !own.empty() && own.front().begin == 0;
    const bool word_last = !own.empty() && own.back().end == wanted.size();
    std::vector<std::size_t> word_starts;
    std::vector<std::size_t> word_ends;
    for (const text::WordSpan& span : text::word_spans(content.text)) {
        word_starts.push_back(span.begin);
        word_ends.push_back(span.end);
    }
    const auto is_in = [](const std::vector<std::size_t>& sorted, std::size_t value) {
        return std::binary_search(sorted.begin(), sorted.end(), value);
    };
    std::size_t at = std::string::npos;
    std::int64_t found = 0;
    for (std::size_t from = 0; found < occurrence;) {
        at = content.text.find(wanted, from);
        if (at == std::string::npos) {
            break;
        }
        from = at + 1;
        if ((!word_first || is_in(word_starts, at)) &&
            (!word_last || is_in(word_ends, at + wanted.size()))) {
            ++found;
        }
    }
    std::string quoted = "\"";
    quoted.append(wanted).append("\"");
    if (found == 0) {
        throw Error("source " + shape.name, quoted + " is not in the text (the search is exact: " +
                                                "case, letters and accents count)");
    }
    if (found < occurrence) {
        throw Error("source " + shape.name, quoted + " occurs " + std::to_string(found) + " time" +
                                                (found == 1 ? "" : "s") + ", not " +
                                                std::to_string(occurrence));
    }
    const text::PositionMap positions(content.text);
    Range range;
    range.start = static_cast<std::uint32_t>(positions.codepoint_of_byte(at));
    range.end = static_cast<std::uint32_t>(positions.codepoint_of_byte(at + wanted.size()));
    return code_invivo(db, action, coder, shape, source_id, range, wanted, parent);
}

InVivo invivo_range(store::Project& project, const store::Coder& coder, std::int64_t source_id,
                    Range range, std::optional<std::int64_t> parent) {
    Database& db = project.db();
    store::Action action(project, coder, "invivo");
    const SourceShape shape = load_shape(db, source_id);
    check_range(shape, range);
    const store::SourceText content = store::load_source_text(db, source_id);
    const text::PositionMap positions(content.text);
    const std::size_t from = positions.byte_of_codepoint(range.start);
    const std::size_t to = positions.byte_of_codepoint(range.end);
    const std::string_view selected = std::string_view(content.text).substr(from, to - from);
    // White space at either end of a selection (a line's LF) is not the
    // participant's words.
    const std::size_t first = selected.find_first_not_of(" \t\r\n");
    const std::string_view words =
        first == std::string_view::npos
            ? std::string_view()
            : selected.substr(first, selected.find_last_not_of(" \t\r\n") + 1 - first);
    if (words.empty()) {
        throw Error("in-vivo code", "the range " + std::to_string(range.start) + ":" +
                                        std::to_string(range.end) + " holds no words");
    }
    check_invivo_length(words);
    const std::size_t leading = static_cast<std::size_t>(words.data() - selected.data());
    range.start = static_cast<std::uint32_t>(positions.codepoint_of_byte(from + leading));
    range.end =
        static_cast<std::uint32_t>(positions.codepoint_of_byte(from + leading + words.size()));
    return code_invivo(db, action, coder, shape, source_id, range, words, parent);
}

Segment get_segment(Database& db, std::int64_t segment_id) {
    Statement query(db, R"sql(
        SELECT id, guid, code_id, source_id, start, end, coder_id, created, memo, translation
        FROM segments WHERE id = ?)sql");
    query.bind(1, segment_id);
    if (!query.step()) {
        throw Error("segment " + std::to_string(segment_id), "no such segment");
    }
    Segment segment;
    segment.id = query.int64(0);
    segment.guid = query.text(1);
    segment.code_id = query.int64(2);
    segment.source_id = query.int64(3);
    segment.start = static_cast<std::uint32_t>(query.int64(4));
    segment.end = static_cast<std::uint32_t>(query.int64(5));
    segment.coder_id = query.int64(6);
    segment.created = query.text(7);
    segment.memo = query.text(8);
    segment.translation = query.text(9);
    return segment;
}

void unapply(store::Project& project, const store::Coder& coder, std::int64_t segment_id) {
    Database& db = project.db();
    store::Action action(project, coder, "unapply");
    const Segment segment = get_segment(db, segment_id);
    const SourceShape shape = load_shape(db, segment.source_id);
    Applied where;
    where.start_line = shape.line_of(segment.start);
    where.end_line = shape.line_of(segment.end - 1);
    action.set_summary("removed '" + code_path(db, segment.code_id) + "' from " + shape.name + " " +
                       range_label(where));
    Statement remove(db, "DELETE FROM segments WHERE id = ?");
    remove.bind(1, segment_id).run();
    action.commit();
}

void annotate_segment(store::Project& project, const store::Coder& coder, std::int64_t segment_id,
                      const std::optional<std::string>& memo,
                      const std::optional<std::string>& translation) {
    Database& db = project.db();
    store::Action action(project, coder, "segment-note");
    const Segment segment = get_segment(db, segment_id);
    const SourceShape shape = load_shape(db, segment.source_id);
    Applied where;
    where.start_line = shape.line_of(segment.start);
    where.end_line = shape.line_of(segment.end - 1);
    std::string what = memo && translation ? "memo and translation" : memo ? "memo" : "translation";
    if (!memo && !translation) {
        return;
    }
    action.set_summary("edited the " + what + " of '" + code_path(db, segment.code_id) + "' in " +
                       shape.name + " " + range_label(where));
    Statement update(db,
                     "UPDATE segments SET memo = coalesce(?, memo), "
                     "translation = coalesce(?, translation) WHERE id = ?");
    if (memo) {
        update.bind(1, text::to_nfc(*memo));
    } else {
        update.bind(1, std::nullopt);
    }
    if (translation) {
        update.bind(2, text::to_nfc(*translation));
    } else {
        update.bind(2, std::nullopt);
    }
    update.bind(3, segment_id).run();
    action.commit();
}

}  // namespace tema::coding
