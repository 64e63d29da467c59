#include "housing/household_economy.hpp"

#include <algorithm>
#include <cstddef>
#include <vector>

namespace hearth {

double median_income(const World& world) {
  std::vector<float> incomes;
  const Households& hh = world.households;
  for (std::size_t i = 0; i < hh.count(); ++i) {
    if (is_in_city(hh.status[i])) incomes.push_back(hh.income_per_month[i]);
  }
  if (incomes.empty()) return 0;
  auto mid = incomes.begin() + static_cast<std::ptrdiff_t>(incomes.size() / 2);
  std::nth_element(incomes.begin(), mid, incomes.end());
  return *mid;
}

}  // namespace hearth
