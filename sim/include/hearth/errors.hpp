#pragma once
// Errors the command line maps to exit codes: InputError (bad scenario, file
// or option: exit 2, nothing written), InvariantViolation (a bug: exit 3).
#include <stdexcept>
#include <string>
#include <vector>

namespace hearth {

// One problem in an input file: where (JSON pointer, or line:column) and why.
struct InputProblem {
  std::string location;
  std::string reason;
};

class InputError : public std::runtime_error {
 public:
  InputError(std::string file, std::vector<InputProblem> problems);
  const std::string& file() const { return file_; }
  const std::vector<InputProblem>& problems() const { return problems_; }

 private:
  std::string file_;
  std::vector<InputProblem> problems_;
};

class InvariantViolation : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// An output that could not be written (directory not writable, disk full).
class OutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace hearth
