#include "state/grid.hpp"

#include <type_traits>

#include "state/columns.hpp"

namespace hearth {

int Grid::hazard_index(const std::string& name) const {
  for (std::size_t i = 0; i < hazards.size(); ++i) {
    if (hazards[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

void Grid::resize(std::int32_t w, std::int32_t h) {
  width = w;
  height = h;
  const std::size_t n = cell_count();
  visit_columns(*this, [n](const char*, auto& column, auto fill) {
    column.assign(n, static_cast<typename std::decay_t<decltype(column)>::value_type>(fill));
  });
}

}  // namespace hearth
