#include "text/case_fold.h"

#include <catch2/catch.hpp>

using tema::text::fold_accents;
using tema::text::fold_case;

TEST_CASE("fold_case folds case fully", "[text][case_fold]") {
    CHECK(fold_case("").empty());
    CHECK(fold_case("NAV-Veileder 2025") == "nav-veileder 2025");
    CHECK(fold_case("ÆRLIG") == "ærlig");
    CHECK(fold_case("ÆRLIG") == fold_case("ærlig"));
    CHECK(fold_case("ØSTRE ÅSEN") == "østre åsen");
    CHECK(fold_case("Straße") == "strasse");   // full folding: ß is ss
    CHECK(fold_case("ΣΊΣΥΦΟΣ") == "σίσυφοσ");  // final sigma folds like the others
    CHECK(fold_case("René") == "rené");        // accents stay
    CHECK(fold_case("😀 OK") == "😀 ok");
}

TEST_CASE("fold_accents spells out Nordic letters and drops accents", "[text][case_fold]") {
    CHECK(fold_accents("").empty());
    CHECK(fold_accents("Plain ASCII") == "plain ascii");
    CHECK(fold_accents("Blåbærsyltetøy") == "blabaersyltetoy");
    CHECK(fold_accents("ÆRLIG") == "aerlig");
    CHECK(fold_accents("Øystein Åsen") == "oystein asen");
    CHECK(fold_accents("ä ö é ü") == "a o e u");
    CHECK(fold_accents("René Müller, naïve café") == "rene muller, naive cafe");
    CHECK(fold_accents("Straße") == "strasse");
    CHECK(fold_accents("ǽ ǿ") == "ae o");         // accented æ and ø
    CHECK(fold_accents("A\u030Asen") == "asen");  // decomposed input
    CHECK(fold_accents("200 € 😀") == "200 € 😀");  // no letters, nothing to fold
}
