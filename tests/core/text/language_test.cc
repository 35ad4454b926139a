#include "text/language.h"

#include <catch2/catch.hpp>
#include <string>

#include "core/text/text_fixtures.h"

using tema::text::detect_language;
using tema::text::Language;
using tema::text::language_code;
using tema::text::parse_language;
using tema::text::testing::fixture;

TEST_CASE("language codes round-trip", "[text][language]") {
    for (const Language language : {Language::nb, Language::nn, Language::en, Language::other}) {
        CHECK(parse_language(language_code(language)) == language);
    }
    CHECK(language_code(Language::nb) == "nb");
    CHECK(language_code(Language::nn) == "nn");
    CHECK(language_code(Language::en) == "en");
    CHECK(language_code(Language::other) == "other");
    CHECK_FALSE(parse_language("no").has_value());
    CHECK_FALSE(parse_language("NB").has_value());
    CHECK_FALSE(parse_language("").has_value());
}

TEST_CASE("detect_language tells Bokmål, Nynorsk and English apart", "[text][language]") {
    CHECK(detect_language(fixture("lang-nb.txt")) == Language::nb);
    CHECK(detect_language(fixture("lang-nn.txt")) == Language::nn);
    CHECK(detect_language(fixture("lang-en.txt")) == Language::en);
}

TEST_CASE("detect_language is not fooled by Norwegian names in English", "[text][language]") {
    CHECK(detect_language(fixture("lang-en-norwegian-names.txt")) == Language::en);
}

TEST_CASE("detect_language on short texts", "[text][language]") {
    CHECK(detect_language("") == Language::other);
    CHECK(detect_language("Hei!") == Language::other);
    CHECK(detect_language("Ja, det er sant.") == Language::other);  // words nb and nn share
    CHECK(detect_language("Jeg vet ikke.") == Language::other);     // three hits: too few
    CHECK(detect_language("12:30 14:45 [latter]") == Language::other);
    CHECK(detect_language("Jeg vet ikke hva hun mener, men hvis hun sier det, så er det sant.") ==
          Language::nb);
    CHECK(detect_language("Eg veit ikkje kva ho meiner, men viss ho seier det, er det sant.") ==
          Language::nn);
    CHECK(detect_language("I do not know what she means, but if she says so, it is true.") ==
          Language::en);
}

TEST_CASE("detect_language reads capitals and Nordic letters", "[text][language]") {
    CHECK(detect_language("JEG VET IKKE HVA HUN SIER, OG HUN HAR ALDRI VÆRT HER.") == Language::nb);
    CHECK(detect_language("KVA SEIER HO? EG VEIT IKKJE, MEN HO HAR BERRE VORE HER ÒG.") ==
          Language::nn);
}

TEST_CASE("detect_language reads words inside quotes and dashes", "[text][language]") {
    // Every hit here touches « » “ ” – … or a no-break space.
    CHECK(detect_language("«Jeg» «ikke» –hva– “hun” sier… »hvis«\u00A0hvordan") == Language::nb);
}

TEST_CASE("detect_language on mixed text", "[text][language]") {
    // Norwegian with English quotes, and English with Norwegian quotes: the
    // language that carries the text wins.
    CHECK(detect_language(fixture("lang-mixed-nb-with-en-quotes.txt")) == Language::nb);
    CHECK(detect_language(fixture("lang-mixed-en-with-nb-quotes.txt")) == Language::en);
    // Nynorsk with a quoted Bokmål sentence.
    CHECK(detect_language(fixture("lang-nn.txt") +
                          "\nHo las opp frå brevet: «Jeg vet ikke hva dere mener med det.»\n") ==
          Language::nn);
    // A summary given in both Norwegian and English: no language to pick.
    CHECK(detect_language(fixture("lang-mixed-half-nb-half-en.txt")) == Language::other);
}

TEST_CASE("detect_language does not take Swedish for Norwegian", "[text][language]") {
    CHECK(detect_language(fixture("lang-sv.txt")) == Language::other);
}

TEST_CASE("detect_language reads only the beginning of a long text", "[text][language]") {
    // 27,000 words of Bokmål, then much more English: the first 20,000 words decide.
    std::string text;
    for (int i = 0; i < 3000; ++i) {
        text += "Jeg vet ikke hva hun har vært med på. ";  // 9 words
    }
    for (int i = 0; i < 10000; ++i) {
        text += "This is what they have been doing with the people. ";
    }
    CHECK(detect_language(text) == Language::nb);
}
