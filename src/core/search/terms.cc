#include "search/terms.h"

#include <utility>

#include "stem/stemmer.h"
#include "text/case_fold.h"
#include "text/normalize.h"
#include "text/words.h"

namespace tema::search {

std::vector<Token> tokenize(std::string_view utf8) {
    std::vector<Token> tokens;
    const std::vector<text::WordSpan> spans = text::word_spans(utf8);
    tokens.reserve(spans.size());
    for (const text::WordSpan& span : spans) {
        tokens.push_back({span.begin, span.end,
                          normalize_word(utf8.substr(span.begin, span.end - span.begin))});
    }
    return tokens;
}

std::string normalize_word(std::string_view word) {
    // Case folding can leave a string that is no longer NFC (rare); to_nfc is
    // cheap when it is.
    return text::to_nfc(text::fold_case(text::to_nfc(word)));
}

std::string_view stem_prefix(text::Language language) {
    switch (language) {
        case text::Language::nb:
            return "ZB";
        case text::Language::nn:
            return "ZN";
        case text::Language::en:
            return "ZE";
        case text::Language::other:
            break;
    }
    return "ZX";
}

namespace {

// Text too short to tell its language (a slide, a heading) is most likely in
// the project's own language: stemmed as Bokmål, still under its own prefix.
const stem::Stemmer& stemmer_of(text::Language language) {
    return stem::stemmer_for(language == text::Language::other ? text::Language::nb : language);
}

std::vector<std::string> prefixed(std::vector<std::string> stems, text::Language language) {
    const std::string_view prefix = stem_prefix(language);
    for (std::string& stem : stems) {
        stem.insert(0, prefix);
    }
    return stems;
}

}  // namespace

std::vector<std::string> index_stem_terms(std::string_view word, text::Language language) {
    return prefixed(stemmer_of(language).index_stems(word), language);
}

std::vector<std::string> query_stem_terms(std::string_view word, text::Language language) {
    return prefixed(stemmer_of(language).query_stems(word), language);
}

std::string fold_key(std::string_view word) { return text::fold_accents(word); }

std::vector<std::string> fold_variants(std::string_view word) {
    std::vector<std::string> variants{fold_key(word)};
    // OCR of scanned Norwegian reads ø as g (å as a is the fold already). Each ø
    // may have been read either way; only the first four ø are varied.
    constexpr std::string_view kSlashedO = "ø";
    std::vector<std::size_t> places;
    for (std::size_t at = word.find(kSlashedO); at != std::string_view::npos && places.size() < 4;
         at = word.find(kSlashedO, at + kSlashedO.size())) {
        places.push_back(at);
    }
    for (unsigned mask = 1; mask < (1U << places.size()); ++mask) {
        std::string form(word);
        for (std::size_t i = places.size(); i-- > 0;) {  // from the back: offsets stay valid
            if ((mask & (1U << i)) != 0) {
                form.replace(places[i], kSlashedO.size(), 1, 'g');
            }
        }
        variants.push_back(fold_key(form));
    }
    return variants;
}

std::string passage_term(std::int64_t source_id, std::size_t passage) {
    std::string term(kPassagePrefix);
    term += std::to_string(source_id);
    term += ':';
    term += std::to_string(passage);
    return term;
}

std::string id_term(std::string_view prefix, std::int64_t id) {
    std::string term(prefix);
    term += std::to_string(id);
    return term;
}

std::string stems_version() {
    std::string version;
    for (text::Language lang : {text::Language::nb, text::Language::nn, text::Language::en}) {
        version += stem::stemmer_version(lang) + "\n";
    }
    return version;
}

}  // namespace tema::search
