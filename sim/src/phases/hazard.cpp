// Hazard phase (docs/MODEL.md 7.2): scheduled and stochastic events and the
// damage they do. A flood's intensity is the water depth per cell (an ESRI
// ASCII grid, or the generated 100-year depth scaled to a return period); an
// earthquake's is the peak ground acceleration from an attenuation law. A
// flood's damage comes from depth-damage functions at the depth above each
// dwelling's first floor; an earthquake's damage state is drawn from the
// structure class's lognormal fragility curve. Arrival waves only start here; their households
// enter in the displacement phase. Reads: Grid (hazard layers, size), Dwellings (cell, structure,
// tenure,
//        occupant, owner_kind, damage, work_remaining_months), incomes.
// Writes: slot d of Dwellings::damage, damage_loss_ratio, work_remaining_months,
//        value, record_intact, insured, repair_funded, damaged_at_tick and the
//        recovery process's columns (start_recovery) (parallel);
//        DisasterState::event_start_tick (serial). Counts flows.hazard_events,
//        dwellings_damaged, structure_loss, contents_loss.
#include <algorithm>
#include <cmath>

#include "housing/household_economy.hpp"
#include "housing/market_model.hpp"
#include "housing/placement.hpp"
#include "indicators/map_payload.hpp"
#include "io/asc_reader.hpp"
#include "parallel/parallel.hpp"
#include "parallel/rng.hpp"
#include "phases/depth_damage.hpp"
#include "phases/dislocation.hpp"
#include "phases/fragility.hpp"
#include "phases/livelihoods.hpp"
#include "phases/phases.hpp"
#include "phases/recovery_process.hpp"
#include "state/city_generator.hpp"

namespace hearth {
namespace {

// Depth (m) per cell of a flood event.
std::vector<float> flood_depth_m(const HazardEventDef& e, const Grid& grid) {
  if (!e.depth_file.empty()) {
    return io::read_asc(e.depth_file, grid.width, grid.height, 0.0f, 0.0, 100.0).value;
  }
  std::vector<float> depth(grid.cell_count(), 0.0f);
  const int layer = grid.hazard_index(kFloodDepth100yrLayer);
  if (layer < 0) return depth;
  // Depth grows with the log of the return period (a Gumbel-type stage-frequency
  // relation); the extent stays the generated floodplain.
  const double scale = std::max(
      0.0, 1.0 + e.depth_growth_per_log_return_period * std::log(e.return_period_years / 100.0));
  const auto& d100 = grid.hazards[static_cast<std::size_t>(layer)].value;
  for (std::size_t c = 0; c < depth.size(); ++c) depth[c] = static_cast<float>(d100[c] * scale);
  return depth;
}

// Peak ground acceleration (g) per cell of an earthquake event.
std::vector<float> pga_per_cell(const HazardEventDef& e, const AttenuationDef& a,
                                const Grid& grid) {
  std::vector<float> pga(grid.cell_count(), 0.0f);
  const double km = grid.cell_size_m / 1000.0;
  const double ex = e.epicentre_x_fraction * grid.width, ey = e.epicentre_y_fraction * grid.height;
  parallel::for_each_index(grid.cell_count(), [&](std::size_t c) {
    const double dx = (grid.x_of(static_cast<CellId>(c)) + 0.5 - ex) * km;
    const double dy = (grid.y_of(static_cast<CellId>(c)) + 0.5 - ey) * km;
    const double r = std::sqrt(dx * dx + dy * dy + e.focal_depth_km * e.focal_depth_km);
    pga[c] = static_cast<float>(disasters::pga_g(a, e.magnitude, r));
  });
  return pga;
}

// What event k does to one dwelling: its new damage state (None: no new
// damage) and the share of its value lost, of the structure and of contents.
struct DwellingDamage {
  DamageState state = DamageState::None;
  double structure_loss = 0;
  double contents_loss = 0;
};

// Earthquake: the state from the class's fragility curve, the loss from the
// Hazus loss ratio of that state.
DwellingDamage quake_damage(const FragilityDef& f, StructureClass c, double pga, double u) {
  DwellingDamage out;
  out.state = disasters::draw_damage(disasters::earthquake_curve(f, c), pga, u);
  if (out.state != DamageState::None)
    out.structure_loss = f.loss_ratio[static_cast<std::size_t>(out.state) - 1];
  return out;
}

// Flood: the loss from the class's depth-damage function at the depth above
// the first floor (its height drawn around the class's value), the state
// from the loss.
DwellingDamage flood_damage(const FloodDamageDef& f, StructureClass c, double depth_m, double u) {
  const auto k = static_cast<std::size_t>(c);
  const double first_floor = std::max(
      0.0, f.first_floor_height_m[k] + f.first_floor_height_sd_m * Rng::inverse_normal_cdf(u));
  const disasters::FloodLoss loss =
      disasters::flood_loss(disasters::curve_of_class(f, c), depth_m - first_floor);
  return {disasters::damage_state_of_loss(f.damage_state_min_loss, loss.structure), loss.structure,
          loss.contents};
}

// Damage from event k: one Rng per dwelling, three draws per event. Writes
// each damaged dwelling's value lost and contents lost into its slot.
void apply_damage(const PhaseContext& ctx, World& world, std::size_t k, bool earthquake,
                  const std::vector<float>& intensity, std::vector<double>& value_lost,
                  std::vector<double>& contents_lost) {
  const ScenarioDef& s = ctx.scenario;
  const FragilityDef& f = s.disasters.fragility;
  const RecoveryDef& r = s.disasters.recovery;
  const double record_loss = s.disasters.dislocation.record_loss_probability;
  Dwellings& dw = world.dwellings;
  const Households& hh = world.households;
  const double median = median_income(world);
  const auto tick = static_cast<std::uint32_t>(ctx.tick);
  parallel::for_each_index(dw.count(), [&](std::size_t i) {
    const auto d = static_cast<DwellingId>(i);
    // Drainage built by an upgrading programme takes depth off floods (0 elsewhere).
    const double x = earthquake ? intensity[dw.cell[d]]
                                : intensity[dw.cell[d]] - world.grid.drainage_m[dw.cell[d]];
    if (!(x > 0)) return;
    // Dwellings still being built are not stock yet (and the pipeline owns their work).
    if (dw.work_remaining_months[d] > 0 && dw.damage[d] == DamageState::None) return;
    Rng rng(s.seed, s.replicate, tick, RngStream::Hazard, d);
    for (std::size_t skip = 0; skip < 3 * k; ++skip)
      rng.uniform();  // three uniforms per earlier event
    const double u_damage = rng.uniform(), u_record = rng.uniform(), u_insured = rng.uniform();
    const DwellingDamage hit = earthquake ? quake_damage(f, dw.structure[d], x, u_damage)
                                          : flood_damage(f.flood, dw.structure[d], x, u_damage);
    if (hit.state <= dw.damage[d]) return;
    const int ds = static_cast<int>(hit.state);
    const double lost_before = dw.damage[d] == DamageState::None ? 0.0 : dw.damage_loss_ratio[d];
    const double value_before = dw.value[d];
    const double remaining =
        std::max(0.0, 1.0 - hit.structure_loss) / std::max(1e-6, 1.0 - lost_before);
    dw.value[d] = std::max(0.0f, static_cast<float>(value_before * std::min(1.0, remaining)));
    value_lost[i] += value_before - dw.value[d];
    contents_lost[i] += hit.contents_loss * value_before;
    dw.damage[d] = hit.state;
    dw.damage_loss_ratio[d] = static_cast<float>(hit.structure_loss);
    dw.work_remaining_months[d] = static_cast<float>(f.repair_crew_months[ds - 1]);
    dw.repair_funded[d] = 0;  // assessed anew
    disasters::start_recovery(world, d, ctx.tick);
    dw.repair_grant[d] = 0;  // a grant was for the earlier damage
    dw.damaged_at_tick[d] = ctx.tick;
    if (hit.state >= DamageState::Extensive && u_record < record_loss) dw.record_intact[d] = 0;
    // Insurance in force: owner-occupiers by income, landlords at their rate;
    // the public landlord self-insures and informal dwellings are uninsured.
    double take_up = 0;
    if (dw.tenure[d] == Tenure::OwnerOccupied && dw.owner_household[d] != kNone) {
      const HouseholdId o = dw.owner_household[d];
      take_up = r.insurance_take_up_owner * hh.income_per_month[o] / std::max(median, 1.0);
    } else if (dw.tenure[d] == Tenure::PrivateRental || dw.tenure[d] == Tenure::OwnerOccupied) {
      take_up = r.insurance_take_up_landlord;
    }
    dw.insured[d] = u_insured < std::min(1.0, take_up) ? 1 : 0;
  });
}

bool strikes(const PhaseContext& ctx, const World& world, const HazardEventDef& e, std::size_t k) {
  if (e.tick > 0) return ctx.tick == e.tick;
  if (e.annual_probability <= 0) return false;
  // A wave under way does not start again.
  const std::int32_t started = world.disasters.event_start_tick[k];
  if (e.type == "arrival_wave" && started > 0 && ctx.tick < started + e.duration_ticks)
    return false;
  const double monthly = 1.0 - std::pow(1.0 - e.annual_probability, 1.0 / 12.0);
  Rng rng(ctx.scenario.seed, ctx.scenario.replicate, static_cast<std::uint32_t>(ctx.tick),
          RngStream::HazardEvents, static_cast<std::uint32_t>(k));
  return rng.bernoulli(monthly);
}

}  // namespace

std::vector<float> event_intensity(const ScenarioDef& scenario, const Grid& grid, std::size_t k) {
  const HazardEventDef& e = scenario.hazards[k];
  if (e.type == "flood") return flood_depth_m(e, grid);
  if (e.type == "earthquake") return pga_per_cell(e, scenario.disasters.attenuation, grid);
  return {};
}

void run_hazard(const PhaseContext& ctx, World& world) {
  const ScenarioDef& s = ctx.scenario;
  if (s.hazards.empty()) return;
  market::ensure_initialised(s, world);
  disasters::ensure_event_state(s, world);
  std::vector<double> value_lost, contents_lost;  // per dwelling, this tick
  for (std::size_t k = 0; k < s.hazards.size(); ++k) {
    const HazardEventDef& e = s.hazards[k];
    if (!strikes(ctx, world, e, k)) continue;
    world.disasters.event_start_tick[k] = ctx.tick;
    ++world.flows.hazard_events;
    if (e.type != "flood" && e.type != "earthquake") continue;
    value_lost.resize(world.dwellings.count(), 0.0);
    contents_lost.resize(world.dwellings.count(), 0.0);
    const bool earthquake = e.type == "earthquake";
    apply_damage(ctx, world, k, earthquake,
                 earthquake ? pga_per_cell(e, s.disasters.attenuation, world.grid)
                            : flood_depth_m(e, world.grid),
                 value_lost, contents_lost);
  }
  // Summed serially in id order: the same total at any thread count.
  double structure = 0, contents = 0;
  for (std::size_t d = 0; d < value_lost.size(); ++d) {
    structure += value_lost[d];
    contents += contents_lost[d];
  }
  world.flows.structure_loss += std::llround(structure);
  world.flows.contents_loss += std::llround(contents);
  const Dwellings& dw = world.dwellings;
  world.flows.dwellings_damaged += parallel::reduce(
      dw.count(), std::int64_t{0},
      [&](std::size_t b, std::size_t e) {
        std::int64_t n = 0;
        for (std::size_t d = b; d < e; ++d) n += dw.damaged_at_tick[d] == ctx.tick;
        return n;
      },
      [](std::int64_t& a, std::int64_t b) { a += b; });
  disasters::cut_incomes_after_damage(ctx, world);
}

}  // namespace hearth
