// The Schelling benchmark model must be a correct model before its speed
// means anything: these tests check it against slow, obvious code.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <vector>

#include "bench/machine_info.hpp"
#include "bench/schelling.hpp"
#include "bench/workloads.hpp"
#include "parallel/parallel.hpp"
#include "parallel/rng.hpp"
#include "state/columns.hpp"

using namespace hearth;
using namespace hearth::bench;

namespace {

SchellingParams small_params(std::int32_t radius = 1) {
  SchellingParams p;
  p.agents = 4000;
  p.density = 0.8;
  p.homophily = radius == 1 ? 3 : 10;
  p.radius = radius;
  p.rounds = 3;
  p.seed = 7;
  return p;
}

void check_consistent(const SchellingModel& m) {
  const auto& cells = m.agent_cell();
  const auto& groups = m.agent_group();
  const auto& raster = m.cell_group();
  REQUIRE(static_cast<std::int64_t>(cells.size()) == m.params().agents);
  std::vector<std::uint8_t> seen(raster.size(), 0);
  for (std::size_t i = 0; i < cells.size(); ++i) {
    REQUIRE(cells[i] < raster.size());
    CHECK(seen[cells[i]] == 0);  // one agent per cell
    seen[cells[i]] = 1;
    CHECK(raster[cells[i]] == groups[i]);
  }
  const auto occupied = std::count_if(raster.begin(), raster.end(), [](auto g) { return g != 0; });
  CHECK(occupied == m.params().agents);
}

}  // namespace

TEST_CASE("Schelling: one agent per cell, agents and groups conserved over steps",
          "[bench][schelling]") {
  SchellingModel m(small_params());
  check_consistent(m);
  const auto groups_before = m.agent_group();
  for (int s = 0; s < 5; ++s) {
    m.step();
    check_consistent(m);
  }
  CHECK(m.agent_group() == groups_before);
}

TEST_CASE("Schelling: happiness matches a direct count, and happy agents never move",
          "[bench][schelling]") {
  for (std::int32_t radius : {1, 2}) {
    SchellingModel m(small_params(radius));
    for (int s = 0; s < 3; ++s) {
      const auto cells_before = m.agent_cell();
      std::vector<std::uint8_t> expected_happy(cells_before.size());
      for (std::size_t i = 0; i < cells_before.size(); ++i) {
        expected_happy[i] =
            m.same_group_neighbours_reference(cells_before[i]) >= m.params().homophily ? 1 : 0;
      }
      const auto stats = m.step();
      CHECK(m.agent_happy() == expected_happy);
      std::int64_t moved = 0;
      for (std::size_t i = 0; i < cells_before.size(); ++i) {
        if (m.agent_cell()[i] != cells_before[i]) {
          ++moved;
          CHECK(expected_happy[i] == 0);
        }
      }
      CHECK(moved == stats.moved);
      CHECK(stats.unhappy == std::count(expected_happy.begin(), expected_happy.end(), 0));
    }
  }
}

TEST_CASE("Schelling: a step equals the serial rule 'bids sorted by (cell, agent), first wins'",
          "[bench][schelling]") {
  SchellingParams p = small_params();
  SchellingModel m(p);
  m.step();  // start from a state that has already moved once
  const std::uint32_t tick = static_cast<std::uint32_t>(m.steps_done() + 1);
  // Serial reference of one step, from the model's state before it.
  std::vector<CellId> cell = m.agent_cell();
  std::vector<std::uint8_t> raster = m.cell_group();
  const auto& group = m.agent_group();
  std::vector<CellId> empty;
  for (CellId c = 0; c < raster.size(); ++c) {
    if (raster[c] == 0) empty.push_back(c);
  }
  std::vector<std::uint32_t> pending;
  for (std::uint32_t a = 0; a < cell.size(); ++a) {
    if (m.same_group_neighbours_reference(cell[a]) < p.homophily) pending.push_back(a);
  }
  std::vector<std::uint8_t> claimed(raster.size(), 0);
  for (std::int32_t round = 0; round < p.rounds; ++round) {
    std::vector<std::pair<CellId, std::uint32_t>> bids;
    for (std::uint32_t a : pending) {
      Rng rng(p.seed, 0, tick, RngStream::Schelling, a);
      for (std::int32_t k = 0; k < round; ++k) rng.next_u32();
      const CellId t = empty[rng.below(static_cast<std::uint32_t>(empty.size()))];
      if (!claimed[t]) bids.push_back({t, a});
    }
    std::sort(bids.begin(), bids.end());
    std::vector<std::uint8_t> won(cell.size(), 0);
    for (std::size_t b = 0; b < bids.size(); ++b) {
      if (b > 0 && bids[b].first == bids[b - 1].first) continue;  // the first bidder took it
      const auto [t, a] = bids[b];
      claimed[t] = 1;
      raster[cell[a]] = 0;
      raster[t] = group[a];
      cell[a] = t;
      won[a] = 1;
    }
    std::vector<std::uint32_t> next;
    for (std::uint32_t a : pending) {
      if (!won[a]) next.push_back(a);
    }
    pending.swap(next);
  }
  m.step();
  CHECK(m.agent_cell() == cell);
  CHECK(m.cell_group() == raster);
}

TEST_CASE("Schelling: identical at 1, 2 and 4 threads", "[bench][schelling][determinism]") {
  SchellingParams p = small_params();
  p.agents = 50000;  // several chunks, so the threads really split the work
  std::vector<std::uint64_t> digests;
  for (int threads : {1, 2, 4}) {
    parallel::ThreadLimit limit(threads);
    SchellingModel m(p);
    for (int s = 0; s < 4; ++s) m.step();
    digests.push_back(m.digest());
  }
  CHECK(digests[0] == digests[1]);
  CHECK(digests[0] == digests[2]);
}

TEST_CASE("Schelling: segregation rises and unhappiness falls", "[bench][schelling]") {
  SchellingModel m(small_params());
  const auto first = m.step();
  SchellingStepStats last;
  for (int s = 0; s < 10; ++s) last = m.step();
  CHECK(first.unhappy > 0);
  CHECK(last.unhappy < first.unhappy / 2);
}

TEST_CASE("Schelling: parameters out of range are refused", "[bench][schelling]") {
  SchellingParams p = small_params();
  p.radius = 0;
  CHECK_THROWS_AS(SchellingModel(p), std::invalid_argument);
  p = small_params();
  p.homophily = 9;
  CHECK_THROWS_AS(SchellingModel(p), std::invalid_argument);
  p = small_params();
  p.density = 1.0;
  CHECK_THROWS_AS(SchellingModel(p), std::invalid_argument);
}

TEST_CASE("households bench: a small synthetic city runs and reports its figures", "[bench]") {
  const auto r = run_households_bench(3000, 3, 2);
  CHECK(r.households == 3000);
  CHECK(r.ticks == 3);
  CHECK(r.dwellings >= 3000);
  CHECK(r.wall_seconds > 0);
  CHECK(r.household_ticks_per_second > 0);
  CHECK(r.peak_rss_bytes > 0);
  const ScenarioDef big = synthetic_city(1'000'000, 120);
  CHECK(big.city.grid.width_cells == 846);
  CHECK(big.outputs.neighbourhood_table == false);
}

TEST_CASE("households bench: --columns lists every column of the state", "[bench]") {
  std::vector<ColumnMemory> columns;
  run_households_bench(2000, 1, 1, 42, &columns);
  auto count = [&](const char* table) {
    return std::count_if(columns.begin(), columns.end(),
                         [&](const ColumnMemory& c) { return c.table == table; });
  };
  // The same lists the checkpoint and resizing walk (state/columns.hpp).
  World world;
  std::ptrdiff_t households = 0, dwellings = 0;
  visit_columns(world.households, [&](const char*, auto&, auto) { ++households; });
  visit_columns(world.dwellings, [&](const char*, auto&, auto) { ++dwellings; });
  CHECK(count("households") == households);
  CHECK(count("dwellings") == dwellings);
  auto listed = [&](const char* name) {
    return std::any_of(columns.begin(), columns.end(),
                       [&](const ColumnMemory& c) { return c.column == name; });
  };
  CHECK(listed("housing_subsidy_per_month"));  // a policy lever's column
  CHECK(listed("drainage_m"));
  for (const ColumnMemory& c : columns) CHECK(c.bytes_per_entry > 0);
}
