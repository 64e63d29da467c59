#include "state/column_snapshot.hpp"

#include <cstring>

#include "state/columns.hpp"

namespace hearth {
namespace {

// Calls f(name, bytes, rows, row size) for every column of the World.
template <typename World_, typename F>
void each_column(World_& world, F&& f) {
  auto table = [&](const char* prefix) {
    return [&f, prefix](const char* name, const auto& column, const auto&) {
      using T = typename std::remove_cvref_t<decltype(column)>::value_type;
      f(std::string(prefix) + "." + name, reinterpret_cast<const unsigned char*>(column.data()),
        column.size(), sizeof(T));
    };
  };
  visit_columns(world.households, table("households"));
  visit_columns(world.dwellings, table("dwellings"));
  visit_columns(world.grid, table("grid"));
  visit_columns(world.market, table("market"));
}

}  // namespace

ColumnSnapshot::ColumnSnapshot(const World& world) {
  each_column(world, [&](std::string name, const unsigned char* data, std::size_t rows,
                         std::size_t row_bytes) {
    columns_.push_back(
        {std::move(name), std::vector<unsigned char>(data, data + rows * row_bytes), rows});
  });
}

std::vector<std::string> ColumnSnapshot::changed_in(const World& world) const {
  std::vector<std::string> changed;
  std::size_t k = 0;
  bool households_resized = false, dwellings_resized = false;
  each_column(world, [&](const std::string& name, const unsigned char* data, std::size_t rows,
                         std::size_t row_bytes) {
    const Column& before = columns_[k++];
    const std::size_t common = std::min(rows, before.rows) * row_bytes;
    if (common > 0 && std::memcmp(before.bytes.data(), data, common) != 0) changed.push_back(name);
    if (rows != before.rows) {
      if (name.rfind("households.", 0) == 0) households_resized = true;
      if (name.rfind("dwellings.", 0) == 0) dwellings_resized = true;
      if (name.rfind("market.", 0) == 0 || name.rfind("grid.", 0) == 0) changed.push_back(name);
    }
  });
  if (households_resized) changed.push_back("households.rows");
  if (dwellings_resized) changed.push_back("dwellings.rows");
  return changed;
}

}  // namespace hearth
