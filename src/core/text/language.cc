#include "text/language.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>

namespace tema::text {

namespace {

// Detection counts words that belong to one language only. Words that Bokmål
// and Nynorsk share ("og", "det", "er", "på", "med", "som", "til", "i", "meg",
// "seg", "kjenner") tell nothing and are left out, and so are words that
// Norwegian shares with English ("for", "her", "at", "by", "men", "man",
// "to"). Danish, Swedish, German and French have short lists of their own so
// that their texts, which share words with ours ("jeg", "ikke", "ein", "on"),
// come out as `other` instead of being taken for ours.
enum Bucket : std::uint8_t { kNb, kNn, kEn, kDa, kSv, kDe, kFr, kBucketCount };

constexpr std::array kBokmaal = {
    "ikke",   "jeg",       "hva",       "hvordan", "hvor",     "hvorfor", "hvem",   "hvilken",
    "hvilke", "hvis",      "hun",       "noe",     "noen",     "mye",     "fra",    "bare",
    "også",   "være",      "vært",      "dere",    "deres",    "sier",    "gjør",   "gjøre",
    "ble",    "mer",       "selv",      "hele",    "helt",     "nå",      "da",     "vet",
    "kommer", "tror",      "synes",     "syns",    "sammen",   "uten",    "egen",   "eget",
    "disse",  "flere",     "fikk",      "siden",   "hver",     "ganger",  "tenker", "snakker",
    "sånn",   "hverandre", "vanskelig", "mulig",   "egentlig",
};

constexpr std::array kNynorsk = {
    "ikkje",     "eg",      "kva",   "korleis", "kvar",  "kvifor",    "kven",      "ho",
    "noko",      "nokon",   "nokre", "mykje",   "frå",   "berre",     "viss",      "òg",
    "vere",      "vore",    "vorte", "vart",    "dykk",  "dykkar",    "seier",     "gjer",
    "gjere",     "eit",     "ein",   "dei",     "sjølv", "heile",     "heilt",     "meir",
    "desse",     "saman",   "utan",  "eigen",   "eige",  "eigne",     "trur",      "synest",
    "kjem",      "kome",    "fekk",  "veit",    "sidan", "difor",     "fleire",    "gonger",
    "tenkjer",   "snakkar", "då",    "hjå",     "medan", "kvarandre", "vanskeleg", "mogleg",
    "eigentleg", "sjå",
};

constexpr std::array kEnglish = {
    "the",  "and",  "is",    "are",     "was",    "were",  "not",   "you",  "that",  "with",
    "what", "how",  "where", "this",    "these",  "those", "have",  "has",  "had",   "it",
    "of",   "in",   "on",    "be",      "been",   "but",   "they",  "we",   "he",    "she",
    "his",  "him",  "their", "them",    "which",  "who",   "would", "will", "there", "from",
    "or",   "if",   "do",    "does",    "did",    "can",   "about", "my",   "our",   "your",
    "just", "like", "think", "because", "really", "know",  "when",  "then", "than",  "also",
    "into", "some", "very",  "people",
};

constexpr std::array kDanish = {
    "hvad", "noget", "meget", "af",    "efter", "nogle", "mig",  "dig", "blev",  "vores",  "jer",
    "nu",   "sådan", "måske", "været", "lidt",  "mere",  "gøre", "gør", "siger", "rigtig",
};

constexpr std::array kSwedish = {
    "och",   "att",    "är",   "jag",   "inte", "vad",   "hur",   "hon", "något",
    "några", "mycket", "från", "också", "vara", "varit", "ett",   "för", "när",
    "där",   "här",    "bara", "kunde", "hade", "till",  "säger",
};

constexpr std::array kGerman = {
    "und",  "ist",  "nicht", "ich",    "das", "die", "sie",  "auch", "sich", "auf",
    "wir",  "eine", "mit",   "zu",     "es",  "wie", "wenn", "nur",  "noch", "aber",
    "oder", "dass", "haben", "werden", "bei", "von", "für",  "über",
};

constexpr std::array kFrench = {
    "est",  "une", "des",  "pas",  "que",  "qui",  "pour", "ce",    "il",    "elle", "nous",
    "vous", "je",  "avec", "mais", "sont", "être", "ont",  "cette", "aussi", "très",
};

// Bytes of the longest word the lists could hold; longer words are counted
// but not looked up.
constexpr std::size_t kMaxWordBytes = 12;
// Words read: enough to tell, and a bound on the time spent on a long text.
constexpr std::size_t kMaxWords = 20000;
// Fewer hits than this and the text is too short to tell.
constexpr std::size_t kMinHits = 5;

// A word of up to 12 bytes packed into two integers, every byte ORed with
// 0x20: bytes 0-7, then bytes 8-11 with the length in the top byte. ORing
// 0x20 lower-cases ASCII letters and, in the second byte of a two-byte
// sequence, the Latin-1 capitals (Å C3 85 and å C3 A5 both become E3 A5); the
// lists are packed the same way, so the words match whatever their case.
struct Key {
    std::uint64_t low = 0;
    std::uint64_t high = 0;
    bool operator==(const Key&) const = default;
};

constexpr std::uint64_t kCaseBits = 0x2020202020202020ULL;

// `length` bytes of the little-endian integer `word`.
constexpr std::uint64_t first_bytes(std::uint64_t word, std::size_t length) {
    return length >= 8 ? word : word & ((std::uint64_t{1} << (8 * length)) - 1);
}

// Packs the word of `length` (1 to 12) bytes at `word`; `available` bytes
// from `word` on may be read (at least `length`).
Key pack(const char* word, std::size_t length, std::size_t available) {
    std::uint64_t low = 0;
    std::uint64_t high = 0;
    if (available >= 16) {
        std::memcpy(&low, word, sizeof low);
        std::memcpy(&high, word + 8, sizeof high);
    } else {  // near the end of the text
        std::array<char, 16> buffer{};
        std::memcpy(buffer.data(), word, available);
        std::memcpy(&low, buffer.data(), sizeof low);
        std::memcpy(&high, buffer.data() + 8, sizeof high);
    }
    low = first_bytes(low | kCaseBits, length);
    high = length > 8 ? first_bytes(high | kCaseBits, length - 8) : 0;
    return {low, high | (std::uint64_t{length} << 56U)};
}

Key pack(std::string_view word) {
    return pack(word.data(), word.size(), word.size());
}

// Open addressing over a power-of-two table, less than a fifth full.
class WordTable {
  public:
    void add(std::string_view word, Bucket bucket) {
        const Key key = pack(word);
        std::size_t slot = hash(key);
        while (slots_.at(slot).bucket != kBucketCount) {
            slot = (slot + 1) & kMask;
        }
        slots_.at(slot) = Slot{key, bucket};
        const std::size_t bit = filter_bit(key);
        filter_.at(bit / 64) |= std::uint64_t{1} << (bit % 64);
    }

    // The bucket of `key`, or kBucketCount when it is in no list.
    Bucket find(const Key& key) const {
        // Most words are in no list: a 1 KiB bitmap turns them away without
        // touching the table, which then stays in the cache for the hits.
        const std::size_t bit = filter_bit(key);
        if ((filter_[bit / 64] & (std::uint64_t{1} << (bit % 64))) == 0) {
            return kBucketCount;
        }
        for (std::size_t slot = hash(key);; slot = (slot + 1) & kMask) {
            const Slot& s = slots_[slot];
            if (s.bucket == kBucketCount || s.key == key) {
                return s.bucket;
            }
        }
    }

  private:
    static constexpr unsigned kBits = 11;
    static constexpr std::size_t kMask = (std::size_t{1} << kBits) - 1;
    struct Slot {
        Key key;
        Bucket bucket = kBucketCount;
    };

    static constexpr unsigned kFilterBits = 13;

    static std::uint64_t mix(const Key& key) {
        return (key.low * 0x9E3779B97F4A7C15ULL) ^ (key.high * 0xC2B2AE3D27D4EB4FULL);
    }
    static std::size_t hash(const Key& key) {
        return static_cast<std::size_t>(mix(key) >> (64U - kBits));
    }
    static std::size_t filter_bit(const Key& key) {
        return static_cast<std::size_t>((mix(key) >> 20U) & ((1U << kFilterBits) - 1U));
    }

    std::array<std::uint64_t, (std::size_t{1} << kFilterBits) / 64> filter_{};
    std::array<Slot, std::size_t{1} << kBits> slots_{};
};

template <std::size_t N>
void add_words(WordTable& table, const std::array<const char*, N>& words, Bucket bucket) {
    for (const char* word : words) {
        table.add(word, bucket);
    }
}

const WordTable& word_table() {
    static const std::unique_ptr<const WordTable> table = [] {
        auto t = std::make_unique<WordTable>();
        add_words(*t, kBokmaal, kNb);
        add_words(*t, kNynorsk, kNn);
        add_words(*t, kEnglish, kEn);
        add_words(*t, kDanish, kDa);
        add_words(*t, kSwedish, kSv);
        add_words(*t, kGerman, kDe);
        add_words(*t, kFrench, kFr);
        return t;
    }();
    return *table;
}

// Bytes of words: ASCII letters, and all bytes of non-ASCII characters but
// the punctuation below (letters, mostly; a rare non-ASCII symbol inside a
// word does no harm).
constexpr std::array<bool, 256> kWordByte = [] {
    std::array<bool, 256> bytes{};
    for (std::size_t c = 0; c < bytes.size(); ++c) {
        bytes[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
    }
    return bytes;
}();

// Bytes of the non-ASCII punctuation at `p` that ends a word (« » and the
// no-break space, U+00A0-U+00BF; dashes, curly quotes and … , U+2000-U+206F),
// or 0. Norwegian quotes are «like this» and must not stick to the words.
std::size_t punctuation_length(const unsigned char* p, std::size_t remaining) {
    if (p[0] == 0xC2 && remaining >= 2 && p[1] >= 0xA0 && p[1] <= 0xBF) {
        return 2;
    }
    if (p[0] == 0xE2 && remaining >= 3 && (p[1] == 0x80 || p[1] == 0x81)) {
        return 3;
    }
    return 0;
}

}  // namespace

std::string_view language_code(Language language) {
    switch (language) {
        case Language::nb:
            return "nb";
        case Language::nn:
            return "nn";
        case Language::en:
            return "en";
        case Language::other:
            return "other";
    }
    return "other";
}

std::optional<Language> parse_language(std::string_view code) {
    for (const Language language : {Language::nb, Language::nn, Language::en, Language::other}) {
        if (code == language_code(language)) {
            return language;
        }
    }
    return std::nullopt;
}

Language detect_language(std::string_view utf8) {
    const WordTable& table = word_table();
    std::array<std::size_t, kBucketCount + 1> hits{};  // the last counts misses
    std::size_t words = 0;

    const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
    const std::size_t n = utf8.size();
    // Bytes taken by the separator at i, or 0 when a word byte is there.
    const auto separator = [p, n](std::size_t i) -> std::size_t {
        if (!kWordByte[p[i]]) {
            return 1;
        }
        return p[i] >= 0xC2 ? punctuation_length(p + i, n - i) : 0;
    };
    std::size_t i = 0;
    while (words < kMaxWords) {
        for (std::size_t skip = 0; i < n && (skip = separator(i)) > 0;) {
            i += skip;
        }
        if (i >= n) {
            break;
        }
        const std::size_t begin = i;
        while (i < n && separator(i) == 0) {
            ++i;
        }
        ++words;
        const std::size_t length = i - begin;
        if (length <= kMaxWordBytes) {
            const Key key = pack(utf8.data() + begin, length, n - begin);
            ++hits[static_cast<std::size_t>(table.find(key))];
        }
    }

    // The lists cover different shares of running text: English's holds its
    // most frequent words and covers 40-50% of English prose, while the
    // Norwegian lists hold only the words that set Bokmål and Nynorsk apart
    // and cover 12-20%. Weighing the counts 3 to 1 evens that out, so that a
    // text half in Norwegian and half in English scores about even.
    constexpr std::array<std::size_t, kBucketCount> kWeight = {3, 3, 1, 3, 3, 1, 1};
    std::size_t winner = 0;
    std::size_t best = 0;
    std::size_t second = 0;
    for (std::size_t b = 0; b < kBucketCount; ++b) {
        const std::size_t score = hits[b] * kWeight[b];
        if (score > best) {
            second = best;
            best = score;
            winner = b;
        } else if (score > second) {
            second = score;
        }
    }

    // Too few hits (a short text, or a language whose words only now and then
    // look like ours), or no clear winner (the winner must score at least
    // twice the runner-up; a text half in one language and half in another
    // does not): Tema cannot tell.
    if (hits[winner] < kMinHits || hits[winner] * 100 < words) {
        return Language::other;
    }
    if (best < second * 2) {
        return Language::other;
    }
    switch (winner) {
        case kNb:
            return Language::nb;
        case kNn:
            return Language::nn;
        case kEn:
            return Language::en;
        default:
            return Language::other;
    }
}

}  // namespace tema::text
