// Searching a real project through a real Xapian index: what a researcher
// types, and what comes back.
#include <catch2/catch.hpp>
#include <fstream>
#include <set>

#include "coding/codebook.h"
#include "coding/segments.h"

#include "search/index.h"
#include "core/search/search_fixture.h"

using tema::test::contains;
using tema::test::SearchFixture;
using Strings = std::vector<std::string>;

namespace {

const std::string kGroup = "fokusgruppe-sok";
const std::string kNote = "feltnotat-nn";
const std::string kInterview = "interview-en";

tema::search::SearchRequest exact() {
    tema::search::SearchRequest request;
    request.exact = true;
    return request;
}

tema::search::SearchRequest folded() {
    tema::search::SearchRequest request;
    request.fold = true;
    return request;
}

}  // namespace

TEST_CASE("a base form finds every inflected form in Bokmål", "[search]") {
    SearchFixture f;
    // The focus group, the Nynorsk field note, and the slides too short to tell
    // their language (stemmed as Bokmål).
    CHECK(f.marked("jobbspesialist") == Strings{"jobbspesialist", "Jobbspesialisten",
                                                "jobbspesialistene", "Jobbspesialisten",
                                                "Jobbspesialistene"});
    // --exact finds the words as written only.
    CHECK(f.marked("jobbspesialist", exact()) == Strings{"jobbspesialist"});
}

TEST_CASE("hits carry source, line, speaker, participant and a marked snippet", "[search]") {
    SearchFixture f;
    const auto result = f.find("barnehage");
    REQUIRE(result.total == 1);
    REQUIRE(result.total_exact);
    const auto& hit = result.hits.at(0);
    CHECK(hit.source == kGroup);
    CHECK(hit.line == 9);
    CHECK(hit.lines == std::vector<std::int64_t>{9});
    CHECK(hit.first_line == 9);
    CHECK(hit.last_line == 10);  // the turn goes on over the next line
    CHECK(hit.speaker == "Deltaker 3");
    CHECK(hit.participant == "P03");
    CHECK(hit.snippet ==
          "For meg var det viktig å få fast jobb. Jeg fikk en fast jobb i en **barnehage** etter "
          "et halvt år.");
    REQUIRE(hit.marks.size() == 1);
    // The mark is in code points of the source text: "barnehage" is 9 long.
    CHECK(hit.marks[0].end - hit.marks[0].start == 9);
}

TEST_CASE("a word on a turn's second line is found on that line", "[search]") {
    SearchFixture f;
    const auto result = f.find("lønn");
    REQUIRE(result.hits.size() == 1);
    CHECK(result.hits[0].line == 10);
    CHECK(result.hits[0].snippet == "**Lønn** betyr mye, men det er ikke det eneste.");
}

TEST_CASE("ærlig does not find unnværligst, and ÆØÅ match in any case", "[search]") {
    SearchFixture f;
    const Strings found = f.marked("ærlig");
    CHECK(contains(found, "ærlig"));
    CHECK(contains(found, "ærlige"));
    CHECK_FALSE(contains(found, "unnværligst"));
    CHECK(f.marked("økonomi", exact()) == Strings{"ØKONOMI", "Økonomi"});
    CHECK(f.marked("ØKONOMI", exact()) == Strings{"ØKONOMI", "Økonomi"});
    CHECK(f.places("ÆRLIGE") == f.places("ærlige"));
}

TEST_CASE("text imported as NFD is found by an NFC query", "[search]") {
    SearchFixture f;
    f.import(tema::test::fixture("search/nfd-intervju.txt"));
    f.sync();
    // "på" and "Åsen" were written with a combining ring; the query has å.
    const auto result = f.find("Åsen");
    REQUIRE(result.hits.size() == 1);
    CHECK(result.hits[0].source == "nfd-intervju");
    CHECK(f.find("\"arbeidsgiveren på\"").total == 1);
}

TEST_CASE("a Nynorsk field note is found by its own inflections", "[search]") {
    SearchFixture f;
    const auto found = f.marked("rettleiar", [] {
        tema::search::SearchRequest request;
        request.source = "feltnotat-nn";
        return request;
    }());
    CHECK(found == Strings{"Rettleiaren", "rettleiarane"});
    CHECK(f.places("teneste") == Strings{kNote + ":5"});
    CHECK(f.marked("teneste") == Strings{"tenestene", "tenesta"});
}

TEST_CASE("English sources use the English stemmer", "[search]") {
    SearchFixture f;
    const Strings employer = f.marked("employer");
    CHECK(contains(employer, "employers"));
    CHECK(contains(employer, "employer"));
    CHECK_FALSE(contains(f.marked("employer", exact()), "employers"));
    CHECK(f.marked("hire") == Strings{"hire", "hired", "hired"});
    CHECK(f.marked("run") == Strings{"running"});
}

TEST_CASE("phrases find the words in order, with their inflections unless exact", "[search]") {
    SearchFixture f;
    CHECK(f.marked("\"fast jobb\"") == Strings{"fast", "jobb", "fast", "jobb"});
    CHECK(f.places("«fast jobb»") == Strings{kGroup + ":9"});
    CHECK(f.find("\"jobb fast\"").total == 0);
    // Stemmed phrases: "tidlig støtte" finds "Tidlig støtte" and not the OCR'd slide.
    CHECK(f.places("\"tidlig støtte\"") == Strings{kGroup + ":18"});
}

TEST_CASE("AND, OR, NOT and parentheses combine within a passage", "[search]") {
    SearchFixture f;
    CHECK(f.places("lederen AND ledig") == Strings{kGroup + ":16"});
    CHECK(f.places("lederen ledig") == Strings{kGroup + ":16"});  // AND is the default
    CHECK(f.places("barnehage OR kontoret") == Strings{kGroup + ":5", kGroup + ":9"});
    CHECK(f.places("lederen NOT ledig") == Strings{kGroup + ":14"});
    CHECK(f.places("lederen -ledig") == Strings{kGroup + ":14"});
    CHECK(f.places("(barnehage OR kontoret) AND uke") == Strings{kGroup + ":5"});
}

TEST_CASE("wildcards and NEAR", "[search]") {
    SearchFixture f;
    CHECK(f.marked("støtt*") == Strings{"støtter", "støtte", "støtte", "støttet"});
    CHECK(f.places("arbeidsgiveren NEAR/3 uke") == Strings{kGroup + ":5"});
    // Line 5: "jobbspesialist" is word 3 and "kontoret" word 24, 21 words on.
    CHECK(f.find("jobbspesialist NEAR/20 kontoret", exact()).total == 0);
    CHECK(f.find("jobbspesialist NEAR/21 kontoret", exact()).total == 1);
    CHECK(f.find("kontoret NEAR/21 jobbspesialist", exact()).total == 1);  // either order
    CHECK(f.places("arbeidsgiver* NEAR/3 uke") == Strings{kGroup + ":5"});
}

TEST_CASE("a wildcard that stands for too many words is refused", "[search]") {
    SearchFixture f;
    // 5,001 made-up words that all begin with "zz": zzaaa, zzaab, ...
    std::string text = "Deltaker 1:";
    for (int n = 0; n <= 5000; ++n) {
        text += " zz";
        for (int letter = 2; letter >= 0; --letter) {
            int place = 1;
            for (int i = 0; i < letter; ++i) {
                place *= 26;
            }
            text += static_cast<char>('a' + n / place % 26);
        }
    }
    const auto file = f.dir / "mange-ord.txt";
    std::ofstream(file) << text << "\n";
    f.import(file);
    f.sync();
    CHECK(f.query_error("tiltak OR zz*") ==
          "query: zz* at column 11 stands for more than 5000 words; write more of the word");
    CHECK(f.find("zzhk*").total == 1);
    CHECK(f.find("zzhka* NEAR/2 zzhkc").total == 1);
    CHECK(f.find("zzhka* NEAR/2 zzhkf").total == 0);
}

TEST_CASE("a wildcard weighs its passages alike, so the other words rank them", "[search]") {
    SearchFixture f;
    tema::search::SearchRequest request;  // in order of relevance
    request.query = "støtt*";
    const auto alone = f.index->search(request);
    REQUIRE(alone.hits.size() == 2);
    CHECK(alone.hits[0].weight == alone.hits[1].weight);
    // With a word beside it, the passages that have the word come first.
    request.query = "støtt* OR arbeidsgiveren";
    const auto both = f.index->search(request);
    REQUIRE(both.hits.size() == 5);
    for (std::size_t i = 0; i < both.hits.size(); ++i) {
        CAPTURE(i);
        CHECK((both.hits[i].snippet.find("**arbeidsgiver") != std::string::npos) == (i < 3));
    }
}


TEST_CASE("filters narrow to speaker, participant, source, language, kind and attribute",
          "[search]") {
    SearchFixture f;
    CHECK(f.places("jobbspesialist speaker:\"Deltaker 2\"") == Strings{kGroup + ":7"});
    CHECK(f.places("jobbspesialist participant:p01") == Strings{kGroup + ":5"});
    CHECK(f.places("jobbspesialist lang:nn") == Strings{kNote + ":5"});
    CHECK(f.places("jobbspesialist kind:fieldnote") == Strings{kNote + ":5"});
    CHECK(f.places("støtte role:deltaker") == Strings{kGroup + ":18"});
    CHECK(f.places("ærlig role:jobbspesialist") == Strings{kGroup + ":7", kGroup + ":12"});
    tema::search::SearchRequest request;
    request.participant = "P02";
    CHECK(f.places("jobbspesialist", request) == Strings{kGroup + ":7"});
    // Most sources transcripts now: the filter leaves the others out instead.
    f.import(tema::test::fixture("search/nfd-intervju.txt"));
    f.sync();
    CHECK(f.places("ærlig kind:transcript") ==
          Strings{kGroup + ":7", kGroup + ":12", "nfd-intervju:1"});
    CHECK(f.places("ærlig kind:fieldnote").empty());
    CHECK(f.places("jobbspesialist lang:other") == Strings{"ocr-lysark:4"});
}

TEST_CASE("fold forgives missing accents and OCR's ø read as g", "[search]") {
    SearchFixture f;
    CHECK(f.find("stotte").total == 0);
    CHECK(f.marked("stotte", folded()) == Strings{"støtte", "støtte"});
    // The scanned slides: "stgtte" (ø read as g), "pa" for "på", "Asen" for "Åsen".
    CHECK(contains(f.places("støtte", folded()), "ocr-lysark:3"));
    CHECK(f.places("Åsen", folded()) == Strings{"ocr-lysark:5"});
    CHECK(f.find("Åsen").total == 0);
    CHECK(f.places("\"går ut på\"", folded()) == Strings{"ocr-lysark:4"});
}

TEST_CASE("the code filter finds passages coded with the code", "[search]") {
    SearchFixture f;
    tema::coding::NewCode arbeidsgiver;
    arbeidsgiver.name = "Arbeidsgiver";
    const std::int64_t code = tema::coding::add_code(*f.project, f.coder, arbeidsgiver);
    tema::coding::apply_code(*f.project, f.coder, code, f.focus_group,
                             tema::coding::line_range(f.db(), f.focus_group, 5, 5));
    CHECK(f.places("jobbspesialist code:Arbeidsgiver") == Strings{kGroup + ":5"});
    // Coding needs no re-indexing: the filter reads the coding as it is now.
    tema::coding::apply_code(*f.project, f.coder, code, f.focus_group,
                             tema::coding::line_range(f.db(), f.focus_group, 7, 7));
    CHECK(f.places("jobbspesialist code:Arbeidsgiver") == Strings{kGroup + ":5", kGroup + ":7"});
}

TEST_CASE("relevance order, document order, totals and paging", "[search]") {
    SearchFixture f;
    tema::search::SearchRequest request;
    request.query = "jobbspesialist";
    request.limit = 2;
    const auto first = f.index->search(request);
    CHECK(first.total == 4);
    CHECK(first.hits.size() == 2);
    request.offset = 2;
    const auto second = f.index->search(request);
    CHECK(second.hits.size() == 2);
    std::set<std::string> seen;
    for (const auto* page : {&first, &second}) {
        for (const auto& hit : page->hits) {
            seen.insert(hit.source + ":" + std::to_string(hit.line));
        }
    }
    CHECK(seen.size() == 4);
    CHECK(f.places("jobbspesialist") ==
          Strings{kGroup + ":5", kGroup + ":7", kNote + ":5", "ocr-lysark:4"});
}

TEST_CASE("a page can be shown before its hits are counted", "[search]") {
    SearchFixture f;
    tema::search::SearchRequest request;
    request.query = "jobbspesialist OR støtte";
    request.limit = 2;
    const auto counted = f.index->search(request);
    request.estimate_total = true;
    const auto page = f.index->search(request);
    REQUIRE(page.hits.size() == 2);
    for (std::size_t i = 0; i < 2; ++i) {
        CHECK(page.hits[i].source == counted.hits[i].source);
        CHECK(page.hits[i].line == counted.hits[i].line);
        CHECK(page.hits[i].snippet == counted.hits[i].snippet);
    }
    const auto count = f.index->count(request);
    CHECK(count.total == 6);
    CHECK(count.total_exact);
    CHECK(count.hits.empty());
    CHECK(counted.total == 6);
    request.query = "(støtte";
    CHECK(tema::test::error_of_call([&] { f.index->count(request); }) ==
          "query: the opening parenthesis at column 1 is never closed");
}

TEST_CASE("a misspelt query gets a suggestion that finds something", "[search]") {
    SearchFixture f;
    const auto result = f.find("barnehgae");
    CHECK(result.total == 0);
    CHECK(result.suggestion == "barnehage");
    CHECK(f.find("fast barnehgae").suggestion == "fast barnehage");
    CHECK_FALSE(f.find("barnehage").suggestion);
}

TEST_CASE("bad queries are refused, saying where the problem is", "[search]") {
    SearchFixture f;
    CHECK(f.query_error("\"fast jobb") ==
          "query: the quotation mark at column 1 is never closed");
    CHECK(f.query_error("(lønn OR jobb") ==
          "query: the opening parenthesis at column 1 is never closed");
    CHECK(f.query_error("lønn) jobb") ==
          "query: the closing parenthesis at column 5 has no opening one");
    CHECK(f.query_error("") == "query: the query is empty");
    CHECK(f.query_error("   ") == "query: the query is empty");
    CHECK(f.query_error("lønn AND") == "query: AND at column 6 has nothing after it");
    CHECK(f.query_error("OR lønn") == "query: OR at column 1 has nothing before it");
    CHECK(f.query_error("lønn NOT") == "query: NOT at column 6 has nothing after it");
    CHECK(f.query_error("jobb farge:rød").starts_with(
        "query: unknown field farge: at column 6; the fields are speaker, participant, source, "
        "code, lang, kind, kommune, role"));
    CHECK(f.query_error("jobb speaker:") == "query: the field speaker: at column 6 has no value");
    CHECK(f.query_error("jobb speaker:Ola") ==
          "query: speaker:Ola at column 6: no source has such a speaker");
    CHECK(f.query_error("jobb source:nowhere") ==
          "query: source:nowhere at column 6: the project has no such source");
    CHECK(f.query_error("jobb code:Nothing") ==
          "query: code:Nothing at column 6: the codebook has no such code");
    CHECK(f.query_error("jobb lang:de") ==
          "query: lang:de at column 6: the languages are nb, nn, en and other");
    CHECK(f.query_error("a NEAR/x b") ==
          "query: NEAR at column 3 takes a number of words, as in NEAR/5, not \"x\"");
    CHECK(f.query_error("(lønn OR jobb) NEAR b") ==
          "query: NEAR at column 16 joins words, phrases and words with * only");
}
