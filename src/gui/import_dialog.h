// File > Import: choose files, import them off the UI thread on a connection
// of its own, with a progress dialog that can cancel between files.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "import/importer.h"

namespace tema::gui {

class MainFrame;

// Asks for files and imports them into the frame's project.
void import_sources(MainFrame& frame);

// Imports `files` as above, without asking; returns one report per file (or
// one failed report when the project could not be opened).
std::vector<import::ImportReport> import_with_progress(
    MainFrame& frame, const std::vector<std::filesystem::path>& files);

}  // namespace tema::gui
