#pragma once
// Small text helpers of the report pages: numbers as words, dates of ticks,
// values read leniently from a manifest's JSON. Internal to report/html/.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "report/svg.hpp"

namespace hearth::report::html {

using svg::escape;

// `v` through a printf format; a share as a whole percentage ("12%").
std::string fmt(double v, const char* format);
std::string pct(double share);
bool any_positive(const std::vector<double>& v);
bool any_finite(const std::vector<double>& v);

// The date (YYYY-MM) of `tick` in a run's date column, "" when unknown; and
// "month 3 (2026-04)" for prose.
std::string date_of(const std::vector<std::string>& dates, std::int64_t tick);
std::string month_text(const std::vector<std::string>& dates, std::int64_t tick);

// A manifest's number, tick, object or string under `key`, or the fallback
// (an empty object) when absent or of another type.
double jnum(const nlohmann::json& j, const char* key, double fallback);
std::int64_t jtick(const nlohmann::json& j, const char* key, std::int64_t fallback);
const nlohmann::json& jobj(const nlohmann::json& j, const char* key);
std::string jstr(const nlohmann::json& j, const char* key, const std::string& fallback = "");

// A count rounded and with thousands separators; a snake_case name in words.
std::string thousands(double v);
std::string words(std::string s);
// `s` without its leading spaces.
std::string trim(const std::string& s);

}  // namespace hearth::report::html
