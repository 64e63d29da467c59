#pragma once
// State of the housing market that is not a column of a household or a
// dwelling: the rent and price index of every submarket (neighbourhood x
// quality band), their smoothed vacancy, the construction pipeline and the
// dwellings per cell (for zoning capacity). Owned by World; written by the
// market, displacement and recovery phases (housing/market_model.hpp builds
// it on first use), read by the indicators.
#include <cstdint>
#include <vector>

#include "hearth/ids.hpp"

namespace hearth {

struct MarketState {
  bool initialised = false;
  std::int32_t bands = 3;
  std::vector<float> rent_index;      // per submarket: rent per month of a hedonic-1 dwelling
  std::vector<float> price_index;     // per submarket: price of a hedonic-1 dwelling
  std::vector<float> rental_vacancy;  // per submarket: smoothed vacancy rate of private rentals
  std::vector<float> sale_vacancy;    // per submarket: smoothed vacancy rate of for-sale stock
  std::vector<std::uint32_t> rental_stock;  // per submarket: built private rentals
  std::vector<std::uint32_t> sale_stock;    // per submarket: built owner-occupied (or for sale)
  std::vector<std::uint32_t> dwellings_in_cell;  // all dwellings (built or under construction)
  std::vector<DwellingId> under_construction;    // ids, ascending; occupiable when work is done
  // The city's mean price index at the start and at the end of each month
  // since, the last expectation_window_months + 1 kept (oldest first): the
  // record behind the expected appreciation.
  std::vector<float> price_index_history;
  // Buy-to-let investors' balance sheet: {free equity, debt} (currency).
  std::vector<double> investor_balance;
  // The median household income at the start: the region's reference for migration.
  std::vector<float> reference_median_income;
  float initial_mean_rent_index = 0;  // for indicators: indices relative to the start
  float initial_mean_price_index = 0;

  std::size_t submarket_count() const { return rent_index.size(); }
};

}  // namespace hearth
