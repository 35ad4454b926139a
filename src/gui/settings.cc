#include "settings.h"

#include <wx/fileconf.h>

#include <cstdlib>
#include <system_error>

namespace tema::gui {

std::filesystem::path settings_path() {
    if (const char* file = std::getenv("TEMA_GUI_CONFIG"); file != nullptr && *file != '\0') {
        // wxFileConfig reads a relative name from the home folder: make it ours.
        return std::filesystem::absolute(file);
    }
    std::filesystem::path base;
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg != nullptr && *xdg != '\0') {
        base = xdg;
    } else if (const char* home = std::getenv("HOME"); home != nullptr) {
        base = std::filesystem::path(home) / ".config";
    } else {
        base = std::filesystem::temp_directory_path();
    }
    return base / "tema" / "tema-gui.ini";
}

std::unique_ptr<wxFileConfig> open_settings() {
    const std::filesystem::path path = settings_path();
    std::error_code ignored;  // a folder we cannot make: the settings are simply not kept
    std::filesystem::create_directories(path.parent_path(), ignored);
    return std::make_unique<wxFileConfig>("tema-gui", "", wxString(path.string()), "",
                                          wxCONFIG_USE_LOCAL_FILE);
}

}  // namespace tema::gui
