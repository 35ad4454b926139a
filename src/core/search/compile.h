// Turns a parsed query into a Xapian query over the index's terms, resolving
// its filters against the project (sources, codes, participants), and
// gathers what the hits' words are marked by.
#pragma once

#include <xapian.h>

#include <vector>

#include "search/highlight.h"
#include "search/layers.h"
#include "search/query.h"
#include "store/database.h"

namespace tema::search {

struct CompileOptions {
    bool exact = false;
    bool fold = false;
};

struct CompiledQuery {
    Xapian::Query query;
    MatchSet marks;
    // Words of the query (not under NOT) that no source holds as written.
    std::vector<const QueryNode*> unknown_words;
};

// The most words a wildcard may stand for: more is refused, not cut short,
// so that a researcher never gets a silently partial answer.
inline constexpr Xapian::termcount kMaxWildcardWords = 5000;

// Throws tema::Error("query", ...) for an unknown field or a filter value
// that names nothing in the project.
CompiledQuery compile_query(const QueryNode& root, const IndexLayers& index,
                            store::Database& project, const CompileOptions& options);

// The passages of a source as the index holds them: [start, end) pairs.
std::vector<std::pair<std::uint32_t, std::uint32_t>> indexed_passages(const IndexLayers& index,
                                                                      std::int64_t source_id);

}  // namespace tema::search
