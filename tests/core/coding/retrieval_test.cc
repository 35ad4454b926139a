#include "coding/retrieval.h"

#include <catch2/catch.hpp>

#include "coding/segments.h"
#include "core/coding/coding_fixture.h"
#include "util/error.h"

using tema::test::CodingFixture;
using tema::test::fixture;
namespace coding = tema::coding;

namespace {

// Two sources: focus group 1 (participants P01-P06 mapped) and a short one.
struct Study : CodingFixture {
    std::int64_t fg1 = import_focus_group_1();
    std::int64_t brackets = import(fixture("import/timestamps-brackets.txt"));
    std::int64_t employer = add("Arbeidsgiver");
    std::int64_t contact = add("Kontakt", employer);
    std::int64_t honesty = add("Ærlighet");

    coding::Applied lines(std::int64_t code, std::int64_t source, std::int64_t a, std::int64_t b) {
        return coding::apply_code(*project, coder, code, source,
                                  coding::line_range(db(), source, a, b));
    }
};

}  // namespace

TEST_CASE("Retrieval gives the words, lines, speaker and participant of each segment", "[coding]") {
    Study s;
    const auto file = CodingFixture::sample("fokusgruppe-1-jobbspesialister-bergvik");
    s.lines(s.employer, s.fg1, 52, 52);     // Deltaker 3 = P03
    s.lines(s.employer, s.brackets, 3, 4);  // Person 2, no participant
    s.lines(s.contact, s.fg1, 24, 26);      // Moderator, then Deltaker 6
    const auto ola = s.project->coder_named("Ola");
    coding::apply_code(*s.project, ola, s.employer, s.fg1,
                       coding::line_range(s.db(), s.fg1, 12, 12));

    const auto rows = coding::retrieve(s.db(), s.employer);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].source == "fokusgruppe-1-jobbspesialister-bergvik");
    CHECK(rows[0].start_line == 12);
    CHECK(rows[0].speaker == "Deltaker 1");
    CHECK(rows[0].participant == "P01");
    CHECK(rows[0].coder == "Ola");
    CHECK(rows[0].text == CodingFixture::line_of(file, 12));
    CHECK(rows[1].start_line == 52);
    CHECK(rows[1].participant == "P03");
    CHECK(rows[1].coder == "Kari");
    CHECK(rows[1].code == "Arbeidsgiver");
    CHECK(rows[2].source == "timestamps-brackets");
    CHECK(rows[2].start_line == 3);
    CHECK(rows[2].end_line == 4);
    CHECK(rows[2].speaker == "Person 2");
    CHECK(rows[2].participant == std::nullopt);
    CHECK(rows[2].text ==
          "[00:01:40] Person 2: Og jeg er psykolog ved DPS-en.\nJeg har jobbet der lenge.");

    coding::RetrievalFilter filter;
    filter.with_children = true;
    const auto all = coding::retrieve(s.db(), s.employer, filter);
    REQUIRE(all.size() == 4);
    CHECK(all[1].code == "Arbeidsgiver/Kontakt");
    CHECK(all[1].speaker == "Moderator");
    CHECK(all[1].end_line == 26);

    filter.participant = "p03";
    CHECK(coding::retrieve(s.db(), s.employer, filter).size() == 1);
    filter.participant.reset();
    filter.attribute = {"role", "jobbspesialist"};
    const auto specialists = coding::retrieve(s.db(), s.employer, filter);
    REQUIRE(specialists.size() == 2);
    CHECK(specialists[0].participant == "P01");
    CHECK(specialists[1].participant == "P03");
    filter.attribute = {"role", "nav-veileder"};
    CHECK(coding::retrieve(s.db(), s.employer, filter).empty());
    filter.attribute.reset();
    filter.source_id = s.brackets;
    CHECK(coding::retrieve(s.db(), s.employer, filter).size() == 1);
    filter.source_id.reset();
    filter.coder_id = ola.id;
    CHECK(coding::retrieve(s.db(), s.employer, filter).size() == 1);
    CHECK_THROWS_WITH(coding::retrieve(s.db(), 999), "code 999: no such code");
    filter.coder_id.reset();
    filter.participant = "P99";
    CHECK_THROWS_WITH(coding::retrieve(s.db(), s.employer, filter),
                      "participant P99: no such participant");
    filter.participant.reset();
    filter.attribute = {"hobby", "fiske"};
    CHECK_THROWS_WITH(coding::retrieve(s.db(), s.employer, filter),
                      "attribute hobby: no participant has this attribute (see `tema "
                      "participants PROJECT list`)");
}

TEST_CASE("Code x case matrices and co-occurrence", "[coding]") {
    Study s;
    s.lines(s.employer, s.fg1, 12, 12);    // P01
    s.lines(s.employer, s.fg1, 52, 52);    // P03
    s.lines(s.employer, s.fg1, 54, 54);    // the moderator: no participant
    s.lines(s.honesty, s.fg1, 52, 52);     // P03, overlaps employer's 52
    s.lines(s.honesty, s.brackets, 2, 2);  // no participant
    s.lines(s.contact, s.fg1, 12, 12);     // overlaps employer's 12

    const auto by_source = coding::code_case_matrix(s.db(), {coding::CaseKind::source, ""});
    CHECK(by_source.rows ==
          std::vector<std::string>{"Arbeidsgiver", "Arbeidsgiver/Kontakt", "Ærlighet"});
    CHECK(by_source.columns == std::vector<std::string>{"fokusgruppe-1-jobbspesialister-bergvik",
                                                        "timestamps-brackets"});
    CHECK(by_source.cells == std::vector<std::vector<std::int64_t>>{{3, 0}, {1, 0}, {1, 1}});

    const auto by_person = coding::code_case_matrix(s.db(), {coding::CaseKind::participant, ""});
    REQUIRE(by_person.columns.size() == 20);  // P01-P19 and (none)
    CHECK(by_person.columns.front() == "P01");
    CHECK(by_person.columns.back() == "(none)");
    const auto col = [&](const std::string& pid) {
        return static_cast<std::size_t>(
            std::find(by_person.columns.begin(), by_person.columns.end(), pid) -
            by_person.columns.begin());
    };
    CHECK(by_person.cells[0][col("P01")] == 1);
    CHECK(by_person.cells[0][col("P03")] == 1);
    CHECK(by_person.cells[0][col("(none)")] == 1);
    CHECK(by_person.cells[2][col("P03")] == 1);
    CHECK(by_person.cells[2][col("(none)")] == 1);
    CHECK(by_person.cells[1][col("P01")] == 1);

    const auto by_role = coding::code_case_matrix(s.db(), {coding::CaseKind::attribute, "role"});
    CHECK(by_role.columns == std::vector<std::string>{"arbeidsgiver", "behandler", "deltaker",
                                                      "jobbspesialist", "nav-veileder", "teamleder",
                                                      "(none)"});
    CHECK(by_role.cells[0] == std::vector<std::int64_t>{0, 0, 0, 2, 0, 0, 1});
    CHECK(by_role.cells[2] == std::vector<std::int64_t>{0, 0, 0, 1, 0, 0, 1});
    CHECK_THROWS_WITH(coding::code_case_matrix(s.db(), {coding::CaseKind::attribute, "hobby"}),
                      "attribute hobby: no participant has this attribute (see `tema "
                      "participants PROJECT list`)");

    const auto together = coding::cooccurrence_matrix(s.db());
    CHECK(together.columns == together.rows);
    CHECK(together.cells ==
          std::vector<std::vector<std::int64_t>>{{0, 1, 1}, {1, 0, 0}, {1, 0, 0}});
}

TEST_CASE("The codes on each line, for the margin", "[coding]") {
    Study s;
    s.lines(s.honesty, s.fg1, 12, 14);
    s.lines(s.contact, s.fg1, 14, 14);
    const auto margin = coding::codes_on_lines(s.db(), s.fg1, 11, 15);
    REQUIRE(margin.size() == 5);
    CHECK(margin[0].empty());        // 11
    REQUIRE(margin[1].size() == 1);  // 12
    CHECK(margin[1][0].path == "Ærlighet");
    CHECK(margin[2].size() == 1);    // 13, blank, inside the segment
    REQUIRE(margin[3].size() == 2);  // 14: in tree order
    CHECK(margin[3][0].path == "Arbeidsgiver/Kontakt");
    CHECK(margin[3][1].path == "Ærlighet");
    CHECK(margin[3][1].coder == "Kari");
    CHECK(margin[4].empty());  // 15
}

TEST_CASE("Coded segments are counted per source", "[coding]") {
    Study s;
    CHECK(coding::segments_per_source(s.db()).empty());
    s.lines(s.honesty, s.fg1, 12, 14);
    s.lines(s.contact, s.fg1, 14, 14);
    s.lines(s.honesty, s.fg1, 14, 16);  // joins the first: still one segment
    s.lines(s.employer, s.brackets, 3, 4);
    const auto counts = coding::segments_per_source(s.db());
    REQUIRE(counts.size() == 2);
    CHECK(counts.at(s.fg1) == 2);
    CHECK(counts.at(s.brackets) == 1);
}
