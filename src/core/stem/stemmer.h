// The stems Tema's full-text search indexes and looks words up under.
//
// Norwegian (nb, nn): the lemmas of Debian's Hunspell dictionaries, following inflection
// only (jobbspesialistene -> jobbspesialist, legte -> lege) and never derivation
// (ærligheten is not ærlig); a word the dictionary does not know is split as a compound
// of any head and the longest tail the dictionary knows (helseveilederne -> helse +
// veileder); what is left goes to Snowball "norwegian". English: Snowball "english".
// tests/bench/README.md (stem_eval) has the measurements behind these choices.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "text/language.h"

namespace tema::stem {

// Turns a case-folded NFC word into the stems (lemma keys) search uses. Thread-safe:
// the indexer calls it from two threads at once. Cheap on repeated words (a cache), since
// a corpus of 8 million words has only ~100k distinct ones.
class Stemmer {
public:
    // Loads the dictionary once (nb, nn); throws tema::Error if it cannot.
    explicit Stemmer(text::Language language);
    ~Stemmer();
    Stemmer(const Stemmer&) = delete;
    Stemmer& operator=(const Stemmer&) = delete;

    // The stems a word in a document is indexed under (one or more: an ambiguous form like
    // "leder" is indexed under leder, lede and led). Never empty for a non-empty word;
    // empty for an empty one. Sorted, without duplicates.
    std::vector<std::string> index_stems(std::string_view word) const;
    // The stems a query word is looked up under, chosen so that a query for a base form
    // finds every inflected form, and so that unrelated words are not joined: a word that
    // is itself a lemma is looked up under that lemma only ("leder" finds lederen, not
    // ledet), an inflected form under each of its lemmas.
    std::vector<std::string> query_stems(std::string_view word) const;

    text::Language language() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Shared instances, one per language, loaded on first use (dictionary loading is slow,
// about 0.3 s for nb). Thread-safe.
const Stemmer& stemmer_for(text::Language language);

// Where the Hunspell dictionaries are read from: $TEMA_HUNSPELL_DIR if set, else
// /usr/share/hunspell (Debian's hunspell-no and hunspell-en-us).
std::filesystem::path dictionary_dir();

// Names everything the stems of `language` depend on: this code's stemming rules, the
// dictionary files' contents (SHA-256) and Snowball's algorithm (the stems of a fixed list
// of words). The index stores it and rebuilds when it changes. Reads the dictionary files
// on the first call per language; throws tema::Error if they cannot be read.
std::string stemmer_version(text::Language language);

}  // namespace tema::stem
