// The coding commands of `tema` (shared/CLI.md): codes, code, apply, invivo,
// unapply, retrieve, matrix, and the codes in `tema show`. Real binary, real
// sources.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/cli_json.h"
#include "support/test_support.h"

using nlohmann::json;
using tema::test::fixture;
using tema::test::parse_ok;
using tema::test::run_tema;
using tema::test::TempDir;

namespace {

// A project with focus group 1 of the sample study, its participants mapped.
std::string study_in(const TempDir& dir) {
    const std::string path = (dir / "studie.tema").string();
    REQUIRE(run_tema({"init", path, "--coder", "Kari"}).status == 0);
    REQUIRE(run_tema({"participants", path, "import",
                      tema::test::repo_file("sample-projects/ips-study/participants.csv").string()})
                .status == 0);
    REQUIRE(run_tema({"import", path,
                      tema::test::repo_file("sample-projects/ips-study/sources/"
                                            "fokusgruppe-1-jobbspesialister-bergvik.txt")
                          .string(),
                      fixture("import/timestamps-brackets.txt").string()})
                .status == 0);
    for (int n = 1; n <= 6; ++n) {
        REQUIRE(run_tema({"speakers", path, "1", "map", "Deltaker " + std::to_string(n),
                          "P0" + std::to_string(n)})
                    .status == 0);
    }
    return path;
}

}  // namespace

TEST_CASE("tema code and tema codes edit and list the codebook", "[cli][coding]") {
    TempDir dir;
    const std::string path = study_in(dir);
    CHECK(run_tema({"code", path, "add", "Arbeidsgiver", "--color", "#1f77b4", "--description",
                    "Alt om arbeidsgivere"})
              .out == "Added code 'Arbeidsgiver' (#1)\n");
    const json added =
        parse_ok(run_tema({"code", path, "add", "Kontakt", "--parent", "arbeidsgiver", "--json"}));
    CHECK(added["path"] == "Arbeidsgiver/Kontakt");
    REQUIRE(run_tema({"code", path, "add", "Ærlighet", "--origin", "deductive"}).status == 0);
    REQUIRE(run_tema({"code", path, "add", "Diverse", "--folder"}).status == 0);

    const json codes = parse_ok(run_tema({"codes", path, "--json"}));
    REQUIRE(codes.size() == 4);
    for (const char* key :
         {"id", "guid", "path", "name", "description", "color", "origin", "segments", "sources"}) {
        CHECK(codes[0].contains(key));
    }
    CHECK(codes[0]["color"] == "#1F77B4");
    CHECK(codes[0]["description"] == "Alt om arbeidsgivere");
    CHECK(codes[1]["path"] == "Arbeidsgiver/Kontakt");
    CHECK(codes[2]["origin"] == "deductive");
    CHECK(codes[3]["codable"] == false);

    CHECK(run_tema({"code", path, "rename", "Arbeidsgiver/Kontakt", "Kontakt med arbeidsgiver"})
              .status == 0);
    CHECK(run_tema({"code", path, "move", "Kontakt med arbeidsgiver", "--top"}).status == 0);
    CHECK(run_tema({"code", path, "move", "Ærlighet", "--parent", "Arbeidsgiver"}).out ==
          "Moved 'Ærlighet' to 'Arbeidsgiver/Ærlighet'\n");
    CHECK(run_tema({"code", path, "describe", "Ærlighet", "Når noen sier sannheten"}).status == 0);
    CHECK(run_tema({"code", path, "color", "Ærlighet", "#ABCDEF"}).status == 0);
    const auto text = run_tema({"codes", path});
    CHECK(text.out ==
          "Arbeidsgiver  #1  0 segments in 0 sources  #1F77B4\n"
          "  Ærlighet  #3  0 segments in 0 sources  #ABCDEF  (deductive)\n"
          "Diverse/  #4  0 segments in 0 sources\n"
          "Kontakt med arbeidsgiver  #2  0 segments in 0 sources\n");

    const auto dup = run_tema({"code", path, "add", "arbeidsgiver"});
    CHECK(dup.status == 1);
    CHECK(dup.err ==
          "tema: code arbeidsgiver: there is already a top-level code named 'Arbeidsgiver'\n");
    const auto cycle = run_tema({"code", path, "move", "Arbeidsgiver", "--parent", "Ærlighet"});
    CHECK(cycle.status == 1);
    CHECK(cycle.err ==
          "tema: code Arbeidsgiver: cannot be moved under its own descendant "
          "'Arbeidsgiver/Ærlighet'\n");
    const auto missing = run_tema({"code", path, "delete", "Kontor"});
    CHECK(missing.status == 1);
    CHECK(missing.err == "tema: code Kontor: no such code\n");
    CHECK(run_tema({"code", path, "add", "Farge", "--color", "blå"}).status == 1);
    CHECK(run_tema({"code", path, "frobnicate", "x"}).status == 2);
    CHECK(run_tema({"code", path, "move", "Ærlighet"}).status == 2);
    CHECK(run_tema({"code", path, "rename", "Ærlighet"}).status == 2);

    CHECK(run_tema({"code", path, "merge", "Kontakt med arbeidsgiver", "Arbeidsgiver"}).status ==
          0);
    CHECK(run_tema({"code", path, "delete", "Arbeidsgiver"}).out ==
          "Deleted 'Arbeidsgiver' with 1 subcodes and 0 segments (tema undo brings them back)\n");
    CHECK(parse_ok(run_tema({"codes", path, "--json"})).size() == 1);
    REQUIRE(run_tema({"undo", path}).status == 0);
    CHECK(parse_ok(run_tema({"codes", path, "--json"})).size() == 3);
}

TEST_CASE("tema apply, invivo, unapply and retrieve", "[cli][coding]") {
    TempDir dir;
    const std::string path = study_in(dir);
    REQUIRE(run_tema({"code", path, "add", "Bakgrunn"}).status == 0);
    const std::string fg1 = "fokusgruppe-1-jobbspesialister-bergvik";

    const json applied =
        parse_ok(run_tema({"apply", path, "Bakgrunn", fg1, "--lines", "14-16", "--memo", "Fra HR",
                        "--translation", "And I am the new one.", "--json"}));
    for (const char* key :
         {"segment", "code", "source", "start", "end", "start_line", "end_line"}) {
        CHECK(applied.contains(key));
    }
    CHECK(applied["code"] == "Bakgrunn");
    CHECK(applied["source"] == fg1);
    CHECK(applied["start_line"] == 14);
    CHECK(applied["end_line"] == 16);
    CHECK(applied["created"] == true);

    const auto extended = run_tema({"apply", path, "Bakgrunn", fg1, "--lines", "16-18"});
    CHECK(extended.status == 0);
    CHECK_THAT(extended.out,
               Catch::StartsWith("Extended segment 1 of 'Bakgrunn' to " + fg1 + " l. 14-18"));
    const json by_range =
        parse_ok(run_tema({"apply", path, "1", "timestamps-brackets", "--range", "0:10", "--json"}));
    CHECK(by_range["start"] == 0);
    CHECK(by_range["end"] == 10);
    CHECK(by_range["start_line"] == 1);

    const json vivo = parse_ok(run_tema({"invivo", path, fg1, "være ærlige", "--occurrence", "2",
                                      "--parent", "Bakgrunn", "--json"}));
    CHECK(vivo["code"] == "Bakgrunn/være ærlige");
    CHECK(vivo["start_line"] == 758);
    CHECK(vivo["code_created"] == true);

    const json rows = parse_ok(run_tema({"retrieve", path, "Bakgrunn", "--with-children", "--json"}));
    REQUIRE(rows.size() == 3);
    for (const char* key : {"segment", "code", "source", "start_line", "end_line", "speaker",
                            "participant", "coder", "text", "translation"}) {
        CHECK(rows[0].contains(key));
    }
    CHECK(rows[0]["source"] == fg1);
    CHECK(rows[0]["start_line"] == 14);
    CHECK(rows[0]["end_line"] == 18);
    CHECK(rows[0]["speaker"] == "Deltaker 2");
    CHECK(rows[0]["participant"] == "P02");
    CHECK(rows[0]["coder"] == "Kari");
    CHECK(rows[0]["translation"] == "And I am the new one.");
    CHECK_THAT(rows[0]["text"].get<std::string>(),
               Catch::StartsWith("Deltaker 2: Og jeg er den nye. [latter] Åtte måneder."));
    CHECK(rows[1]["code"] == "Bakgrunn/være ærlige");
    CHECK(rows[1]["text"] == "være ærlige");
    CHECK(rows[1]["participant"] == "P01");
    CHECK(rows[2]["source"] == "timestamps-brackets");
    CHECK(rows[2]["text"] == "[00:00:05]");

    CHECK(parse_ok(run_tema({"retrieve", path, "Bakgrunn", "--with-children", "--attribute",
                          "role=jobbspesialist", "--json"}))
              .size() == 2);
    CHECK(
        parse_ok(run_tema({"retrieve", path, "Bakgrunn", "--participant", "P02", "--json"})).size() ==
        1);
    CHECK(
        parse_ok(run_tema({"retrieve", path, "Bakgrunn", "--source", "timestamps-brackets", "--json"}))
            .size() == 1);
    CHECK(parse_ok(run_tema({"retrieve", path, "Bakgrunn", "--coded-by", "Kari", "--json"})).size() ==
          2);
    const auto human = run_tema({"retrieve", path, "være ærlige"});
    CHECK(human.out == "'Bakgrunn/være ærlige': 1 segment\n\n#3  " + fg1 +
                           ", l. 758, Deltaker 1 [P01]  (Kari)\n  være ærlige\n");

    // Refusals: one line on stderr, exit 1; wrong usage exit 2.
    const auto outside =
        run_tema({"apply", path, "Bakgrunn", "timestamps-brackets", "--range", "0:500"});
    CHECK(outside.status == 1);
    CHECK(outside.err ==
          "tema: source timestamps-brackets: the range 0:500 is outside the text "
          "(it has 202 characters)\n");
    const auto past = run_tema({"apply", path, "Bakgrunn", "timestamps-brackets", "--lines", "6"});
    CHECK(past.status == 1);
    CHECK(past.err == "tema: source timestamps-brackets: has no lines 6-6 (it has 5 lines)\n");
    CHECK(run_tema({"apply", path, "Nei", fg1, "--lines", "1"}).err ==
          "tema: code Nei: no such code\n");
    CHECK(run_tema({"apply", path, "Bakgrunn", fg1}).status == 2);
    CHECK(run_tema({"apply", path, "Bakgrunn", fg1, "--lines", "1", "--range", "0:1"}).status == 2);
    CHECK(run_tema({"apply", path, "Bakgrunn", fg1, "--range", "x"}).status == 2);
    // In vivo from a range: the words there (the space before left out) name the code.
    const json ranged =
        parse_ok(run_tema({"invivo", path, "timestamps-brackets", "--range", "73:86", "--json"}));
    CHECK(ranged["code"] == "NAV-veileder");
    CHECK(ranged["start"] == 74);
    CHECK(ranged["end"] == 86);
    CHECK(ranged["start_line"] == 2);
    CHECK(ranged["code_created"] == true);
    REQUIRE(run_tema({"undo", path}).status == 0);
    CHECK(run_tema({"invivo", path, "timestamps-brackets", "NAV-veileder", "--range", "73:86"})
              .status == 2);
    CHECK(run_tema({"invivo", path, "timestamps-brackets"}).status == 2);
    CHECK(run_tema({"invivo", path, "timestamps-brackets", "--range", "0:500"}).err ==
          "tema: source timestamps-brackets: the range 0:500 is outside the text "
          "(it has 202 characters)\n");
    const auto absent = run_tema({"invivo", path, fg1, "finnes ikke her"});
    CHECK(absent.status == 1);
    CHECK_THAT(absent.err, Catch::Contains("\"finnes ikke her\" is not in the text"));

    CHECK(run_tema({"unapply", path, "3"}).out == "Removed segment 3\n");
    CHECK(run_tema({"unapply", path, "3"}).err == "tema: segment 3: no such segment\n");
    CHECK(run_tema({"unapply", path, "x"}).status == 2);
    CHECK(parse_ok(run_tema({"retrieve", path, "være ærlige", "--json"})).empty());
    REQUIRE(run_tema({"undo", path}).status == 0);
    CHECK(parse_ok(run_tema({"retrieve", path, "være ærlige", "--json"})).size() == 1);

    const json log = parse_ok(run_tema({"log", path, "--limit", "2", "--json"}));
    CHECK(log[1]["action"] == "unapply");
    CHECK(log[1]["summary"] == "removed 'Bakgrunn/være ærlige' from " + fg1 + " l. 758");
}

TEST_CASE("tema matrix and the codes in tema show", "[cli][coding]") {
    TempDir dir;
    const std::string path = study_in(dir);
    const std::string fg1 = "fokusgruppe-1-jobbspesialister-bergvik";
    REQUIRE(run_tema({"code", path, "add", "Bakgrunn"}).status == 0);
    REQUIRE(run_tema({"code", path, "add", "Yrke"}).status == 0);
    REQUIRE(run_tema({"apply", path, "Bakgrunn", fg1, "--lines", "12-14"}).status == 0);
    REQUIRE(run_tema({"apply", path, "Yrke", fg1, "--lines", "14"}).status == 0);
    REQUIRE(run_tema({"apply", path, "Yrke", "timestamps-brackets", "--lines", "2"}).status == 0);

    const json matrix = parse_ok(run_tema({"matrix", path, "--by", "source", "--json"}));
    CHECK(matrix["rows"] == json::array({"Bakgrunn", "Yrke"}));
    CHECK(matrix["columns"] == json::array({fg1, "timestamps-brackets"}));
    CHECK(matrix["cells"] == json::array({json::array({1, 0}), json::array({1, 1})}));
    const json roles = parse_ok(run_tema({"matrix", path, "--by", "attribute:role", "--json"}));
    CHECK(roles["columns"].back() == "(none)");
    const json people = parse_ok(run_tema({"matrix", path, "--json"}));
    CHECK(people["columns"][0] == "P01");
    CHECK(people["cells"][0][0] == 1);
    const json together = parse_ok(run_tema({"matrix", path, "--cooccurrence", "--json"}));
    CHECK(together["cells"] == json::array({json::array({0, 1}), json::array({1, 0})}));
    CHECK(run_tema({"matrix", path, "--by", "colour"}).status == 2);
    CHECK(run_tema({"matrix", path, "--by", "attribute:hobby"}).status == 1);
    CHECK(run_tema({"matrix", path, "--by", "source"}).out == "code      " + fg1 +
                                                                  "  timestamps-brackets\n"
                                                                  "Bakgrunn  " +
                                                                  std::string(fg1.size() - 1, ' ') +
                                                                  "1                    0\n"
                                                                  "Yrke      " +
                                                                  std::string(fg1.size() - 1, ' ') +
                                                                  "1                    1\n");

    const json shown = parse_ok(run_tema({"show", path, fg1, "--lines", "11-14", "--json"}));
    CHECK(shown["lines"][0]["codes"].empty());
    REQUIRE(shown["lines"][1]["codes"].size() == 1);
    CHECK(shown["lines"][1]["codes"][0]["path"] == "Bakgrunn");
    CHECK(shown["lines"][1]["codes"][0]["segment"] == 1);
    REQUIRE(shown["lines"][3]["codes"].size() == 2);
    CHECK(shown["lines"][3]["codes"][1]["path"] == "Yrke");
    const auto text = run_tema({"show", path, "timestamps-brackets", "--lines", "1-2"});
    CHECK(text.out ==
          "1  [00:00:05] Moderator: Da starter vi opptaket.\n"
          "2  [00:00:12] Person 1: Jeg er NAV-veileder." +
              std::string(72 - 41, ' ') + "  | Yrke\n");
}

TEST_CASE("tema memo add on a passage: source:NAME@START-END or --lines", "[cli][memos]") {
    TempDir dir;
    const std::string path = study_in(dir);
    const json by_range =
        parse_ok(run_tema({"memo", path, "add", "--on", "source:timestamps-brackets@74-86",
                           "Rollen først.", "--json"}));
    CHECK(by_range["on"] == "source:timestamps-brackets@74-86");
    CHECK(by_range["start"] == 74);
    CHECK(by_range["end"] == 86);
    // Line 2 is "[00:00:12] Person 1: Jeg er NAV-veileder." (code points 46 to 87).
    const json by_lines =
        parse_ok(run_tema({"memo", path, "add", "--on", "source:timestamps-brackets", "--lines",
                           "2", "Hele replikken.", "--json"}));
    CHECK(by_lines["on"] == "source:timestamps-brackets@46-87");
    CHECK(by_lines["place"] == "timestamps-brackets, l. 2");
    CHECK_THAT(run_tema({"memo", path, "list"}).out,
               Catch::Contains("on source:timestamps-brackets@46-87  (timestamps-brackets, l. 2)"));
    const json listed = parse_ok(
        run_tema({"memo", path, "list", "--on", "source:timestamps-brackets@0-1", "--json"}));
    CHECK(listed.empty());  // the memos on passages that overlap 0-1: none
    CHECK(parse_ok(run_tema({"memo", path, "list", "--on", "source:timestamps-brackets@80-81",
                             "--json"}))
              .size() == 2);
    CHECK(parse_ok(run_tema({"memo", path, "list", "--json"})).size() == 2);
    REQUIRE(run_tema({"undo", path}).status == 0);
    CHECK(parse_ok(run_tema({"memo", path, "list", "--json"})).size() == 1);

    const auto outside =
        run_tema({"memo", path, "add", "--on", "source:timestamps-brackets@0-500", "Nei."});
    CHECK(outside.status == 1);
    CHECK(outside.err ==
          "tema: source timestamps-brackets: the passage 0-500 is outside the "
          "text (it has 202 characters)\n");
    CHECK(run_tema({"memo", path, "add", "--lines", "2", "Nei."}).status == 2);
    CHECK(run_tema(
              {"memo", path, "add", "--on", "source:timestamps-brackets", "--lines", "9", "Nei."})
              .status == 1);
    CHECK(run_tema({"memo", path, "list", "--lines", "2"}).status == 2);
}
