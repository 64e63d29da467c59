#!/usr/bin/env python3
"""Every figure of the measured columns of scenarios/README.md, from fresh runs.

Runs the shipped scenarios the tables quote (seed 42, their own horizons,
two threads; outputs are identical at any thread count) and prints, as
JSON, the sums and values the rows are written from, one object per run.
After a change of behaviour, run it and update the tables:

  python3 scripts/scenario_figures.py --work /tmp/figures > figures.json

Months are ticks: "at month k" is the row of tick k of indicators.csv,
"over months a..b" sums the rows of ticks a to b.
"""
import argparse
import csv
import json
import os
import subprocess
import sys

SCENARIOS = "scenarios"


class Run:
    """One finished run's indicators.csv and groups.csv."""

    def __init__(self, directory):
        with open(f"{directory}/indicators.csv", newline="") as f:
            self.rows = list(csv.DictReader(f))
        with open(f"{directory}/groups.csv", newline="") as f:
            self.groups = list(csv.DictReader(f))

    def column(self, name):
        return [float(r[name]) for r in self.rows]

    def total(self, name, first=0, last=None):
        """Sum over ticks first..last (inclusive; all when last is None)."""
        values = self.column(name)
        return sum(values[first:None if last is None else last + 1])

    def at(self, name, tick):
        return float(self.rows[tick][name])

    def final(self, name):
        return float(self.rows[-1][name])

    def peak(self, name):
        return max(self.column(name))

    def group_total(self, kind, group, name):
        return sum(float(r[name] or 0) for r in self.groups
                   if r["group_kind"] == kind and r["group"] == group)

    def group_at(self, kind, group, name, tick):
        for r in self.groups:
            if r["group_kind"] == kind and r["group"] == group and int(r["tick"]) == tick:
                return float(r[name] or 0)
        raise KeyError(f"{kind}/{group} at tick {tick}")


def grants(r):
    return {
        "grants": r.total("repair_grants"),
        "spent": r.total("spending_reconstruction_grants"),
        "owners_months_away": r.group_total("tenure", "owner_occupied", "away_from_home"),
        "tenants_months_away": r.group_total("tenure", "private_rental", "away_from_home"),
        "tenants_away_month_15": r.group_at("tenure", "private_rental", "away_from_home", 15),
        "returns": r.total("returns"),
    }


def earthquake(r):  # the quake strikes in month 3
    return {
        "retrofits": r.total("retrofits"),
        "retrofits_before_quake": r.total("retrofits", 0, 2),
        "spent_building_code": r.total("spending_building_code"),
        "ds3_at_quake": r.at("dwellings_ds3", 3),
        "ds4_at_quake": r.at("dwellings_ds4", 3),
        "new_displacements_at_quake": r.at("new_displacements", 3),
        "displaced_departures_at_quake": r.at("displaced_departures", 3),
        "displaced_departures_month_15": r.at("displaced_departures", 15),
        "repair_backlog_final": r.final("repair_backlog_crew_months"),
        "household_months_displaced": r.total("displaced_total"),
        "peak_shelter": r.peak("shelter_occupancy"),
        "peak_camp": r.peak("camp_occupancy"),
        "spent_shelter_capacity": r.total("spending_shelter_capacity"),
        "left_city_final": r.final("left_city"),
        "peak_records_lost": r.peak("records_lost"),
        "records_lost_month_24": r.at("records_lost", 24),
        "records_restored": r.total("records_restored"),
        "spent_record_restoration": r.total("spending_record_restoration"),
        "returns": r.total("returns"),
        "owners_months_away": r.group_total("tenure", "owner_occupied", "away_from_home"),
    }


def buyout(r):
    return {
        "homes_bought": r.total("buyouts"),
        "households_moved_on": r.total("buyout_households"),
        "spent": r.total("spending_buyouts"),
        "household_months_displaced": r.total("displaced_total"),
        "repair_backlog_final": r.final("repair_backlog_crew_months"),
        "awaiting_repair_final": r.final("dwellings_awaiting_repair"),
    }


def housing(r):  # baseline.json and its housing levers, 120 months
    return {
        "median_rent_month_120": r.at("median_rent_per_month", 120),
        "cost_burdened_month_120": r.at("cost_burdened_share", 120),
        "private_renters_burdened_month_120":
            r.group_at("tenure", "private_rental", "cost_burdened_share", 120),
        "rent_index_month_120": r.at("rent_index_relative", 120),
        "moves": r.total("moves"),
        "renters_month_120": r.at("renters", 120),
        "voucher_households_month_24": r.at("voucher_households", 24),
        "voucher_waiting_month_24": r.at("voucher_waiting_list", 24),
        "voucher_waiting_month_120": r.at("voucher_waiting_list", 120),
        "spent_vouchers": r.total("spending_vouchers"),
        "informal_share_month_60": r.at("informal_share", 60),
        "informal_share_month_120": r.at("informal_share", 120),
        "in_arrears_month_120": r.at("households_in_arrears", 120),
        "programme_units_month_120": r.at("social_programme_units", 120),
        "programme_tenants_month_120": r.at("social_programme_tenants", 120),
        "social_tenants_month_120": r.at("social_tenants", 120),
        "spent_social_housing": r.total("spending_social_housing"),
        "construction_starts": r.total("construction_starts"),
        "with_mortgage_month_36": r.at("households_with_mortgage", 36),
        "with_mortgage_month_120": r.at("households_with_mortgage", 120),
        "owners_month_60": r.at("owners", 60),
        "owner_share_month_60": r.at("owner_share", 60),
        "median_price_month_60": r.at("median_price", 60),
    }


def moratorium(r):  # the flood strikes in month 3; the moratorium lasts six months
    return {
        "evictions_months_3_8": r.total("evictions", 3, 8),
        "deferred_month_8": r.at("evictions_deferred", 8),
        "evictions_month_9": r.at("evictions", 9),
        "evictions": r.total("evictions"),
        "in_arrears_month_36": r.at("households_in_arrears", 36),
    }


def upgrading(r):  # programme in months 1-24, the flood in month 30
    return {
        "evictions_months_1_24": r.total("evictions", 1, 24),
        "peak_homeless": r.peak("homeless"),
        "new_displacements_month_30": r.at("new_displacements", 30),
        "ds3_ds4_month_30": r.at("dwellings_ds3", 30) + r.at("dwellings_ds4", 30),
        "household_months_displaced_30_60": r.total("displaced_total", 30, 60),
        "relocated_month_24": r.at("relocated_households", 24),
        "relocated_month_60": r.at("relocated_households", 60),
        "informal_share_month_24": r.at("informal_share", 24),
        "informal_share_month_60": r.at("informal_share", 60),
        "left_city_month_60": r.at("left_city", 60),
        "spent": r.total("spending_upgrading"),
        "cleared_month_60": r.at("cleared_dwellings", 60),
        "upgraded_month_60": r.at("upgraded_dwellings", 60),
    }


# Which figures of which scenarios: (table row's figures, scenario files).
TABLES = [
    (grants, ["flood_100yr", "policy_grants_owners_only", "policy_grants_everyone"]),
    (earthquake, ["earthquake", "policy_building_code", "policy_shelter_capacity",
                  "policy_record_restoration"]),
    (buyout, ["flood_100yr", "policy_buyout"]),
    (housing, ["baseline", "policy_rent_cap", "policy_vouchers", "policy_social_housing",
               "policy_mortgage_rules"]),
    (moratorium, ["flood_100yr", "policy_eviction_moratorium"]),
]


def main():
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--bin", default="build/release/hearth")
    p.add_argument("--work", required=True, help="directory for the runs (reused if present)")
    a = p.parse_args()
    os.makedirs(a.work, exist_ok=True)

    def run(name, path=None):
        out = f"{a.work}/{name}"
        if not os.path.exists(f"{out}/indicators.csv"):
            subprocess.run([a.bin, "run", path or f"{SCENARIOS}/{name}.json", "--out", out,
                            "--force", "--quiet", "-t", "2"], check=True)
        return Run(out)

    figures = {}
    for figures_of, names in TABLES:
        for name in names:
            figures.setdefault(figures_of.__name__, {})[name] = figures_of(run(name))
    # The upgrading comparison's first column: the in-situ file without its programme.
    with open(f"{SCENARIOS}/policy_upgrading_in_situ.json") as f:
        none = json.load(f)
    none.pop("policies")
    none["name"] = "upgrading_none"
    with open(f"{a.work}/upgrading_none.json", "w") as f:
        json.dump(none, f)
    figures["upgrading"] = {"none": upgrading(run("upgrading_none", f"{a.work}/upgrading_none.json"))}
    for mode in ["in_situ", "relocation", "clearance"]:
        name = f"policy_upgrading_{mode}"
        figures["upgrading"][mode] = upgrading(run(name))
    json.dump(figures, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
