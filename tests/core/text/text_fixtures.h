// Helpers shared by the tests of src/core/text.
#pragma once

#include <string>

#include "util/error.h"
#include "util/file.h"

namespace tema::text::testing {

// The bytes of tests/fixtures/text/`name`.
inline std::string fixture(const std::string& name) {
    return tema::read_file(std::string(TEMA_FIXTURES_DIR) + "/text/" + name);
}

// "subject: problem" of the tema::Error that `f` throws, or a note that it
// threw none (or something else).
template <typename F>
std::string error_of(F&& f) {
    try {
        f();
    } catch (const tema::Error& e) {
        return e.subject() + ": " + e.problem();
    } catch (const std::exception& e) {
        return std::string("not a tema::Error: ") + e.what();
    }
    return "no error";
}

}  // namespace tema::text::testing
