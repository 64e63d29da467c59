#include "io/scenario_json.hpp"

#include "io/scenario_fields.hpp"

namespace hearth::io {
namespace {

template <typename T, typename V>
concept HasFields = requires(T& t, V& v) { fields(t, v); };

struct Reader {
  const nlohmann::json* node;
  template <typename T>
  void operator()(const char* key, T& field) {
    auto it = node->find(key);
    if (it == node->end()) return;
    if constexpr (HasFields<T, Reader>) {
      Reader child{&*it};
      fields(field, child);
    } else {
      field = it->get<T>();
    }
  }
};

struct Writer {
  nlohmann::json* node;
  template <typename T>
  void operator()(const char* key, T& field) {
    if constexpr (HasFields<T, Writer>) {
      nlohmann::json child = nlohmann::json::object();
      Writer w{&child};
      fields(field, w);
      (*node)[key] = std::move(child);
    } else {
      (*node)[key] = field;
    }
  }
};

}  // namespace

ScenarioDef scenario_from_json(const nlohmann::json& document) {
  ScenarioDef scenario;
  Reader reader{&document};
  fields(scenario, reader);
  return scenario;
}

nlohmann::json scenario_to_json(const ScenarioDef& scenario) {
  ScenarioDef copy = scenario;  // the field lists take non-const references
  nlohmann::json out = nlohmann::json::object();
  Writer writer{&out};
  fields(copy, writer);
  return out;
}

}  // namespace hearth::io
