// The JSON a `tema --json` run printed, for the CLI tests.
#pragma once

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/test_support.h"

namespace tema::test {

// The document on stdout; the test stops, showing both streams, if it is not JSON.
inline nlohmann::json parse_json(const CliResult& result) {
    INFO("stdout: " << result.out << "\nstderr: " << result.err);
    REQUIRE_NOTHROW(nlohmann::json::parse(result.out));
    return nlohmann::json::parse(result.out);
}

// The same, for a run that must have succeeded.
inline nlohmann::json parse_ok(const CliResult& result) {
    INFO("stdout: " << result.out << "\nstderr: " << result.err);
    REQUIRE(result.status == 0);
    return parse_json(result);
}

}  // namespace tema::test
