// Running another program (Graphviz's `dot`, ...) without a shell.
#pragma once

#include <chrono>
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

// How long a watched program may take.
struct Watch {
    std::chrono::milliseconds quiet;  // the longest it may go without writing on stdout
    std::chrono::milliseconds total;  // the longest it may run
};

struct WatchedResult : ProcessResult {
    bool stopped = false;  // it overran `Watch` and was killed
};

// Runs the program at `path` (not looked up on PATH) with `argv` (argv[0]
// included), feeding `input` on stdin, and kills it when it overruns `watch`:
// for work that may never finish, such as a library reading a hostile file.
// Throws tema::Error naming the program when it cannot be started.
WatchedResult run_program_watched(const std::string& path, const std::vector<std::string>& argv,
                                  std::string_view input, const Watch& watch);

}  // namespace tema
