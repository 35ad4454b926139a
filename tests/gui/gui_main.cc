// The GUI tests' main: a wxApp without a main window, then Catch. Run under
// Xvfb: xvfb-run -a -s "-screen 0 1600x1200x24" tema_gui_tests
#define CATCH_CONFIG_RUNNER
#include <wx/app.h>
#include <wx/image.h>
#include <wx/init.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "support/test_support.h"

namespace {

// A failed wx assertion is a failed test, not a dialog waiting for a click.
void fail_on_assert(const wxString& file, int line, const wxString& func, const wxString& cond,
                    const wxString& msg) {
    std::fprintf(stderr, "wx assertion failed: %s:%d in %s: %s %s\n", file.utf8_str().data(), line,
                 func.utf8_str().data(), cond.utf8_str().data(), msg.utf8_str().data());
    std::abort();
}

class TestApp : public wxApp {
public:
    bool OnInit() override {
        wxSetAssertHandler(fail_on_assert);
        wxInitAllImageHandlers();
        return true;
    }
};

}  // namespace

int main(int argc, char** argv) {
    // Settings go to a file of the test run's own, never the user's.
    const tema::test::TempDir settings;
    setenv("TEMA_GUI_CONFIG", (settings / "tema-gui.ini").c_str(), 1);
    wxApp::SetInstance(new TestApp);
    int wx_argc = 1;
    if (!wxEntryStart(wx_argc, argv) || !wxTheApp->CallOnInit()) {
        return 3;
    }
    const int result = Catch::Session().run(argc, argv);
    wxTheApp->OnExit();
    wxEntryCleanup();
    return result;
}
