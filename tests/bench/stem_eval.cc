// Stemmer evaluation: recall on inflection groups from Debian's Hunspell dictionaries and
// on compounds no word list holds, false joins of unrelated words, throughput and memory;
// Tema's stemmer against bare Snowball. It prints figures; it passes or fails nothing.
// Usage: tema_stem_eval [--lemmas N] [--compounds M] [--seed S]   (see README.md)
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <set>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "stem/dictionary.h"
#include "stem/snowball.h"
#include "stem/stemmer.h"

using tema::stem::Dictionary;
using tema::text::Language;
using Words = std::vector<std::string>;

namespace {

// The same generator as generate_corpus.cc: deterministic on every platform.
struct SplitMix64 {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
};

// A way of stemming to evaluate: the stems a document word is indexed under and the stems
// a query word is looked up under.
struct Method {
    std::string name;
    std::function<Words(const std::string&)> index;
    std::function<Words(const std::string&)> query;
};

bool finds(const Method& method, const Words& query_stems, const std::string& form) {
    const auto indexed = method.index(form);
    return std::any_of(query_stems.begin(), query_stems.end(), [&](const std::string& stem) {
        return std::find(indexed.begin(), indexed.end(), stem) != indexed.end();
    });
}

// A group: a base form and all its inflected forms (the base included).
struct Group {
    std::string base;
    Words forms;
};

// Lower-case letters only (no hyphen, digit, capital, apostrophe): what search sees as one
// case-folded word.
bool plain_word(const std::string& utf8) {
    std::string latin1;
    if (!tema::stem::latin1_from_utf8(utf8, latin1) || latin1.size() < 2) {
        return false;
    }
    return std::all_of(latin1.begin(), latin1.end(), [](char ch) {
        const auto c = static_cast<unsigned char>(ch);
        return (c >= 'a' && c <= 'z') || (c >= 0xDF && c != 0xF7);
    });
}

double recall(const Method& method, const std::vector<Group>& groups, Words* misses) {
    std::size_t found = 0;
    for (const auto& group : groups) {
        const auto query = method.query(group.base);
        bool all = true;
        for (const auto& form : group.forms) {
            if (!finds(method, query, form)) {
                all = false;
                if (misses != nullptr && misses->size() < 12) {
                    misses->push_back(group.base + "/" + form);
                }
                break;
            }
        }
        found += all ? 1 : 0;
    }
    return 100.0 * static_cast<double>(found) / static_cast<double>(groups.size());
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double rss_mb() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0) {
            return std::stod(line.substr(6)) / 1024.0;
        }
    }
    return 0;
}

struct Options {
    std::size_t lemmas = 2000;
    std::size_t compounds = 200;
    std::uint64_t seed = 1;
};

struct LanguageSetup {
    Language language;
    const char* dictionary;
};

// False joins: for each sampled base form A, the dictionary words B (of all of them) that a
// query for A finds a form of, although A and B share no inflected form (a word the
// dictionary's compression split in two, like veileder/veiledere, shares forms). Joins
// where B derives from A in one step or A from B (ærlig/ærlighet) are counted apart.
struct Joins {
    std::size_t unrelated = 0;
    std::size_t derivations = 0;
    std::size_t lemmas_with_unrelated = 0;
    Words examples;
};

Joins false_joins(const Method& method, const Dictionary& dictionary,
                  const std::vector<std::size_t>& all_words,
                  const std::vector<std::size_t>& sample) {
    std::unordered_map<std::string, std::vector<std::uint32_t>> by_stem;
    for (const auto index : all_words) {
        std::set<std::string> stems;
        for (const auto& form : dictionary.inflections(index)) {
            for (auto& stem : method.index(form)) {
                stems.insert(std::move(stem));
            }
        }
        for (const auto& stem : stems) {
            by_stem[stem].push_back(static_cast<std::uint32_t>(index));
        }
    }
    Joins joins;
    for (const auto a : sample) {
        const auto a_forms = dictionary.inflections(a);
        const auto a_derived = dictionary.derivations(a);
        const auto a_word = dictionary.word(a);
        std::set<std::uint32_t> joined;
        for (const auto& stem : method.query(a_word)) {
            const auto it = by_stem.find(stem);
            if (it != by_stem.end()) {
                joined.insert(it->second.begin(), it->second.end());
            }
        }
        bool any_unrelated = false;
        for (const auto b : joined) {
            if (b == a) {
                continue;
            }
            const auto b_forms = dictionary.inflections(b);
            Words shared;
            std::set_intersection(a_forms.begin(), a_forms.end(), b_forms.begin(), b_forms.end(),
                                  std::back_inserter(shared));
            if (!shared.empty()) {
                continue;
            }
            const auto b_word = dictionary.word(b);
            const auto b_derived = dictionary.derivations(b);
            if (std::binary_search(a_derived.begin(), a_derived.end(), b_word) ||
                std::binary_search(b_derived.begin(), b_derived.end(), a_word)) {
                ++joins.derivations;
                continue;
            }
            ++joins.unrelated;
            any_unrelated = true;
            if (joins.examples.size() < 8) {
                joins.examples.push_back(a_word + "~" + b_word);
            }
        }
        joins.lemmas_with_unrelated += any_unrelated ? 1 : 0;
    }
    return joins;
}

void print_examples(const char* label, const Words& words) {
    if (words.empty()) {
        return;
    }
    std::printf("      %s:", label);
    for (const auto& word : words) {
        std::printf(" %s", word.c_str());
    }
    std::printf("\n");
}

void evaluate(const LanguageSetup& setup, const Options& options) {
    const auto code = std::string(tema::text::language_code(setup.language));
    const auto dir = tema::stem::dictionary_dir();
    const Dictionary dictionary(
        dir / (std::string(setup.dictionary) + ".aff"),
        dir / (std::string(setup.dictionary) + ".dic"),
        setup.language == Language::en ? "SGDM" : "ABCDEFGHIJKLMNOPQRSTUVWX");
    std::vector<std::size_t> plain;      // every plain dictionary word
    std::vector<std::size_t> inflected;  // of those, the ones with inflected forms
    for (std::size_t i = 0; i < dictionary.size(); ++i) {
        if (!plain_word(dictionary.word(i))) {
            continue;
        }
        plain.push_back(i);
        const auto forms = dictionary.inflections(i);
        if (forms.size() >= 2 && std::all_of(forms.begin(), forms.end(), plain_word)) {
            inflected.push_back(i);
        }
    }
    SplitMix64 random{options.seed};
    auto pick = [&](std::size_t count) {
        auto pool = inflected;
        count = std::min(count, pool.size());
        for (std::size_t i = 0; i < count; ++i) {
            std::swap(pool[i], pool[i + random.below(pool.size() - i)]);
        }
        pool.resize(count);
        std::sort(pool.begin(), pool.end());
        return pool;
    };
    const auto sample = pick(options.lemmas);
    std::vector<Group> groups;
    std::size_t form_count = 0;
    for (const auto index : sample) {
        groups.push_back(Group{dictionary.word(index), dictionary.inflections(index)});
        form_count += groups.back().forms.size();
    }

    // Compounds: a head and a tail, both dictionary words, that neither the dictionary nor
    // its affixes hold in any form; the group is the head before each form of the tail.
    std::vector<Group> compounds;
    for (const auto& [head, tail] :
         std::vector<std::pair<std::string, std::string>>{{"helse", "veileder"},
                                                          {"jobb", "spesialist"},
                                                          {"ips", "veileder"},
                                                          {"nav", "veileder"},
                                                          {"helse", "arbeidsgiver"},
                                                          {"helse", "rettleiar"},
                                                          {"jobb", "rettleiar"}}) {
        for (std::size_t i = 0; i < dictionary.size(); ++i) {
            if (dictionary.word(i) == tail) {
                Group group{head + tail, {}};
                for (const auto& form : dictionary.inflections(i)) {
                    group.forms.push_back(head + form);
                }
                compounds.push_back(std::move(group));
                break;
            }
        }
    }
    std::size_t attempts = 0;
    while (compounds.size() < options.compounds && attempts++ < 100 * options.compounds) {
        const auto head = dictionary.word(inflected[random.below(inflected.size())]);
        const auto tail_index = inflected[random.below(inflected.size())];
        const auto tail = dictionary.word(tail_index);
        if (head.size() < 3 || head.size() > 10 || tail.size() < 4) {
            continue;
        }
        Group group{head + tail, {}};
        bool unknown = true;
        for (const auto& form : dictionary.inflections(tail_index)) {
            group.forms.push_back(head + form);
            unknown = unknown && dictionary.analyze(head + form).kind == Dictionary::Kind::unknown;
        }
        if (unknown) {
            compounds.push_back(std::move(group));
        }
    }

    // Words the dictionary's compression split: hunspell-no lists some inflected forms as
    // words of their own (alarmberedskapet beside alarmberedskap, whose flags lack -et).
    // A split word joins the sampled word's group when it is the word plus an inflection
    // ending seen in the sample; these merged groups show what the per-word groups hide.
    std::set<std::string> endings;
    for (const auto& group : groups) {
        for (const auto& form : group.forms) {
            if (form.size() > group.base.size() && form.rfind(group.base, 0) == 0) {
                endings.insert(form.substr(group.base.size()));
            }
        }
    }
    std::unordered_map<std::string, std::size_t> plain_index;
    for (const auto index : plain) {
        plain_index.emplace(dictionary.word(index), index);
    }
    std::vector<Group> merged;
    for (const auto& group : groups) {
        Group bigger = group;
        for (const auto& ending : endings) {
            const auto it = plain_index.find(group.base + ending);
            if (it != plain_index.end() &&
                !std::binary_search(group.forms.begin(), group.forms.end(), it->first)) {
                const auto more = dictionary.inflections(it->second);
                bigger.forms.insert(bigger.forms.end(), more.begin(), more.end());
            }
        }
        if (bigger.forms.size() > group.forms.size()) {
            merged.push_back(std::move(bigger));
        }
    }

    const auto& stemmer = tema::stem::stemmer_for(setup.language);
    const Method ours{"tema", [&](const std::string& w) { return stemmer.index_stems(w); },
                      [&](const std::string& w) { return stemmer.query_stems(w); }};
    const auto snowball_one = [&](const std::string& w) {
        return Words{tema::stem::snowball_stem(setup.language, w)};
    };
    const Method snowball{"snowball", snowball_one, snowball_one};
    std::vector<Method> methods{ours, snowball};
    if (setup.language == Language::en) {
        // English with the dictionary's lemmas (as for Norwegian), Snowball for the rest.
        const auto lemmas = [&](const std::string& w, bool query) {
            auto analysis = dictionary.analyze(w);
            if (analysis.kind == Dictionary::Kind::unknown) {
                return snowball_one(w);
            }
            if (query && std::binary_search(analysis.lemmas.begin(), analysis.lemmas.end(), w)) {
                return Words{w};
            }
            return analysis.lemmas;
        };
        methods.push_back(Method{"en_US lemmas",
                                 [=](const std::string& w) { return lemmas(w, false); },
                                 [=](const std::string& w) { return lemmas(w, true); }});
    }

    std::printf(
        "\n%s (%s): %zu dictionary words, %zu plain, %zu with inflections; sample %zu "
        "words, %zu forms; %zu compounds\n",
        code.c_str(), setup.dictionary, dictionary.size(), plain.size(), inflected.size(),
        groups.size(), form_count, compounds.size());
    for (const auto& method : methods) {
        Words misses;
        Words compound_misses;
        const double words = recall(method, groups, &misses);
        const double compound = recall(method, compounds, &compound_misses);
        const auto joins = false_joins(method, dictionary, plain, sample);
        Words merged_misses;
        const double split = merged.empty() ? 100.0 : recall(method, merged, &merged_misses);
        std::printf(
            "  %-13s recall %5.1f %%  compounds %5.1f %%  split words %5.1f %% of %zu  "
            "false joins: %zu unrelated (%zu of %zu words), %zu derivations\n",
            method.name.c_str(), words, compound, split, merged.size(), joins.unrelated,
            joins.lemmas_with_unrelated, sample.size(), joins.derivations);
        print_examples("missed", misses);
        print_examples("missed compounds", compound_misses);
        print_examples("missed split words", merged_misses);
        print_examples("unrelated joins", joins.examples);
    }

    // Throughput over the sample's forms and compounds: cold (a fresh stemmer, every word
    // new), cached (the same words again), and two threads on the cached stemmer.
    Words corpus;
    for (const auto* set : {&groups, &compounds}) {
        for (const auto& group : *set) {
            corpus.insert(corpus.end(), group.forms.begin(), group.forms.end());
        }
    }
    const tema::stem::Stemmer fresh(setup.language);
    std::size_t sink = 0;
    auto start = std::chrono::steady_clock::now();
    for (const auto& word : corpus) {
        sink += fresh.index_stems(word).size();
    }
    const double cold = static_cast<double>(corpus.size()) / seconds_since(start);
    constexpr int rounds = 10;
    start = std::chrono::steady_clock::now();
    for (int round = 0; round < rounds; ++round) {
        for (const auto& word : corpus) {
            sink += fresh.index_stems(word).size();
        }
    }
    const double cached = rounds * static_cast<double>(corpus.size()) / seconds_since(start);
    start = std::chrono::steady_clock::now();
    std::vector<std::thread> threads;
    for (int t = 0; t < 2; ++t) {
        threads.emplace_back([&] {
            for (int round = 0; round < rounds; ++round) {
                for (const auto& word : corpus) {
                    (void)fresh.index_stems(word);
                }
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    const double two = 2 * rounds * static_cast<double>(corpus.size()) / seconds_since(start);
    start = std::chrono::steady_clock::now();
    for (const auto& word : corpus) {
        sink += tema::stem::snowball_stem(setup.language, word).size();
    }
    const double bare = static_cast<double>(corpus.size()) / seconds_since(start);
    std::printf(
        "  throughput (%zu words): cold %.0f words/s, cached %.0f words/s, cached in two "
        "threads %.0f words/s; bare Snowball %.0f words/s%s\n",
        corpus.size(), cold, cached, two, bare, sink == 0 ? " (nothing stemmed)" : "");
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    for (int i = 1; i + 1 < argc; i += 2) {
        const auto value = std::stoull(argv[i + 1]);
        if (std::strcmp(argv[i], "--lemmas") == 0) {
            options.lemmas = value;
        } else if (std::strcmp(argv[i], "--compounds") == 0) {
            options.compounds = value;
        } else if (std::strcmp(argv[i], "--seed") == 0) {
            options.seed = value;
        } else {
            std::fprintf(stderr, "usage: tema_stem_eval [--lemmas N] [--compounds M] [--seed S]\n");
            return 2;
        }
    }
    // Memory and time of loading both Norwegian dictionaries, as the indexer does.
    const double rss_before = rss_mb();
    const auto start = std::chrono::steady_clock::now();
    (void)tema::stem::stemmer_for(Language::nb);
    (void)tema::stem::stemmer_for(Language::nn);
    std::printf("loading nb and nn: %.2f s, RSS +%.1f MB (%.1f MB in all)\n", seconds_since(start),
                rss_mb() - rss_before, rss_mb());
    std::printf("versions:\n  %s\n  %s\n  %s\n", tema::stem::stemmer_version(Language::nb).c_str(),
                tema::stem::stemmer_version(Language::nn).c_str(),
                tema::stem::stemmer_version(Language::en).c_str());
    for (const auto& setup :
         {LanguageSetup{Language::nb, "nb_NO"}, LanguageSetup{Language::nn, "nn_NO"},
          LanguageSetup{Language::en, "en_US"}}) {
        evaluate(setup, options);
    }
    return 0;
}
