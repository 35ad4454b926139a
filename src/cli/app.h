// One run of the tema command line, shared by main() and `tema batch`.
#pragma once

#include <string>
#include <vector>

namespace tema::cli {

// Parses and runs one command line (`args` without the program name) with a
// fresh set of options, exactly as `tema ARGS...` would, and returns its exit
// status: 0 done, 1 refused or failed, 2 wrong usage. Output goes to stdout
// and stderr; no exception escapes.
int run_tema(const std::vector<std::string>& args);

}  // namespace tema::cli
