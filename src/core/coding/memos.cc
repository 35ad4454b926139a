#include "coding/memos.h"

#include <algorithm>
#include <array>
#include <limits>
#include <utility>

#include "coding/codebook.h"
#include "coding/names.h"
#include "coding/themes.h"
#include "store/sources.h"
#include "util/clock.h"
#include "util/error.h"
#include "util/guid.h"

namespace tema::coding {

namespace {

using TargetKind = MemoTarget::Kind;

// Each kind of target: its word in an OBJECT and its column in `memos`.
struct TargetForm {
    TargetKind kind;
    std::string_view word;
    std::string_view column;
};
constexpr std::array<TargetForm, 5> kTargetForms = {{
    {TargetKind::source, "source", "source_id"},
    {TargetKind::code, "code", "code_id"},
    {TargetKind::theme, "theme", "theme_id"},
    {TargetKind::segment, "segment", "segment_id"},
    {TargetKind::participant, "participant", "participant_id"},
}};

// A passage is kept in the source's column, with its range.
const TargetForm* form_of(TargetKind kind) {
    if (kind == TargetKind::passage) {
        kind = TargetKind::source;
    }
    for (const TargetForm& form : kTargetForms) {
        if (form.kind == kind) {
            return &form;
        }
    }
    return nullptr;
}

constexpr const char* kMemoColumns = R"sql(
    SELECT m.id, m.guid, m.kind, m.source_id, m.code_id, m.theme_id, m.segment_id,
           m.participant_id, c.name, m.created, m.modified, m.text, m.start, m.end
    FROM memos m JOIN coders c ON c.id = m.author_id )sql";

Memo read_memo(store::Database& db, const store::Statement& row) {
    Memo memo;
    memo.id = row.int64(0);
    memo.guid = row.text(1);
    memo.kind = parse_memo_kind(row.text(2));
    for (std::size_t i = 0; i < kTargetForms.size(); ++i) {
        const int column = 3 + static_cast<int>(i);
        if (!row.is_null(column)) {
            memo.target = {kTargetForms[i].kind, row.int64(column)};
        }
    }
    memo.author = row.text(8);
    memo.created = row.text(9);
    memo.modified = row.text(10);
    memo.text = row.text(11);
    if (!row.is_null(12)) {
        memo.target = passage(memo.target.id, static_cast<std::uint32_t>(row.int64(12)),
                              static_cast<std::uint32_t>(row.int64(13)));
    }
    memo.on = describe_target(db, memo.target);
    memo.place = place_of(db, memo.target);
    return memo;
}

std::string checked_text(std::string_view text) {
    std::string cleaned(trim(clean_text(text)));
    if (cleaned.empty()) {
        throw Error("memo", "a memo needs some text");
    }
    return cleaned;
}

// Refuses a passage that is empty or outside its source's text.
void check_passage(store::Database& db, const MemoTarget& target) {
    const SourceInfo source = store::find_source(db, std::to_string(target.id));
    const std::string range = std::to_string(target.start) + "-" + std::to_string(target.end);
    if (target.start >= target.end) {
        throw Error("source " + source.name, "the passage " + range + " is empty");
    }
    if (target.end > source.chars) {
        throw Error("source " + source.name, "the passage " + range +
                                                 " is outside the text (it has " +
                                                 std::to_string(source.chars) + " characters)");
    }
}

// "NAME@START-END": the passage of a source; nullopt when `what` is not of that form.
std::optional<MemoTarget> parse_passage(store::Database& db, std::string_view what) {
    const auto at = what.rfind('@');
    if (at == std::string_view::npos) {
        return std::nullopt;
    }
    const std::string_view range = what.substr(at + 1);
    const auto dash = range.find('-');
    const auto start = parse_id(range.substr(0, dash));
    const auto end =
        dash == std::string_view::npos ? std::nullopt : parse_id(range.substr(dash + 1));
    if (!start || !end) {
        throw Error(std::string(what),
                    "a passage is NAME@START-END, in characters (code "
                    "points) of the text, end exclusive");
    }
    const MemoTarget target =
        passage(store::find_source(db, what.substr(0, at)).id, static_cast<std::uint32_t>(*start),
                static_cast<std::uint32_t>(*end));
    check_passage(db, target);
    return target;
}

std::string excerpt(const std::string& text) {
    std::string line = text.substr(0, text.find('\n'));
    if (line.size() > 40) {
        std::size_t cut = 40;
        while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) {
            --cut;  // never split a UTF-8 sequence
        }
        line = line.substr(0, cut) + "…";
    }
    return line;
}

}  // namespace

std::string_view memo_kind_name(MemoKind kind) {
    switch (kind) {
        case MemoKind::note:
            return "note";
        case MemoKind::familiarisation:
            return "familiarisation";
        case MemoKind::journal:
            return "journal";
        case MemoKind::analytic:
            return "analytic";
    }
    return "note";
}

MemoKind parse_memo_kind(std::string_view name) {
    for (const MemoKind kind :
         {MemoKind::note, MemoKind::familiarisation, MemoKind::journal, MemoKind::analytic}) {
        if (name == memo_kind_name(kind)) {
            return kind;
        }
    }
    throw Error("kind " + std::string(name),
                "not a kind of memo (note, familiarisation, journal or analytic)");
}

MemoTarget passage(std::int64_t source_id, std::uint32_t start, std::uint32_t end) {
    return {TargetKind::passage, source_id, start, end};
}

MemoTarget parse_target(store::Database& db, std::string_view object) {
    const std::string_view trimmed = trim(object);
    if (trimmed == "project") {
        return {};
    }
    const auto colon = trimmed.find(':');
    const std::string_view word = trimmed.substr(0, colon);
    const std::string_view what =
        colon == std::string_view::npos ? std::string_view() : trim(trimmed.substr(colon + 1));
    const TargetForm* form = nullptr;
    for (const TargetForm& candidate : kTargetForms) {
        if (candidate.word == word) {
            form = &candidate;
        }
    }
    if (form == nullptr || what.empty()) {
        throw Error(std::string(object),
                    "not an object a memo can be on (project, source:NAME, "
                    "source:NAME@START-END, code:PATH, theme:PATH, segment:ID or "
                    "participant:ID)");
    }
    switch (form->kind) {
        case TargetKind::source:
            if (const auto passage = parse_passage(db, what)) {
                return *passage;
            }
            return {form->kind, store::find_source(db, what).id};
        case TargetKind::code:
            // TEMPORARY resolver (coding/code_ref.h): coding::find_code at the merge.
            return {form->kind, find_code(db, what).id};
        case TargetKind::theme:
            return {form->kind, find_theme(db, what).id};
        case TargetKind::segment: {
            const auto id = parse_id(what);
            store::Statement query(db, "SELECT 1 FROM segments WHERE id = ?");
            query.bind(1, id.value_or(-1));
            if (!id || !query.step()) {
                throw Error("segment " + std::string(what), "no such coded segment");
            }
            return {form->kind, *id};
        }
        case TargetKind::participant: {
            store::Statement query(db, "SELECT id FROM participants WHERE pid = ?");
            query.bind(1, what);
            if (!query.step()) {
                throw Error("participant " + std::string(what), "no such participant");
            }
            return {form->kind, query.int64(0)};
        }
        case TargetKind::project:
        case TargetKind::passage:
            break;
    }
    return {};
}

std::string describe_target(store::Database& db, const MemoTarget& target) {
    switch (target.kind) {
        case TargetKind::project:
            return "project";
        case TargetKind::source:
            return "source:" + store::find_source(db, std::to_string(target.id)).name;
        case TargetKind::passage:
            return "source:" + store::find_source(db, std::to_string(target.id)).name + "@" +
                   std::to_string(target.start) + "-" + std::to_string(target.end);
        case TargetKind::code:
            return "code:" + code_path(db, target.id);
        case TargetKind::theme:
            return "theme:" + theme_by_id(db, target.id).path;
        case TargetKind::segment:
            return "segment:" + std::to_string(target.id);
        case TargetKind::participant: {
            store::Statement query(db, "SELECT pid FROM participants WHERE id = ?");
            query.bind(1, target.id);
            return "participant:" + (query.step() ? query.text(0) : std::to_string(target.id));
        }
    }
    return "project";
}

namespace {

// "NAME, l. 46-47" for code points [start, end) of a source.
std::string lines_of(store::Database& db, std::int64_t source_id, std::uint32_t start,
                     std::uint32_t end) {
    store::Statement query(db, "SELECT name, line_starts FROM sources WHERE id = ?");
    query.bind(1, source_id);
    if (!query.step()) {
        throw Error("source " + std::to_string(source_id), "no such source in the project");
    }
    const std::vector<std::uint32_t> starts = store::decode_uint32s(query.blob(1));
    const auto line_of = [&starts](std::uint32_t at) {
        return std::max<std::ptrdiff_t>(
            1, std::upper_bound(starts.begin(), starts.end(), at) - starts.begin());
    };
    const auto first = line_of(start);
    const auto last = line_of(end > start ? end - 1 : start);
    return query.text(0) + ", l. " + std::to_string(first) +
           (last == first ? "" : "-" + std::to_string(last));
}

}  // namespace

std::string place_of(store::Database& db, const MemoTarget& target) {
    if (target.kind == TargetKind::passage) {
        return lines_of(db, target.id, target.start, target.end);
    }
    if (target.kind == TargetKind::segment) {
        store::Statement query(db,
                               "SELECT code_id, source_id, start, end FROM segments WHERE id = ?");
        query.bind(1, target.id);
        if (query.step()) {
            return code_path(db, query.int64(0)) + " in " +
                   lines_of(db, query.int64(1), static_cast<std::uint32_t>(query.int64(2)),
                            static_cast<std::uint32_t>(query.int64(3)));
        }
    }
    return describe_target(db, target);
}

Memo add_memo(store::Project& project, const store::Coder& coder, MemoKind kind,
              const MemoTarget& target, std::string_view text) {
    store::Database& db = project.db();
    const std::string cleaned = checked_text(text);
    if (target.kind == TargetKind::passage) {
        check_passage(db, target);
    }
    const std::string on = describe_target(db, target);
    store::Action action(
        project, coder, "memo-add",
        "added " + std::string(memo_kind_name(kind)) + " memo on " + on + ": " + excerpt(cleaned));
    const std::string now = now_iso8601();
    store::Statement insert(db, R"sql(
        INSERT INTO memos(guid, kind, source_id, code_id, theme_id, segment_id, participant_id,
                          author_id, created, modified, text, start, end)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))sql");
    insert.bind(1, new_guid()).bind(2, memo_kind_name(kind));
    const TargetForm* column = form_of(target.kind);
    for (std::size_t i = 0; i < kTargetForms.size(); ++i) {
        const int parameter = 3 + static_cast<int>(i);
        if (&kTargetForms[i] == column) {
            insert.bind(parameter, target.id);
        } else {
            insert.bind(parameter, std::nullopt);
        }
    }
    insert.bind(8, coder.id).bind(9, now).bind(10, now).bind(11, cleaned);
    if (target.kind == TargetKind::passage) {
        insert.bind(12, static_cast<std::int64_t>(target.start))
            .bind(13, static_cast<std::int64_t>(target.end));
    } else {
        insert.bind(12, std::nullopt).bind(13, std::nullopt);
    }
    insert.run();
    const std::int64_t id = db.last_insert_id();
    action.commit();
    return find_memo(db, id);
}

Memo find_memo(store::Database& db, std::int64_t memo_id) {
    store::Statement query(db, std::string(kMemoColumns) + "WHERE m.id = ?");
    query.bind(1, memo_id);
    if (!query.step()) {
        throw Error("memo " + std::to_string(memo_id), "no such memo");
    }
    return read_memo(db, query);
}

void edit_memo(store::Project& project, const store::Coder& coder, std::int64_t memo_id,
               std::string_view text) {
    store::Database& db = project.db();
    const Memo memo = find_memo(db, memo_id);
    const std::string cleaned = checked_text(text);
    store::Action action(project, coder, "memo-edit",
                         "edited memo #" + std::to_string(memo.id) + " on " + memo.on);
    store::Statement update(db, "UPDATE memos SET text = ?, modified = ? WHERE id = ?");
    update.bind(1, cleaned).bind(2, now_iso8601()).bind(3, memo.id).run();
    action.commit();
}

void delete_memo(store::Project& project, const store::Coder& coder, std::int64_t memo_id) {
    store::Database& db = project.db();
    const Memo memo = find_memo(db, memo_id);
    store::Action action(
        project, coder, "memo-delete",
        "deleted memo #" + std::to_string(memo.id) + " on " + memo.on + ": " + excerpt(memo.text));
    store::Statement remove(db, "DELETE FROM memos WHERE id = ?");
    remove.bind(1, memo.id).run();
    action.commit();
}

std::vector<Memo> list_memos(store::Database& db, const MemoFilter& filter) {
    std::string where = "WHERE 1";
    if (filter.kind) {
        where += " AND m.kind = ?1";
    }
    if (filter.target) {
        if (const TargetForm* form = form_of(filter.target->kind)) {
            where += " AND m." + std::string(form->column) + " = ?2";
            if (filter.target->kind == TargetKind::source) {
                where += " AND m.start IS NULL";
            } else if (filter.target->kind == TargetKind::passage) {
                where += " AND m.start < ?4 AND m.end > ?3";
            }
        } else {
            for (const TargetForm& each : kTargetForms) {
                where += " AND m." + std::string(each.column) + " IS NULL";
            }
        }
    }
    store::Statement query(db, std::string(kMemoColumns) + where + " ORDER BY m.created, m.id");
    if (filter.kind) {
        query.bind(1, memo_kind_name(*filter.kind));
    }
    if (filter.target && filter.target->kind != TargetKind::project) {
        query.bind(2, filter.target->id);
    }
    if (filter.target && filter.target->kind == TargetKind::passage) {
        query.bind(3, static_cast<std::int64_t>(filter.target->start))
            .bind(4, static_cast<std::int64_t>(filter.target->end));
    }
    std::vector<Memo> memos;
    while (query.step()) {
        memos.push_back(read_memo(db, query));
    }
    return memos;
}

std::vector<PlacedMemo> memos_in_source(store::Database& db, std::int64_t source_id) {
    std::vector<PlacedMemo> placed;
    MemoFilter passages;
    passages.target = passage(source_id, 0, std::numeric_limits<std::uint32_t>::max());
    for (Memo& memo : list_memos(db, passages)) {
        const std::uint32_t start = memo.target.start;
        const std::uint32_t end = memo.target.end;
        placed.push_back({std::move(memo), start, end});
    }
    store::Statement on_segments(db, R"sql(
        SELECT m.id, s.start, s.end FROM memos m JOIN segments s ON s.id = m.segment_id
        WHERE s.source_id = ?)sql");
    on_segments.bind(1, source_id);
    while (on_segments.step()) {
        placed.push_back({find_memo(db, on_segments.int64(0)),
                          static_cast<std::uint32_t>(on_segments.int64(1)),
                          static_cast<std::uint32_t>(on_segments.int64(2))});
    }
    std::stable_sort(placed.begin(), placed.end(),
                     [](const PlacedMemo& a, const PlacedMemo& b) { return a.start < b.start; });
    return placed;
}

}  // namespace tema::coding
