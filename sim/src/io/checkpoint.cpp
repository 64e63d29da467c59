#include "io/checkpoint.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <type_traits>

#include "build_info.hpp"
#include "hearth/errors.hpp"
#include "io/hash.hpp"
#include "state/columns.hpp"

namespace hearth::io {
namespace {

constexpr char kMagic[8] = {'H', 'E', 'A', 'R', 'T', 'H', 'C', 'K'};
constexpr std::uint64_t kMaxString = 64u << 20;  // no string in a checkpoint is larger

class Writer {
 public:
  explicit Writer(const std::string& path) : path_(path), file_(std::fopen(path.c_str(), "wb")) {
    if (!file_) fail(errno);
  }
  ~Writer() {
    if (file_) std::fclose(file_);
  }
  void bytes(const void* data, std::size_t n) {
    if (n == 0) return;
    hash_ = fnv1a64(std::string_view(static_cast<const char*>(data), n), hash_);
    if (std::fwrite(data, 1, n, file_) != n) fail(errno);
  }
  template <typename T>
  void value(const T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    bytes(&v, sizeof v);
  }
  void string(const std::string& s) {
    value(static_cast<std::uint64_t>(s.size()));
    bytes(s.data(), s.size());
  }
  // The two-way walk of transfer_state: a field is written as it is.
  template <typename T>
  void field(T& v) {
    value(v);
  }
  void field(bool& v) { value(static_cast<std::uint8_t>(v)); }
  void field(std::string& s) { string(s); }
  template <typename T, typename Each>
  void list(std::vector<T>& items, std::uint64_t, const char*, Each&& each) {
    value(static_cast<std::uint64_t>(items.size()));
    for (T& item : items) each(item);
  }
  template <typename T>
  void column(const char* name, const std::vector<T>& c) {
    string(name);
    value(static_cast<std::uint32_t>(sizeof(T)));
    value(static_cast<std::uint64_t>(c.size()));
    bytes(c.data(), c.size() * sizeof(T));
  }
  void finish() {
    const std::uint64_t checksum = hash_;
    if (std::fwrite(&checksum, 1, sizeof checksum, file_) != sizeof checksum) fail(errno);
    if (std::fflush(file_) != 0 || ::fsync(fileno(file_)) != 0) fail(errno);
    std::FILE* f = file_;
    file_ = nullptr;
    if (std::fclose(f) != 0) fail(errno);
  }

 private:
  [[noreturn]] void fail(int error) {
    throw OutputError("cannot write checkpoint " + path_ + ": " + std::strerror(error));
  }
  std::string path_;
  std::FILE* file_;
  std::uint64_t hash_ = 0xcbf29ce484222325ULL;
};

class Reader {
 public:
  explicit Reader(const std::string& path) : path_(path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) fail("is a directory, not a checkpoint file");
    if (!std::filesystem::is_regular_file(path, ec)) fail("no checkpoint file here");
    size_ = std::filesystem::file_size(path, ec);
    if (ec) fail(ec.message());
    file_ = std::fopen(path.c_str(), "rb");
    if (!file_) fail(std::string("cannot read: ") + std::strerror(errno));
  }
  ~Reader() {
    if (file_) std::fclose(file_);
  }
  [[noreturn]] void fail(const std::string& reason) const {
    throw InputError(path_, {{"", reason}});
  }

  void bytes(void* data, std::size_t n) {
    if (n == 0) return;
    if (n > remaining())
      fail("truncated (needs " + std::to_string(n) + " more bytes at offset " +
           std::to_string(offset_) + ")");
    if (std::fread(data, 1, n, file_) != n) fail("read error");
    hash_ = fnv1a64(std::string_view(static_cast<const char*>(data), n), hash_);
    offset_ += n;
  }
  template <typename T>
  T value() {
    T v;
    bytes(&v, sizeof v);
    return v;
  }
  // The two-way walk of transfer_state: a field is read into place; a list's
  // length is checked against its bound before anything is allocated.
  template <typename T>
  void field(T& v) {
    v = value<T>();
  }
  void field(bool& v) { v = value<std::uint8_t>() != 0; }
  void field(std::string& s) { s = string(); }
  template <typename T, typename Each>
  void list(std::vector<T>& items, std::uint64_t most, const char* what, Each&& each) {
    const auto n = value<std::uint64_t>();
    if (n > most) fail("corrupt: " + std::to_string(n) + " " + what);
    items.assign(n, T{});
    for (T& item : items) each(item);
  }
  std::string string() {
    const auto n = value<std::uint64_t>();
    if (n > kMaxString || n > remaining())
      fail("corrupt: a string of " + std::to_string(n) + " bytes");
    std::string s(n, '\0');
    bytes(s.data(), n);
    return s;
  }
  template <typename T>
  void column(const char* name, std::vector<T>& c) {
    const std::string found = string();
    if (found != name)
      fail("layout differs: expected column '" + std::string(name) + "', found '" + found + "'");
    const auto element = value<std::uint32_t>();
    if (element != sizeof(T))
      fail("layout differs: column '" + found + "' has elements of " + std::to_string(element) +
           " bytes");
    const auto count = value<std::uint64_t>();
    if (count > remaining() / sizeof(T))
      fail("truncated or corrupt: column '" + found + "' claims " + std::to_string(count) +
           " entries");
    c.resize(count);
    bytes(c.data(), count * sizeof(T));
  }
  void verify_checksum() {
    const std::uint64_t expected = hash_;
    std::uint64_t stored = 0;
    if (remaining() != sizeof stored)
      fail("corrupt: " + std::to_string(remaining()) + " unexpected bytes at the end");
    if (std::fread(&stored, 1, sizeof stored, file_) != sizeof stored) fail("read error");
    if (stored != expected) fail("corrupt: checksum mismatch");
  }
  std::uint64_t remaining() const { return size_ - offset_; }

  // A mismatch (version, build, scenario) is only believed when the whole
  // file's checksum holds; otherwise a damaged byte in those fields would
  // pass for a sound checkpoint of something else.
  [[noreturn]] void mismatch(const std::string& reason) {
    if (!whole_file_checksum_matches()) {
      fail(reason + "; but the checksum does not match either: the file is corrupt");
    }
    throw CheckpointMismatch(path_, {{"", reason}});
  }

 private:
  bool whole_file_checksum_matches() {
    if (size_ < sizeof(std::uint64_t) || std::fseek(file_, 0, SEEK_SET) != 0) return false;
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    std::uint64_t left = size_ - sizeof(std::uint64_t);
    std::vector<char> buffer(std::size_t{1} << 20);
    while (left > 0) {
      const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(left, buffer.size()));
      if (std::fread(buffer.data(), 1, n, file_) != n) return false;
      hash = fnv1a64(std::string_view(buffer.data(), n), hash);
      left -= n;
    }
    std::uint64_t stored = 0;
    return std::fread(&stored, 1, sizeof stored, file_) == sizeof stored && stored == hash;
  }

  std::string path_;
  std::FILE* file_ = nullptr;
  std::uint64_t size_ = 0;
  std::uint64_t offset_ = 0;
  std::uint64_t hash_ = 0xcbf29ce484222325ULL;
};

// The world's contents in a fixed order; the same walk writes and reads.
template <typename IO, typename W>
void transfer_world(IO& io, W& world) {
  auto columns = [&io](const char* name, auto& column, auto) { io.column(name, column); };
  visit_columns(world.grid, columns);
  visit_columns(world.dwellings, columns);
  visit_columns(world.households, columns);
  visit_columns(world.market, columns);
}

// The rest of the World in a fixed order, one walk for both directions: the
// Writer writes each field, the Reader reads it into place (so the two can
// never disagree on the layout). Columns come last, through transfer_world.
template <typename IO>
void transfer_state(IO& io, World& world) {
  io.field(world.tick);
  io.field(world.initial_households);
  io.field(world.total_arrivals);
  io.field(world.total_departures);
  Grid& g = world.grid;
  io.field(g.width);
  io.field(g.height);
  io.field(g.cell_size_m);
  io.field(g.neighbourhood_count);
  io.field(g.relocation_site);
  io.list(g.hazards, 1024, "hazard layers", [&](HazardLayer& layer) {
    io.field(layer.name);
    io.field(layer.unit);
    io.column("values", layer.value);
  });
  MarketState& m = world.market;
  io.field(m.initialised);
  io.field(m.bands);
  io.field(m.initial_mean_rent_index);
  io.field(m.initial_mean_price_index);
  DisasterState& ds = world.disasters;
  io.field(ds.shelter_occupancy);
  io.field(ds.camp_occupancy);
  io.field(ds.shelter_capacity);
  io.field(ds.camp_capacity);
  io.field(ds.repair_cost_multiplier);
  io.field(ds.repair_capacity_left);
  io.column("event_start_tick", ds.event_start_tick);
  io.list(world.policies.programmes, 100, "policy programmes", [&](ProgrammeLedger& ledger) {
    io.field(ledger.spent_this_tick);
    io.field(ledger.spent_this_year);
    io.field(ledger.spent_total);
    io.field(ledger.year);
  });
  io.list(world.policies.waiting, 100, "policy waiting lists",
          [&](auto& list) { io.column("policy_waiting_list", list); });
  io.field(world.policies.shelter_extra_places);
  io.field(world.policies.camp_extra_places);
  transfer_world(io, world);
}

// A number for messages: enums as their underlying value.
template <typename T>
std::uint64_t as_number(T value) {
  if constexpr (std::is_enum_v<T>) {
    return static_cast<std::uint64_t>(static_cast<std::underlying_type_t<T>>(value));
  } else {
    return static_cast<std::uint64_t>(value);
  }
}

// Every entry of a column must pass `ok`; the first that does not is named
// with its column, so that a damaged index is refused here rather than
// followed out of bounds by the simulation.
template <typename T, typename Ok>
void require_each(const Reader& r, const std::string& column, const std::vector<T>& values,
                  const std::string& allowed, Ok&& ok) {
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!ok(values[i])) {
      r.fail("corrupt: column '" + column + "' entry " + std::to_string(i) + " holds " +
             std::to_string(as_number(values[i])) + ", outside " + allowed);
    }
  }
}

// Entries below `count`, or kNone (no link) where `none_allowed`.
template <typename T>
void require_ids(const Reader& r, const std::string& column, const std::vector<T>& values,
                 std::uint64_t count, bool none_allowed) {
  const std::string allowed =
      (count == 0 ? std::string("no ids (there are none)") : "0.." + std::to_string(count - 1)) +
      (none_allowed ? " or none" : "");
  require_each(r, column, values, allowed, [&](T v) {
    return static_cast<std::uint64_t>(v) < count || (none_allowed && v == kNone);
  });
}

// Enum columns hold one of their `count` values.
template <typename T>
void require_enum(const Reader& r, const std::string& column, const std::vector<T>& values,
                  int count) {
  require_each(r, column, values, "0.." + std::to_string(count - 1),
               [&](T v) { return as_number(v) < static_cast<std::uint64_t>(count); });
}

// Range checks of every index and enum column (links between households and
// dwellings are also checked for agreement by the invariants after loading).
void check_references(const Reader& r, const World& world) {
  const Grid& g = world.grid;
  const Households& hh = world.households;
  const Dwellings& dw = world.dwellings;
  const MarketState& m = world.market;
  const std::uint64_t cells = g.cell_count(), n_d = dw.count(), n_h = hh.count();
  if (g.neighbourhood_count <= 0 || g.neighbourhood_count > 65536)
    r.fail("corrupt: " + std::to_string(g.neighbourhood_count) + " neighbourhoods");
  if (g.relocation_site != kNone && g.relocation_site >= cells)
    r.fail("corrupt: relocation site " + std::to_string(g.relocation_site) + " outside the grid");
  require_enum(r, "land_use", g.land_use, kLandUseCount);
  require_ids(r, "neighbourhood", g.neighbourhood,
              static_cast<std::uint64_t>(g.neighbourhood_count), false);

  require_enum(r, "status", hh.status, kStatusCount);
  require_enum(r, "origin_status", hh.origin_status, kStatusCount);
  require_enum(r, "head_age", hh.head_age, 3);
  require_enum(r, "origin", hh.origin, kOriginCount);
  require_ids(r, "dwelling", hh.dwelling, n_d, true);
  require_ids(r, "origin_dwelling", hh.origin_dwelling, n_d, true);
  require_ids(r, "displaced_from", hh.displaced_from, n_d, true);
  require_ids(r, "host", hh.host, n_h, true);
  require_ids(r, "anchor_cell", hh.anchor_cell, cells, false);
  // Voucher marks index the policies list (checked against it later), 0: none.
  require_each(r, "voucher", hh.voucher, "0..100", [](std::uint8_t k) { return k <= 100; });

  require_ids(r, "cell", dw.cell, cells, false);
  require_enum(r, "tenure", dw.tenure, kTenureCount);
  require_enum(r, "structure", dw.structure, kStructureClassCount);
  require_enum(r, "damage", dw.damage, 5);
  require_enum(r, "owner_kind", dw.owner_kind, 4);
  require_ids(r, "occupant", dw.occupant, n_h, true);
  require_ids(r, "owner_household", dw.owner_household, n_h, true);
  require_ids(r, "grant_tenant", dw.grant_tenant, n_h, true);
  require_each(r, "programme", dw.programme, "0..100 (or demolished)",
               [](std::uint8_t k) { return k <= 100 || k == kDemolished; });

  for (const auto& list : world.policies.waiting)
    require_ids(r, "policy_waiting_list", list, n_h, false);

  // The market indexes its per-submarket vectors by each dwelling's
  // submarket (neighbourhood x quality band) once it is set up.
  if (m.initialised) {
    if (m.bands < 1 || m.bands > 1000)
      r.fail("corrupt: " + std::to_string(m.bands) + " quality bands");
    const std::uint64_t submarkets =
        static_cast<std::uint64_t>(g.neighbourhood_count) * static_cast<std::uint64_t>(m.bands);
    bool sized = true;
    visit_columns(m, [&](const char* name, auto& column, auto) {
      const std::string column_name = name;
      if (column_name == "dwellings_in_cell")
        sized &= column.size() == cells;
      else if (column_name == "investor_balance")
        sized &= column.size() == 2;  // free equity, debt
      else if (column_name == "reference_median_income")
        sized &= column.size() == 1;
      else if (column_name == "price_index_history")  // window + 1 months, at most 121
        sized &= !column.empty() && column.size() <= 121;
      else if (column_name != "under_construction")
        sized &= column.size() == submarkets;
    });
    if (!sized) r.fail("corrupt: market columns do not match the submarkets or the grid");
    require_ids(r, "submarket", dw.submarket, submarkets, false);
    require_ids(r, "under_construction", m.under_construction, n_d, false);
  }
}

}  // namespace

std::string current_build_id() {
  return std::string("hearth ") + build_info::kVersion + " " + build_info::kGitCommit;
}

void write_checkpoint(const std::string& path, const std::string& previous_path, const World& world,
                      const CheckpointMeta& meta) {
  const std::string temporary = path + ".tmp";
  {
    Writer w(temporary);
    w.bytes(kMagic, sizeof kMagic);
    w.value(kCheckpointFormatVersion);
    w.string(meta.build_id);
    w.string(meta.scenario_hash);
    w.string(meta.scenario_json);
    w.value(meta.checkpoint_every);
    transfer_state(w, const_cast<World&>(world));  // the walk only reads when writing
    w.value(static_cast<std::uint64_t>(meta.output_sizes.size()));
    for (const auto& [name, size] : meta.output_sizes) {
      w.string(name);
      w.value(size);
    }
    w.value(static_cast<std::uint64_t>(meta.output_checksums.size()));
    for (const auto& [name, checksum] : meta.output_checksums) {
      w.string(name);
      w.value(checksum);
    }
    w.finish();
  }
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(path, ec)) {
    fs::rename(path, previous_path, ec);
    if (ec)
      throw OutputError("cannot keep the previous checkpoint " + previous_path + ": " +
                        ec.message());
  }
  fs::rename(temporary, path, ec);
  if (ec) throw OutputError("cannot rename checkpoint into " + path + ": " + ec.message());
}

std::uint64_t estimated_checkpoint_bytes(const World& world) {
  std::uint64_t bytes = 0;
  auto add = [&bytes](const char*, const auto& column, auto) {
    bytes += column.size() * sizeof(column[0]);
  };
  visit_columns(world.grid, add);
  visit_columns(world.dwellings, add);
  visit_columns(world.households, add);
  visit_columns(world.market, add);
  for (const HazardLayer& layer : world.grid.hazards) bytes += layer.value.size() * sizeof(float);
  for (const auto& list : world.policies.waiting) bytes += list.size() * sizeof(HouseholdId);
  return bytes;
}

void check_checkpoint_against_scenario(const std::string& path, const World& world,
                                       const ScenarioDef& scenario) {
  auto fail = [&](const std::string& reason) {
    throw InputError(path, {{"", "corrupt: " + reason}});
  };
  if (world.tick < 0 || world.tick > scenario.ticks)
    fail("tick " + std::to_string(world.tick) + " outside the scenario's 0.." +
         std::to_string(scenario.ticks));
  const std::uint64_t policies = scenario.policies.size();
  if (world.policies.programmes.size() != policies)
    fail(std::to_string(world.policies.programmes.size()) + " policy ledgers for " +
         std::to_string(policies) + " policies");
  if (world.policies.waiting.size() > policies)
    fail(std::to_string(world.policies.waiting.size()) + " policy waiting lists for " +
         std::to_string(policies) + " policies");
  if (world.disasters.event_start_tick.size() > scenario.hazards.size())
    fail("column 'event_start_tick' has " +
         std::to_string(world.disasters.event_start_tick.size()) + " entries for " +
         std::to_string(scenario.hazards.size()) + " hazard events");
  auto marks = [&](const char* column, const auto& values, bool demolished_allowed) {
    for (std::size_t i = 0; i < values.size(); ++i) {
      const std::uint8_t k = values[i];
      if (k > policies && !(demolished_allowed && k == kDemolished))
        fail("column '" + std::string(column) + "' entry " + std::to_string(i) + " holds " +
             std::to_string(k) + ", outside 0.." + std::to_string(policies) +
             " (the scenario's policies)");
    }
  };
  marks("voucher", world.households.voucher, false);
  marks("programme", world.dwellings.programme, true);
}

World read_checkpoint(const std::string& path, CheckpointMeta& meta,
                      const std::string& expected_scenario_hash, bool require_same_build) {
  Reader r(path);
  char magic[sizeof kMagic];
  r.bytes(magic, sizeof magic);
  if (std::memcmp(magic, kMagic, sizeof kMagic) != 0) r.fail("not a Hearth checkpoint (bad magic)");
  const auto version = r.value<std::uint32_t>();
  if (version != kCheckpointFormatVersion) {
    r.mismatch("checkpoint format version " + std::to_string(version) +
               "; this build reads version " + std::to_string(kCheckpointFormatVersion));
  }
  meta.build_id = r.string();
  if (require_same_build && meta.build_id != current_build_id()) {
    r.mismatch("written by '" + meta.build_id + "', this is '" + current_build_id() +
               "': resume with the same build so that results stay exact");
  }
  meta.scenario_hash = r.string();
  if (!expected_scenario_hash.empty() && meta.scenario_hash != expected_scenario_hash) {
    r.mismatch("checkpoint of scenario " + meta.scenario_hash + ", not of this scenario (" +
               expected_scenario_hash + ")");
  }
  meta.scenario_json = r.string();
  meta.checkpoint_every = r.value<std::int32_t>();
  World world;
  transfer_state(r, world);
  const DisasterState& ds = world.disasters;
  if (ds.shelter_occupancy < 0 || ds.camp_occupancy < 0)
    r.fail("corrupt: negative shelter or camp occupancy");
  for (const ProgrammeLedger& ledger : world.policies.programmes) {
    if (!(ledger.spent_this_tick >= 0 && ledger.spent_this_year >= 0 && ledger.spent_total >= 0))
      r.fail("corrupt: negative or NaN policy spending");
  }
  if (world.policies.shelter_extra_places < 0 || world.policies.camp_extra_places < 0)
    r.fail("corrupt: negative policy shelter or camp places");
  const auto outputs = r.value<std::uint64_t>();
  if (outputs > 64) r.fail("corrupt: " + std::to_string(outputs) + " output files");
  meta.output_sizes.clear();
  for (std::uint64_t k = 0; k < outputs; ++k) {
    std::string name = r.string();
    const auto size = r.value<std::uint64_t>();
    meta.output_sizes.emplace_back(std::move(name), size);
  }
  const auto checksums = r.value<std::uint64_t>();
  if (checksums > 64) r.fail("corrupt: " + std::to_string(checksums) + " output checksums");
  meta.output_checksums.clear();
  for (std::uint64_t k = 0; k < checksums; ++k) {
    std::string name = r.string();
    const auto checksum = r.value<std::uint64_t>();
    meta.output_checksums.emplace_back(std::move(name), checksum);
  }
  r.verify_checksum();
  // Columns must agree in length with each other and with the grid.
  const Grid& g = world.grid;
  const std::size_t cells = static_cast<std::size_t>(g.width) * static_cast<std::size_t>(g.height);
  bool consistent = g.width > 0 && g.height > 0 && g.land_use.size() == cells;
  visit_columns(g, [&](const char*, auto& c, auto) { consistent &= c.size() == cells; });
  const std::size_t n_d = world.dwellings.count(), n_h = world.households.count();
  visit_columns(world.dwellings,
                [&](const char*, auto& c, auto) { consistent &= c.size() == n_d; });
  visit_columns(world.households,
                [&](const char*, auto& c, auto) { consistent &= c.size() == n_h; });
  for (const auto& layer : g.hazards) consistent &= layer.value.size() == cells;
  if (!consistent) r.fail("corrupt: columns of different lengths");
  check_references(r, world);
  return world;
}

}  // namespace hearth::io
