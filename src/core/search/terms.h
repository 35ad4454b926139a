// The one term pipeline of search: the same functions turn a document's words
// and a query's words into index terms, so the two can never drift apart.
//
// A word is found by ICU's word rules, put in NFC and case-folded. It is then
// indexed under
//   - the word itself (no prefix), with its position: exact words, phrases, NEAR;
//   - its stems, under a prefix naming the source's language ("ZB" Bokmål,
//     "ZN" Nynorsk, "ZE" English, "ZX" other, stemmed as Bokmål): a query word is looked up
//     under the stems of every language, so each source answers in its own;
// and a word whose accent-folded form differs (støtte → stotte) is listed as a
// synonym of that form ("F" prefix), for accent- and OCR-tolerant search.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "text/language.h"

namespace tema::search {

struct Token {
    std::size_t begin = 0;  // byte offsets in the text
    std::size_t end = 0;
    std::string word;  // NFC, case-folded
};

// The words of an NFC text.
std::vector<Token> tokenize(std::string_view utf8);

// A single word as the pipeline sees it (NFC and case-folded).
std::string normalize_word(std::string_view word);

// The prefix of the stem terms of a language ("ZB", "ZN", "ZE", "ZX").
std::string_view stem_prefix(text::Language language);


// Terms of a normalized word in a document of `language`: its stem terms.
std::vector<std::string> index_stem_terms(std::string_view word, text::Language language);

// Terms a normalized query word is looked up under in documents of `language`.
std::vector<std::string> query_stem_terms(std::string_view word, text::Language language);

// Accent folding for --fold (æ→ae, ø→o, å→a, é→e): the key of the "F" synonyms.
std::string fold_key(std::string_view word);
inline constexpr std::string_view kFoldPrefix = "F";

// The fold keys a query word stands for: its folded form, and the forms OCR
// makes of Norwegian letters in scanned text (ø read as g, å read as a).
std::vector<std::string> fold_variants(std::string_view word);

// Boolean filter terms of a document. (A source's kind and language are not
// among them: filters on those look the sources up in the project.)
inline constexpr std::string_view kSourcePrefix = "S";       // S<source id>
inline constexpr std::string_view kSpeakerPrefix = "H";      // H<folded label>
inline constexpr std::string_view kParticipantPrefix = "P";  // P<folded pid>
inline constexpr std::string_view kPassagePrefix = "Q";      // Q<source id>:<passage>

std::string passage_term(std::int64_t source_id, std::size_t passage);
// A prefix and a number: "S12".
std::string id_term(std::string_view prefix, std::int64_t id);

// What the terms depend on besides this code: the stemmers and their
// dictionaries. An index made with others is rebuilt.
std::string stems_version();

}  // namespace tema::search
