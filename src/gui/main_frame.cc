#include "main_frame.h"

#include <wx/aui/auibook.h>
#include <wx/colordlg.h>
#include <wx/fileconf.h>
#include <wx/filedlg.h>
#include <wx/menu.h>
#include <wx/statusbr.h>
#include <wx/textdlg.h>

#include <algorithm>

#include "codebook_panel.h"
#include "coding/codebook.h"
#include "coding/segments.h"
#include "ids.h"
#include "import_dialog.h"
#include "memo_panel.h"
#include "participants_panel.h"
#include "retrieval_panel.h"
#include "search_panel.h"
#include "settings.h"
#include "sources_panel.h"
#include "store/history.h"
#include "store/sources.h"
#include "transcript_view.h"
#include "wx_string.h"

namespace tema::gui {

namespace {

constexpr const char* kPerspective = "Layout/Perspective";

store::Coder coder_for(store::Project& project) {
    if (const char* name = std::getenv("TEMA_CODER"); name != nullptr && *name != '\0') {
        return project.coder_named(name);
    }
    return project.default_coder();
}

}  // namespace

MainFrame::MainFrame() : wxFrame(nullptr, wxID_ANY, "Tema", wxDefaultPosition, wxSize(1500, 1000)) {
    layout_.SetManagedWindow(this);
    sources_ = new SourcesPanel(this, *this);
    transcript_ = new TranscriptView(this, *this);
    codebook_ = new CodebookPanel(this, *this);
    bottom_ = new wxAuiNotebook(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                wxAUI_NB_TOP | wxAUI_NB_TAB_MOVE | wxAUI_NB_SCROLL_BUTTONS);
    retrieval_ = new RetrievalPanel(bottom_, *this);
    search_ = new SearchPanel(bottom_, *this);
    memos_ = new MemoPanel(bottom_, *this);
    bottom_->AddPage(retrieval_, "Retrieval");
    bottom_->AddPage(search_, "Search");
    participants_ = new ParticipantsPanel(bottom_, *this);
    bottom_->AddPage(memos_, "Memos and journal");
    bottom_->AddPage(participants_, "Participants");

    layout_.AddPane(sources_, wxAuiPaneInfo()
                                  .Name("sources")
                                  .Caption("Sources")
                                  .Left()
                                  .BestSize(400, -1)
                                  .MinSize(160, -1)
                                  .CloseButton(false));
    layout_.AddPane(transcript_, wxAuiPaneInfo().Name("transcript").CenterPane());
    layout_.AddPane(codebook_, wxAuiPaneInfo()
                                   .Name("codebook")
                                   .Caption("Codebook")
                                   .Right()
                                   .BestSize(280, -1)
                                   .MinSize(160, -1)
                                   .CloseButton(false));
    layout_.AddPane(bottom_, wxAuiPaneInfo()
                                 .Name("bottom")
                                 .Caption("Retrieval, search, memos")
                                 .Bottom()
                                 .BestSize(-1, 260)
                                 .MinSize(-1, 120)
                                 .CloseButton(false));
    const std::unique_ptr<wxFileConfig> settings = open_settings();
    wxString perspective;
    if (settings->Read(kPerspective, &perspective)) {
        layout_.LoadPerspective(perspective, false);
    }
    layout_.Update();
    settings->SetPath("/RecentFiles");
    recent_.Load(*settings);
    settings->SetPath("/");

    build_menus();
    CreateStatusBar();
    codebook_->on_select = [this](std::int64_t code) {
        retrieval_->show_code(code);
        memos_->reload();
    };
    codebook_->on_activate = [this](std::int64_t code) { apply_code(code); };
    Bind(wxEVT_MENU, &MainFrame::on_menu, this);
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& event) {
        save_layout();
        event.Skip();
    });
    project_changed();
}

MainFrame::~MainFrame() {
    layout_.UnInit();
}

void MainFrame::build_menus() {
    auto* file = new wxMenu;
    file->Append(wxID_NEW, L"&New project\u2026\tCtrl+N");
    file->Append(wxID_OPEN, L"&Open project\u2026\tCtrl+O");
    auto* recent = new wxMenu;
    file->AppendSubMenu(recent, "Open &recent");
    recent_.UseMenu(recent);
    recent_.AddFilesToMenu(recent);
    file->Append(kImport, L"&Import sources\u2026\tCtrl+I");
    file->AppendSeparator();
    file->Append(wxID_EXIT, "&Quit\tCtrl+Q");
    auto* edit = new wxMenu;
    edit->Append(wxID_UNDO, "&Undo\tCtrl+Z");
    edit->Append(wxID_REDO, "&Redo\tCtrl+Shift+Z");
    edit->AppendSeparator();
    edit->Append(kFocusSearch, L"&Search\u2026\tCtrl+F");
    auto* code = new wxMenu;
    code->Append(kQuickCode, L"&Quick code\u2026\tCtrl+K", "Find a code as you type (or press q)");
    code->Append(kApplyLastCode, "Apply &last code again\tCtrl+J", "Or press . in the text");
    code->Append(kInVivo, "&In vivo\tCtrl+Shift+V", "A code named by the selected words (or v)");
    code->Append(kRemoveCoding, "&Remove coding\tCtrl+Shift+R",
                 "The coding chosen in the margin, or the only one at the caret");
    code->AppendSeparator();
    code->Append(kNewCode, L"&New code\u2026");
    code->Append(kRenameCode, L"Re&name code\u2026");
    code->Append(kDescribeCode, L"&Describe code\u2026");
    code->Append(kColorCode, L"&Colour\u2026");
    code->Append(kMergeCode, L"&Merge into\u2026");
    code->Append(kDeleteCode, "De&lete code");
    auto* memo = new wxMenu;
    memo->Append(kMemoOnSelection, L"Memo on the &selection\u2026\tCtrl+M",
                 "A memo on the selected text, or on the segment chosen in the margin (or m)");
    memo->Append(kJournal, L"Reflexive &journal\u2026\tCtrl+Shift+J",
                 "The dated entries of the reflexive journal, in a window of its own");
    auto* bar = new wxMenuBar;
    bar->Append(file, "&File");
    bar->Append(edit, "&Edit");
    bar->Append(code, "&Code");
    bar->Append(memo, "&Memos");
    SetMenuBar(bar);
}

void MainFrame::save_layout() {
    const std::unique_ptr<wxFileConfig> settings = open_settings();
    settings->Write(kPerspective, layout_.SavePerspective());
    settings->SetPath("/RecentFiles");
    recent_.Save(*settings);
    settings->SetPath("/");
    settings->Flush();
}

bool MainFrame::open_project(const std::filesystem::path& path) {
    try {
        auto opened = std::make_unique<store::Project>(path);
        close_project();
        coder_ = coder_for(*opened);
        project_ = std::move(opened);
    } catch (const std::exception& error) {
        report_error(error);
        return false;
    }
    SetTitle(to_wx(project_->title()) + " \u2014 Tema");
    recent_.AddFileToHistory(wxString(std::filesystem::absolute(path).string()));
    save_layout();
    project_changed();
    if (const auto sources = store::list_sources(project_->db()); !sources.empty()) {
        open_source(sources.front().id, 1);
    }
    return true;
}

void MainFrame::close_project() {
    transcript_->clear_source();
    project_.reset();
    last_code_.reset();
    retrieval_->show_code(std::nullopt);
    project_changed();
    SetTitle("Tema");
}

void MainFrame::open_source(std::int64_t source_id, std::int64_t line,
                            const std::vector<search::Mark>& marks) {
    try {
        if (transcript_->source() != source_id) {
            transcript_->show_source(source_id);
            sources_->reload();
            memos_->reload();
            participants_->reload();
        }
        transcript_->go_to(line, marks);
        transcript_->SetFocus();
    } catch (const std::exception& error) {
        report_error(error);
    }
}

void MainFrame::select_in_source(std::int64_t source_id, std::uint32_t start, std::uint32_t end) {
    open_source(source_id, 1);
    transcript_->select_codepoints(start, end);
}

std::optional<std::int64_t> MainFrame::selected_code() {
    return codebook_->selected();
}

std::optional<std::int64_t> MainFrame::shown_source() {
    return transcript_->source();
}

std::optional<coding::Range> MainFrame::selected_range() {
    return transcript_->selected_range();
}

std::optional<std::int64_t> MainFrame::chosen_segment() {
    return transcript_->chosen_segment();
}

void MainFrame::show_memo(std::int64_t memo_id) {
    bottom_->SetSelection(static_cast<std::size_t>(bottom_->GetPageIndex(memos_)));
    memos_->set_target(MemoPanel::kSelection);
    memos_->memo_editor()->select_memo(memo_id);
}

void MainFrame::memo_on_selection() {
    if (!project_ || !transcript_->source()) {
        return;
    }
    if (!transcript_->selected_range()) {
        set_status("Select some text first (or click a coding stripe for its segment)");
        return;
    }
    bottom_->SetSelection(static_cast<std::size_t>(bottom_->GetPageIndex(memos_)));
    memos_->set_target(MemoPanel::kSelection);
    memos_->memo_editor()->start_new();
    memos_->editor()->SetFocus();
    set_status("Write the memo, then Add memo");
}

JournalWindow* MainFrame::open_journal() {
    if (!journal_) {
        journal_ = new JournalWindow(this, *this);
    }
    journal_->reload();
    journal_->Show();
    journal_->Raise();
    return journal_.get();
}

void MainFrame::project_changed() {
    if (project_ && transcript_->source()) {
        // An undone import takes its source away.
        try {
            (void)store::find_source(project_->db(), std::to_string(*transcript_->source()));
        } catch (const std::exception&) {
            transcript_->clear_source();
        }
    }
    sources_->reload();
    codebook_->reload();
    transcript_->refresh_turns();
    transcript_->refresh_codes();
    retrieval_->reload();
    memos_->reload();
    participants_->reload();
    if (journal_) {
        journal_->reload();
    }
    search_->project_changed();
}

void MainFrame::report_error(const std::exception& error) {
    set_status(to_wx(error.what()));
    if (IsShownOnScreen()) {
        prompts_->warn(this, to_wx(error.what()));
    }
}

void MainFrame::set_status(const wxString& text) {
    if (GetStatusBar() != nullptr) {
        SetStatusText(text);
    }
}

void MainFrame::apply_code(std::int64_t code_id) {
    if (const auto range = transcript_->coding_range()) {
        apply_code_to(code_id, *range);
    }
}

void MainFrame::apply_code_to(std::int64_t code_id, coding::Range range) {
    if (!project_ || !transcript_->source()) {
        return;
    }
    try {
        const coding::Applied applied =
            coding::apply_code(*project_, coder_, code_id, *transcript_->source(), range);
        last_code_ = code_id;
        project_changed();
        set_status(wxString::Format(
            L"%s, lines %lld\u2013%lld", to_wx(coding::code_path(project_->db(), code_id)),
            static_cast<long long>(applied.start_line), static_cast<long long>(applied.end_line)));
    } catch (const std::exception& error) {
        report_error(error);
    }
}

void MainFrame::apply_quick_choice(const QuickChoice& choice) {
    if (!project_) {
        return;
    }
    if (choice.code_id) {
        apply_code(*choice.code_id);
        return;
    }
    const auto range = transcript_->coding_range();
    if (!range) {
        return;
    }
    try {
        coding::NewCode code;
        code.name = choice.new_name;
        const coding::Applied applied =
            coding::apply_new_code(*project_, coder_, code, *transcript_->source(), *range);
        last_code_ = applied.code_id;
        project_changed();
        set_status(wxString::Format(
            L"New code %s, lines %lld\u2013%lld", to_wx(coding::code_path(project_->db(), applied.code_id)),
            static_cast<long long>(applied.start_line), static_cast<long long>(applied.end_line)));
    } catch (const std::exception& error) {
        report_error(error);
    }
}

QuickCodeBox* MainFrame::open_quick_code() {
    if (!project_ || !transcript_->source()) {
        return nullptr;
    }
    auto* box = new QuickCodeBox(this, coding::list_codes(project_->db()),
                                 [this](const QuickChoice& choice) {
                                     apply_quick_choice(choice);
                                     transcript_->SetFocus();
                                 });
    // Below the caret, kept inside the transcript view.
    const wxRect area = transcript_->GetScreenRect();
    const wxSize size = box->GetSize();
    wxPoint at = transcript_->ClientToScreen(
        transcript_->PointFromPosition(transcript_->GetCurrentPos()) + wxPoint(0, 24));
    at.x = std::clamp(at.x, area.GetLeft(), std::max(area.GetLeft(), area.GetRight() - size.x));
    at.y = std::clamp(at.y, area.GetTop(), std::max(area.GetTop(), area.GetBottom() - size.y));
    box->Move(at);
    box->Show();
    return box;
}

void MainFrame::apply_last_code() {
    if (last_code_) {
        apply_code(*last_code_);
    } else {
        set_status("No code applied yet: use Quick code (q) first");
    }
}

void MainFrame::remove_coding() {
    if (!project_) {
        return;
    }
    std::optional<std::int64_t> segment = transcript_->chosen_segment();
    if (!segment) {
        const auto here = transcript_->codes_at_caret();
        if (here.size() == 1) {
            segment = here.front().segment;
        } else {
            set_status(here.empty() ? "No coding here"
                                    : "Several codings here: click a stripe to choose one");
            return;
        }
    }
    try {
        coding::unapply(*project_, coder_, *segment);
        project_changed();
    } catch (const std::exception& error) {
        report_error(error);
    }
}

void MainFrame::invivo() {
    if (!project_ || !transcript_->source()) {
        return;
    }
    const auto range = transcript_->selected_range();
    if (!range) {
        set_status("Select the participant's words first");
        return;
    }
    try {
        const coding::InVivo done =
            coding::invivo_range(*project_, coder_, *transcript_->source(), *range);
        last_code_ = done.code_id;
        project_changed();
        codebook_->select(done.code_id);
    } catch (const std::exception& error) {
        report_error(error);
    }
}

void MainFrame::undo() {
    if (!project_) {
        return;
    }
    try {
        const auto undone = store::undo(*project_, coder_);
        project_changed();
        set_status(undone ? "Undone: " + to_wx(undone->summary) : "Nothing to undo");
    } catch (const std::exception& error) {
        report_error(error);
    }
}

void MainFrame::redo() {
    if (!project_) {
        return;
    }
    try {
        const auto redone = store::redo(*project_, coder_);
        project_changed();
        set_status(redone ? "Redone: " + to_wx(redone->summary) : "Nothing to redo");
    } catch (const std::exception& error) {
        report_error(error);
    }
}

void MainFrame::new_project() {
    wxFileDialog dialog(this, "New project", "", "studie.tema", "Tema projects (*.tema)|*.tema",
                        wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK) {
        return;
    }
    const std::filesystem::path path = from_wx(dialog.GetPath());
    const wxString coder = wxGetTextFromUser("Your name, as the project's coder:", "New project",
                                             wxGetUserName(), this);
    if (coder.empty()) {
        return;
    }
    try {
        store::Project::create(path, {"", from_wx(coder)});
    } catch (const std::exception& error) {
        report_error(error);
        return;
    }
    open_project(path);
}

void MainFrame::choose_project() {
    wxFileDialog dialog(this, "Open project", "", "", "Tema projects (*.tema)|*.tema",
                        wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() == wxID_OK) {
        open_project(from_wx(dialog.GetPath()));
    }
}

void MainFrame::code_command(int id) {
    if (!project_) {
        return;
    }
    const std::optional<std::int64_t> code = codebook_->selected();
    try {
        if (id == kNewCode) {
            const wxString name = wxGetTextFromUser("Name of the new code:", "New code", "", this);
            if (!name.empty()) {
                coding::NewCode draft;
                draft.name = from_wx(name);
                draft.parent_id = code;
                codebook_->select(coding::add_code(*project_, coder_, draft));
            }
        } else if (!code) {
            set_status("Select a code in the codebook first");
            return;
        } else if (id == kRenameCode) {
            const coding::Code current = coding::get_code(project_->db(), *code);
            const wxString name =
                wxGetTextFromUser("New name:", "Rename code", to_wx(current.name), this);
            if (!name.empty()) {
                coding::rename_code(*project_, coder_, *code, from_wx(name));
            }
        } else if (id == kDescribeCode) {
            const coding::Code current = coding::get_code(project_->db(), *code);
            wxTextEntryDialog dialog(this, "Definition, when to use, when not to, an example:",
                                     "Describe " + to_wx(current.path), to_wx(current.description),
                                     wxOK | wxCANCEL | wxTE_MULTILINE);
            if (dialog.ShowModal() == wxID_OK) {
                coding::describe_code(*project_, coder_, *code, from_wx(dialog.GetValue()));
            }
        } else if (id == kColorCode) {
            const coding::Code current = coding::get_code(project_->db(), *code);
            const wxColour colour = wxGetColourFromUser(
                this, current.color ? wxColour(to_wx(*current.color)) : *wxBLUE);
            if (colour.IsOk()) {
                coding::recolor_code(*project_, coder_, *code,
                                     from_wx(colour.GetAsString(wxC2S_HTML_SYNTAX)));
            }
        } else if (id == kMergeCode) {
            const wxString into =
                wxGetTextFromUser("Merge into the code (name or path):", "Merge code", "", this);
            if (!into.empty()) {
                const coding::Code target = coding::find_code(project_->db(), from_wx(into));
                coding::merge_codes(*project_, coder_, *code, target.id);
            }
        } else if (id == kDeleteCode) {
            coding::delete_code(*project_, coder_, *code);
        }
        project_changed();
    } catch (const std::exception& error) {
        report_error(error);
    }
}

void MainFrame::on_menu(wxCommandEvent& event) {
    const int id = event.GetId();
    if (id >= wxID_FILE1 && id <= wxID_FILE9) {
        const wxString path = recent_.GetHistoryFile(static_cast<size_t>(id - wxID_FILE1));
        open_project(from_wx(path));
        return;
    }
    switch (id) {
        case wxID_NEW:
            new_project();
            break;
        case wxID_OPEN:
            choose_project();
            break;
        case wxID_EXIT:
            Close();
            break;
        case wxID_UNDO:
            undo();
            break;
        case wxID_REDO:
            redo();
            break;
        case kImport:
            import_sources(*this);
            break;
        case kQuickCode:
            open_quick_code();
            break;
        case kApplyLastCode:
            apply_last_code();
            break;
        case kRemoveCoding:
            remove_coding();
            break;
        case kInVivo:
            invivo();
            break;
        case kMemoOnSelection:
            memo_on_selection();
            break;
        case kJournal:
            open_journal();
            break;
        case kFocusSearch:
            bottom_->SetSelection(static_cast<size_t>(bottom_->GetPageIndex(search_)));
            search_->query()->SetFocus();
            break;
        case kNewCode:
        case kRenameCode:
        case kDescribeCode:
        case kColorCode:
        case kMergeCode:
        case kDeleteCode:
            code_command(id);
            break;
        default:
            event.Skip();
    }
}

}  // namespace tema::gui
