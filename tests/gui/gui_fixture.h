// The sample study imported through the core into a temporary project, and the
// main window open on it. Tests drive the window and read the project file
// back through the core.
#pragma once

#include <wx/app.h>
#include <wx/utils.h>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "coding/codebook.h"
#include "main_frame.h"
#include "prompts.h"
#include "store/sources.h"
#include "support/project_fixture.h"
#include "transcript_view.h"

namespace tema::test {

// Lets wx handle pending events and paints.
inline void pump() {
    for (int i = 0; i < 5; ++i) {
        wxTheApp->ProcessPendingEvents();
        wxYield();
    }
}

// Pumps events until `done` or the deadline; returns `done()`.
inline bool wait_for(const std::function<bool()>& done, std::chrono::seconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (!done() && std::chrono::steady_clock::now() < deadline) {
        pump();
        wxMilliSleep(10);
    }
    return done();
}

// Prompts that answer as the test says and remember what they were shown.
struct RecordedPrompts : gui::Prompts {
    std::vector<std::string> warnings;
    std::vector<std::string> questions;
    bool answer = true;  // to every question

    void warn(wxWindow*, const wxString& message) override {
        warnings.emplace_back(message.utf8_str().data());
    }
    bool confirm(wxWindow*, const wxString& question) override {
        questions.emplace_back(question.utf8_str().data());
        return answer;
    }
};

struct SampleStudy : ProjectFixture {
    static constexpr const char* kFocusGroup2 = "fokusgruppe-2-nav-og-behandlere-fjordheim";

    SampleStudy() {
        import_participants(repo_file("sample-projects/ips-study/participants.csv"));
        for (const char* name : {"fokusgruppe-1-jobbspesialister-bergvik", kFocusGroup2,
                                 "fokusgruppe-3-deltakere-solvang", "feltnotat-teammote-vestdal",
                                 "interview-01-team-leader", "interview-02-employer"}) {
            import(repo_file(std::string("sample-projects/ips-study/sources/") + name + ".txt"));
        }
        const std::int64_t fg2 = source(kFocusGroup2);
        for (int n = 1; n <= 6; ++n) {
            map_speaker(fg2, "Person " + std::to_string(n),
                        (n + 6 < 10 ? "P0" : "P") + std::to_string(n + 6));
        }
    }
    std::int64_t source(const std::string& name) { return store::find_source(db(), name).id; }
    std::int64_t code(const std::string& name, std::optional<std::string> color = {}) {
        coding::NewCode draft;
        draft.name = name;
        draft.color = std::move(color);
        return coding::add_code(*project, coder, draft);
    }
};

// The main window on the sample study.
struct Workbench : SampleStudy {
    gui::MainFrame* frame = new gui::MainFrame;
    RecordedPrompts* prompts = new RecordedPrompts;  // owned by the frame

    Workbench() {
        frame->set_prompts(std::unique_ptr<gui::Prompts>(prompts));
        frame->SetSize(1500, 1000);
        frame->Show();
        REQUIRE(frame->open_project(path));
        pump();
    }
    ~Workbench() {
        frame->Destroy();
        pump();
    }
    Workbench(const Workbench&) = delete;
    Workbench& operator=(const Workbench&) = delete;

    // As the menu item or its key does.
    void command(int id) {
        wxCommandEvent event(wxEVT_MENU, id);
        frame->GetEventHandler()->ProcessEvent(event);
        pump();
    }
    // Selects lines `first` to `last` (from 1) of the source shown.
    void select_lines(int first, int last) {
        auto* view = frame->transcript();
        view->SetSelection(view->PositionFromLine(first - 1), view->GetLineEndPosition(last - 1));
        pump();
    }
};

}  // namespace tema::test
