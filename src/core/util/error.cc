#include "util/error.h"

namespace tema {

namespace {
std::string join(const std::string& subject, const std::string& problem) {
    return subject.empty() ? problem : subject + ": " + problem;
}
}  // namespace

Error::Error(std::string subject, std::string problem)
    : std::runtime_error(join(subject, problem)),
      subject_(std::move(subject)),
      problem_(std::move(problem)) {}

}  // namespace tema
