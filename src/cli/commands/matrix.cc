#include <algorithm>
#include <iomanip>
#include <iostream>

#include "coding/retrieval.h"
#include "commands/commands.h"
#include "text/utf8.h"

namespace tema::cli {

namespace {

coding::CaseKind parse_by(const std::string& by) {
    coding::CaseKind kind;
    if (by == "participant") {
        kind.kind = coding::CaseKind::participant;
    } else if (by == "source") {
        kind.kind = coding::CaseKind::source;
    } else if (by.rfind("attribute:", 0) == 0 && by.size() > 10) {
        kind.kind = coding::CaseKind::attribute;
        kind.attribute_name = by.substr(10);
    } else {
        throw UsageError("--by " + by + ": expected participant, source or attribute:NAME");
    }
    return kind;
}

std::string padded(const std::string& text, std::size_t width) {
    const std::size_t length = text::count_codepoints(text);
    return text + std::string(length < width ? width - length : 0, ' ');
}

void print_table(const coding::Matrix& matrix) {
    std::size_t first = 4;
    for (const auto& row : matrix.rows) {
        first = std::max(first, text::count_codepoints(row));
    }
    std::cout << padded("code", first);
    for (const auto& column : matrix.columns) {
        std::cout << "  " << column;
    }
    std::cout << "\n";
    for (std::size_t r = 0; r < matrix.rows.size(); ++r) {
        std::cout << padded(matrix.rows[r], first);
        for (std::size_t c = 0; c < matrix.columns.size(); ++c) {
            const std::string cell = std::to_string(matrix.cells[r][c]);
            const std::size_t width =
                std::max<std::size_t>(1, text::count_codepoints(matrix.columns[c]));
            std::cout << "  " << std::string(width > cell.size() ? width - cell.size() : 0, ' ')
                      << cell;
        }
        std::cout << "\n";
    }
}

}  // namespace

void add_matrix_command(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand(
        "matrix", "Code x case counts (--by participant|source|attribute:NAME), or co-occurrence");
    struct Args {
        std::string project;
        std::string by = "participant";
        bool cooccurrence = false;
    };
    auto args = std::make_shared<Args>();
    command->add_option("PROJECT", args->project, "The project file")->required();
    command->add_option("--by", args->by, "participant (default), source or attribute:NAME");
    command->add_flag("--cooccurrence", args->cooccurrence,
                      "Code x code: segments of two codes that overlap in a source");
    command->callback([&context, args] {
        context.run = [&context, args] {
            const coding::CaseKind by = parse_by(args->by);
            auto project = context.open(args->project, store::Project::Access::read_only);
            const coding::Matrix matrix = args->cooccurrence
                                              ? coding::cooccurrence_matrix(project->db())
                                              : coding::code_case_matrix(project->db(), by);
            if (context.json) {
                Context::print_json({{"by", args->cooccurrence ? "code" : args->by},
                                     {"rows", matrix.rows},
                                     {"row_ids", matrix.row_ids},
                                     {"columns", matrix.columns},
                                     {"cells", matrix.cells}});
                return 0;
            }
            print_table(matrix);
            return 0;
        };
    });
}

}  // namespace tema::cli
