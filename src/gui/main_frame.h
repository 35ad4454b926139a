// The main window: sources on the left, the transcript in the centre, the
// codebook on the right, and below them retrieval, search and memos. Panes are
// wxAUI panes; their layout and the recent projects are remembered.
#pragma once

#include <wx/aui/aui.h>
#include <wx/filehistory.h>
#include <wx/frame.h>
#include <wx/weakref.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>

#include "journal_window.h"
#include "quick_code.h"
#include "store/project.h"
#include "workbench.h"

class wxAuiNotebook;

namespace tema::gui {

class CodebookPanel;
class MemoPanel;
class ParticipantsPanel;
class RetrievalPanel;
class SearchPanel;
class SourcesPanel;
class TranscriptView;

class MainFrame : public wxFrame, public Workbench {
public:
    MainFrame();
    ~MainFrame() override;

    // Opens a project (closing the one open); false, with the reason shown,
    // when it cannot be opened.
    bool open_project(const std::filesystem::path& path);
    void close_project();

    // Workbench
    store::Project* project() override { return project_.get(); }
    const store::Coder& coder() const override { return coder_; }
    void open_source(std::int64_t source_id, std::int64_t line,
                     const std::vector<search::Mark>& marks = {}) override;
    void select_in_source(std::int64_t source_id, std::uint32_t start, std::uint32_t end) override;
    void apply_code_to(std::int64_t code_id, coding::Range range) override;
    std::optional<std::int64_t> selected_code() override;
    std::optional<std::int64_t> shown_source() override;
    std::optional<coding::Range> selected_range() override;
    std::optional<std::int64_t> chosen_segment() override;
    void show_memo(std::int64_t memo_id) override;
    void project_changed() override;
    void report_error(const std::exception& error) override;
    void set_status(const wxString& text) override;
    Prompts& prompts() override { return *prompts_; }
    // Tests answer and record the prompts instead of message boxes.
    void set_prompts(std::unique_ptr<Prompts> prompts) { prompts_ = std::move(prompts); }

    // The actions behind the menus, for the menus and for tests.
    void apply_code(std::int64_t code_id);
    void apply_quick_choice(const QuickChoice& choice);
    QuickCodeBox* open_quick_code();
    void apply_last_code();
    void remove_coding();
    void invivo();
    // The memo panel, ready for a memo on the selection in the text.
    void memo_on_selection();
    // The reflexive journal's window, opened (made on first use) and raised.
    JournalWindow* open_journal();
    void undo();
    void redo();

    TranscriptView* transcript() { return transcript_; }
    SourcesPanel* sources() { return sources_; }
    CodebookPanel* codebook() { return codebook_; }
    RetrievalPanel* retrieval() { return retrieval_; }
    SearchPanel* search() { return search_; }
    MemoPanel* memos() { return memos_; }
    JournalWindow* journal() { return journal_.get(); }  // null until first opened
    ParticipantsPanel* participants() { return participants_; }
    wxAuiNotebook* bottom() { return bottom_; }
    wxAuiManager& layout() { return layout_; }
    std::optional<std::int64_t> last_code() const { return last_code_; }

private:
    void build_menus();
    void save_layout();
    void on_menu(wxCommandEvent& event);
    void new_project();
    void choose_project();
    void code_command(int id);

    wxAuiManager layout_;
    wxFileHistory recent_;
    std::unique_ptr<store::Project> project_;
    std::unique_ptr<Prompts> prompts_ = message_boxes();
    store::Coder coder_;
    std::optional<std::int64_t> last_code_;

    SourcesPanel* sources_ = nullptr;
    TranscriptView* transcript_ = nullptr;
    CodebookPanel* codebook_ = nullptr;
    wxAuiNotebook* bottom_ = nullptr;
    RetrievalPanel* retrieval_ = nullptr;
    SearchPanel* search_ = nullptr;
    MemoPanel* memos_ = nullptr;
    ParticipantsPanel* participants_ = nullptr;
    wxWeakRef<JournalWindow> journal_;  // a child window, made on first use
};

}  // namespace tema::gui
