#include "stem/stemmer.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <thread>
#include <vector>

#include "stem/dictionary.h"
#include "stem/snowball.h"

using tema::stem::Stemmer;
using tema::stem::stemmer_for;
using tema::text::Language;

namespace {

// True when a query for `query` finds the indexed word `form`.
bool finds(const Stemmer& stemmer, const std::string& query, const std::string& form) {
    const auto wanted = stemmer.query_stems(query);
    const auto indexed = stemmer.index_stems(form);
    return std::any_of(wanted.begin(), wanted.end(), [&](const std::string& stem) {
        return std::find(indexed.begin(), indexed.end(), stem) != indexed.end();
    });
}

bool finds_all(const Stemmer& stemmer, const std::string& query,
               const std::vector<std::string>& forms) {
    return std::all_of(forms.begin(), forms.end(),
                       [&](const std::string& form) { return finds(stemmer, query, form); });
}

using Words = std::vector<std::string>;

}  // namespace

TEST_CASE("A Bokmål base form finds its inflected forms", "[stem]") {
    const auto& nb = stemmer_for(Language::nb);
    CHECK(finds_all(
        nb, "jobbspesialist",
        {"jobbspesialisten", "jobbspesialister", "jobbspesialistene", "jobbspesialistens"}));
    CHECK(finds_all(nb, "arbeidsgiver",
                    {"arbeidsgiveren", "arbeidsgivere", "arbeidsgiverne", "arbeidsgivers"}));
    CHECK(finds_all(nb, "veileder", {"veilederen", "veiledere", "veilederne"}));
    CHECK(finds_all(nb, "ærlig", {"ærlige", "ærligere", "ærligst"}));
    CHECK(finds_all(nb, "lege", {"legen", "leger", "legene"}));
    CHECK(finds_all(nb, "gå", {"går"}));
}

TEST_CASE("An inflected query finds the other forms", "[stem]") {
    const auto& nb = stemmer_for(Language::nb);
    CHECK(finds(nb, "jobbspesialistene", "jobbspesialist"));
    CHECK(finds(nb, "veilederen", "veilederne"));
}

TEST_CASE("Unrelated and derived words are not joined", "[stem]") {
    const auto& nb = stemmer_for(Language::nb);
    CHECK_FALSE(finds(nb, "ærlig", "unnværligst"));
    CHECK_FALSE(finds(nb, "ærlig", "ærligheten"));
    for (const auto& other : Words{"ledig", "ledige", "ledelse", "ledelsen"}) {
        CAPTURE(other);
        CHECK_FALSE(finds(nb, "leder", other));
        CHECK_FALSE(finds(nb, other, "leder"));
    }
}

TEST_CASE("An ambiguous form is indexed under each of its lemmas", "[stem]") {
    const auto stems = stemmer_for(Language::nb).index_stems("leder");
    CHECK(std::find(stems.begin(), stems.end(), "leder") != stems.end());
    CHECK(std::find(stems.begin(), stems.end(), "lede") != stems.end());
    // A query for the base form looks up that lemma only.
    CHECK(stemmer_for(Language::nb).query_stems("leder") == Words{"leder"});
}

TEST_CASE("Compounds no dictionary holds are stemmed by their tail", "[stem]") {
    const auto& nb = stemmer_for(Language::nb);
    CHECK(finds_all(nb, "helseveileder", {"helseveilederen", "helseveiledere", "helseveilederne"}));
    CHECK(finds_all(nb, "ipsveileder", {"ipsveilederen", "ipsveilederne"}));
    CHECK(nb.index_stems("ipsveilederne") == Words{"ipsveileder"});
}

TEST_CASE("A Nynorsk field note is found by its own inflections", "[stem]") {
    const auto& nn = stemmer_for(Language::nn);
    CHECK(finds_all(nn, "rettleiar", {"rettleiaren", "rettleiarar", "rettleiarane"}));
    CHECK(finds_all(nn, "ærleg", {"ærlege"}));
    CHECK(finds_all(nn, "arbeidsgjevar", {"arbeidsgjevaren", "arbeidsgjevarane"}));
    CHECK_FALSE(finds(nn, "ærleg", "ærlegdom"));
}

TEST_CASE("English sources use the English Snowball stemmer", "[stem]") {
    const auto& en = stemmer_for(Language::en);
    CHECK(finds(en, "employer", "employers"));
    CHECK(finds(en, "run", "running"));
    CHECK(en.index_stems("employers") ==
          Words{tema::stem::snowball_stem(Language::en, "employers")});
}

TEST_CASE("Other languages keep the word", "[stem]") {
    CHECK(stemmer_for(Language::other).index_stems("arbeidsgiverne") == Words{"arbeidsgiverne"});
    CHECK(stemmer_for(Language::other).query_stems("ord") == Words{"ord"});
}

TEST_CASE("Stems are never empty and unknown words fall back to Snowball", "[stem]") {
    const auto& nb = stemmer_for(Language::nb);
    CHECK(nb.index_stems("").empty());
    CHECK(nb.index_stems("xq") == Words{tema::stem::snowball_stem(Language::nb, "xq")});
    CHECK_FALSE(nb.index_stems("日本").empty());
    CHECK_FALSE(nb.query_stems("øyeblikkelig").empty());
}

TEST_CASE("Two threads stem at once and agree with one", "[stem]") {
    const Stemmer stemmer(Language::nb);
    const Words words{"jobbspesialistene", "arbeidsgiverne", "veilederen", "ærlige", "legen",
                      "helseveilederne",   "leder",          "ledelsen"};
    std::vector<std::vector<std::string>> expected;
    for (const auto& word : words) {
        expected.push_back(stemmer_for(Language::nb).index_stems(word));
    }
    std::vector<int> mismatches(2, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < 2; ++t) {
        threads.emplace_back([&, t] {
            for (int round = 0; round < 200; ++round) {
                for (std::size_t i = 0; i < words.size(); ++i) {
                    const auto& word = words[(i + static_cast<std::size_t>(t)) % words.size()];
                    const auto stems = stemmer.index_stems(word);
                    const auto at = std::find(words.begin(), words.end(), word) - words.begin();
                    if (stems != expected[static_cast<std::size_t>(at)]) {
                        ++mismatches[static_cast<std::size_t>(t)];
                    }
                }
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    CHECK(mismatches == std::vector<int>{0, 0});
}

TEST_CASE("stemmer_version names the dictionaries", "[stem]") {
    const auto nb = tema::stem::stemmer_version(Language::nb);
    CHECK(nb.find("nb_NO.dic") != std::string::npos);
    CHECK(nb == tema::stem::stemmer_version(Language::nb));
    CHECK(tema::stem::stemmer_version(Language::en).find("nb_NO") == std::string::npos);
}

TEST_CASE("A missing dictionary is refused with its name", "[stem]") {
    CHECK_THROWS_WITH(tema::stem::Dictionary("/nonexistent/xx.aff", "/nonexistent/xx.dic", "A"),
                      Catch::Contains("xx.aff"));
}

TEST_CASE("Dictionary generates and analyses inflections", "[stem]") {
    const tema::stem::Dictionary dictionary(tema::stem::dictionary_dir() / "nb_NO.aff",
                                            tema::stem::dictionary_dir() / "nb_NO.dic",
                                            "ABCDEFGHIJKLMNOPQRSTUVWX");
    // unnværlig/aVX: u- (a) derives uunnværlig, -e (V) inflects it.
    const auto analysis = dictionary.analyze("uunnværlige");
    CHECK(analysis.kind == tema::stem::Dictionary::Kind::derived);
    CHECK(analysis.lemmas == Words{"uunnværlig"});
    CHECK(dictionary.analyze("legte").lemmas == Words{"lege"});
    CHECK(dictionary.analyze("qqqq").kind == tema::stem::Dictionary::Kind::unknown);
}
