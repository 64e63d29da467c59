#include "io/json_schema.hpp"

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include <algorithm>

namespace hearth::io {
namespace {

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string escape_pointer_token(const std::string& token) {
  std::string out;
  for (char c : token) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

// Unknown keys, reported with the closest known key. valijson would only say
// that a property "could not be validated"; a user wants to know the typo.
void find_unknown_keys(const nlohmann::json& doc, const nlohmann::json& schema,
                       const std::string& pointer, std::vector<InputProblem>& problems) {
  if (doc.is_array() && schema.contains("items") && schema["items"].is_object()) {
    for (std::size_t k = 0; k < doc.size(); ++k) {
      find_unknown_keys(doc[k], schema["items"], pointer + "/" + std::to_string(k), problems);
    }
    return;
  }
  if (!doc.is_object() || !schema.contains("properties")) return;
  const auto& properties = schema["properties"];
  for (const auto& [key, value] : doc.items()) {
    const std::string where = pointer + "/" + escape_pointer_token(key);
    auto known = properties.find(key);
    if (known != properties.end()) {
      find_unknown_keys(value, *known, where, problems);
      continue;
    }
    std::vector<std::string> candidates;
    for (const auto& [candidate, unused] : properties.items()) candidates.push_back(candidate);
    const std::string best = closest_match(key, candidates);
    std::string reason = "unknown key '" + key + "'";
    if (!best.empty()) {
      reason += " (did you mean '" + best + "'?)";
    } else {
      std::string allowed;
      for (const auto& [candidate, unused] : properties.items()) {
        allowed += (allowed.empty() ? "" : ", ") + candidate;
      }
      reason += "; allowed here: " + allowed;
    }
    problems.push_back({where, reason});
  }
}

std::string pointer_from_context(const std::vector<std::string>& context) {
  std::string pointer;
  for (const auto& element : context) {
    if (element == "<root>") continue;
    std::string token = element;
    if (token.size() >= 2 && token.front() == '[' && token.back() == ']') {
      token = token.substr(1, token.size() - 2);
      if (token.size() >= 2 && token.front() == '"' && token.back() == '"') {
        token = token.substr(1, token.size() - 2);
      }
    }
    pointer += "/" + escape_pointer_token(token);
  }
  return pointer;
}

std::string value_excerpt(const nlohmann::json& doc, const std::string& pointer) {
  try {
    const auto& value = doc.at(nlohmann::json::json_pointer(pointer));
    std::string text = value.dump();
    if (text.size() > 60) text = text.substr(0, 57) + "...";
    return " (got " + text + ")";
  } catch (const std::exception&) {
    return "";
  }
}

}  // namespace

std::string closest_match(const std::string& word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_distance = std::string::npos;
  for (const auto& candidate : candidates) {
    const std::size_t d = edit_distance(word, candidate);
    if (d < best_distance) best_distance = d, best = candidate;
  }
  if (best.empty() || best_distance > std::max<std::size_t>(2, word.size() / 3)) return "";
  return best;
}

namespace {

// The schema node that describes the value at `pointer` of a document
// (through "properties" and "items"; the schemas use no $ref), or null.
const nlohmann::json* schema_node_at(const nlohmann::json& schema, const std::string& pointer) {
  const nlohmann::json* node = &schema;
  std::size_t at = 0;
  while (at < pointer.size()) {
    std::size_t end = pointer.find('/', at + 1);
    if (end == std::string::npos) end = pointer.size();
    std::string token = pointer.substr(at + 1, end - at - 1);
    for (std::size_t k = 0; (k = token.find("~1", k)) != std::string::npos;)
      token.replace(k, 2, "/");
    for (std::size_t k = 0; (k = token.find("~0", k)) != std::string::npos; ++k) {
      token.replace(k, 2, "~");
    }
    at = end;
    if (node->contains("properties") && (*node)["properties"].contains(token)) {
      node = &(*node)["properties"][token];
    } else if (node->contains("items") && (*node)["items"].is_object()) {
      node = &(*node)["items"];
    } else {
      return nullptr;
    }
  }
  return node;
}

// "must be one of: a, b, c (did you mean 'b'?)" for a value outside an enum.
std::string enum_reason(const nlohmann::json& enum_node, const nlohmann::json* value) {
  std::vector<std::string> allowed;
  std::string list;
  for (const auto& option : enum_node) {
    allowed.push_back(option.is_string() ? option.get<std::string>() : option.dump());
    list += (list.empty() ? "" : ", ") + allowed.back();
  }
  std::string reason = "must be one of: " + list;
  if (value && value->is_string()) {
    const std::string best = closest_match(value->get<std::string>(), allowed);
    if (!best.empty()) reason += " (did you mean '" + best + "'?)";
  }
  return reason;
}

// A pattern said in words. The schemas' patterns are few; an unknown one is
// quoted as it is.
std::string pattern_reason(const std::string& pattern) {
  static const std::pair<const char*, const char*> kInWords[] = {
      {"^[A-Za-z0-9][A-Za-z0-9_.-]*$",
       "must start with a letter or digit and hold only letters, digits, '_', '.' and '-' (no "
       "spaces)"},
      {"^[0-9]{4}-(0[1-9]|1[0-2])$", "must be a year and month as YYYY-MM, such as 2026-01"},
      {"^(/[^/]+)+$", "must be a JSON pointer such as /city/households: '/' and a key, repeated"},
      {"^[A-Za-z][A-Za-z0-9_.]*$",
       "must start with a letter and hold only letters, digits, '_' and '.' (no spaces)"}};
  for (const auto& [known, words] : kInWords) {
    if (pattern == known) return words;
  }
  return "must match the regular expression " + pattern;
}

}  // namespace

JsonSchemaValidator::JsonSchemaValidator(const char* schema_text)
    : schema_(nlohmann::json::parse(schema_text)), compiled_(std::make_unique<valijson::Schema>()) {
  valijson::SchemaParser parser;
  valijson::adapters::NlohmannJsonAdapter adapter(schema_);
  parser.populateSchema(adapter, *compiled_);
}

JsonSchemaValidator::~JsonSchemaValidator() = default;

std::vector<InputProblem> JsonSchemaValidator::validate(const nlohmann::json& document) const {
  std::vector<InputProblem> problems;
  if (!document.is_object()) {
    problems.push_back(
        {"", "expected a JSON object at the top level, got " + std::string(document.type_name())});
    return problems;
  }
  find_unknown_keys(document, schema_, "", problems);
  valijson::Validator validator(valijson::Validator::kStrongTypes);
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter adapter(document);
  if (!validator.validate(*compiled_, adapter, &results)) {
    valijson::ValidationResults::Error error;
    while (results.popError(error)) {
      const std::string& d = error.description;
      // Parents repeat their children's failures, and unknown keys were reported above.
      if (d.rfind("Failed to validate", 0) == 0) continue;
      if (d.find("could not be validated") != std::string::npos) continue;
      if (d.find("additionalProperties") != std::string::npos) continue;
      const std::string pointer = pointer_from_context(error.context);
      std::string reason = d;
      // valijson names the kind of constraint only; the schema has the
      // allowed values and the pattern, which a user needs to fix the value.
      const nlohmann::json* node = schema_node_at(schema_, pointer);
      const nlohmann::json* value = nullptr;
      try {
        value = &document.at(nlohmann::json::json_pointer(pointer));
      } catch (const nlohmann::json::exception&) {
        // No value at the pointer (a missing key): nothing to suggest from.
      }
      // The value first, then what it must be: "got "rentcap"; must be one
      // of: ... (did you mean 'rent_cap'?)".
      std::string got = value_excerpt(document, pointer);
      if (got.size() > 3) got = got.substr(2, got.size() - 3) + "; ";
      if (node && node->contains("enum") && d.find("enum values") != std::string::npos) {
        reason = got + enum_reason((*node)["enum"], value);
      } else if (node && node->contains("pattern") && (*node)["pattern"].is_string() &&
                 d.find("'pattern'") != std::string::npos) {
        reason = got + pattern_reason((*node)["pattern"].get<std::string>());
      } else {
        reason += value_excerpt(document, pointer);
      }
      problems.push_back({pointer.empty() ? "/" : pointer, reason});
    }
  }
  return problems;
}

}  // namespace hearth::io
