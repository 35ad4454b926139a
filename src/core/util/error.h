// The one error type Tema's core throws. Every refusal names what it is about
// (a file, a line, a code) and the problem, in words a researcher understands.
#pragma once

#include <stdexcept>
#include <string>

namespace tema {

class Error : public std::runtime_error {
  public:
    // `subject` names the file or object, `problem` says what is wrong with it.
    Error(std::string subject, std::string problem);

    const std::string& subject() const { return subject_; }
    const std::string& problem() const { return problem_; }

  private:
    std::string subject_;
    std::string problem_;
};

}  // namespace tema
