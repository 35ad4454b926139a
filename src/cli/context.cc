#include "context.h"

#include <cstdlib>
#include <iostream>

namespace tema::cli {

std::unique_ptr<store::Project> Context::open(const std::filesystem::path& path,
                                              store::Project::Access access) const {
    auto project = std::make_unique<store::Project>(path, access);
    if (project->migration_backup()) {
        warn(path.string() + ": updated to the current project format; the old file was kept as " +
             project->migration_backup()->string());
    }
    return project;
}

store::Coder Context::acting_coder(store::Project& project) const {
    std::string name = coder;
    if (name.empty()) {
        if (const char* env = std::getenv("TEMA_CODER"); env != nullptr) {
            name = env;
        }
    }
    if (name.empty()) {
        return project.default_coder();
    }
    bool created = false;
    store::Coder result = project.coder_named(name, &created);
    if (created) {
        warn("coder " + name + ": new coder added to the project (initials " + result.initials +
             ")");
    }
    return result;
}

void Context::print_json(const nlohmann::json& document) {
    std::cout << document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

void Context::warn(const std::string& message) {
    std::cerr << "tema: " << message << '\n';
}

}  // namespace tema::cli
