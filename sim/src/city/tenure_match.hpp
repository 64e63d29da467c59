#pragma once
// Matching households to dwellings of their tenure by income rank, the last
// step of both city generators (the synthetic city city-wide, the tract city
// within each tract). One place, so that both cities settle their
// households the same way.
#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include "hearth/scenario.hpp"
#include "parallel/parallel.hpp"
#include "state/world.hpp"

namespace hearth {

// A sort key and an id (household or dwelling): ties break by id, and the
// ids are unique, so any correct sort (std::sort or parallel::sort) gives
// the same order.
using RankKey = std::pair<float, std::uint32_t>;

// The tenures in ascending order of income: the poorest households live
// informally, then in social and private rentals; the richest own.
inline constexpr Tenure kIncomeLadder[] = {Tenure::Informal, Tenure::SocialRental,
                                           Tenure::PrivateRental, Tenure::OwnerOccupied};

// A household's noisy income rank within its tenure (CityMatching stream).
RankKey household_match_key(const ScenarioDef& scenario, const Households& hh, HouseholdId h);
// A dwelling's noisy value rank within its tenure (CityMatching stream,
// tick 1 so that its draws differ from the households').
RankKey dwelling_match_key(const ScenarioDef& scenario, const Dwellings& dw, DwellingId d);

// Sorts both lists by key and pairs household r of n_h with dwelling
// min(n_d - 1, r * n_d / n_h): the vacancies (n_d > n_h) are spread evenly
// over the value range rather than all left at the top. Calls
// settle(household, dwelling) for each pair in rank order.
template <class Settle>
void match_by_rank(std::vector<RankKey>& households, std::vector<RankKey>& dwellings,
                   Settle&& settle) {
  parallel::sort(households);
  parallel::sort(dwellings);
  const std::size_t n_h = households.size(), n_d = dwellings.size();
  for (std::size_t r = 0; r < n_h && n_d > 0; ++r) {
    settle(static_cast<HouseholdId>(households[r].second),
           static_cast<DwellingId>(dwellings[std::min(n_d - 1, r * n_d / n_h)].second));
  }
}

}  // namespace hearth
