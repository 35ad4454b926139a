// What every command shares: the global flags, opening the project, the acting
// coder, and printing. No domain logic lives in the CLI.
#pragma once

#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "store/project.h"

namespace tema::cli {

// A usage error: exit status 2.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct Context {
    bool json = false;
    std::string coder;         // --coder
    std::function<int()> run;  // set by the command that was parsed

    // Opens PROJECT, reporting on stderr a migration backup if one was made.
    std::unique_ptr<store::Project> open(const std::filesystem::path& path,
                                         store::Project::Access access) const;
    // --coder, else TEMA_CODER, else the project's default coder. An unknown
    // coder is created and reported on stderr.
    store::Coder acting_coder(store::Project& project) const;

    // Prints one JSON document on stdout.
    static void print_json(const nlohmann::json& document);
    // Prints "tema: MESSAGE" on stderr.
    static void warn(const std::string& message);
};

}  // namespace tema::cli
