#pragma once
// Stable 32-bit indices and the small enums that every module shares.
// Enums are 8-bit so that the household and dwelling columns stay small.
#include <cstdint>
#include <limits>
#include <string_view>

namespace hearth {

using HouseholdId = std::uint32_t;
using DwellingId = std::uint32_t;
using CellId = std::uint32_t;
using NeighbourhoodId = std::uint16_t;

inline constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

enum class LandUse : std::uint8_t { Residential = 0, Jobs = 1, Open = 2, Water = 3, Informal = 4 };
inline constexpr int kLandUseCount = 5;

// Who holds the dwelling and on what terms.
enum class Tenure : std::uint8_t {
  OwnerOccupied = 0,
  PrivateRental = 1,
  SocialRental = 2,
  Informal = 3
};
inline constexpr int kTenureCount = 4;

// Structure classes carry their own fragility curves (the disasters issue).
enum class StructureClass : std::uint8_t {
  InformalMakeshift = 0,
  UnreinforcedMasonry = 1,
  ReinforcedConcreteFrame = 2,
  CodeCompliant = 3
};
inline constexpr int kStructureClassCount = 4;

enum class OwnerKind : std::uint8_t { Household = 0, PrivateLandlord = 1, Public = 2, None = 3 };

// Hazus damage states: DS0 none, DS1 slight, DS2 moderate, DS3 extensive, DS4 complete.
enum class DamageState : std::uint8_t {
  None = 0,
  Slight = 1,
  Moderate = 2,
  Extensive = 3,
  Complete = 4
};

enum class HeadAgeBand : std::uint8_t { Under30 = 0, From30To64 = 1, Over65 = 2 };

enum class Origin : std::uint8_t {
  Resident = 0,
  RuralMigrant = 1,
  InternallyDisplaced = 2,
  Refugee = 3
};
inline constexpr int kOriginCount = 4;

// Exactly one status per household at any time (an invariant the tests check).
enum class Status : std::uint8_t {
  Owner = 0,
  Renter = 1,
  SocialTenant = 2,
  InformalDweller = 3,
  Homeless = 4,
  DisplacedShelter = 5,
  DisplacedHost = 6,
  DisplacedCamp = 7,
  LeftCity = 8,
  // Staying with another household (kin or friends) for want of a home of
  // one's own: not homeless in HUD's count, searching every month (7.4).
  DoubledUp = 9
};
inline constexpr int kStatusCount = 10;

// Statuses that occupy a dwelling of their own.
constexpr bool is_housed(Status s) {
  return static_cast<std::uint8_t>(s) <= 3;
}
constexpr bool is_displaced(Status s) {
  return s == Status::DisplacedShelter || s == Status::DisplacedHost || s == Status::DisplacedCamp;
}
// Statuses that live in another household's home (Households::host).
constexpr bool is_guest(Status s) {
  return s == Status::DisplacedHost || s == Status::DoubledUp;
}
// Statuses that stay at a shelter or camp site (Households::site).
constexpr bool is_at_site(Status s) {
  return s == Status::DisplacedShelter || s == Status::DisplacedCamp;
}
constexpr bool is_in_city(Status s) {
  return s != Status::LeftCity;
}

std::string_view to_string(Status s);
std::string_view to_string(Tenure t);
std::string_view to_string(LandUse u);
std::string_view to_string(Origin o);

}  // namespace hearth
