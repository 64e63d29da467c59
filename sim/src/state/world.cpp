#include "state/world.hpp"

#include "parallel/parallel.hpp"

namespace hearth {

void Households::resize(std::size_t n) {
  income_per_month.resize(n, 0.0f);
  savings.resize(n, 0.0f);
  housing_cost_per_month.resize(n, 0.0f);
  status.resize(n, Status::Homeless);
  dwelling.resize(n, kNone);
  base_income_per_month.resize(n, 0.0f);
  income_log_deviation.resize(n, 0.0f);
  size.resize(n, 1);
  head_age.resize(n, HeadAgeBand::From30To64);
  female_headed.resize(n, 0);
  disability.resize(n, 0);
  origin.resize(n, Origin::Resident);
  origin_dwelling.resize(n, kNone);
  months_displaced.resize(n, 0);
  rent_arrears.resize(n, 0.0f);
  moves.resize(n, 0);
  months_in_arrears.resize(n, 0);
  mortgage_balance.resize(n, 0.0f);
  mortgage_payment_per_month.resize(n, 0.0f);
  anchor_cell.resize(n, 0);
}

void Dwellings::resize(std::size_t n) {
  cell.resize(n, 0);
  tenure.resize(n, Tenure::PrivateRental);
  structure.resize(n, StructureClass::ReinforcedConcreteFrame);
  rooms.resize(n, 2);
  quality.resize(n, 0.5f);
  value.resize(n, 0.0f);
  rent_per_month.resize(n, 0.0f);
  damage.resize(n, DamageState::None);
  work_remaining_months.resize(n, 0.0f);
  occupant.resize(n, kNone);
  owner_kind.resize(n, OwnerKind::PrivateLandlord);
  owner_household.resize(n, kNone);
  record_intact.resize(n, 1);
  months_on_market.resize(n, 0);
  hedonic.resize(n, 1.0f);
  submarket.resize(n, 0);
  lease_months.resize(n, 0);
}

std::int64_t World::households_in_city() const {
  const auto& status = households.status;
  return parallel::reduce(
      status.size(), std::int64_t{0},
      [&](std::size_t begin, std::size_t end) {
        std::int64_t n = 0;
        for (std::size_t i = begin; i < end; ++i) n += is_in_city(status[i]) ? 1 : 0;
        return n;
      },
      [](std::int64_t& a, std::int64_t b) { a += b; });
}

std::string_view to_string(Status s) {
  switch (s) {
    case Status::Owner: return "owner";
    case Status::Renter: return "renter";
    case Status::SocialTenant: return "social_tenant";
    case Status::InformalDweller: return "informal_dweller";
    case Status::Homeless: return "homeless";
    case Status::DisplacedShelter: return "displaced_shelter";
    case Status::DisplacedHost: return "displaced_host";
    case Status::DisplacedCamp: return "displaced_camp";
    case Status::LeftCity: return "left_city";
  }
  return "invalid";
}

std::string_view to_string(Tenure t) {
  switch (t) {
    case Tenure::OwnerOccupied: return "owner_occupied";
    case Tenure::PrivateRental: return "private_rental";
    case Tenure::SocialRental: return "social_rental";
    case Tenure::Informal: return "informal";
  }
  return "invalid";
}

std::string_view to_string(LandUse u) {
  switch (u) {
    case LandUse::Residential: return "residential";
    case LandUse::Jobs: return "jobs";
    case LandUse::Open: return "open";
    case LandUse::Water: return "water";
    case LandUse::Informal: return "informal";
  }
  return "invalid";
}

std::string_view to_string(Origin o) {
  switch (o) {
    case Origin::Resident: return "resident";
    case Origin::RuralMigrant: return "rural_migrant";
    case Origin::InternallyDisplaced: return "internally_displaced";
    case Origin::Refugee: return "refugee";
  }
  return "invalid";
}

}  // namespace hearth
