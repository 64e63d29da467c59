#pragma once
// The one list of the columns of households, dwellings and grid cells, with
// the value a new row gets. Resizing, checkpoints and memory reports all walk
// these lists (const or not), so a column added to a struct but not here is neither resized
// nor saved: the tests notice at once (rows of the wrong length fail the
// invariants; resumed runs differ). Add every new column here.
#include <concepts>
#include <type_traits>

#include "state/world.hpp"

namespace hearth {

template <typename Table, typename V>
requires std::same_as<std::remove_const_t<Table>, Households>
void visit_columns(Table& h, V&& v) {
  v("income_per_month", h.income_per_month, 0.0f);
  v("savings", h.savings, 0.0f);
  v("housing_cost_per_month", h.housing_cost_per_month, 0.0f);
  v("status", h.status, Status::Homeless);
  v("dwelling", h.dwelling, kNone);
  v("base_income_per_month", h.base_income_per_month, 0.0f);
  v("income_log_deviation", h.income_log_deviation, 0.0f);
  v("size", h.size, std::uint8_t{1});
  v("head_age", h.head_age, HeadAgeBand::From30To64);
  v("head_age_years", h.head_age_years, std::uint8_t{45});
  v("female_headed", h.female_headed, std::uint8_t{0});
  v("disability", h.disability, std::uint8_t{0});
  v("origin", h.origin, Origin::Resident);
  v("origin_dwelling", h.origin_dwelling, kNone);
  v("months_displaced", h.months_displaced, std::uint16_t{0});
  v("rent_arrears", h.rent_arrears, 0.0f);
  v("moves", h.moves, std::uint16_t{0});
  v("months_in_arrears", h.months_in_arrears, std::uint16_t{0});
  v("mortgage_balance", h.mortgage_balance, 0.0f);
  v("mortgage_payment_per_month", h.mortgage_payment_per_month, 0.0f);
  v("anchor_cell", h.anchor_cell, CellId{0});
  v("host", h.host, kNone);
  v("displaced_at_tick", h.displaced_at_tick, std::int32_t{0});
  v("returned_at_tick", h.returned_at_tick, std::int32_t{0});
  v("origin_status", h.origin_status, Status::Homeless);
  v("origin_housing_cost_per_month", h.origin_housing_cost_per_month, 0.0f);
  v("displaced_from", h.displaced_from, kNone);
  v("site", h.site, std::uint16_t{0xFFFF});
  v("voucher", h.voucher, std::uint8_t{0});
  v("housing_subsidy_per_month", h.housing_subsidy_per_month, 0.0f);
  v("voucher_months_unpaid", h.voucher_months_unpaid, std::uint8_t{0});
}

template <typename Table, typename V>
requires std::same_as<std::remove_const_t<Table>, Dwellings>
void visit_columns(Table& d, V&& v) {
  v("cell", d.cell, CellId{0});
  v("tenure", d.tenure, Tenure::PrivateRental);
  v("structure", d.structure, StructureClass::ReinforcedConcreteFrame);
  v("rooms", d.rooms, std::uint8_t{2});
  v("quality", d.quality, 0.5f);
  v("value", d.value, 0.0f);
  v("rent_per_month", d.rent_per_month, 0.0f);
  v("damage", d.damage, DamageState::None);
  v("work_remaining_months", d.work_remaining_months, 0.0f);
  v("occupant", d.occupant, kNone);
  v("owner_kind", d.owner_kind, OwnerKind::PrivateLandlord);
  v("owner_household", d.owner_household, kNone);
  v("record_intact", d.record_intact, std::uint8_t{1});
  v("months_on_market", d.months_on_market, std::uint16_t{0});
  v("hedonic", d.hedonic, 1.0f);
  v("submarket", d.submarket, std::uint32_t{0});
  v("lease_months", d.lease_months, std::uint16_t{0});
  v("insured", d.insured, std::uint8_t{0});
  v("repair_funded", d.repair_funded, std::uint8_t{0});
  v("damaged_at_tick", d.damaged_at_tick, std::int32_t{0});
  v("damage_loss_ratio", d.damage_loss_ratio, 0.0f);
  v("recovery_stage", d.recovery_stage, RecoveryStage::None);
  v("recovery_since_tick", d.recovery_since_tick, std::int32_t{0});
  v("recovery_until_tick", d.recovery_until_tick, std::int32_t{0});
  v("repair_aid", d.repair_aid, 0.0f);
  v("recovery_flags", d.recovery_flags, std::uint8_t{0});
  v("repair_grant", d.repair_grant, 0.0f);
  v("grant_tenant", d.grant_tenant, kNone);
  v("programme", d.programme, std::uint8_t{0});
  v("forced_sale", d.forced_sale, std::uint8_t{0});
}

template <typename Table, typename V>
requires std::same_as<std::remove_const_t<Table>, Grid>
void visit_columns(Table& g, V&& v) {
  v("land_use", g.land_use, LandUse::Open);
  v("elevation_m", g.elevation_m, 0.0f);
  v("neighbourhood", g.neighbourhood, NeighbourhoodId{0});
  v("service_water", g.service_water, 0.0f);
  v("service_sanitation", g.service_sanitation, 0.0f);
  v("service_electricity", g.service_electricity, 0.0f);
  v("job_access", g.job_access, 0.0f);
  v("zoning_capacity", g.zoning_capacity, std::uint32_t{0});
  v("drainage_m", g.drainage_m, 0.0f);
}

// Per-submarket and bookkeeping vectors of the market (sizes vary by vector).
template <typename Table, typename V>
requires std::same_as<std::remove_const_t<Table>, MarketState>
void visit_columns(Table& m, V&& v) {
  v("rent_index", m.rent_index, 0.0f);
  v("price_index", m.price_index, 0.0f);
  v("rental_vacancy", m.rental_vacancy, 0.0f);
  v("sale_vacancy", m.sale_vacancy, 0.0f);
  v("rental_stock", m.rental_stock, std::uint32_t{0});
  v("sale_stock", m.sale_stock, std::uint32_t{0});
  v("dwellings_in_cell", m.dwellings_in_cell, std::uint32_t{0});
  v("under_construction", m.under_construction, DwellingId{0});
  v("price_index_history", m.price_index_history, 0.0f);
  v("investor_balance", m.investor_balance, 0.0);
  v("reference_median_income", m.reference_median_income, 0.0f);
}

}  // namespace hearth
