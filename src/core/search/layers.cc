#include "search/layers.h"

#include <signal.h>
#include <unistd.h>

#include "search/index_format.h"
#include "search/terms.h"

namespace tema::search {

namespace fs = std::filesystem;

namespace {
constexpr std::string_view kBuildingSuffix = ".new-";
}  // namespace

fs::path IndexLayers::base_path(const fs::path& folder) {
    return folder / "base";
}
fs::path IndexLayers::delta_path(const fs::path& folder) {
    return folder / "delta";
}

fs::path IndexLayers::building_path(const fs::path& index) {
    return fs::path(index.string() + std::string(kBuildingSuffix) + std::to_string(::getpid()));
}

fs::path IndexLayers::shard_path(const fs::path& building, std::size_t n) {
    return building / ("shard" + std::to_string(n));
}

IndexLayers::IndexLayers(const fs::path& folder) {
    add_base(Xapian::Database(base_path(folder).string()));
    if (fs::exists(delta_path(folder))) {
        delta_.emplace(delta_path(folder).string());
        all_.add_database(*delta_);
        const std::string prefix(kGoneKey);
        for (auto key = delta_->metadata_keys_begin(prefix);
             key != delta_->metadata_keys_end(prefix); ++key) {
            if (!delta_->get_metadata(*key).empty()) {
                gone_.insert(std::stoll((*key).substr(prefix.size())));
            }
        }
    }
}

std::optional<IndexLayers> IndexLayers::being_built(const fs::path& index) {
    const std::string prefix = index.filename().string() + std::string(kBuildingSuffix);
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(index.parent_path(), error)) {
        const std::string name = entry.path().filename().string();
        if (!name.starts_with(prefix)) {
            continue;
        }
        // A folder left by a build that died is no build.
        const std::string pid = name.substr(prefix.size());
        if (pid.empty() || pid.size() > 9 ||
            pid.find_first_not_of("0123456789") != std::string::npos || std::stol(pid) <= 1 ||
            ::kill(static_cast<pid_t>(std::stol(pid)), 0) != 0) {
            continue;
        }
        IndexLayers layers;
        for (std::size_t n = 0; fs::exists(shard_path(entry.path(), n)); ++n) {
            try {
                layers.add_base(Xapian::Database(shard_path(entry.path(), n).string()));
            } catch (const Xapian::Error&) {
                // Not committed for the first time yet: nothing of it to search.
            }
        }
        if (!layers.bases_.empty()) {
            return layers;
        }
    }
    return std::nullopt;
}

void IndexLayers::add_base(const Xapian::Database& part) {
    bases_.push_back(part);
    all_.add_database(part);
}

std::vector<const Xapian::Database*> IndexLayers::parts() const {
    std::vector<const Xapian::Database*> parts;
    for (const Xapian::Database& base : bases_) {
        parts.push_back(&base);
    }
    if (delta_) {
        parts.push_back(&*delta_);
    }
    return parts;
}

Xapian::doccount IndexLayers::base_documents() const {
    Xapian::doccount documents = 0;
    for (const Xapian::Database& base : bases_) {
        documents += base.get_doccount();
    }
    return documents;
}

Xapian::Query IndexLayers::live(const Xapian::Query& query) const {
    if (gone_.empty()) {
        return query;
    }
    std::vector<Xapian::Query> gone;
    for (std::int64_t id : gone_) {
        gone.emplace_back(id_term(kBasePrefix, id));
    }
    return Xapian::Query(Xapian::Query::OP_AND_NOT, query,
                         Xapian::Query(Xapian::Query::OP_OR, gone.begin(), gone.end()));
}

std::string IndexLayers::metadata(const std::string& key) const {
    const std::vector<const Xapian::Database*> all = parts();
    for (auto part = all.rbegin(); part != all.rend(); ++part) {
        std::string value = (*part)->get_metadata(key);
        if (!value.empty()) {
            return value;
        }
    }
    return {};
}

std::map<std::int64_t, std::string> IndexLayers::fingerprints() const {
    std::map<std::int64_t, std::string> held;
    const std::string prefix(format::kSourceKey);
    const auto read = [&](const Xapian::Database& db) {
        for (auto key = db.metadata_keys_begin(prefix); key != db.metadata_keys_end(prefix);
             ++key) {
            held[std::stoll((*key).substr(prefix.size()))] = db.get_metadata(*key);
        }
    };
    for (const Xapian::Database& base : bases_) {
        read(base);
    }
    for (std::int64_t id : gone_) {
        held.erase(id);
    }
    if (delta_) {
        read(*delta_);
    }
    return held;
}

void IndexLayers::synonyms(const std::string& key, std::set<std::string>& out) const {
    for (const Xapian::Database* part : parts()) {
        for (auto s = part->synonyms_begin(key); s != part->synonyms_end(key); ++s) {
            out.insert(*s);
        }
    }
}

std::set<std::string> IndexLayers::synonym_keys(const std::string& prefix) const {
    std::set<std::string> keys;
    for (const Xapian::Database* part : parts()) {
        for (auto k = part->synonym_keys_begin(prefix); k != part->synonym_keys_end(prefix); ++k) {
            keys.insert(*k);
        }
    }
    return keys;
}

std::string IndexLayers::spelling_suggestion(const std::string& word) const {
    for (const Xapian::Database* part : parts()) {
        std::string suggestion = part->get_spelling_suggestion(word, 2);
        if (!suggestion.empty()) {
            return suggestion;
        }
    }
    return {};
}

}  // namespace tema::search
