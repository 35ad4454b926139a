// The application: parses the command line (an optional project to open) and
// shows the main window.
#pragma once

#include <wx/app.h>

namespace tema::gui {

class MainFrame;

class TemaApp : public wxApp {
public:
    bool OnInit() override;
    bool OnExceptionInMainLoop() override;

private:
    MainFrame* frame_ = nullptr;
};

}  // namespace tema::gui
