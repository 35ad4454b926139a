#include "search/compile.h"

#include <algorithm>
#include <set>

#include "coding/codebook.h"
#include "model/source.h"
#include "search/index_format.h"
#include "search/terms.h"
#include "store/participants.h"
#include "store/sources.h"
#include "text/collation.h"
#include "util/error.h"

namespace tema::search {

std::vector<std::pair<std::uint32_t, std::uint32_t>> indexed_passages(const IndexLayers& index,
                                                                      std::int64_t source_id) {
    return format::decode_ranges(index.metadata(format::passages_key(source_id)));
}

namespace {

[[noreturn]] void refuse(const std::string& problem) { throw Error("query", problem); }

[[noreturn]] void too_many(const QueryNode& n) {
    refuse(n.text + "*" + at_column(n.column) + " stands for more than " +
           std::to_string(kMaxWildcardWords) + " words; write more of the word");
}

Xapian::Query any_of(const std::vector<Xapian::Query>& queries) {
    return Xapian::Query(Xapian::Query::OP_OR, queries.begin(), queries.end());
}

Xapian::Query boolean(Xapian::Query query) {
    return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, std::move(query), 0.0);
}

class Compiler {
public:
    Compiler(const IndexLayers& layers, store::Database& project, const CompileOptions& options)
        : layers_(layers), index_(layers.all()), project_(project), options_(options) {
        // Only the languages the sources are in: each stemmer loads a dictionary.
        store::Statement query(project_, "SELECT DISTINCT lang FROM sources");
        while (query.step()) {
            if (const auto lang = text::parse_language(query.text_view(0))) {
                languages_.push_back(*lang);
            }
        }
    }

    CompiledQuery run(const QueryNode& root) {
        CompiledQuery compiled;
        compiled.query = node(root, true);
        compiled.marks = std::move(marks_);
        compiled.unknown_words = std::move(unknown_);
        return compiled;
    }

private:
    // `positive`: not under NOT, so its words are marked in hits.
    Xapian::Query node(const QueryNode& n, bool positive) {
        using Kind = QueryNode::Kind;
        switch (n.kind) {
            case Kind::word:
                return word(n, positive);
            case Kind::wildcard:
                // Constant weight, as Lucene scores prefix queries: a wildcard
                // stands for many words, and weighing each passage by all of
                // them costs a broad one (jobb*: 15 words, 200,000 passages)
                // 15 ms before the first hit.
                return boolean(wildcard(n, positive));
            case Kind::phrase: {
                std::vector<Xapian::Query> slots;
                for (const std::string& w : n.words) {
                    slots.push_back(positional_word(w, positive));
                }
                return Xapian::Query(Xapian::Query::OP_PHRASE, slots.begin(), slots.end(),
                                     static_cast<Xapian::termcount>(slots.size()));
            }
            case Kind::near: {
                std::vector<Xapian::Query> parts;
                for (const QueryNode& child : n.children) {
                    parts.push_back(child.kind == Kind::word ? positional_word(child.text, positive)
                                    : child.kind == Kind::wildcard ? wildcard(child, positive)
                                                                   : node(child, positive));
                }
                return Xapian::Query(Xapian::Query::OP_NEAR, parts.begin(), parts.end(),
                                     static_cast<Xapian::termcount>(n.window + parts.size() - 1));
            }
            case Kind::filter:
                return boolean(filter(n));
            case Kind::all_of: {
                std::vector<Xapian::Query> wanted;
                std::vector<Xapian::Query> unwanted;
                for (const QueryNode& child : n.children) {
                    if (child.kind == Kind::none_of) {
                        unwanted.push_back(node(child.children.front(), !positive));
                    } else {
                        wanted.push_back(node(child, positive));
                    }
                }
                Xapian::Query query =
                    wanted.empty() ? Xapian::Query::MatchAll
                                   : Xapian::Query(Xapian::Query::OP_AND, wanted.begin(),
                                                   wanted.end());
                if (!unwanted.empty()) {
                    query = Xapian::Query(Xapian::Query::OP_AND_NOT, query, any_of(unwanted));
                }
                return query;
            }
            case Kind::any_of: {
                std::vector<Xapian::Query> either;
                for (const QueryNode& child : n.children) {
                    either.push_back(node(child, positive));
                }
                return any_of(either);
            }
            case Kind::none_of:
                return Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll,
                                     node(n.children.front(), !positive));
        }
        return {};
    }

    void note_word(const QueryNode& n, const std::string& w, bool positive) {
        if (!positive) {
            return;
        }
        marks_.words.insert(w);
        if (index_.get_termfreq(w) == 0) {
            unknown_.push_back(&n);
        }
    }

    // The words `w` stands for, as the index holds them (plain terms, with
    // positions): the word itself; unless exact, every form in the index that
    // shares a stem with it, in a language the index holds (the stems point at
    // their forms as synonyms); with --fold, every form that shares its folded
    // spelling or an OCR misreading of it. Positive words are marked in hits.
    std::vector<std::string> written_forms(const std::string& w, bool positive) {
        std::set<std::string> forms{w};
        const auto add_synonyms = [&](const std::string& key) { layers_.synonyms(key, forms); };
        if (!options_.exact) {
            for (text::Language lang : languages_) {
                for (const std::string& stem : query_stem_terms(w, lang)) {
                    add_synonyms(stem);
                }
            }
        }
        if (options_.fold) {
            for (const std::string& key : fold_variants(w)) {
                forms.insert(key);
                add_synonyms(std::string(kFoldPrefix) + key);
            }
        }
        if (positive) {
            marks_.words.insert(forms.begin(), forms.end());
        }
        return {forms.begin(), forms.end()};
    }

    Xapian::Query terms(const std::vector<std::string>& names) {
        std::vector<Xapian::Query> queries;
        for (const std::string& name : names) {
            queries.emplace_back(name);
        }
        return queries.size() == 1 ? queries.front() : any_of(queries);
    }

    Xapian::Query word(const QueryNode& n, bool positive) {
        note_word(n, n.text, positive);
        return terms(written_forms(n.text, positive));
    }

    Xapian::Query positional_word(const std::string& w, bool positive) {
        return terms(written_forms(w, positive));
    }

    // The words of the index that begin with the prefix (and, with --fold,
    // those whose folded spelling does), as one OR of terms: NEAR can hold
    // that, where it cannot hold Xapian's OP_WILDCARD.
    Xapian::Query wildcard(const QueryNode& n, bool positive) {
        std::set<std::string> forms;
        const auto add_words = [&](const std::string& prefix) {
            for (auto term = index_.allterms_begin(prefix); term != index_.allterms_end(prefix);
                 ++term) {
                forms.insert(*term);
                if (forms.size() > kMaxWildcardWords) {
                    too_many(n);
                }
            }
        };
        add_words(n.text);
        if (positive) {
            marks_.prefixes.push_back(n.text);
        }
        if (options_.fold) {
            const std::string key = fold_key(n.text);
            if (positive) {
                marks_.fold_prefixes.push_back(key);
            }
            add_words(key);
            for (const std::string& synonym_key :
                 layers_.synonym_keys(std::string(kFoldPrefix) + key)) {
                layers_.synonyms(synonym_key, forms);
            }
            if (forms.size() > kMaxWildcardWords) {
                too_many(n);
            }
        }
        if (forms.empty()) {
            return Xapian::Query::MatchNothing;
        }
        return terms({forms.begin(), forms.end()});
    }

    Xapian::Query filter(const QueryNode& n) {
        const std::string& field = n.field;
        const std::string& value = n.text;
        const std::string where = at_column(n.column);
        if (field == "source") {
            const SourceInfo source = [&] {
                try {
                    return store::find_source(project_, value);
                } catch (const Error&) {
                    refuse("source:" + value + where + ": the project has no such source");
                }
            }();
            return Xapian::Query(id_term(kSourcePrefix, source.id));
        }
        if (field == "speaker") {
            const std::string label = normalize_word(value);
            const std::vector<std::string> labels = store::speaker_labels(project_);
            if (std::none_of(labels.begin(), labels.end(),
                             [&](const std::string& known) { return normalize_word(known) == label; })) {
                refuse("speaker:" + value + where + ": no source has such a speaker");
            }
            return Xapian::Query(std::string(kSpeakerPrefix) + label);
        }
        if (field == "participant") {
            const std::string pid = normalize_word(value);
            for (const store::Participant& p : store::list_participants(project_)) {
                if (normalize_word(p.pid) == pid) {
                    return Xapian::Query(std::string(kParticipantPrefix) + pid);
                }
            }
            refuse("participant:" + value + where + ": the project has no such participant");
        }
        if (field == "code") {
            return code_filter(n);
        }
        if (field == "lang") {
            const auto lang = text::parse_language(normalize_word(value));
            if (!lang) {
                refuse("lang:" + value + where + ": the languages are nb, nn, en and other");
            }
            return sources_where("lang", text::language_code(*lang));
        }
        if (field == "kind") {
            const auto kind = parse_kind(normalize_word(value));
            if (!kind) {
                refuse("kind:" + value + where +
                       ": the kinds are transcript, fieldnote and document");
            }
            return sources_where("kind", kind_name(*kind));
        }
        return attribute_filter(n);
    }

    // Every passage of the sources whose `column` is `value`: by the sources
    // that are, or by leaving out those that are not, whichever are fewer (an
    // OR of a thousand sources costs more than the search itself).
    Xapian::Query sources_where(std::string_view column, std::string_view value) {
        store::Statement query(project_, "SELECT id, " + std::string(column) + " = ? FROM sources");
        query.bind(1, value);
        std::vector<Xapian::Query> in;
        std::vector<Xapian::Query> out;
        while (query.step()) {
            (query.int64(1) != 0 ? in : out).emplace_back(id_term(kSourcePrefix, query.int64(0)));
        }
        if (in.size() <= out.size()) {
            return any_of(in);
        }
        return out.empty() ? Xapian::Query::MatchAll
                           : Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll,
                                           any_of(out));
    }

    Xapian::Query code_filter(const QueryNode& n) {
        const coding::Code code = [&] {
            try {
                return coding::find_code(project_, n.text);
            } catch (const Error&) {
                refuse("code:" + n.text + at_column(n.column) + ": the codebook has no such code");
            }
        }();
        // The passages that overlap a segment of the code or of its children.
        std::set<std::string> passages;
        std::int64_t cached_source = -1;
        std::vector<std::pair<std::uint32_t, std::uint32_t>> ranges;
        for (std::int64_t id : coding::code_and_descendants(project_, code.id)) {
            store::Statement query(project_,
                                   "SELECT source_id, start, end FROM segments WHERE code_id = ? "
                                   "ORDER BY source_id");
            query.bind(1, id);
            while (query.step()) {
                const std::int64_t source = query.int64(0);
                const auto start = static_cast<std::uint32_t>(query.int64(1));
                const auto end = static_cast<std::uint32_t>(query.int64(2));
                if (source != cached_source) {
                    ranges = indexed_passages(layers_, source);
                    cached_source = source;
                }
                // The first passage ending after the segment starts, on to the
                // last one starting before it ends.
                auto at = std::partition_point(ranges.begin(), ranges.end(),
                                               [&](const auto& r) { return r.second <= start; });
                for (; at != ranges.end() && at->first < end; ++at) {
                    passages.insert(passage_term(source, static_cast<std::size_t>(at - ranges.begin())));
                }
            }
        }
        std::vector<Xapian::Query> queries(passages.begin(), passages.end());
        return any_of(queries);
    }

    Xapian::Query attribute_filter(const QueryNode& n) {
        bool known = false;
        std::vector<Xapian::Query> participants;
        std::set<std::string> names;
        for (const store::Participant& p : store::list_participants(project_)) {
            for (const auto& [name, value] : p.attributes) {
                names.insert(name);
                if (text::same_name(name, n.field)) {
                    known = true;
                    if (text::same_name(value, n.text)) {
                        participants.emplace_back(std::string(kParticipantPrefix) +
                                                  normalize_word(p.pid));
                    }
                }
            }
        }
        if (!known) {
            std::string fields = "speaker, participant, source, code, lang, kind";
            for (const std::string& name : names) {
                fields += ", " + name;
            }
            refuse("unknown field " + n.field + ":" + at_column(n.column) +
                   "; the fields are " + fields);
        }
        return any_of(participants);
    }

    const IndexLayers& layers_;
    const Xapian::Database& index_;
    store::Database& project_;
    CompileOptions options_;
    std::vector<text::Language> languages_;
    MatchSet marks_;
    std::vector<const QueryNode*> unknown_;
};

}  // namespace

CompiledQuery compile_query(const QueryNode& root, const IndexLayers& index,
                            store::Database& project, const CompileOptions& options) {
    return Compiler(index, project, options).run(root);
}

}  // namespace tema::search
