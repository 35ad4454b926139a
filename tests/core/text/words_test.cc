#include "text/words.h"

#include <catch2/catch.hpp>
#include <string>
#include <thread>
#include <vector>

using tema::text::word_spans;

namespace {

// The words themselves, cut from `text` at the spans' byte offsets.
std::vector<std::string> words(const std::string& text, std::string_view locale = "nb") {
    std::vector<std::string> out;
    for (const auto& span : word_spans(text, locale)) {
        REQUIRE(span.begin < span.end);
        REQUIRE(span.end <= text.size());
        out.push_back(text.substr(span.begin, span.end - span.begin));
    }
    return out;
}

using Words = std::vector<std::string>;

}  // namespace

TEST_CASE("word_spans skips spaces and punctuation", "[text][words]") {
    CHECK(word_spans("").empty());
    CHECK(word_spans("  ,.;: – «» ").empty());
    CHECK(words("Jobbspesialisten sa: «Vi må være ærlige» – det var én av dem.") ==
          Words{"Jobbspesialisten", "sa", "Vi", "må", "være", "ærlige", "det", "var", "én", "av",
                "dem"});
    CHECK(words("jobbspesialist,") == Words{"jobbspesialist"});
}

TEST_CASE("word_spans gives byte offsets", "[text][words]") {
    // "Blåbær" is bytes [0, 8); "og" [9, 11); "€" is skipped; "😀" is skipped;
    // "ø" [21, 23).
    const auto spans = word_spans("Blåbær og € 😀 ø");
    REQUIRE(spans.size() == 3);
    CHECK(spans[0].begin == 0);
    CHECK(spans[0].end == 8);
    CHECK(spans[1].begin == 9);
    CHECK(spans[1].end == 11);
    CHECK(spans[2].begin == 21);
    CHECK(spans[2].end == 23);
}

TEST_CASE("word_spans follows ICU's rules for hyphens, numbers and apostrophes", "[text][words]") {
    CHECK(words("e-post") == Words{"e", "post"});
    CHECK(words("NAV-veileder") == Words{"NAV", "veileder"});
    CHECK(words("I 2025 var 14.5 % av dem") == Words{"I", "2025", "var", "14.5", "av", "dem"});
    CHECK(words("don't") == Words{"don't"});
    CHECK(words("[00:12:31] Person 1:") == Words{"00", "12", "31", "Person", "1"});
    CHECK(words("Hun sa\nnei.\n\nSå gikk hun.", "en") ==
          Words{"Hun", "sa", "nei", "Så", "gikk", "hun"});
}

TEST_CASE("word_spans can be used from several threads", "[text][words]") {
    const std::string text = "Vi må være ærlige – det var én av dem.";
    std::vector<std::thread> threads;
    std::vector<std::size_t> counts(4);
    for (std::size_t t = 0; t < counts.size(); ++t) {
        threads.emplace_back([&text, &counts, t] {
            for (int i = 0; i < 50; ++i) {
                counts[t] = word_spans(text).size();
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    CHECK(counts == std::vector<std::size_t>(4, 9));
}
