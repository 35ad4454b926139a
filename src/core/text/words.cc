#include "text/words.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <map>
#include <memory>
#include <string>

#include "text/icu_util.h"

namespace tema::text {

namespace {

// Word break iterators are costly to create and not thread-safe, so each
// thread keeps one per locale.
icu::BreakIterator& word_iterator(std::string_view locale) {
    thread_local std::map<std::string, std::unique_ptr<icu::BreakIterator>, std::less<>> cache;
    const auto found = cache.find(locale);
    if (found != cache.end()) {
        return *found->second;
    }
    const std::string name(locale);
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> iterator(
        icu::BreakIterator::createWordInstance(icu::Locale(name.c_str()), status));
    icu_util::check(status, "Creating a word break iterator");
    return *cache.emplace(name, std::move(iterator)).first->second;
}

struct UTextCloser {
    void operator()(UText* text) const { utext_close(text); }
};

}  // namespace

std::vector<WordSpan> word_spans(std::string_view utf8, std::string_view locale) {
    std::vector<WordSpan> words;
    if (utf8.empty()) {
        return words;
    }
    icu_util::length32(utf8.size());  // ICU's break offsets are int32_t
    // A UText over the UTF-8 itself: ICU's native indices are then byte offsets.
    UErrorCode status = U_ZERO_ERROR;
    const std::unique_ptr<UText, UTextCloser> text(
        utext_openUTF8(nullptr, utf8.data(), static_cast<std::int64_t>(utf8.size()), &status));
    icu_util::check(status, "Opening text for word breaks");

    icu::BreakIterator& iterator = word_iterator(locale);
    iterator.setText(text.get(), status);
    icu_util::check(status, "Setting text for word breaks");

    std::int32_t begin = iterator.first();
    for (std::int32_t end = iterator.next(); end != icu::BreakIterator::DONE;
         begin = end, end = iterator.next()) {
        if (iterator.getRuleStatus() >= UBRK_WORD_NONE_LIMIT) {
            words.push_back(
                WordSpan{static_cast<std::size_t>(begin), static_cast<std::size_t>(end)});
        }
    }

    // Let go of our text, since the iterator outlives this call: point it at
    // an empty static string instead.
    status = U_ZERO_ERROR;
    const std::unique_ptr<UText, UTextCloser> empty(utext_openUTF8(nullptr, "", 0, &status));
    iterator.setText(empty.get(), status);
    return words;
}

}  // namespace tema::text
