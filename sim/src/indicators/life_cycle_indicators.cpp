// Life-cycle and mortgage stocks (see life_cycle_indicators.hpp).
#include "indicators/life_cycle_indicators.hpp"

#include <cmath>
#include <limits>

#include "parallel/parallel.hpp"
#include "phases/mortgages.hpp"

namespace hearth {
namespace {

struct LifeCycleSums {
  std::int64_t in_city = 0, age_years = 0, persons = 0, owners_in_arrears = 0,
               owners_in_default = 0;
};

}  // namespace

void set_life_cycle_indicators(CityValues& city, const ScenarioDef& scenario, const World& world) {
  const Households& hh = world.households;
  const int default_months = scenario.mortgages.default_months_in_arrears;
  const LifeCycleSums sums = parallel::reduce(
      hh.count(), LifeCycleSums{},
      [&](std::size_t begin, std::size_t end) {
        LifeCycleSums s;
        for (std::size_t i = begin; i < end; ++i) {
          const Status status = hh.status[i];
          if (!is_in_city(status)) continue;
          ++s.in_city;
          s.age_years += hh.head_age_years[i];
          s.persons += hh.size[i];
          if (status == Status::Owner && hh.rent_arrears[i] > 0.0f) {
            ++s.owners_in_arrears;
            s.owners_in_default += hh.months_in_arrears[i] >= default_months;
          }
        }
        return s;
      },
      [](LifeCycleSums& a, const LifeCycleSums& b) {
        a.in_city += b.in_city, a.age_years += b.age_years, a.persons += b.persons;
        a.owners_in_arrears += b.owners_in_arrears, a.owners_in_default += b.owners_in_default;
      });
  set(city, CityIndicator::mean_head_age_years,
      sums.in_city ? static_cast<double>(sums.age_years) / static_cast<double>(sums.in_city)
                   : std::numeric_limits<double>::quiet_NaN());
  set(city, CityIndicator::mean_household_size,
      sums.in_city ? static_cast<double>(sums.persons) / static_cast<double>(sums.in_city)
                   : std::numeric_limits<double>::quiet_NaN());
  set(city, CityIndicator::owners_in_arrears, static_cast<double>(sums.owners_in_arrears));
  set(city, CityIndicator::owners_in_default, static_cast<double>(sums.owners_in_default));
  set(city, CityIndicator::mortgage_rate_per_year, mortgages::rate_at(scenario, world.tick));
}

}  // namespace hearth
