#include "stem/dictionary.h"

#include <algorithm>
#include <limits>
#include <utility>

#include "util/error.h"
#include "util/file.h"

namespace tema::stem {

namespace {

constexpr unsigned char lower_latin1(unsigned char c) {
    if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7)) {
        return static_cast<unsigned char>(c + 0x20);
    }
    return c;
}

std::string lower_latin1(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        c = static_cast<char>(lower_latin1(static_cast<unsigned char>(c)));
    }
    return out;
}

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        const auto end = text.find('\n');
        auto line = text.substr(0, end);
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        lines.push_back(line);
        if (end == std::string_view::npos) {
            break;
        }
        text.remove_prefix(end + 1);
    }
    return lines;
}

std::vector<std::string_view> split_fields(std::string_view line) {
    std::vector<std::string_view> fields;
    std::size_t at = 0;
    while (at < line.size()) {
        while (at < line.size() && (line[at] == ' ' || line[at] == '\t')) {
            ++at;
        }
        const auto begin = at;
        while (at < line.size() && line[at] != ' ' && line[at] != '\t') {
            ++at;
        }
        if (at > begin) {
            fields.push_back(line.substr(begin, at - begin));
        }
    }
    return fields;
}

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// One condition position as 256 bits in four words.
void set_bit(std::uint64_t* bits, unsigned char c) {
    bits[c / 64] |= std::uint64_t{1} << (c % 64);
}

// Hunspell's condition syntax: literal characters, '.', and [set] or [^set].
std::vector<std::uint64_t> parse_condition(std::string_view condition) {
    std::vector<std::uint64_t> bits;
    if (condition == ".") {
        return bits;
    }
    for (std::size_t at = 0; at < condition.size();) {
        const auto position = bits.size();
        bits.resize(position + 4, 0);
        std::uint64_t* set = bits.data() + position;
        if (condition[at] == '[') {
            const auto close = condition.find(']', at);
            auto members = condition.substr(
                at + 1, close == std::string_view::npos ? std::string_view::npos : close - at - 1);
            const bool negated = !members.empty() && members.front() == '^';
            if (negated) {
                members.remove_prefix(1);
            }
            for (const char c : members) {
                set_bit(set, static_cast<unsigned char>(c));
            }
            if (negated) {
                for (int i = 0; i < 4; ++i) {
                    set[i] = ~set[i];
                }
            }
            at = close == std::string_view::npos ? condition.size() : close + 1;
        } else if (condition[at] == '.') {
            for (int i = 0; i < 4; ++i) {
                set[i] = ~std::uint64_t{0};
            }
            ++at;
        } else {
            set_bit(set, static_cast<unsigned char>(condition[at]));
            ++at;
        }
    }
    return bits;
}

bool in_set(const std::uint64_t* set, char c) {
    const auto u = static_cast<unsigned char>(c);
    return (set[u / 64] >> (u % 64)) & 1U;
}

void sort_unique(std::vector<std::string>& words) {
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
}

std::vector<std::string> to_utf8(std::vector<std::string> latin1_words) {
    for (auto& word : latin1_words) {
        word = utf8_from_latin1(word);
    }
    sort_unique(latin1_words);
    return latin1_words;
}

}  // namespace

bool latin1_from_utf8(std::string_view utf8, std::string& latin1) {
    latin1.clear();
    latin1.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c < 0x80) {
            latin1.push_back(static_cast<char>(c));
        } else if ((c == 0xC2 || c == 0xC3) && i + 1 < utf8.size() &&
                   (static_cast<unsigned char>(utf8[i + 1]) & 0xC0) == 0x80) {
            const auto next = static_cast<unsigned char>(utf8[++i]);
            latin1.push_back(static_cast<char>(((c & 0x03) << 6) | (next & 0x3F)));
        } else {
            return false;
        }
    }
    return true;
}

std::string utf8_from_latin1(std::string_view latin1) {
    std::string out;
    out.reserve(latin1.size() + latin1.size() / 4);
    for (const char ch : latin1) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x80) {
            out.push_back(ch);
        } else {
            out.push_back(static_cast<char>(0xC0 | (c >> 6)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        }
    }
    return out;
}

Dictionary::Dictionary(const std::filesystem::path& aff, const std::filesystem::path& dic,
                       std::string_view inflection_flags)
    : inflection_flags_(inflection_flags) {
    read_aff(aff);
    read_dic(dic);
    link_split_words();
}

void Dictionary::link_split_words() {
    std::string root;  // one buffer for every candidate base
    for (std::size_t index = 0; index < entries_.size(); ++index) {
        const auto word = entry_word(entries_[index]);
        const auto max_suffix = std::min(longest_suffix_add_, word.size() - 1);
        for (std::size_t length = 1; length <= max_suffix; ++length) {
            const auto it = suffixes_by_add_.find(word.substr(word.size() - length));
            if (it == suffixes_by_add_.end()) {
                continue;
            }
            for (const auto rule_index : it->second) {
                const Rule& rule = suffixes_[rule_index];
                if (!inflects(rule.flag)) {
                    continue;
                }
                root.assign(word.substr(0, word.size() - length));
                root += rule.strip;
                const auto* base = matches_end(rule, root) ? find(root) : nullptr;
                if (base != nullptr && !has_flag(base, rule.flag)) {
                    auto& bases = links_[static_cast<std::uint32_t>(index)];
                    const auto base_index = static_cast<std::uint32_t>(base - entries_.data());
                    if (std::find(bases.begin(), bases.end(), base_index) == bases.end()) {
                        bases.push_back(base_index);
                    }
                }
            }
        }
    }
}

void Dictionary::read_aff(const std::filesystem::path& aff) {
    const std::string text = read_file(aff);
    // Which flags may combine a prefix with a suffix (the header's Y).
    std::unordered_map<std::string, bool> cross;
    std::string latin1;
    for (auto line : split_lines(text)) {
        const auto fields = split_fields(line);
        if (fields.size() >= 2 && fields[0] == "SET") {
            utf8_files_ = fields[1] == "UTF-8";
            continue;
        }
        if (fields.size() < 4 || (fields[0] != "SFX" && fields[0] != "PFX")) {
            continue;
        }
        const bool suffix = fields[0] == "SFX";
        const std::string key = std::string(fields[0]) + std::string(fields[1]);
        if (fields.size() == 4 && (fields[2] == "Y" || fields[2] == "N") &&
            std::all_of(fields[3].begin(), fields[3].end(),
                        [](char c) { return c >= '0' && c <= '9'; })) {
            cross[key] = fields[2] == "Y";
            continue;
        }
        if (fields[1].size() != 1) {
            continue;  // long or numeric flags: not used by the dictionaries we read
        }
        Rule rule;
        rule.flag = fields[1][0];
        rule.cross = cross[key];
        auto add = fields[3].substr(0, fields[3].find('/'));
        const auto condition = fields.size() >= 5 ? fields[4] : std::string_view(".");
        std::string parts[3] = {std::string(fields[2] == "0" ? "" : fields[2]),
                                std::string(add == "0" ? "" : add), std::string(condition)};
        bool representable = true;
        for (auto& part : parts) {
            if (utf8_files_) {
                representable = representable && latin1_from_utf8(part, latin1);
                part = latin1;
            }
            part = lower_latin1(part);
        }
        if (!representable) {
            continue;
        }
        rule.strip = std::move(parts[0]);
        rule.add = std::move(parts[1]);
        rule.condition = parse_condition(parts[2]);
        auto& rules = suffix ? suffixes_ : prefixes_;
        auto& by_add = suffix ? suffixes_by_add_ : prefixes_by_add_;
        auto& longest = suffix ? longest_suffix_add_ : longest_prefix_add_;
        longest = std::max(longest, rule.add.size());
        by_add[rule.add].push_back(static_cast<std::uint32_t>(rules.size()));
        rules.push_back(std::move(rule));
    }
    if (suffixes_.empty()) {
        throw Error(aff.string(), "is not a Hunspell affix file (it has no suffix rules)");
    }
}

void Dictionary::read_dic(const std::filesystem::path& dic) {
    const std::string text = read_file(dic);
    const auto lines = split_lines(text);
    // A word and its flags (in `text`); sorted by word alone, which is all
    // the merge below needs and spares comparing flags.
    std::vector<std::pair<std::string, std::string_view>> words;
    words.reserve(lines.size());
    std::string latin1;
    for (std::size_t i = 1; i < lines.size(); ++i) {  // line 1 is the word count
        auto line = lines[i];
        line = line.substr(0, line.find_first_of(" \t"));
        const auto slash = line.find('/');
        auto word = line.substr(0, slash);
        const auto flags =
            slash == std::string_view::npos ? std::string_view() : line.substr(slash + 1);
        if (word.empty()) {
            continue;
        }
        if (utf8_files_) {
            if (!latin1_from_utf8(word, latin1)) {
                continue;
            }
            word = latin1;
        }
        if (word.size() > std::numeric_limits<std::uint16_t>::max() ||
            flags.size() > std::numeric_limits<std::uint16_t>::max()) {
            continue;
        }
        words.emplace_back(lower_latin1(word), flags);
    }
    if (words.empty()) {
        throw Error(dic.string(), "is not a Hunspell dictionary (it has no words)");
    }
    std::sort(words.begin(), words.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    // Case folding and homonyms give one word several lines: merge their flags.
    for (std::size_t i = 0; i < words.size();) {
        std::string flags(words[i].second);
        std::size_t next = i + 1;
        for (; next < words.size() && words[next].first == words[i].first; ++next) {
            for (const char flag : words[next].second) {
                if (flags.find(flag) == std::string::npos) {
                    flags.push_back(flag);
                }
            }
        }
        if (text_.size() > std::numeric_limits<std::uint32_t>::max() / 2) {
            throw Error(dic.string(), "is too large for a dictionary");
        }
        entries_.push_back(Entry{static_cast<std::uint32_t>(text_.size()),
                                 static_cast<std::uint16_t>(words[i].first.size()),
                                 static_cast<std::uint16_t>(flags.size())});
        text_ += words[i].first;
        text_ += flags;
        i = next;
    }
    text_.shrink_to_fit();
    entries_.shrink_to_fit();
}

std::string_view Dictionary::entry_word(const Entry& entry) const {
    return std::string_view(text_).substr(entry.offset, entry.word_length);
}

std::string_view Dictionary::entry_flags(const Entry& entry) const {
    return std::string_view(text_).substr(entry.offset + entry.word_length, entry.flags_length);
}

const Dictionary::Entry* Dictionary::find(std::string_view latin1) const {
    const auto it = std::lower_bound(
        entries_.begin(), entries_.end(), latin1,
        [this](const Entry& entry, std::string_view word) { return entry_word(entry) < word; });
    if (it == entries_.end() || entry_word(*it) != latin1) {
        return nullptr;
    }
    return &*it;
}

bool Dictionary::has_flag(const Entry* entry, char flag) const {
    return entry != nullptr && entry_flags(*entry).find(flag) != std::string_view::npos;
}

bool Dictionary::inflects(char flag) const {
    return inflection_flags_.find(flag) != std::string::npos;
}

bool Dictionary::matches_end(const Rule& rule, std::string_view root) {
    const auto length = rule.condition_length();
    if (root.size() < length || !ends_with(root, rule.strip)) {
        return false;
    }
    const auto first = root.size() - length;
    for (std::size_t i = 0; i < length; ++i) {
        if (!in_set(rule.condition.data() + 4 * i, root[first + i])) {
            return false;
        }
    }
    return true;
}

bool Dictionary::matches_start(const Rule& rule, std::string_view root) {
    const auto length = rule.condition_length();
    if (root.size() < length || !starts_with(root, rule.strip)) {
        return false;
    }
    for (std::size_t i = 0; i < length; ++i) {
        if (!in_set(rule.condition.data() + 4 * i, root[i])) {
            return false;
        }
    }
    return true;
}

Dictionary::Analysis Dictionary::analyze(std::string_view word) const {
    Analysis analysis;
    std::string w;
    if (word.empty() || !latin1_from_utf8(word, w)) {
        return analysis;
    }
    std::vector<std::string> inflected;
    std::vector<std::string> derived;
    if (find(w) != nullptr) {
        inflected.push_back(w);
    }
    // The root a suffix rule would come from, or empty when the rule does not fit.
    const auto strip_suffix = [](const Rule& rule, std::string_view form) {
        std::string root(form.substr(0, form.size() - rule.add.size()));
        root += rule.strip;
        return matches_end(rule, root) ? root : std::string();
    };
    const auto max_suffix = std::min(longest_suffix_add_, w.size() - 1);
    for (std::size_t length = 0; length <= max_suffix; ++length) {
        const auto it = suffixes_by_add_.find(std::string_view(w).substr(w.size() - length));
        if (it == suffixes_by_add_.end()) {
            continue;
        }
        for (const auto index : it->second) {
            const Rule& rule = suffixes_[index];
            const auto root = strip_suffix(rule, w);
            if (!root.empty() && has_flag(find(root), rule.flag)) {
                (inflects(rule.flag) ? inflected : derived)
                    .push_back(inflects(rule.flag) ? root : w);
            }
        }
    }
    const auto max_prefix = std::min(longest_prefix_add_, w.size() - 1);
    for (std::size_t length = 1; length <= max_prefix; ++length) {
        const auto it = prefixes_by_add_.find(std::string_view(w).substr(0, length));
        if (it == prefixes_by_add_.end()) {
            continue;
        }
        for (const auto index : it->second) {
            const Rule& prefix = prefixes_[index];
            const std::string rest = prefix.strip + w.substr(length);
            if (matches_start(prefix, rest) && has_flag(find(rest), prefix.flag)) {
                derived.push_back(w);
            }
            if (!prefix.cross) {
                continue;
            }
            // A prefix and a suffix on one root: u + ærlig + e.
            for (std::size_t s = 0; s <= std::min(longest_suffix_add_, rest.size() - 1); ++s) {
                const auto found =
                    suffixes_by_add_.find(std::string_view(rest).substr(rest.size() - s));
                if (found == suffixes_by_add_.end()) {
                    continue;
                }
                for (const auto suffix_index : found->second) {
                    const Rule& suffix = suffixes_[suffix_index];
                    if (!suffix.cross) {
                        continue;
                    }
                    const auto root = strip_suffix(suffix, rest);
                    if (root.empty() || !matches_start(prefix, root)) {
                        continue;
                    }
                    const auto* entry = find(root);
                    if (has_flag(entry, prefix.flag) && has_flag(entry, suffix.flag)) {
                        derived.push_back(inflects(suffix.flag)
                                              ? w.substr(0, length) +
                                                    root.substr(prefix.strip.size())
                                              : w);
                    }
                }
            }
        }
    }
    if (!inflected.empty()) {
        for (std::size_t i = 0, count = inflected.size(); i < count; ++i) {
            const auto* entry = find(inflected[i]);
            const auto it = entry == nullptr
                                ? links_.end()
                                : links_.find(static_cast<std::uint32_t>(entry - entries_.data()));
            if (it != links_.end()) {
                for (const auto base : it->second) {
                    inflected.emplace_back(entry_word(entries_[base]));
                }
            }
        }
        analysis.kind = Kind::inflected;
        analysis.lemmas = to_utf8(std::move(inflected));
    } else if (!derived.empty()) {
        analysis.kind = Kind::derived;
        analysis.lemmas = to_utf8(std::move(derived));
    }
    return analysis;
}

std::string Dictionary::word(std::size_t index) const {
    return utf8_from_latin1(entry_word(entries_.at(index)));
}

std::string_view Dictionary::flags(std::size_t index) const {
    return entry_flags(entries_.at(index));
}

std::vector<std::string> Dictionary::expand(std::size_t index, bool inflection) const {
    const Entry& entry = entries_.at(index);
    const auto root = entry_word(entry);
    const auto flags = entry_flags(entry);
    std::vector<std::string> forms;
    if (inflection) {
        forms.emplace_back(root);
    }
    for (const Rule& rule : suffixes_) {
        if (inflects(rule.flag) != inflection || flags.find(rule.flag) == std::string_view::npos ||
            !matches_end(rule, root)) {
            continue;
        }
        std::string form(root.substr(0, root.size() - rule.strip.size()));
        form += rule.add;
        if (!form.empty()) {
            forms.push_back(std::move(form));
        }
    }
    if (!inflection) {
        for (const Rule& rule : prefixes_) {
            if (flags.find(rule.flag) != std::string_view::npos && matches_start(rule, root)) {
                forms.push_back(rule.add + std::string(root.substr(rule.strip.size())));
            }
        }
    }
    return to_utf8(std::move(forms));
}

std::vector<std::string> Dictionary::inflections(std::size_t index) const {
    return expand(index, true);
}

std::vector<std::string> Dictionary::derivations(std::size_t index) const {
    return expand(index, false);
}

std::size_t Dictionary::memory_bytes() const {
    std::size_t bytes = text_.capacity() + entries_.capacity() * sizeof(Entry);
    for (const auto& [entry, bases] : links_) {
        bytes += 32 + sizeof(entry) + bases.capacity() * sizeof(bases[0]) + sizeof(bases);
    }
    for (const auto* rules : {&prefixes_, &suffixes_}) {
        for (const Rule& rule : *rules) {
            bytes += sizeof(Rule) + rule.condition.capacity() * sizeof(std::uint64_t);
        }
    }
    return bytes;
}

}  // namespace tema::stem
