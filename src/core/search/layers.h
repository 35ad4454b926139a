// The index on disk, in two layers. `base/` is built in one go on every core
// and compacted, without Xapian's termlist table (a third of the size, and of
// the time to write it). Sources (re)indexed since go to `delta/`, an ordinary
// database that can delete; the base's documents of a source the delta has
// replaced or dropped are "gone" and every query leaves them out. When the
// delta grows large, the index is built again. Only the search folder sees this.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace tema::search {

class IndexLayers {
public:
    // Opens `folder`/base and, when there is one, `folder`/delta. Throws
    // Xapian::Error when they cannot be opened.
    explicit IndexLayers(const std::filesystem::path& folder);

    static std::filesystem::path base_path(const std::filesystem::path& folder);
    static std::filesystem::path delta_path(const std::filesystem::path& folder);

    // Both layers, for matching. Queries must go through live().
    const Xapian::Database& all() const { return all_; }
    // `query` without the documents of the base that the delta replaced.
    Xapian::Query live(const Xapian::Query& query) const;

    // A metadata value: the delta's when it has the key, else the base's.
    std::string metadata(const std::string& key) const;
    // Each source's fingerprint as the index holds it now.
    std::map<std::int64_t, std::string> fingerprints() const;
    // Base sources the delta replaced or dropped.
    const std::set<std::int64_t>& gone() const { return gone_; }

    // Words that `key` leads to, in either layer (Xapian reads only the first).
    void synonyms(const std::string& key, std::set<std::string>& out) const;
    // Synonym keys starting with `prefix`, in either layer.
    std::set<std::string> synonym_keys(const std::string& prefix) const;
    std::string spelling_suggestion(const std::string& word) const;

    Xapian::doccount base_documents() const { return base_.get_doccount(); }
    Xapian::doccount delta_documents() const { return delta_ ? delta_->get_doccount() : 0; }

private:
    Xapian::Database base_;
    std::optional<Xapian::Database> delta_;
    Xapian::Database all_;
    std::set<std::int64_t> gone_;
};

// Metadata keys the delta uses besides those of index_format.h.
inline constexpr std::string_view kGoneKey = "gone:";  // gone:<source id> = "1"
// The term only base documents carry, naming their source: B<source id>.
inline constexpr std::string_view kBasePrefix = "B";

}  // namespace tema::search
