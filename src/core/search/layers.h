// The index on disk, in two layers. `base/` is built in one go on every core
// and compacted, without Xapian's termlist table (a third of the size, and of
// the time to write it). Sources (re)indexed since go to `delta/`, an ordinary
// database that can delete; the base's documents of a source the delta has
// replaced or dropped are "gone" and every query leaves them out. When the
// delta grows large, the index is built again. While the index is first built,
// the shards of the build can be searched as far as they go. Only the search
// folder sees this.
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
    // Where a build of the index at `index` puts its shards: a folder of the
    // building process's own, so that others can tell a live build by its pid.
    static std::filesystem::path building_path(const std::filesystem::path& index);
    static std::filesystem::path shard_path(const std::filesystem::path& building, std::size_t n);
    // The shards of a build of the index at `index` that a live process is
    // running, as far as they are committed; none when no build runs.
    static std::optional<IndexLayers> being_built(const std::filesystem::path& index);

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

    Xapian::doccount base_documents() const;
    Xapian::doccount delta_documents() const { return delta_ ? delta_->get_doccount() : 0; }

private:
    IndexLayers() = default;
    void add_base(const Xapian::Database& part);
    // Each database of the layers, the delta last: Xapian reads the
    // metadata, synonyms and spelling of only the first of several.
    std::vector<const Xapian::Database*> parts() const;

    std::vector<Xapian::Database> bases_;  // one; or a build's shards
    std::optional<Xapian::Database> delta_;
    Xapian::Database all_;
    std::set<std::int64_t> gone_;
};

// Metadata keys the delta uses besides those of index_format.h.
inline constexpr std::string_view kGoneKey = "gone:";  // gone:<source id> = "1"
// The term only base documents carry, naming their source: B<source id>.
inline constexpr std::string_view kBasePrefix = "B";

}  // namespace tema::search
