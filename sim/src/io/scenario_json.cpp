#include "io/scenario_json.hpp"

#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "io/scenario_fields.hpp"
#include "policy/policies.hpp"

namespace hearth::io {
namespace {

template <typename T, typename V>
concept HasFields = requires(T& t, V& v) {
  fields(t, v);
};

template <typename T>
struct IsVector : std::false_type {};
template <typename T>
struct IsVector<std::vector<T>> : std::true_type {};
// A list of objects with field lists (the hazard events). A concept, so that
// T::value_type is only looked at for vectors.
template <typename T, typename V>
concept ListOfFields = IsVector<T>::value && HasFields<typename T::value_type, V>;

// The lever of index `index` (policy::Lever order), with its defaults.
template <std::size_t... I>
LeverDef lever_at(std::size_t index, std::index_sequence<I...>) {
  LeverDef lever;
  ((index == I ? (lever.template emplace<I>(), 0) : 0), ...);
  return lever;
}

struct Reader {
  const nlohmann::json* node;
  template <typename E, std::size_t N>
  void operator()(const char* key, E& field, const std::array<Named<E>, N>& names) {
    auto it = node->find(key);
    if (it == node->end()) return;
    const auto name = it->get<std::string>();
    for (const auto& n : names) {
      if (name == n.name) {
        field = n.value;
        return;
      }
    }
    throw std::invalid_argument("unknown " + std::string(key) + " '" + name + "'");
  }
  void operator()(const char* key, LeverDef& lever) {
    auto it = node->find(key);
    if (it == node->end()) return;
    const auto index = static_cast<std::size_t>(policy::lever_of(it->get<std::string>()));
    lever = lever_at(index, std::make_index_sequence<std::variant_size_v<LeverDef>>{});
  }
  template <typename T>
  void operator()(const char* key, T& field) {
    auto it = node->find(key);
    if (it == node->end()) return;
    if constexpr (HasFields<T, Reader>) {
      Reader child{&*it};
      fields(field, child);
    } else if constexpr (ListOfFields<T, Reader>) {
      // A list of objects (the hazard events): each element from its defaults.
      field.clear();
      for (const auto& element : *it) {
        typename T::value_type item;
        Reader child{&element};
        fields(item, child);
        field.push_back(std::move(item));
      }
    } else {
      field = it->get<T>();
    }
  }
};

struct Writer {
  nlohmann::json* node;
  template <typename E, std::size_t N>
  void operator()(const char* key, E& field, const std::array<Named<E>, N>& names) {
    (*node)[key] = name_of(field, names);
  }
  void operator()(const char* key, LeverDef& lever) {
    (*node)[key] = policy::lever_name(static_cast<policy::Lever>(lever.index()));
  }
  template <typename T>
  void operator()(const char* key, T& field) {
    if constexpr (HasFields<T, Writer>) {
      nlohmann::json child = nlohmann::json::object();
      Writer w{&child};
      fields(field, w);
      (*node)[key] = std::move(child);
    } else if constexpr (ListOfFields<T, Writer>) {
      nlohmann::json list = nlohmann::json::array();
      for (auto& element : field) {
        nlohmann::json child = nlohmann::json::object();
        Writer w{&child};
        fields(element, w);
        list.push_back(std::move(child));
      }
      (*node)[key] = std::move(list);
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
