// A reader of Hunspell dictionaries (.aff and .dic) for stemming: it finds the dictionary
// words an inflected form comes from, and generates a word's inflected forms.
//
// Why not libhunspell's analyze(): the Norwegian dictionaries carry no morphology, only
// affix flags, and mix inflection (jobbspesialist/A -> jobbspesialisten) with derivation
// (ærlig/w -> ærlighet, lede/v -> ledelse). Search must follow the first and not the
// second, so this reader is told which suffix flags inflect; it also needs no lock (the
// tables are immutable after loading) and is several times faster. Only what the
// nb_NO, nn_NO and en_US files use is read: single-character flags, PFX and SFX rules
// with conditions, cross products, SET ISO8859-1 or UTF-8 (words outside Latin-1 are
// skipped). Compounding rules are not read: the stemmer splits compounds itself.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tema::stem {

class Dictionary {
public:
    // Reads `aff` and `dic`. `inflection_flags` lists the suffix flags whose forms are
    // inflections of the word; every other flag (all prefixes, derivational suffixes) makes
    // a new word. Words are stored case-folded (Oslo becomes oslo).
    // Throws tema::Error naming the file when it cannot be read or is not a dictionary.
    Dictionary(const std::filesystem::path& aff, const std::filesystem::path& dic,
               std::string_view inflection_flags);

    enum class Kind {
        unknown,    // neither a dictionary word nor formed from one
        inflected,  // a dictionary word, or an inflected form of one or more
        derived,    // formed from a dictionary word only by a derivation (u+ærlig+e)
    };
    struct Analysis {
        Kind kind = Kind::unknown;
        // inflected: the dictionary words it is a form of (itself included when it is one),
        // and the words those look like forms of (see linked_words below);
        // derived: the derived word's uninflected form (uærlige -> uærlig) or the word itself.
        // Sorted, without duplicates, UTF-8.
        std::vector<std::string> lemmas;
    };
    // `word`: case-folded UTF-8. No compound splitting.
    Analysis analyze(std::string_view word) const;

    // The dictionary's words, sorted by their Latin-1 bytes; index < size().
    std::size_t size() const { return entries_.size(); }
    std::string word(std::size_t index) const;  // UTF-8
    std::string_view flags(std::size_t index) const;
    // The word and all its inflected forms (its inflection flags applied), UTF-8, sorted.
    std::vector<std::string> inflections(std::size_t index) const;
    // Words derived from it in one step (prefixes, derivational suffixes), UTF-8, sorted.
    std::vector<std::string> derivations(std::size_t index) const;

    // hunspell-no's word lists were compressed by machine, and some inflected forms stand as
    // words of their own without the flag that would make them forms of their base
    // (alarmberedskapet beside alarmberedskap, whose flags lack -et). Such a word is linked
    // to every word it is an inflection rule away from, whatever that word's flags; the
    // number of words so linked:
    std::size_t linked_words() const { return links_.size(); }

    // Heap bytes held by the tables, for the benchmark.
    std::size_t memory_bytes() const;

private:
    struct Rule {
        char flag;
        bool cross;         // may combine with an affix of the other kind
        std::string strip;  // Latin-1
        std::string add;
        std::vector<std::uint64_t> condition;  // 4 words = 256 bits per position
        std::size_t condition_length() const { return condition.size() / 4; }
    };
    struct Entry {
        std::uint32_t offset;  // into text_: word, then flags
        std::uint16_t word_length;
        std::uint16_t flags_length;
    };

    void read_aff(const std::filesystem::path& aff);
    void read_dic(const std::filesystem::path& dic);
    std::string_view entry_word(const Entry& entry) const;
    std::string_view entry_flags(const Entry& entry) const;
    const Entry* find(std::string_view latin1) const;
    bool has_flag(const Entry* entry, char flag) const;
    bool inflects(char flag) const;
    static bool matches_end(const Rule& rule, std::string_view root);
    static bool matches_start(const Rule& rule, std::string_view root);
    std::vector<std::string> expand(std::size_t index, bool inflection) const;
    void link_split_words();

    bool utf8_files_ = false;
    std::string inflection_flags_;
    std::vector<Rule> prefixes_;
    std::vector<Rule> suffixes_;
    // Looks a std::string key up by a string_view: no copy per lookup.
    struct TextHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const {
            return std::hash<std::string_view>{}(text);
        }
    };
    using RulesByText =
        std::unordered_map<std::string, std::vector<std::uint32_t>, TextHash, std::equal_to<>>;
    // Rule indices by the text the rule adds, for analysis.
    RulesByText suffixes_by_add_;
    RulesByText prefixes_by_add_;
    std::size_t longest_suffix_add_ = 0;
    std::size_t longest_prefix_add_ = 0;
    std::string text_;
    std::vector<Entry> entries_;
    std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> links_;  // entry -> bases
};

// Latin-1 <-> UTF-8 for the dictionaries' encoding. latin1_from_utf8 gives false when
// `utf8` holds a character outside Latin-1 or is not valid UTF-8.
bool latin1_from_utf8(std::string_view utf8, std::string& latin1);
std::string utf8_from_latin1(std::string_view latin1);

}  // namespace tema::stem
