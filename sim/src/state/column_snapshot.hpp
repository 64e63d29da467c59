#pragma once
// A copy of every column of the World's households, dwellings, grid cells and
// market (state/columns.hpp), to tell which columns a phase changed. The
// check of each phase's declared writes (phases/phases.hpp, phase_writes)
// uses it under SimulationOptions::check_phase_writes; it costs a copy of the
// whole state per phase, so only tests turn it on.
#include <string>
#include <vector>

#include "state/world.hpp"

namespace hearth {

class ColumnSnapshot {
 public:
  explicit ColumnSnapshot(const World& world);
  // "table.column" of every column whose rows present in the snapshot now
  // hold other bytes (rows appended since are not a change of a column),
  // and "table.rows" when rows were appended or removed.
  std::vector<std::string> changed_in(const World& world) const;

 private:
  struct Column {
    std::string name;
    std::vector<unsigned char> bytes;
    std::size_t rows = 0;
  };
  std::vector<Column> columns_;
};

}  // namespace hearth
