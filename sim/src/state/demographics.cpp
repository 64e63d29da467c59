#include "state/demographics.hpp"

#include <algorithm>

namespace hearth {

void draw_demographics(Rng& rng, const std::array<double, 6>& size_shares, const GroupsDef& groups,
                       const OriginSharesDef& origin_shares, Households& hh, HouseholdId h) {
  double u = rng.uniform(), cumulative = 0;
  int persons = 6;
  for (int k = 0; k < 6; ++k) {
    cumulative += size_shares[k];
    if (u < cumulative) {
      persons = k + 1;
      break;
    }
  }
  hh.size[h] = static_cast<std::uint8_t>(persons);
  hh.female_headed[h] = rng.bernoulli(groups.female_headed_share) ? 1 : 0;
  hh.disability[h] = rng.bernoulli(groups.disability_share) ? 1 : 0;
  u = rng.uniform();
  hh.head_age[h] = u < groups.elderly_head_share ? HeadAgeBand::Over65
                   : u < groups.elderly_head_share + groups.young_head_share
                       ? HeadAgeBand::Under30
                       : HeadAgeBand::From30To64;
  const auto& o = origin_shares;
  const double total =
      std::max(1e-12, o.resident + o.rural_migrant + o.internally_displaced + o.refugee);
  u = rng.uniform() * total;
  hh.origin[h] = u < o.resident                     ? Origin::Resident
                 : u < o.resident + o.rural_migrant ? Origin::RuralMigrant
                 : u < o.resident + o.rural_migrant + o.internally_displaced
                     ? Origin::InternallyDisplaced
                     : Origin::Refugee;
}

}  // namespace hearth
