// Where tema-gui keeps what it remembers (window layout, recent projects): one
// file, $TEMA_GUI_CONFIG if set (tests point it into a temporary folder), else
// $XDG_CONFIG_HOME/tema/tema-gui.ini, else ~/.config/tema/tema-gui.ini.
#pragma once

#include <filesystem>
#include <memory>

class wxFileConfig;

namespace tema::gui {

std::filesystem::path settings_path();
// The settings file, made (with its folder) on the first write.
std::unique_ptr<wxFileConfig> open_settings();

}  // namespace tema::gui
