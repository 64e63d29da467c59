#include "city/tenure_match.hpp"

#include <cmath>

#include "parallel/rng.hpp"

namespace hearth {

RankKey household_match_key(const ScenarioDef& s, const Households& hh, HouseholdId h) {
  Rng rng(s.seed, s.replicate, 0, RngStream::CityMatching, h);
  return {static_cast<float>(std::log(hh.base_income_per_month[h]) + 0.3 * rng.normal()), h};
}

RankKey dwelling_match_key(const ScenarioDef& s, const Dwellings& dw, DwellingId d) {
  Rng rng(s.seed, s.replicate, 1, RngStream::CityMatching, d);
  return {static_cast<float>(std::log(std::max(1.0f, dw.value[d])) + 0.3 * rng.normal()), d};
}

}  // namespace hearth
