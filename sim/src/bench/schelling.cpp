#include "bench/schelling.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <stdexcept>
#include <string>

#include "parallel/parallel.hpp"
#include "parallel/rng.hpp"

namespace hearth::bench {
namespace {

// Fixed chunks keep every list in id order whatever the thread count.
constexpr std::size_t kChunk = 16384;

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Builds a list in parallel: fill(begin, end, dst) writes the chunk's
// entries to dst (room for end - begin) and returns how many it wrote; the
// chunks are then concatenated in chunk order. `scratch` is reused between
// calls so that no buffer is allocated or zeroed per step.
template <typename Fill>
void gather(std::size_t n, Fill&& fill, std::vector<std::uint32_t>& scratch,
            std::vector<std::uint32_t>& out) {
  const std::size_t chunks = (n + kChunk - 1) / kChunk;
  if (scratch.size() < n) scratch.resize(n);
  std::vector<std::size_t> count(chunks + 1, 0);
  parallel::for_range(
      chunks,
      [&](std::size_t c0, std::size_t c1) {
        for (std::size_t c = c0; c < c1; ++c) {
          const std::size_t begin = c * kChunk;
          count[c + 1] = fill(begin, std::min(n, begin + kChunk), scratch.data() + begin);
        }
      },
      1);
  for (std::size_t c = 0; c < chunks; ++c) count[c + 1] += count[c];
  out.resize(count[chunks]);
  parallel::for_range(
      chunks,
      [&](std::size_t c0, std::size_t c1) {
        for (std::size_t c = c0; c < c1; ++c) {
          const std::uint32_t* src = scratch.data() + c * kChunk;
          std::copy(src, src + (count[c + 1] - count[c]), out.begin() + count[c]);
        }
      },
      1);
}

// Lowers `slot` to `value` if smaller. The minimum does not depend on the
// order in which threads arrive, so the winner of a cell is the bidder that
// would come first if the bids were sorted by (cell, agent id).
void atomic_min(std::uint32_t& slot, std::uint32_t value) {
  std::atomic_ref<std::uint32_t> ref(slot);
  std::uint32_t current = ref.load(std::memory_order_relaxed);
  while (value < current && !ref.compare_exchange_weak(current, value, std::memory_order_relaxed)) {
  }
}

}  // namespace

SchellingModel::SchellingModel(const SchellingParams& params) : params_(params) {
  if (params.agents < 1 || params.agents > 1'000'000'000) {
    throw std::invalid_argument("agents must be between 1 and 1e9");
  }
  if (!(params.density > 0 && params.density < 1)) {
    throw std::invalid_argument("density must be in (0, 1)");
  }
  if (params.radius < 1 || params.radius > 7) {
    throw std::invalid_argument("radius must be between 1 and 7");
  }
  const std::int32_t max_neighbours = (2 * params.radius + 1) * (2 * params.radius + 1) - 1;
  if (params.homophily < 0 || params.homophily > max_neighbours) {
    throw std::invalid_argument("homophily must be between 0 and " +
                                std::to_string(max_neighbours));
  }
  if (params.rounds < 1) throw std::invalid_argument("rounds must be at least 1");

  const auto side = static_cast<std::int32_t>(
      std::ceil(std::sqrt(static_cast<double>(params.agents) / params.density)));
  // Only the geometry of the engine's Grid is used; its land layers stay empty.
  grid_.width = side;
  grid_.height = side;
  const std::size_t cells = grid_.cell_count();
  if (cells > 0xFFFFFFF0u) throw std::invalid_argument("grid too large for 32-bit cell ids");
  if (static_cast<std::size_t>(params.agents) >= cells) {
    throw std::invalid_argument("density leaves no empty cell");
  }

  // Occupied cells: the `agents` cells with the smallest random keys.
  std::vector<std::uint64_t> key(cells);
  parallel::for_each_index(cells, [&](std::size_t c) {
    Rng rng(params.seed, 0, 0, RngStream::Schelling, static_cast<std::uint32_t>(c));
    key[c] = (static_cast<std::uint64_t>(rng.next_u32()) << 32) | c;
  });
  parallel::sort(key);
  cell_group_.assign(cells, 0);
  parallel::for_each_index(static_cast<std::size_t>(params.agents), [&](std::size_t k) {
    const auto c = static_cast<std::uint32_t>(key[k] & 0xFFFFFFFFu);
    // The second draw of the cell's stream picks the group of the agent placed there.
    Rng rng(params.seed, 0, 0, RngStream::Schelling, c);
    rng.next_u32();
    cell_group_[c] = static_cast<std::uint8_t>(1 + (rng.next_u32() >> 31));
  });
  key = {};
  // Agent ids run in cell order at the start, so the first sweeps read memory in order.
  gather(
      cells,
      [&](std::size_t begin, std::size_t end, std::uint32_t* dst) {
        std::size_t n = 0;
        for (std::size_t c = begin; c < end; ++c) {
          if (cell_group_[c] != 0) dst[n++] = static_cast<std::uint32_t>(c);
        }
        return n;
      },
      gather_scratch_, cell_);
  group_.resize(cell_.size());
  parallel::for_each_index(cell_.size(), [&](std::size_t i) { group_[i] = cell_group_[cell_[i]]; });
  happy_.assign(cell_.size(), 0);
  winner_.assign(cells, kNone);
  claimed_.assign(cells, 0);
  if (params.radius == 1)
    counts8_.assign(cells, 0);
  else
    counts16_.assign(cells, 0);
}

// Neighbour counts of every cell by row sweeps: each group's cells are coded
// 1 (group 1) or 1 << Shift (group 2), a vertical sum over the 2R+1 rows is
// built per row, then a horizontal box sum; both loops vectorise. The result
// holds both groups' counts (self included) in one small integer per cell.
template <typename Count, int Shift>
void SchellingModel::neighbour_counts_packed(std::vector<Count>& out) {
  const std::int32_t width = grid_.width;
  const std::int32_t height = grid_.height;
  const std::int32_t radius = params_.radius;
  const std::size_t rows_per_chunk =
      std::max<std::size_t>(1, kChunk / static_cast<std::size_t>(width));
  const std::uint8_t* const raster_data = cell_group_.data();
  Count* const counts_data = out.data();
  parallel::for_range(
      static_cast<std::size_t>(height),
      [=](std::size_t y0, std::size_t y1) {
        // Everything the loops read is a local variable: a store through a
        // byte pointer may alias any object in memory (the lambda's captures
        // included), so a width read from there would be reloaded every
        // iteration and the loops would not vectorise.
        const std::int32_t w = width;
        const std::int32_t h = height;
        const std::int32_t r = radius;
        const std::uint8_t* const raster = raster_data;
        Count* const counts = counts_data;
        std::vector<Count> column(static_cast<std::size_t>(w + 2 * r), 0);
        Count* __restrict col = column.data() + r;  // col[-r .. w + r) with zero margins
        for (std::size_t y = y0; y < y1; ++y) {
          const auto yy0 = std::max<std::int32_t>(0, static_cast<std::int32_t>(y) - r);
          const auto yy1 = std::min<std::int32_t>(h - 1, static_cast<std::int32_t>(y) + r);
          for (std::int32_t x = 0; x < w; ++x) col[x] = 0;
          for (std::int32_t yy = yy0; yy <= yy1; ++yy) {
            const std::uint8_t* __restrict g = raster + static_cast<std::size_t>(yy) * w;
            for (std::int32_t x = 0; x < w; ++x) {
              const unsigned v = g[x];
              col[x] = static_cast<Count>(col[x] + ((v & 1u) | ((v & 2u) << (Shift - 1))));
            }
          }
          Count* __restrict o = counts + y * static_cast<std::size_t>(w);
          if (r == 1) {
            for (std::int32_t x = 0; x < w; ++x) {
              o[x] = static_cast<Count>(col[x - 1] + col[x] + col[x + 1]);
            }
          } else {
            for (std::int32_t x = 0; x < w; ++x) {
              Count s = 0;
              for (std::int32_t k = -r; k <= r; ++k) s = static_cast<Count>(s + col[x + k]);
              o[x] = s;
            }
          }
        }
      },
      rows_per_chunk);
}

void SchellingModel::neighbour_counts() {
  if (params_.radius == 1)
    neighbour_counts_packed<std::uint8_t, 4>(counts8_);
  else
    neighbour_counts_packed<std::uint16_t, 8>(counts16_);
}

SchellingStepStats SchellingModel::step() {
  SchellingStepStats stats;
  const auto t0 = Clock::now();
  neighbour_counts();
  // Candidate cells are those empty at the start of the step, in cell order.
  {
    gather(
        cell_group_.size(),
        [raster_data = cell_group_.data()](std::size_t begin, std::size_t end, std::uint32_t* dst) {
          // Branch-free: write every cell, advance only past empty ones.
          const std::uint8_t* const raster = raster_data;
          std::size_t n = 0;
          for (std::size_t c = begin; c < end; ++c) {
            dst[n] = static_cast<std::uint32_t>(c);
            n += raster[c] == 0 ? 1 : 0;
          }
          return n;
        },
        gather_scratch_, empty_cells_);
  }
  const auto t1 = Clock::now();
  profile_.neighbour_counts += std::chrono::duration<double>(t1 - t0).count();

  // Each agent judges its neighbourhood and writes only its own slot; the
  // unhappy ones are listed in id order.
  const std::uint32_t k = static_cast<std::uint32_t>(params_.homophily) + 1;  // +1: self is counted
  auto evaluate = [&](const auto* const counts_data, const unsigned shift_bits) {
    const CellId* const cell_data = cell_.data();
    const std::uint8_t* const group_data = group_.data();
    std::uint8_t* const happy_data = happy_.data();
    gather(
        cell_.size(),
        [=](std::size_t begin, std::size_t end, std::uint32_t* dst) {
          const auto* const counts = counts_data;  // locals: see neighbour_counts_packed
          const CellId* const cell = cell_data;
          const std::uint8_t* const group = group_data;
          std::uint8_t* const happy_out = happy_data;
          const unsigned shift = shift_bits;
          const unsigned mask = (1u << shift) - 1;
          const unsigned min_same = k;
          std::size_t n = 0;
          for (std::size_t i = begin; i < end; ++i) {
            const unsigned packed = counts[cell[i]];
            const unsigned same = (packed >> ((group[i] - 1u) * shift)) & mask;
            const unsigned happy = same >= min_same ? 1u : 0u;
            happy_out[i] = static_cast<std::uint8_t>(happy);
            dst[n] = static_cast<std::uint32_t>(i);
            n += 1u - happy;
          }
          return n;
        },
        gather_scratch_, movers_);
  };
  if (params_.radius == 1)
    evaluate(counts8_.data(), 4);
  else
    evaluate(counts16_.data(), 8);
  const auto t2 = Clock::now();
  profile_.evaluate += std::chrono::duration<double>(t2 - t1).count();

  stats.unhappy = static_cast<std::int64_t>(movers_.size());
  stats.empty_cells = static_cast<std::int64_t>(empty_cells_.size());
  const auto empty_count = static_cast<std::uint32_t>(empty_cells_.size());
  const auto tick = static_cast<std::uint32_t>(step_ + 1);
  std::vector<std::uint32_t> pending = movers_;
  std::vector<std::uint32_t> losers;
  for (std::int32_t round = 0; round < params_.rounds && !pending.empty() && empty_count > 0;
       ++round) {
    // Bids: each pending mover draws a candidate from the start-of-step empty
    // cells; a cell already won in an earlier round turns the bid away.
    bid_cell_.resize(pending.size());
    parallel::for_each_index(pending.size(), [&](std::size_t j) {
      const std::uint32_t a = pending[j];
      Rng rng(params_.seed, 0, tick, RngStream::Schelling, a);
      for (std::int32_t skip = 0; skip < round; ++skip) rng.next_u32();
      const CellId target = empty_cells_[rng.below(empty_count)];
      if (claimed_[target]) {
        bid_cell_[j] = kNone;
      } else {
        bid_cell_[j] = target;
        atomic_min(winner_[target], a);
      }
    });
    // Resolution and commit: each bid-for cell has exactly one winner (its
    // lowest bidder), so winners write distinct cells and their own agent slot.
    gather(
        pending.size(),
        [&](std::size_t begin, std::size_t end, std::uint32_t* dst) {
          std::size_t n = 0;
          for (std::size_t j = begin; j < end; ++j) {
            const std::uint32_t a = pending[j];
            const CellId target = bid_cell_[j];
            if (target != kNone && winner_[target] == a) {
              claimed_[target] = 1;
              cell_group_[cell_[a]] = 0;
              cell_group_[target] = group_[a];
              cell_[a] = target;
            } else {
              dst[n++] = a;
            }
          }
          return n;
        },
        gather_scratch_, losers);
    stats.moved += static_cast<std::int64_t>(pending.size() - losers.size());
    pending.swap(losers);
  }
  // Only start-of-step empty cells were bid for: reset just those.
  parallel::for_each_index(empty_cells_.size(), [&](std::size_t j) {
    const CellId c = empty_cells_[j];
    winner_[c] = kNone;
    claimed_[c] = 0;
  });
  profile_.relocate += seconds_since(t2);
  ++step_;
  return stats;
}

std::int32_t SchellingModel::same_group_neighbours_reference(CellId c) const {
  const std::int32_t x = grid_.x_of(c);
  const std::int32_t y = grid_.y_of(c);
  const std::uint8_t g = cell_group_[c];
  std::int32_t same = 0;
  for (std::int32_t dy = -params_.radius; dy <= params_.radius; ++dy) {
    for (std::int32_t dx = -params_.radius; dx <= params_.radius; ++dx) {
      if (dx == 0 && dy == 0) continue;
      const std::int32_t nx = x + dx;
      const std::int32_t ny = y + dy;
      if (nx < 0 || ny < 0 || nx >= grid_.width || ny >= grid_.height) continue;
      same += cell_group_[grid_.cell_at(nx, ny)] == g ? 1 : 0;
    }
  }
  return same;
}

std::uint64_t SchellingModel::digest() const {
  std::uint64_t h = 1469598103934665603ull;  // FNV-1a over (cell, group) in id order
  for (std::size_t i = 0; i < cell_.size(); ++i) {
    h = (h ^ cell_[i]) * 1099511628211ull;
    h = (h ^ group_[i]) * 1099511628211ull;
  }
  return h;
}

}  // namespace hearth::bench
