// tema: the command line over Tema's core. The contract is ../shared/CLI.md.
#include <string>
#include <vector>

#include "app.h"

int main(int argc, char** argv) {
    return tema::cli::run_tema(std::vector<std::string>(argv + 1, argv + argc));
}
