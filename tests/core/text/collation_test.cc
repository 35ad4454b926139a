#include "text/collation.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <thread>
#include <vector>

using tema::text::compare_norwegian;
using tema::text::norwegian_sort_key;
using tema::text::same_name;

namespace {

bool before(const std::string& a, const std::string& b) {
    return compare_norwegian(a, b) < 0;
}

}  // namespace

TEST_CASE("compare_norwegian puts æ ø å after z", "[text][collation]") {
    CHECK(before("Zebra", "Ærlig"));
    CHECK(before("Ærlig", "Østre"));
    CHECK(before("Østre", "Åsen"));
    CHECK(before("Zebra", "Åsen"));
    CHECK(before("abc", "Bergen"));     // case does not come first
    CHECK(before("arbeid", "Arbeid"));  // but breaks a tie: lower case first
    CHECK(compare_norwegian("Åsen", "Åsen") == 0);
    CHECK(compare_norwegian("Åsen", "A\u030Asen") == 0);  // NFD is the same text
    CHECK(compare_norwegian("Østre", "Ærlig") > 0);
}

TEST_CASE("compare_norwegian sorts ö with ø and ä with æ", "[text][collation]") {
    CHECK(before("Zorro", "Öberg"));
    CHECK(before("Ærlig", "Öberg"));
    CHECK(before("Öberg", "Åsen"));
    CHECK(before("Zorro", "Ärlig"));
}

TEST_CASE("compare_norwegian sorts aa as å", "[text][collation]") {
    // CLDR's Norwegian order treats "aa" (the old spelling of å) as a variant
    // of å: "Aasen" sorts among the å-names, after Z, right after "Åsen".
    CHECK(before("Zebra", "Aasen"));
    CHECK(before("Østre", "Aasen"));
    CHECK(before("Åsen", "Aasen"));
    CHECK(before("Aasen", "Åt"));
    // It is still a different name.
    CHECK_FALSE(same_name("Aasen", "Åsen"));
}

TEST_CASE("same_name ignores case but not letters or accents", "[text][collation]") {
    CHECK(same_name("Arbeidsgiver", "arbeidsgiver"));
    CHECK(same_name("ÆRLIGHET", "ærlighet"));
    CHECK(same_name("Åsen", "A\u030Asen"));
    CHECK_FALSE(same_name("for", "fór"));
    CHECK_FALSE(same_name("ø", "o"));
    CHECK_FALSE(same_name("ø", "ö"));
    CHECK_FALSE(same_name("å", "a"));
    CHECK_FALSE(same_name("Mestring", "Mestring "));
    CHECK_FALSE(same_name("NAV-veileder", "NAV veileder"));
}

TEST_CASE("norwegian_sort_key sorts as compare_norwegian does", "[text][collation]") {
    std::vector<std::string> names = {"Åsen",  "Zebra",  "Aasen",  "Østre",  "abc",
                                      "Ærlig", "Bergen", "arbeid", "Arbeid", ""};
    std::vector<std::string> by_key = names;
    std::sort(names.begin(), names.end(), before);
    std::sort(by_key.begin(), by_key.end(), [](const std::string& a, const std::string& b) {
        return norwegian_sort_key(a) < norwegian_sort_key(b);
    });
    CHECK(names == std::vector<std::string>{"", "abc", "arbeid", "Arbeid", "Bergen", "Zebra",
                                            "Ærlig", "Østre", "Åsen", "Aasen"});
    CHECK(by_key == names);

    for (const auto& name : names) {
        CHECK(norwegian_sort_key(name).find('\0') == std::string::npos);
    }
    CHECK(norwegian_sort_key("Åsen") == norwegian_sort_key("A\u030Asen"));
    const std::string long_name(500, 'x');
    CHECK(norwegian_sort_key(long_name + "a") < norwegian_sort_key(long_name + "b"));
}

TEST_CASE("collation can be used from several threads", "[text][collation]") {
    std::vector<std::thread> threads;
    std::vector<int> ok(4, 0);
    for (std::size_t t = 0; t < ok.size(); ++t) {
        threads.emplace_back([&ok, t] {
            int good = 0;
            for (int i = 0; i < 100; ++i) {
                good +=
                    (compare_norwegian("Zebra", "Ærlig") < 0 && same_name("ÅSEN", "åsen")) ? 1 : 0;
            }
            ok[t] = good;
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    CHECK(ok == std::vector<int>(4, 100));
}
