#include "search/index.h"

#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <unordered_map>

#include "search/compile.h"
#include "search/highlight.h"
#include "search/index_format.h"
#include "search/layers.h"
#include "search/passages.h"
#include "search/query.h"
#include "search/terms.h"
#include "store/database.h"
#include "store/sources.h"
#include "text/positions.h"
#include "text/words.h"
#include "util/error.h"

namespace tema::search {

namespace fs = std::filesystem;
using namespace format;  // this file writes the index format

namespace {
// Hits are counted exactly up to this many; beyond, Xapian estimates the total.
constexpr Xapian::doccount kExactTotal = 50000;
}  // namespace

fs::path index_path_for(const fs::path& project_path) {
    fs::path path = project_path;
    path += "-index";
    return path;
}

namespace {

// One row per source: what decides whether its documents are current.
struct SourceRow {
    std::int64_t id = 0;
    std::string name;
    std::string fingerprint;
};

std::vector<SourceRow> project_sources(store::Database& db) {
    std::vector<SourceRow> rows;
    store::Statement query(db, R"sql(
        SELECT s.id, s.name, s.sha256 || '|' || s.lang || '|' || s.kind || '|' ||
               coalesce((SELECT group_concat(k.label || '=' || coalesce(p.pid, ''), char(31))
                         FROM speakers k LEFT JOIN participants p ON p.id = k.participant_id
                         WHERE k.source_id = s.id), '')
        FROM sources s ORDER BY s.id)sql");
    while (query.step()) {
        rows.push_back({query.int64(0), query.text(1), query.text(2)});
    }
    return rows;
}

std::string error_text(const Xapian::Error& error) {
    return error.get_type() + std::string(": ") + error.get_msg();
}

// Writes the documents of sources into one Xapian database.
class SourceIndexer {
public:
    // `base`: the documents go to the base layer, and carry its B term.
    SourceIndexer(Xapian::WritableDatabase& db, bool base) : db_(db), base_(base) {}

    // Indexes one source; returns the number of passages.
    std::size_t add(store::Database& project, std::int64_t source_id,
                    const std::string& fingerprint) {
        store::Statement query(project,
                               "SELECT text, line_starts, lang, kind FROM sources WHERE id = ?");
        query.bind(1, source_id);
        if (!query.step()) {
            return 0;  // deleted meanwhile
        }
        const std::string text = query.text(0);
        const std::vector<std::uint32_t> line_starts = store::decode_uint32s(query.blob(1));
        const text::Language lang =
            text::parse_language(query.text_view(2)).value_or(text::Language::other);
        const std::string kind = query.text(3);
        const std::vector<store::TurnInfo> turns = store::load_turns(project, source_id);
        const std::vector<Passage> passages = split_passages(text, line_starts, turns);
        const std::vector<text::WordSpan> spans = text::word_spans(text);
        const text::PositionMap positions(text);

        std::string ranges;
        auto span = spans.begin();
        for (std::size_t n = 0; n < passages.size(); ++n) {
            const Passage& passage = passages[n];
            put_u32(ranges, passage.start);
            put_u32(ranges, passage.end);
            const std::size_t begin_byte = positions.byte_of_codepoint(passage.start);
            const std::size_t end_byte = positions.byte_of_codepoint(passage.end);
            while (span != spans.end() && span->begin < begin_byte) {
                ++span;
            }
            Xapian::Document doc;
            Xapian::termpos position = 0;
            for (; span != spans.end() && span->end <= end_byte; ++span) {
                doc.add_posting(
                    word_of(std::string_view(text).substr(span->begin, span->end - span->begin),
                            lang),
                    ++position);
            }
            doc.add_boolean_term(id_term(kSourcePrefix, source_id));
            if (base_) {
                doc.add_boolean_term(id_term(kBasePrefix, source_id));
            }
            doc.add_boolean_term(passage_term(source_id, n));
            if (passage.turn) {
                const store::TurnInfo& turn = turns[*passage.turn];
                doc.add_boolean_term(std::string(kSpeakerPrefix) +
                                     normalize_word(turn.turn.speaker));
                if (turn.participant) {
                    doc.add_boolean_term(std::string(kParticipantPrefix) +
                                         normalize_word(*turn.participant));
                }
            }
            doc.add_value(kOrderSlot, order_key(source_id, n));
            doc.add_value(
                kDataSlot,
                encode({static_cast<std::uint32_t>(source_id), static_cast<std::uint32_t>(n),
                        passage.start, passage.end, static_cast<std::uint32_t>(passage.first_line),
                        passage.turn ? static_cast<std::uint32_t>(*passage.turn + 1) : 0U}));
            db_.add_document(doc);
        }
        db_.set_metadata(source_key(source_id), fingerprint);
        db_.set_metadata(passages_key(source_id), ranges);
        return passages.size();
    }

    // The synonyms that --fold and stemmed words look up, for the words met
    // since the last call: each word's accent-folded form and its stems point
    // back at it. They go with the database's next commit.
    void add_synonyms() {
        for (const auto& [key, word] : new_synonyms_) {
            db_.add_synonym(key, word);
        }
        new_synonyms_.clear();
    }

    // The synonyms, and the spelling data ("did you mean"): each word met
    // and how often.
    void add_words() {
        for (const auto& [word, count] : frequency_) {
            db_.add_spelling(word, count);
        }
        add_synonyms();
    }

private:
    // A word as written, once normalized: its term, and how often it was met.
    struct Known {
        const std::string* word;
        Xapian::termcount* count;
    };

    // Transparent hashing: looking a word up costs no copy of it.
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const {
            return std::hash<std::string_view>{}(s);
        }
    };

    const std::string& word_of(std::string_view raw, text::Language lang) {
        auto& cache = cache_[static_cast<std::size_t>(lang)];
        auto found = cache.find(raw);
        if (found == cache.end()) {
            std::string word = normalize_word(raw);
            auto counted = frequency_.try_emplace(std::move(word), 0).first;
            const std::string& term = counted->first;
            // Its stems and its folded spelling lead back to it.
            for (std::string& stem : index_stem_terms(term, lang)) {
                add_synonym(std::move(stem), term);
            }
            if (std::string key = fold_key(term); key != term) {
                add_synonym(std::string(kFoldPrefix) + key, term);
            }
            found = cache.emplace(std::string(raw), Known{&term, &counted->second}).first;
        }
        ++*found->second.count;
        return *found->second.word;
    }

    Xapian::WritableDatabase& db_;
    bool base_;
    std::array<std::unordered_map<std::string, Known, Hash, std::equal_to<>>, 4> cache_;
    std::unordered_map<std::string, Xapian::termcount> frequency_;  // nodes stay put
    std::set<std::pair<std::string, std::string>> synonyms_;      // every pair met
    std::vector<std::pair<std::string, std::string>> new_synonyms_;  // since add_synonyms

    void add_synonym(std::string key, const std::string& word) {
        if (synonyms_.emplace(key, word).second) {
            new_synonyms_.emplace_back(std::move(key), word);
        }
    }
};

}  // namespace

struct SearchIndex::Impl {
    store::Project& project;
    fs::path path;
    std::optional<IndexLayers> layers;
    std::size_t indexed_sources = 0;  // counted when the layers were opened
    bool layers_being_built = false;  // the layers are the shards of a running build

    std::size_t project_source_count() {
        return static_cast<std::size_t>(project.db().query_int("SELECT count(*) FROM sources"));
    }

    Impl(store::Project& p) : project(p), path(index_path_for(p.path())) {}

    void close() {
        layers.reset();
        layers_being_built = false;
    }

    // Opens the index for reading; nullopt-like failure is reported as text.
    std::string open_problem() {
        if (!fs::exists(path)) {
            return "missing";
        }
        if (!fs::exists(IndexLayers::base_path(path))) {
            return "made by another version of Tema";
        }
        try {
            IndexLayers opened(path);
            if (opened.metadata(std::string(kVersionKey)) != kVersion) {
                return "made by another version of Tema";
            }
            if (opened.metadata(std::string(kStemmerKey)) != stems_version()) {
                return "made with other dictionaries";
            }
            indexed_sources = opened.fingerprints().size();
            layers.emplace(std::move(opened));
            return {};
        } catch (const Xapian::Error& error) {
            return "damaged (" + error_text(error) + ")";
        }
    }

    // Opens the index, or the shards of a first build still running, for a
    // search; returns why neither can be searched, or empty.
    std::string open_for_search() {
        if (layers_being_built) {
            close();  // the build has gone on, or ended
        }
        if (layers) {
            return {};
        }
        std::string problem = open_problem();
        if (!problem.empty()) {
            if (auto built = IndexLayers::being_built(path)) {
                indexed_sources = built->fingerprints().size();
                layers.emplace(std::move(*built));
                layers_being_built = true;
                return {};
            }
        }
        return problem;
    }

    SyncReport build(const std::string& reason, Progress& progress);
    // A search; without hits, it only counts them.
    SearchResult find(const SearchRequest& request, bool with_hits);
    SyncReport update(const std::vector<SourceRow>& stale, const std::vector<std::int64_t>& removed,
                      Progress& progress);
};

SearchIndex::SearchIndex(store::Project& project) : impl_(std::make_unique<Impl>(project)) {}
SearchIndex::~SearchIndex() = default;

const fs::path& SearchIndex::path() const {
    return impl_->path;
}

namespace {

// Differences between the project's sources and the index's.
struct Difference {
    std::vector<SourceRow> stale;  // missing or changed in the index
    std::vector<std::int64_t> removed;
    std::size_t indexed = 0;
};

Difference compare(const IndexLayers& index, const std::vector<SourceRow>& sources) {
    std::map<std::int64_t, std::string> held = index.fingerprints();
    Difference difference;
    difference.indexed = held.size();
    for (const SourceRow& source : sources) {
        const auto found = held.find(source.id);
        if (found == held.end() || found->second != source.fingerprint) {
            difference.stale.push_back(source);
        }
        if (found != held.end()) {
            held.erase(found);
        }
    }
    for (const auto& [id, fingerprint] : held) {
        difference.removed.push_back(id);
    }
    return difference;
}

}  // namespace

SyncReport SearchIndex::sync(Progress& progress) {
    Impl& impl = *impl_;
    impl.close();
    const std::string problem = impl.open_problem();
    if (!problem.empty()) {
        impl.close();
        return impl.build(problem, progress);
    }
    const std::vector<SourceRow> sources = project_sources(impl.project.db());
    const Difference difference = compare(*impl.layers, sources);
    const bool delta_large = impl.layers->delta_documents() >
                             std::max<Xapian::doccount>(impl.layers->base_documents() / 4, 2000);
    impl.close();
    if (difference.stale.empty() && difference.removed.empty()) {
        return {};
    }
    if (delta_large) {
        return impl.build("many sources changed since it was built", progress);
    }
    // Rebuilding on both cores beats updating most of the index in place.
    if (difference.stale.size() > 20 && difference.stale.size() * 2 > sources.size()) {
        return impl.build("mostly out of date", progress);
    }
    return impl.update(difference.stale, difference.removed, progress);
}

SyncReport SearchIndex::rebuild(Progress& progress) {
    impl_->close();
    return impl_->build("asked for", progress);
}

SyncReport SearchIndex::Impl::build(const std::string& reason, Progress& progress) {
    const std::vector<SourceRow> sources = project_sources(project.db());
    const fs::path building = IndexLayers::building_path(path);
    fs::remove_all(building);
    fs::create_directories(building);

    const std::size_t shard_count =
        std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 4);
    std::vector<fs::path> shard_paths;
    for (std::size_t i = 0; i < shard_count; ++i) {
        shard_paths.push_back(IndexLayers::shard_path(building, i));
    }

    // Each worker owns a shard and its own read connection to the project;
    // sources are handed out one at a time, biggest first, so both finish together.
    std::vector<SourceRow> order = sources;
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> passages{0};
    std::atomic<bool> stop{false};
    std::mutex failure_mutex;
    std::optional<std::string> failure;
    const std::string version = stems_version();
    std::vector<std::thread> workers;
    for (std::size_t i = 0; i < shard_count; ++i) {
        workers.emplace_back([&, i] {
            try {
                store::Database connection(project.path(), store::Database::Mode::read_only);
                // No termlist: the base never deletes, and it is a third of the work.
                Xapian::WritableDatabase shard(
                    shard_paths[i].string(),
                    Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC | Xapian::DB_NO_TERMLIST);
                SourceIndexer indexer(shard, true);
                // Committed every two seconds or so (with the synonyms that
                // stemmed words need; the spelling data comes at the end), the
                // shards can be searched while the build runs
                // (IndexLayers::being_built).
                auto committed = std::chrono::steady_clock::now();
                for (std::size_t n = next++; n < order.size() && !stop; n = next++) {
                    passages += indexer.add(connection, order[n].id, order[n].fingerprint);
                    if (std::chrono::steady_clock::now() - committed > std::chrono::seconds(2)) {
                        indexer.add_synonyms();
                        shard.commit();
                        committed = std::chrono::steady_clock::now();
                    }
                }
                indexer.add_words();
                shard.set_metadata(std::string(kVersionKey), std::string(kVersion));
                shard.set_metadata(std::string(kStemmerKey), version);
                shard.commit();
            } catch (const std::exception& error) {
                const std::lock_guard lock(failure_mutex);
                failure = error.what();
                stop = true;
            } catch (const Xapian::Error& error) {
                const std::lock_guard lock(failure_mutex);
                failure = error_text(error);
                stop = true;
            }
        });
    }
    progress.start("Indexing", order.size());
    std::size_t reported = 0;
    while (reported < order.size() && !stop) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        const std::size_t done = std::min(next.load(), order.size());
        if (done > reported) {
            progress.advance(done > 0 ? order[done - 1].name : "", done - reported);
            reported = done;
        }
        if (progress.cancelled()) {
            stop = true;
        }
    }
    for (std::thread& worker : workers) {
        worker.join();
    }
    progress.finish();
    if (stop) {
        fs::remove_all(building);
        if (failure) {
            throw Error(path.string(), "could not build the search index: " + *failure);
        }
        throw Error(path.string(), "indexing was cancelled; the index is unchanged");
    }

    // One compact database from the shards: smaller and faster to search.
    const fs::path merged = IndexLayers::base_path(building);
    try {
        Xapian::Database all;
        for (const fs::path& shard : shard_paths) {
            all.add_database(Xapian::Database(shard.string()));
        }
        all.compact(merged.string());
        for (const fs::path& shard : shard_paths) {
            fs::remove_all(shard);
        }
    } catch (const Xapian::Error& error) {
        fs::remove_all(building);
        throw Error(path.string(), "could not build the search index: " + error_text(error));
    }
    // Swap in the new index. A crash in between leaves no index, or a stray
    // folder, and the next search builds it again.
    const fs::path old = fs::path(path.string() + ".old");
    fs::remove_all(old);
    if (fs::exists(path)) {
        fs::rename(path, old);
    }
    fs::rename(building, path);
    fs::remove_all(old);

    SyncReport report;
    report.rebuilt = true;
    report.reason = reason;
    report.indexed = sources.size();
    report.passages = passages;
    return report;
}

SyncReport SearchIndex::Impl::update(const std::vector<SourceRow>& stale,
                                     const std::vector<std::int64_t>& removed, Progress& progress) {
    SyncReport report;
    try {
        const Xapian::Database base(IndexLayers::base_path(path).string());
        Xapian::WritableDatabase db(IndexLayers::delta_path(path).string(),
                                    Xapian::DB_CREATE_OR_OPEN);
        // Drops a source from the delta, and its base documents from every query.
        const auto drop = [&](std::int64_t id) {
            db.delete_document(id_term(kSourcePrefix, id));
            db.set_metadata(source_key(id), "");
            db.set_metadata(passages_key(id), "");
            if (!base.get_metadata(source_key(id)).empty()) {
                db.set_metadata(id_term(kGoneKey, id), "1");
            }
        };
        for (std::int64_t id : removed) {
            drop(id);
        }
        report.removed = removed.size();
        SourceIndexer indexer(db, false);
        progress.start("Indexing", stale.size());
        for (const SourceRow& source : stale) {
            if (progress.cancelled()) {
                break;  // nothing committed: the index stays as it was
            }
            drop(source.id);
            report.passages += indexer.add(project.db(), source.id, source.fingerprint);
            ++report.indexed;
            progress.advance(source.name);
        }
        progress.finish();
        if (report.indexed < stale.size()) {
            throw Error(path.string(), "indexing was cancelled; the index is unchanged");
        }
        indexer.add_words();
        db.commit();
    } catch (const Xapian::DatabaseLockError&) {
        report.busy = true;  // another Tema is updating it
    } catch (const Xapian::Error& error) {
        close();
        return build("damaged (" + error_text(error) + ")", progress);
    }
    return report;
}

IndexCheck SearchIndex::check() {
    Impl& impl = *impl_;
    IndexCheck result;
    impl.close();
    result.exists = fs::exists(impl.path);
    if (!result.exists) {
        result.problem = "missing";
        return result;
    }
    for (const auto& entry : fs::recursive_directory_iterator(impl.path)) {
        if (entry.is_regular_file()) {
            result.bytes += entry.file_size();
        }
    }
    result.problem = impl.open_problem();
    if (!result.problem.empty()) {
        return result;
    }
    try {
        // Read every table once: a damaged one throws.
        const Xapian::Database& index = impl.layers->all();
        Xapian::Enquire enquire(index);
        enquire.set_query(impl.layers->live(Xapian::Query::MatchAll));
        const Xapian::MSet all = enquire.get_mset(0, index.get_doccount(), index.get_doccount());
        for (auto match = all.begin(); match != all.end(); ++match) {
            decode(match.get_document().get_value(kDataSlot));
        }
        result.passages = all.size();
    } catch (const Xapian::Error& error) {
        impl.close();
        result.problem = "damaged (" + error_text(error) + ")";
        return result;
    } catch (const std::out_of_range&) {
        impl.close();
        result.problem = "damaged (a passage's data is cut short)";
        return result;
    }
    const Difference difference = compare(*impl.layers, project_sources(impl.project.db()));
    result.sources = difference.indexed;
    result.stale = difference.stale.size();
    result.removed = difference.removed.size();
    impl.close();
    return result;
}

namespace {

std::string passage_text(store::Database& db, std::int64_t source_id, std::uint32_t start,
                         std::uint32_t end) {
    store::Statement& query = db.cached("SELECT substr(text, ?, ?) FROM sources WHERE id = ?");
    query.bind(1, std::int64_t{start} + 1).bind(2, std::int64_t{end - start}).bind(3, source_id);
    std::string text = query.step() ? query.text(0) : std::string();
    query.reset();
    return text;
}

QueryNode with_option_filters(QueryNode root, const SearchRequest& request) {
    std::vector<QueryNode> filters;
    const auto add = [&](const char* field, const std::optional<std::string>& value) {
        if (value) {
            QueryNode filter;
            filter.kind = QueryNode::Kind::filter;
            filter.field = field;
            filter.text = *value;
            filters.push_back(std::move(filter));
        }
    };
    add("source", request.source);
    add("speaker", request.speaker);
    add("participant", request.participant);
    add("code", request.code);
    if (filters.empty()) {
        return root;
    }
    QueryNode all;
    all.kind = QueryNode::Kind::all_of;
    all.column = root.column;
    all.children.push_back(std::move(root));
    for (QueryNode& filter : filters) {
        all.children.push_back(std::move(filter));
    }
    return all;
}

std::size_t codepoint_to_byte(std::string_view text, std::size_t column) {
    std::size_t seen = 0;
    for (std::size_t at = 0; at < text.size(); ++at) {
        if ((static_cast<unsigned char>(text[at]) & 0xC0) != 0x80 && ++seen == column) {
            return at;
        }
    }
    return text.size();
}

}  // namespace

std::string SearchIndex::problem() { return impl_->open_for_search(); }

SearchResult SearchIndex::search(const SearchRequest& request) {
    return impl_->find(request, true);
}

SearchResult SearchIndex::count(const SearchRequest& request) {
    return impl_->find(request, false);
}

SearchResult SearchIndex::Impl::find(const SearchRequest& request, bool with_hits) {
    const QueryNode root = with_option_filters(parse_query(request.query), request);
    if (const std::string problem = open_for_search(); !problem.empty()) {
        throw Error(path.string(),
                    "the search index is " + problem + "; run: tema index PROJECT rebuild");
    }
    const IndexLayers& open = *layers;
    const Xapian::Database& index = open.all();
    store::Database& db = project.db();
    SearchResult result;
    result.query = request.query;
    try {
        const CompiledQuery compiled = compile_query(root, open, db, {request.exact, request.fold});
        Xapian::Enquire enquire(index);
        enquire.set_query(open.live(compiled.query));
        if (with_hits && request.order == SearchRequest::Order::document) {
            enquire.set_sort_by_value(kOrderSlot, false);
        }
        const Xapian::doccount all = std::max<Xapian::doccount>(index.get_doccount(), 1);
        const auto offset = static_cast<Xapian::doccount>(request.offset);
        const Xapian::doccount limit =
            request.limit == 0 ? all : static_cast<Xapian::doccount>(request.limit);
        // A page alone looks for its hits only: Xapian stops at them, while
        // counting a broad query's hundred thousand passages takes longer.
        Xapian::MSet matches;
        if (!with_hits) {
            enquire.set_weighting_scheme(Xapian::BoolWeight());  // counting needs no weights
            matches = enquire.get_mset(0, 0, kExactTotal);
        } else if (request.estimate_total) {
            matches = enquire.get_mset(offset, limit);
        } else {
            matches = enquire.get_mset(offset, limit, std::max(offset + limit, kExactTotal));
        }
        result.total = matches.get_matches_estimated();
        result.total_exact = matches.get_matches_lower_bound() == matches.get_matches_upper_bound();

        // The names of the hits' sources, looked up one by one: a page shows
        // twenty hits, and the project may hold thousands of sources.
        std::map<std::int64_t, std::optional<std::string>> names;
        const auto name_of = [&](std::int64_t id) -> const std::optional<std::string>& {
            const auto [at, fresh] = names.try_emplace(id);
            if (fresh) {
                store::Statement& query = db.cached("SELECT name FROM sources WHERE id = ?");
                query.bind(1, id);
                if (query.step()) {
                    at->second = query.text(0);
                }
                query.reset();
            }
            return at->second;
        };
        std::map<std::int64_t, std::vector<store::TurnInfo>> turns;
        for (auto match = matches.begin(); match != matches.end(); ++match) {
            const PassageData data = decode(match.get_document().get_value(kDataSlot));
            const std::optional<std::string>& name = name_of(data.source_id);
            if (!name) {
                result.partial = true;  // deleted since it was indexed
                continue;
            }
            Hit hit;
            hit.source_id = data.source_id;
            hit.source = *name;
            hit.start = data.start;
            hit.end = data.end;
            hit.first_line = data.first_line;
            hit.weight = match.get_weight();
            const std::string text = passage_text(db, data.source_id, data.start, data.end);
            hit.last_line = hit.first_line + std::count(text.begin(), text.end(), '\n');
            const Highlighted marked = highlight(text, data.start, data.first_line, compiled.marks);
            for (std::size_t i = 0; i < marked.mark_starts.size(); ++i) {
                hit.marks.push_back({marked.mark_starts[i], marked.mark_ends[i]});
            }
            hit.lines = marked.lines;
            hit.line = hit.lines.empty() ? hit.first_line : hit.lines.front();
            hit.snippet = marked.snippet;
            if (data.turn != 0) {
                auto& source_turns = turns[data.source_id];
                if (source_turns.empty()) {
                    source_turns = store::load_turns(db, data.source_id);
                }
                if (data.turn <= source_turns.size()) {
                    const store::TurnInfo& turn = source_turns[data.turn - 1];
                    hit.speaker = turn.turn.speaker;
                    hit.participant = turn.participant;
                    hit.time_ms = turn.turn.time_ms;
                }
            }
            result.hits.push_back(std::move(hit));
        }

        // Did you mean: the unknown words spelt as the index's nearest words,
        // offered only when that query finds something.
        if (with_hits && !compiled.unknown_words.empty()) {
            std::string suggestion = request.query;
            bool changed = false;
            std::vector<const QueryNode*> words = compiled.unknown_words;
            std::sort(words.begin(), words.end(),
                      [](const QueryNode* a, const QueryNode* b) { return a->column > b->column; });
            for (const QueryNode* word : words) {
                const std::string spelt = open.spelling_suggestion(word->text);
                if (spelt.empty() || word->column == 0 || word->length == 0) {
                    continue;
                }
                const std::size_t begin = codepoint_to_byte(suggestion, word->column);
                const std::size_t end = codepoint_to_byte(suggestion, word->column + word->length);
                suggestion.replace(begin, end - begin, spelt);
                changed = true;
            }
            if (changed) {
                const CompiledQuery check =
                    compile_query(with_option_filters(parse_query(suggestion), request), open, db,
                                  {request.exact, request.fold});
                Xapian::Enquire probe(index);
                probe.set_query(open.live(check.query));
                if (probe.get_mset(0, 0, 1).get_matches_lower_bound() > 0) {
                    result.suggestion = suggestion;
                }
            }
        }
    } catch (const Xapian::Error& error) {
        throw Error(path.string(), "the search index could not be read (" + error_text(error) +
                                       "); run: tema index PROJECT rebuild");
    }
    result.partial = result.partial || indexed_sources < project_source_count();
    return result;
}

}  // namespace tema::search
