// Quintile bounds and median of the incomes of the households in the city
// (Households: status, income_per_month); see income_quintiles.hpp.
#include "indicators/income_quintiles.hpp"

#include <algorithm>
#include <vector>

#include "parallel/parallel.hpp"

namespace hearth {

IncomeQuintiles income_quintiles(const Households& hh) {
  // The k-th smallest value does not depend on the order of the values, so
  // they are gathered by chunks in parallel.
  std::vector<float> incomes = parallel::gather(
      hh.count(), [&](std::size_t i) { return is_in_city(hh.status[i]); },
      [&](std::size_t i) { return hh.income_per_month[i]; });
  IncomeQuintiles quintiles;
  if (incomes.empty()) return quintiles;
  // Median first, then each quintile bound inside the half that holds it
  // (and the 20% and 80% bounds inside the 40% and 60% partitions): about
  // 2.8 passes over the incomes instead of 5 for five separate selections.
  const std::size_t n = incomes.size();
  auto at = [&](std::size_t k) { return incomes.begin() + static_cast<std::ptrdiff_t>(k); };
  std::nth_element(incomes.begin(), at(n / 2), incomes.end());
  quintiles.median = *at(n / 2);
  const std::size_t k20 = n / 5, k40 = n * 2 / 5, k60 = n * 3 / 5, k80 = n * 4 / 5;
  // Each bound is read as soon as it is selected: a later selection over a
  // range that includes its position may move it. The two halves are
  // disjoint, so they are selected at the same time.
  std::array<float, 4>& bound = quintiles.bound;
  parallel::invoke(
      [&] {
        std::nth_element(incomes.begin(), at(k40), at(n / 2));
        bound[1] = *at(k40);
        std::nth_element(incomes.begin(), at(k20), at(k40));
        bound[0] = *at(k20);
      },
      [&] {
        std::nth_element(at(n / 2), at(k60), incomes.end());
        bound[2] = *at(k60);
        std::nth_element(at(k60 + 1), at(k80), incomes.end());
        bound[3] = *at(k80);
      });
  return quintiles;
}

}  // namespace hearth
