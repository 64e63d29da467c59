#pragma once
// Validation of a JSON document against a JSON Schema (draft 7, valijson),
// reported as problems a user can act on: every problem at once, each with
// its JSON pointer; unknown keys with the closest known key ("did you
// mean") or the list of keys allowed there; the offending value quoted.
// Shared by the scenario and sweep loaders.
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "hearth/errors.hpp"

namespace valijson {
class Schema;
}

namespace hearth::io {

// The closest of `candidates` to `word` by edit distance, when it is close
// enough to be a typo of it (at most 2 edits, or a third of the word), else
// "": the "did you mean" of unknown keys, enum values and options.
std::string closest_match(const std::string& word, const std::vector<std::string>& candidates);

class JsonSchemaValidator {
 public:
  explicit JsonSchemaValidator(const char* schema_text);
  ~JsonSchemaValidator();
  JsonSchemaValidator(const JsonSchemaValidator&) = delete;
  JsonSchemaValidator& operator=(const JsonSchemaValidator&) = delete;

  // All problems (empty when the document is valid).
  std::vector<InputProblem> validate(const nlohmann::json& document) const;
  const nlohmann::json& schema() const { return schema_; }

 private:
  nlohmann::json schema_;
  std::unique_ptr<valijson::Schema> compiled_;
};

}  // namespace hearth::io
