#pragma once
// Counter-based randomness (Random123 Philox4x32-10). A draw is a pure
// function of (seed, replicate, tick, phase, entity, draw index): no engine
// state is shared between threads or carried in checkpoints, so results do
// not depend on the thread count or on the order in which entities run.
#include <Random123/philox.h>

#include <array>
#include <cmath>
#include <cstdint>

namespace hearth {

// Every consumer of randomness has its own stream tag so that two phases
// never draw the same numbers for the same entity and tick.
enum class RngStream : std::uint32_t {
  CityCells = 1,
  CityDwellings = 2,
  CityHouseholds = 3,
  CityTenureSort = 4,
  CityMatching = 5,
  Economy = 10,
  Hazard = 20,        // damage per dwelling: event k uses draws 3k..3k+2 (state, record, insurance)
  HazardEvents = 21,  // whether stochastic event k strikes this tick (entity k)
  Displacement = 30,
  Arrivals = 31,
  Dislocation = 32,  // who leaves a damaged dwelling, and who leaves the city at once
  Hosting = 33,      // households willing to host (tick 0: a lasting trait) and host search starts
  ArrivalWave = 34,  // households of arrival waves
  DamageEvictions = 35,   // landlords ending tenancies of damaged, habitable rentals
  Evacuation = 36,        // short evacuation from flooded cells: whether, and how many days
  ArrivalCount = 37,      // rounding of the month's expected arrivals (entity 0)
  SiteChoice = 38,        // the shelter or camp a displaced household goes to (household)
  Market = 40,            // market-wide draws (builders' rounding, informal allocation)
  MarketHouseholds = 41,  // who searches this tick
  MarketSearch = 42,      // candidate draws and tastes; round r uses MarketSearch + r (42..49)
  Recovery = 50,
  RecoveryQueue = 51,      // a damaged dwelling's place among those joining a step in one tick
  RecoveryDuration = 52,   // the time a step takes (tick: when served; entity: dwelling)
  RecoveryDecisions = 53,  // public aid and repair loan decisions (tick: of the damage)
  Return = 60,
  ReturnTimes = 61,          // a spell away: when ready to return, when giving up (tick: its start)
  Schelling = 70,            // the Schelling benchmark (sim/src/bench/schelling.cpp)
  PolicyRentCap = 80,        // rent_cap: landlords selling off vacant capped rentals (dwelling)
  PolicySocialHousing = 81,  // social_housing: lottery allocation (household)
  PolicyUpgrading = 82,      // upgrading: relocated households drifting back (household)
  PolicyRetrofit = 83,       // building_code: retrofit offer and uptake (dwelling)
  PolicyBuyout = 84,         // buyout: an owner's acceptance of the offer (dwelling)
  CalibrationDesign =
      90,  // calibrate/: Latin hypercube, Saltelli and Morris designs (entity: block)
  CalibrationBootstrap =
      91,          // calibrate/: bootstrap resamples of sensitivity indices (entity: resample)
  LifeCycle = 92,  // a household's birthday: death, birth, merge (household)
  HouseholdFormation = 93,  // young adults leaving home: parent and new head (formation k)
  Inheritance = 94,         // the heir of a dissolved household (household)
  InitialMortgages = 95,    // years since an initial owner bought (household)
  DoublingUp = 96,          // an unhoused household's try at staying with kin (household)
};

class Rng {
 public:
  Rng(std::uint64_t seed, std::uint32_t replicate, std::uint32_t tick, RngStream stream,
      std::uint32_t entity)
      : key_{{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)}},
        counter_{{entity, tick, static_cast<std::uint32_t>(stream) << 16, replicate}} {}

  // 32 random bits; four per Philox block.
  std::uint32_t next_u32() {
    if (used_ == 4) refill();
    return block_.v[used_++];
  }
  // Uniform in the open interval (0, 1), 53-bit resolution.
  double uniform() {
    const std::uint64_t hi = next_u32() >> 5;  // 27 bits
    const std::uint64_t lo = next_u32() >> 6;  // 26 bits
    return (static_cast<double>((hi << 26) | lo) + 0.5) * (1.0 / 9007199254740992.0);
  }
  // Standard normal by inverting the normal CDF through a table: the top 12
  // bits of one 32-bit draw pick one of 4096 equal-probability cells, the
  // other 20 interpolate linearly between the cell's quantiles; the two
  // outermost cells (1 draw in 2048) use the exact inverse. One draw instead of Box-Muller's four,
  // and no log or cos on the common path: the economy and market phases draw a normal per household
  // per tick (docs/PERFORMANCE.md).
  double normal() { return normal_from_bits(next_u32()); }

  // The normal quantile of 32 random bits (see normal()); the two outermost
  // cells use the exact inverse at p = (bits + 0.5) / 2^32, so the largest
  // draw is about 6.2 standard deviations.
  static double normal_from_bits(std::uint32_t bits) {
    const std::uint32_t cell = bits >> 20;
    if (cell == 0 || cell == kNormalCells - 1) {
      return inverse_normal_cdf((static_cast<double>(bits) + 0.5) * 0x1p-32);
    }
    const float* q = normal_quantiles();
    const float t = (static_cast<float>(bits & 0xFFFFFu) + 0.5f) * 0x1p-20f;
    return q[cell] + t * (q[cell + 1] - q[cell]);
  }

  // The standard normal quantile function (Acklam's rational approximation,
  // relative error below 1.2e-9), for 0 < p < 1.
  static double inverse_normal_cdf(double p) {
    constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,  -2.759285104469687e+02,
                            1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
    constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                            6.680131188771972e+01, -1.328068155288572e+01};
    constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                            -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
    constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                            3.754408661907416e+00};
    constexpr double low = 0.02425;
    if (p < low || p > 1 - low) {
      const double q = std::sqrt(-2 * std::log(p < low ? p : 1 - p));
      const double x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
                       ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
      return p < low ? x : -x;
    }
    const double q = p - 0.5, r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
           (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  }

  bool bernoulli(double p) { return uniform() < p; }
  // Uniform integer in [0, n), n > 0 (Lemire's multiply-shift; bias < 2^-32 * n).
  std::uint32_t below(std::uint32_t n) {
    return static_cast<std::uint32_t>((static_cast<std::uint64_t>(next_u32()) * n) >> 32);
  }

 private:
  friend class LaneRng;
  static constexpr std::uint32_t kNormalCells = 4096;

  // Quantiles at k / 4096 for k = 0..4096 (the ends are never read).
  static const float* normal_quantiles() {
    static const auto table = [] {
      std::array<float, kNormalCells + 1> q{};
      for (std::uint32_t k = 1; k < kNormalCells; ++k) {
        q[k] = static_cast<float>(inverse_normal_cdf(static_cast<double>(k) / kNormalCells));
      }
      return q;
    }();
    return table.data();
  }

  void refill() {
    block_ = r123::Philox4x32{}(counter_, key_);
    // The low 16 bits of word 2 count blocks: 65536 blocks = 262144 draws per stream.
    counter_.v[2] += 1;
    used_ = 0;
  }

  r123::Philox4x32::key_type key_;
  r123::Philox4x32::ctr_type counter_;
  r123::Philox4x32::ctr_type block_{};
  int used_ = 4;
};

// One 32-bit draw per entity and tick, four entities to a Philox block:
// entity e takes word e % 4 of the block whose counter holds e / 4. For the
// phases that need a single draw per household per tick (income shocks,
// departures, whether to search), this is a quarter of the Philox work of
// one Rng per household. A draw still depends only on (seed, replicate,
// tick, stream, entity), so it is the same however a loop is split across
// threads. Use one LaneRng per loop range, visiting entities in order.
// (The counter's low 16 bits of word 2 are 0xFFFF: an Rng of the same stream
// would need 65535 blocks, 262140 draws, for one entity and tick to reach it.)
class LaneRng {
 public:
  LaneRng(std::uint64_t seed, std::uint32_t replicate, std::uint32_t tick, RngStream stream)
      : key_{{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)}},
        counter_{{0, tick, (static_cast<std::uint32_t>(stream) << 16) | 0xFFFFu, replicate}} {}

  std::uint32_t bits(std::uint32_t entity) {
    const std::uint32_t group = entity >> 2;
    if (!filled_ || group != counter_.v[0]) {
      counter_.v[0] = group;
      block_ = r123::Philox4x32{}(counter_, key_);
      filled_ = true;
    }
    return block_.v[entity & 3u];
  }
  // Uniform in (0, 1) with 32-bit resolution.
  double uniform(std::uint32_t entity) { return (bits(entity) + 0.5) * 0x1p-32; }
  bool bernoulli(std::uint32_t entity, double p) { return uniform(entity) < p; }
  double normal(std::uint32_t entity) { return Rng::normal_from_bits(bits(entity)); }

 private:
  r123::Philox4x32::key_type key_;
  r123::Philox4x32::ctr_type counter_;
  r123::Philox4x32::ctr_type block_{};
  bool filled_ = false;
};

}  // namespace hearth
