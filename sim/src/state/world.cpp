#include "state/world.hpp"

#include "parallel/parallel.hpp"
#include "state/columns.hpp"

namespace hearth {

namespace {
struct Resize {
  std::size_t n;
  template <typename T, typename D>
  void operator()(const char*, std::vector<T>& column, D fill) const {
    column.resize(n, static_cast<T>(fill));
  }
};
}  // namespace

void Households::resize(std::size_t n) {
  visit_columns(*this, Resize{n});
}

void Dwellings::resize(std::size_t n) {
  visit_columns(*this, Resize{n});
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
    case Status::Owner:
      return "owner";
    case Status::Renter:
      return "renter";
    case Status::SocialTenant:
      return "social_tenant";
    case Status::InformalDweller:
      return "informal_dweller";
    case Status::Homeless:
      return "homeless";
    case Status::DisplacedShelter:
      return "displaced_shelter";
    case Status::DisplacedHost:
      return "displaced_host";
    case Status::DisplacedCamp:
      return "displaced_camp";
    case Status::LeftCity:
      return "left_city";
    case Status::DoubledUp:
      return "doubled_up";
  }
  return "invalid";
}

std::string_view to_string(Tenure t) {
  switch (t) {
    case Tenure::OwnerOccupied:
      return "owner_occupied";
    case Tenure::PrivateRental:
      return "private_rental";
    case Tenure::SocialRental:
      return "social_rental";
    case Tenure::Informal:
      return "informal";
  }
  return "invalid";
}

std::string_view to_string(LandUse u) {
  switch (u) {
    case LandUse::Residential:
      return "residential";
    case LandUse::Jobs:
      return "jobs";
    case LandUse::Open:
      return "open";
    case LandUse::Water:
      return "water";
    case LandUse::Informal:
      return "informal";
  }
  return "invalid";
}

std::string_view to_string(Origin o) {
  switch (o) {
    case Origin::Resident:
      return "resident";
    case Origin::RuralMigrant:
      return "rural_migrant";
    case Origin::InternallyDisplaced:
      return "internally_displaced";
    case Origin::Refugee:
      return "refugee";
  }
  return "invalid";
}

}  // namespace hearth
