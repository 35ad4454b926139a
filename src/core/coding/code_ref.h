// TEMPORARY: a small private resolver for CODE arguments, until the codebook
// (coding/codebook.h, written in parallel) is merged. At the merge, replace the
// body of resolve_code with coding::find_code(db, spec) and code_path with the
// codebook's own path, and delete this pair of files if nothing else needs it.
// Used by themes.cc, memos.cc and maps.cc (through themes.cc).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "store/database.h"

namespace tema::coding {

struct CodeRef {
    std::int64_t id = 0;
    std::string path;  // "Arbeidsgiver/Kontakt"
};

// TEMPORARY (replace by coding::find_code): a code by its id, its name (refused
// when several codes have it) or its path with '/'. Names compare as people
// read them (text::same_name). Throws tema::Error "code X: ..." when there is
// no such code.
CodeRef resolve_code(store::Database& db, std::string_view spec);

// TEMPORARY: the path of the code with this id, walking codes.parent_id.
std::string code_path(store::Database& db, std::int64_t code_id);

}  // namespace tema::coding
