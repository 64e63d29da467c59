#pragma once
// Income quintiles of the households in the city (Households: status,
// income_per_month): the bounds that sort households into the q1..q5 groups
// and the segregation counts, and the median income.
#include <array>

#include "hearth/frame.hpp"
#include "state/world.hpp"

namespace hearth {

struct IncomeQuintiles {
  std::array<float, 4> bound{};  // lowest income of q2, q3, q4 and q5
  double median = kNaN;          // kNaN when nobody is in the city

  // 0 for q1 .. 4 for q5. Inline: called once per household and dwelling in
  // the indicator passes.
  int quintile_of(float income) const {
    int q = 0;
    while (q < 4 && income >= bound[q]) ++q;
    return q;
  }
};

IncomeQuintiles income_quintiles(const Households& hh);

}  // namespace hearth
