// Each command registers itself on the app; its callback sets Context::run.
#pragma once

#include <CLI/CLI.hpp>

#include "context.h"

namespace tema::coding {
struct Code;
}

namespace tema::cli {

// A code as `tema codes --json` lists it (codes.cc).
nlohmann::json code_json(const coding::Code& code);

void add_init_command(CLI::App& app, Context& context);
void add_import_command(CLI::App& app, Context& context);
void add_sources_command(CLI::App& app, Context& context);
void add_show_command(CLI::App& app, Context& context);
void add_participants_command(CLI::App& app, Context& context);
void add_speakers_command(CLI::App& app, Context& context);
void add_history_commands(CLI::App& app, Context& context);  // undo, redo, log
void add_codes_command(CLI::App& app, Context& context);
void add_code_command(CLI::App& app, Context& context);
void add_apply_commands(CLI::App& app, Context& context);  // apply, invivo, unapply, segment
void add_retrieve_command(CLI::App& app, Context& context);
void add_matrix_command(CLI::App& app, Context& context);
void add_theme_command(CLI::App& app, Context& context);
void add_themes_command(CLI::App& app, Context& context);
void add_field_command(CLI::App& app, Context& context);
void add_memo_command(CLI::App& app, Context& context);
void add_phase_command(CLI::App& app, Context& context);
void add_map_command(CLI::App& app, Context& context);
void add_search_commands(CLI::App& app, Context& context);  // search, autocode, index

inline void add_commands(CLI::App& app, Context& context) {
    add_init_command(app, context);
    add_import_command(app, context);
    add_sources_command(app, context);
    add_show_command(app, context);
    add_participants_command(app, context);
    add_speakers_command(app, context);
    add_history_commands(app, context);
    add_codes_command(app, context);
    add_code_command(app, context);
    add_apply_commands(app, context);
    add_retrieve_command(app, context);
    add_matrix_command(app, context);
    add_theme_command(app, context);
    add_themes_command(app, context);
    add_field_command(app, context);
    add_memo_command(app, context);
    add_phase_command(app, context);
    add_map_command(app, context);
    add_search_commands(app, context);
}

}  // namespace tema::cli
