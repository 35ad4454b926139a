#include "search/layers.h"

#include "search/index_format.h"
#include "search/terms.h"

namespace tema::search {

namespace fs = std::filesystem;

fs::path IndexLayers::base_path(const fs::path& folder) { return folder / "base"; }
fs::path IndexLayers::delta_path(const fs::path& folder) { return folder / "delta"; }

IndexLayers::IndexLayers(const fs::path& folder) : base_(base_path(folder).string()) {
    all_.add_database(base_);
    if (fs::exists(delta_path(folder))) {
        delta_.emplace(delta_path(folder).string());
        all_.add_database(*delta_);
        const std::string prefix(kGoneKey);
        for (auto key = delta_->metadata_keys_begin(prefix); key != delta_->metadata_keys_end(prefix);
             ++key) {
            if (!delta_->get_metadata(*key).empty()) {
                gone_.insert(std::stoll((*key).substr(prefix.size())));
            }
        }
    }
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
    if (delta_) {
        std::string value = delta_->get_metadata(key);
        if (!value.empty()) {
            return value;
        }
    }
    return base_.get_metadata(key);
}

std::map<std::int64_t, std::string> IndexLayers::fingerprints() const {
    std::map<std::int64_t, std::string> held;
    const std::string prefix(format::kSourceKey);
    const auto read = [&](const Xapian::Database& db) {
        for (auto key = db.metadata_keys_begin(prefix); key != db.metadata_keys_end(prefix); ++key) {
            held[std::stoll((*key).substr(prefix.size()))] = db.get_metadata(*key);
        }
    };
    read(base_);
    for (std::int64_t id : gone_) {
        held.erase(id);
    }
    if (delta_) {
        read(*delta_);
    }
    return held;
}

void IndexLayers::synonyms(const std::string& key, std::set<std::string>& out) const {
    for (auto s = base_.synonyms_begin(key); s != base_.synonyms_end(key); ++s) {
        out.insert(*s);
    }
    if (delta_) {
        for (auto s = delta_->synonyms_begin(key); s != delta_->synonyms_end(key); ++s) {
            out.insert(*s);
        }
    }
}

std::set<std::string> IndexLayers::synonym_keys(const std::string& prefix) const {
    std::set<std::string> keys;
    for (auto k = base_.synonym_keys_begin(prefix); k != base_.synonym_keys_end(prefix); ++k) {
        keys.insert(*k);
    }
    if (delta_) {
        for (auto k = delta_->synonym_keys_begin(prefix); k != delta_->synonym_keys_end(prefix);
             ++k) {
            keys.insert(*k);
        }
    }
    return keys;
}

std::string IndexLayers::spelling_suggestion(const std::string& word) const {
    std::string suggestion = base_.get_spelling_suggestion(word, 2);
    if (suggestion.empty() && delta_) {
        suggestion = delta_->get_spelling_suggestion(word, 2);
    }
    return suggestion;
}

}  // namespace tema::search
