#include "stem/stemmer.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <functional>
#include <mutex>
#include <unordered_map>


#include "stem/dictionary.h"
#include "stem/snowball.h"
#include "util/error.h"
#include "util/file.h"
#include "util/memory.h"
#include "util/sha256.h"

namespace tema::stem {

namespace {

// Raise when a change here changes any word's stems: the index is rebuilt.
constexpr std::string_view rules_version = "tema-stem 1";

// The suffix flags of hunspell-no (nb_NO, nn_NO) that inflect a word. The others derive a
// new word: a-s are prefixes (u-, for-, ...), t-y derivations (-ing, -lig, -lse, -het,
// -skap, -itet), Y -inger and Z -elig/-bar.
constexpr std::string_view norwegian_inflections = "ABCDEFGHIJKLMNOPQRSTUVWX";

// Compound splitting: the shortest head and tail, in characters.
constexpr std::size_t min_head = 2;
constexpr std::size_t min_tail = 3;

const char* dictionary_name(text::Language language) {
    switch (language) {
        case text::Language::nb:
            return "nb_NO";
        case text::Language::nn:
            return "nn_NO";
        case text::Language::en:
        case text::Language::other:
            break;
    }
    return nullptr;
}

// Byte offsets of the starts of UTF-8 characters in `word`, and its size at the end.
std::vector<std::size_t> character_starts(std::string_view word) {
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < word.size(); ++i) {
        if ((static_cast<unsigned char>(word[i]) & 0xC0) != 0x80) {
            starts.push_back(i);
        }
    }
    starts.push_back(word.size());
    return starts;
}

struct Stems {
    std::vector<std::string> index;
    std::vector<std::string> query;
};

Stems same(std::string stem) {
    return Stems{{stem}, {stem}};
}

// The query stems of a word with these lemmas: the word alone when it is one of them.
Stems from_lemmas(std::string_view word, std::vector<std::string> lemmas) {
    Stems stems;
    if (std::binary_search(lemmas.begin(), lemmas.end(), word)) {
        stems.query = {std::string(word)};
    } else {
        stems.query = lemmas;
    }
    stems.index = std::move(lemmas);
    return stems;
}

}  // namespace

struct Stemmer::Impl {
    text::Language language;
    std::unique_ptr<Dictionary> dictionary;  // nb, nn

    // The cache: words to stems, in shards so the two indexing threads rarely meet.
    static constexpr std::size_t shard_count = 16;
    static constexpr std::size_t max_words_per_shard = std::size_t{1} << 16;
    struct Shard {
        std::mutex mutex;
        std::unordered_map<std::string, Stems> words;
    };
    mutable std::array<Shard, shard_count> shards;

    Stems compute(std::string_view word) const;
    Stems stems(std::string_view word) const;
};

Stems Stemmer::Impl::compute(std::string_view word) const {
    if (word.empty()) {
        return {};
    }
    if (!dictionary) {
        return same(snowball_stem(language, word));
    }
    auto analysis = dictionary->analyze(word);
    if (analysis.kind != Dictionary::Kind::unknown) {
        return from_lemmas(word, std::move(analysis.lemmas));
    }
    // A compound no dictionary holds: the head as it stands and the longest known tail's
    // lemmas (helseveilederne -> helse + veileder).
    const auto starts = character_starts(word);
    const auto characters = starts.size() - 1;
    for (std::size_t head = min_head; head + min_tail <= characters; ++head) {
        const auto split = starts[head];
        auto tail = dictionary->analyze(word.substr(split));
        if (tail.kind == Dictionary::Kind::unknown) {
            continue;
        }
        std::vector<std::string> lemmas;
        for (const auto& lemma : tail.lemmas) {
            lemmas.push_back(std::string(word.substr(0, split)) + lemma);
        }
        return from_lemmas(word, std::move(lemmas));
    }
    return same(snowball_stem(language, word));
}

Stems Stemmer::Impl::stems(std::string_view word) const {
    auto& shard = shards[std::hash<std::string_view>{}(word) % shard_count];
    {
        std::lock_guard lock(shard.mutex);
        const auto it = shard.words.find(std::string(word));
        if (it != shard.words.end()) {
            return it->second;
        }
    }
    Stems computed = compute(word);
    std::lock_guard lock(shard.mutex);
    if (shard.words.size() >= max_words_per_shard) {
        shard.words.clear();  // a bound on memory; real corpora stay far below it
    }
    shard.words.emplace(std::string(word), computed);
    return computed;
}

Stemmer::Stemmer(text::Language language) : impl_(std::make_unique<Impl>()) {
    impl_->language = language;
    if (const char* name = dictionary_name(language)) {
        const auto dir = dictionary_dir();
        impl_->dictionary =
            std::make_unique<Dictionary>(dir / (std::string(name) + ".aff"),
                                         dir / (std::string(name) + ".dic"), norwegian_inflections);
        // Reading a dictionary leaves its file and scratch tables freed but
        // resident between the tables kept (nb and nn: 54 MB, 26 MB trimmed).
        release_free_memory();
    }
}

Stemmer::~Stemmer() = default;

std::vector<std::string> Stemmer::index_stems(std::string_view word) const {
    return impl_->stems(word).index;
}

std::vector<std::string> Stemmer::query_stems(std::string_view word) const {
    return impl_->stems(word).query;
}

text::Language Stemmer::language() const {
    return impl_->language;
}

const Stemmer& stemmer_for(text::Language language) {
    switch (language) {
        case text::Language::nb: {
            static const Stemmer nb(text::Language::nb);
            return nb;
        }
        case text::Language::nn: {
            static const Stemmer nn(text::Language::nn);
            return nn;
        }
        case text::Language::en: {
            static const Stemmer en(text::Language::en);
            return en;
        }
        case text::Language::other:
            break;
    }
    static const Stemmer other(text::Language::other);
    return other;
}

std::filesystem::path dictionary_dir() {
    if (const char* dir = std::getenv("TEMA_HUNSPELL_DIR"); dir != nullptr && *dir != '\0') {
        return dir;
    }
    return "/usr/share/hunspell";
}

namespace {

std::string compute_version(text::Language language) {
    std::string version(rules_version);
    version += "; ";
    version += text::language_code(language);
    if (const char* name = dictionary_name(language)) {
        const auto dir = dictionary_dir();
        for (const char* extension : {".aff", ".dic"}) {
            const auto file = std::string(name) + extension;
            version += "; " + file + " " + sha256_hex(read_file(dir / file)).substr(0, 16);
        }
    }
    // Snowball has no version number: the stems of words that exercise its rules stand in.
    static constexpr std::string_view probes[] = {
        "jobbspesialistene", "arbeidsgiverne", "ledelsen",  "ærligheten",   "rettleiarane",
        "unnværligst",       "hyggeligste",    "kommunene", "employers",    "running",
        "generalizations",   "happily",        "agreed",    "nationalities"};
    std::string stems;
    for (const auto probe : probes) {
        stems += snowball_stem(language, probe) + ' ';
    }
    version += "; snowball " + sha256_hex(stems).substr(0, 16);
    return version;
}

}  // namespace

std::string stemmer_version(text::Language language) {
    static std::mutex mutex;
    static std::unordered_map<int, std::string> versions;
    std::lock_guard lock(mutex);
    auto& version = versions[static_cast<int>(language)];
    if (version.empty()) {
        version = compute_version(language);
    }
    return version;
}

}  // namespace tema::stem
