#pragma once
// Counter-based randomness (Random123 Philox4x32-10). A draw is a pure
// function of (seed, replicate, tick, phase, entity, draw index): no engine
// state is shared between threads or carried in checkpoints, so results do
// not depend on the thread count or on the order in which entities run.
#include <Random123/philox.h>

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
  Hazard = 20,
  Displacement = 30,
  Arrivals = 31,
  Market = 40,          // market-wide draws (builders' rounding, informal allocation)
  MarketHouseholds = 41,  // who searches this tick
  MarketSearch = 42,    // candidate draws and tastes; round r uses MarketSearch + r (42..49)
  Recovery = 50,
  Return = 60,
  Schelling = 70,       // the Schelling benchmark (sim/src/bench/schelling.cpp)
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
  // Standard normal by Box-Muller (one value per call; the pair's second is dropped
  // so that a draw's value never depends on how many were drawn before it in a block).
  double normal() {
    const double u1 = uniform();
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  }
  bool bernoulli(double p) { return uniform() < p; }
  // Uniform integer in [0, n), n > 0 (Lemire's multiply-shift; bias < 2^-32 * n).
  std::uint32_t below(std::uint32_t n) {
    return static_cast<std::uint32_t>((static_cast<std::uint64_t>(next_u32()) * n) >> 32);
  }

 private:
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

}  // namespace hearth
