// tema batch: many commands in one process, each as if run on its own.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/test_support.h"

using nlohmann::json;
using tema::test::run_tema;
using tema::test::TempDir;
using tema::test::write_bytes;

TEST_CASE("tema batch runs one command per line, in order, and stops at the first failure",
          "[cli][batch]") {
    TempDir dir;
    const std::string p = (dir / "studie.tema").string();
    const std::string batch = (dir / "commands.jsonl").string();

    SECTION("Each line is its own command, with its own flags and its own action") {
        write_bytes(
            batch, "# a comment, then a blank line\n\n" +
                       json::array({"init", p, "--title", "Batch"}).dump() + "\n" +
                       json::array({"--coder", "anna", "code", p, "add", "Kontakt", "--description",
                                    "Linje én\n«Linje» to"})
                           .dump() +
                       "\n" +
                       json::array({"--coder", "bjorn", "phase", p, "set", "1", "started"}).dump() +
                       "\n");
        const auto result = run_tema({"batch", batch});
        INFO(result.err);
        REQUIRE(result.status == 0);
        CHECK(result.out.find("Added code") != std::string::npos);
        // Its JSON is what the command alone prints.
        write_bytes(batch, json::array({"--json", "codes", p}).dump() + "\n");
        const auto listed = run_tema({"batch", batch});
        REQUIRE(listed.status == 0);
        CHECK(listed.out == run_tema({"--json", "codes", p}).out);
        const auto codes = json::parse(listed.out);
        REQUIRE(codes.size() == 1);
        CHECK(codes[0]["description"] == "Linje én\n«Linje» to");
        CHECK(result.err.find("coder anna: new coder") != std::string::npos);
        CHECK(result.err.find("coder bjorn: new coder") != std::string::npos);
        const auto log = json::parse(run_tema({"--json", "log", p}).out);
        CHECK(log.size() >= 2);  // the code and the phase: one action each
    }

    SECTION("A failing command stops the batch with its status, naming the line") {
        write_bytes(batch, json::array({"init", p}).dump() + "\n" +
                               json::array({"code", p, "add", "A"}).dump() + "\n" +
                               json::array({"code", p, "add", "A"}).dump() + "\n" +
                               json::array({"code", p, "add", "B"}).dump() + "\n");
        const auto result = run_tema({"batch", batch});
        CHECK(result.status == 1);
        CHECK(result.err.find("tema: batch: line 3 failed; stopped there") != std::string::npos);
        const auto codes = json::parse(run_tema({"--json", "codes", p}).out);
        CHECK(codes.size() == 1);  // B was never added
    }

    SECTION("A line that is not a JSON array of strings is a usage error") {
        for (const std::string line :
             {"init x.tema", "{\"a\": 1}", "[]", "[\"init\", 3]", "[\"batch\", \"other.jsonl\"]"}) {
            write_bytes(batch, line + "\n");
            const auto result = run_tema({"batch", batch});
            INFO(line << "\n" << result.err);
            CHECK(result.status == 2);
            CHECK(result.err.rfind("tema: batch: line 1: ", 0) == 0);
        }
    }

    SECTION("A missing file is refused") {
        const auto result = run_tema({"batch", (dir / "none.jsonl").string()});
        CHECK(result.status == 1);
        CHECK(result.err.find("none.jsonl: cannot be read") != std::string::npos);
    }
}
