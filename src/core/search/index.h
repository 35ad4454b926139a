// The full-text index of a project: a Xapian database in NAME.tema-index/
// beside the project file, derived from the project alone. It can be deleted
// at any time; it is rebuilt (with a message saying why) when it is missing,
// damaged or from another version, and otherwise kept up to date one source
// at a time. Xapian stays behind this interface.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/project.h"
#include "util/progress.h"

namespace tema::search {

// Where the index of the project at `project_path` lives.
std::filesystem::path index_path_for(const std::filesystem::path& project_path);

struct SyncReport {
    bool rebuilt = false;
    std::string reason;          // why it was rebuilt: "missing", "damaged: ...", ...
    std::size_t indexed = 0;     // sources (re)indexed
    std::size_t removed = 0;     // sources no longer in the project
    std::size_t passages = 0;    // passages written
    bool busy = false;           // another process holds the index; nothing was done
};

struct IndexCheck {
    bool exists = false;
    std::string problem;       // empty: the index is sound
    std::size_t sources = 0;   // sources in the index
    std::size_t passages = 0;  // documents in the index
    std::size_t stale = 0;     // project sources missing or changed in the index
    std::size_t removed = 0;   // index sources no longer in the project
    std::uintmax_t bytes = 0;  // size on disk
};

struct SearchRequest {
    std::string query;
    bool exact = false;  // no stemming: the words as written
    bool fold = false;   // accent- and OCR-tolerant (æ→ae, ø→o, å→a, ø read as g)
    enum class Order { relevance, document } order = Order::relevance;
    std::size_t offset = 0;
    std::size_t limit = 20;  // 0: every hit
    // Look only for the page's hits and estimate the total (total_exact is
    // then false unless the estimate is sure): a broad query shows its first
    // hits at once, and count() counts them after.
    bool estimate_total = false;
    // Filters that the command line gives as options; they narrow the query as
    // the same filters written in it would.
    std::optional<std::string> source;
    std::optional<std::string> speaker;
    std::optional<std::string> participant;
    std::optional<std::string> code;
};

// A marked word: code points of the source text.
struct Mark {
    std::uint32_t start = 0;
    std::uint32_t end = 0;
};

struct Hit {
    std::int64_t source_id = 0;
    std::string source;  // its name
    std::int64_t line = 0;           // the first line with a marked word
    std::vector<std::int64_t> lines;  // every line of the passage with a marked word
    std::int64_t first_line = 0;     // the passage's lines
    std::int64_t last_line = 0;
    std::uint32_t start = 0;  // the passage, in code points of the source text
    std::uint32_t end = 0;
    std::optional<std::string> speaker;
    std::optional<std::string> participant;
    std::optional<std::int64_t> time_ms;
    std::string snippet;  // the words around the first mark, marks as **word**
    std::vector<Mark> marks;
    double weight = 0;
};

struct SearchResult {
    std::string query;
    std::size_t total = 0;
    bool total_exact = true;  // false: `total` is Xapian's estimate
    std::vector<Hit> hits;
    std::optional<std::string> suggestion;  // "did you mean", a query that has hits
    bool partial = false;  // the index did not hold every source when searched
};

class SearchIndex {
public:
    // Uses the index beside the project; touches nothing yet.
    explicit SearchIndex(store::Project& project);
    ~SearchIndex();
    SearchIndex(const SearchIndex&) = delete;
    SearchIndex& operator=(const SearchIndex&) = delete;

    const std::filesystem::path& path() const;

    // Brings the index up to date with the project: builds it anew when it is
    // missing, damaged, from another version or mostly out of date; otherwise
    // re-indexes only the sources added or changed (text, language, kind,
    // speaker mapping) and drops the ones deleted.
    SyncReport sync(Progress& progress);
    // Builds the index anew, whatever its state.
    SyncReport rebuild(Progress& progress);
    // What state the index is in; changes nothing.
    IndexCheck check();

    // Why the index cannot be searched as it is ("missing", "made by another
    // version of Tema", ...), or empty when it can: also while another
    // thread or process builds it for the first time, as far as it has gone
    // (the results then say they are partial).
    std::string problem();

    // Runs a query on the index as it is (call sync first). Throws tema::Error
    // for a bad query, naming the problem and where it is.
    SearchResult search(const SearchRequest& request);
    // The hits of a query, counted exactly up to 50,000 (total_exact is false
    // beyond), without the hits themselves.
    SearchResult count(const SearchRequest& request);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace tema::search
