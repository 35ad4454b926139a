// Running another program (Graphviz's `dot`, ...) without a shell.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tema {

struct ProcessResult {
    int exit_status = -1;  // the program's exit status; -1 when killed by a signal
    std::string out;       // what it wrote on stdout
    std::string err;       // what it wrote on stderr
};

// Runs `argv[0]` (looked up on PATH) with `argv`, feeding `input` on stdin,
// and waits for it. No shell is involved: arguments reach the program as given.
// Throws tema::Error naming the program when it cannot be started; the problem
// says "not installed" when it is not found on PATH.
ProcessResult run_program(const std::vector<std::string>& argv, std::string_view input);

}  // namespace tema
