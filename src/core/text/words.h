// Word boundaries by ICU's BreakIterator.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace tema::text {

struct WordSpan {
    std::size_t begin;  // byte offset in the UTF-8 text
    std::size_t end;    // byte offset, exclusive
};

// The words (runs of letters or digits, as ICU's word rules see them for
// `locale`) of `utf8`; spaces and punctuation are skipped. "jobbspesialist,"
// gives one word; "e-post" and "NAV-veileder" follow ICU's rules.
std::vector<WordSpan> word_spans(std::string_view utf8, std::string_view locale = "nb");

}  // namespace tema::text
