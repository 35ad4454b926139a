#include "stem/snowball.h"

#include <libstemmer.h>

#include <array>
#include <memory>

#include "util/error.h"

namespace tema::stem {

namespace {

struct StemmerDeleter {
    void operator()(sb_stemmer* stemmer) const { sb_stemmer_delete(stemmer); }
};
using SnowballPtr = std::unique_ptr<sb_stemmer, StemmerDeleter>;

const char* algorithm(text::Language language) {
    switch (language) {
        case text::Language::nb:
        case text::Language::nn:
            return "norwegian";
        case text::Language::en:
            return "english";
        case text::Language::other:
            break;
    }
    return nullptr;
}

}  // namespace

std::string snowball_stem(text::Language language, std::string_view word) {
    const char* name = algorithm(language);
    if (name == nullptr || word.empty()) {
        return std::string(word);
    }
    // sb_stemmer keeps its state in the object: one per thread.
    thread_local std::array<SnowballPtr, 4> stemmers;
    auto& stemmer = stemmers.at(static_cast<std::size_t>(language));
    if (!stemmer) {
        stemmer.reset(sb_stemmer_new(name, "UTF_8"));
        if (!stemmer) {
            throw Error(name, "Snowball has no stemmer of this name (libstemmer)");
        }
    }
    const auto* stem =
        sb_stemmer_stem(stemmer.get(), reinterpret_cast<const sb_symbol*>(word.data()),
                        static_cast<int>(word.size()));
    if (stem == nullptr) {
        throw Error(name, "Snowball ran out of memory");
    }
    return std::string(reinterpret_cast<const char*>(stem),
                       static_cast<std::size_t>(sb_stemmer_length(stemmer.get())));
}

}  // namespace tema::stem
