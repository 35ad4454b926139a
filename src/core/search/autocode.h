// Auto-coding: a code applied to every hit of a search, as one undoable action.
#pragma once

#include <cstdint>

#include "coding/segments.h"
#include "search/index.h"

namespace tema::search {

enum class AutocodeUnit { line, turn };

struct AutocodeResult {
    std::size_t hits = 0;
    coding::AppliedMany applied;
};

// Runs the search (every hit, whatever the request's paging) and codes, for
// each hit, the lines with a marked word (`line`) or the whole passage: the
// speaker turn's words, or the paragraph (`turn`).
AutocodeResult autocode(store::Project& project, const store::Coder& coder, SearchIndex& index,
                        SearchRequest request, std::int64_t code_id, AutocodeUnit unit);

}  // namespace tema::search
