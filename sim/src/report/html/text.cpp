// Small text helpers of the report pages (text.hpp).
#include "report/html/text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "report/compare.hpp"

namespace hearth::report::html {

std::string fmt(double v, const char* format) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, format, v);
  return buffer;
}

std::string pct(double share) {
  return fmt(100 * share, "%.0f%%");
}

bool any_positive(const std::vector<double>& v) {
  return std::any_of(v.begin(), v.end(), [](double x) { return x > 0; });
}
bool any_finite(const std::vector<double>& v) {
  return std::any_of(v.begin(), v.end(), [](double x) { return !std::isnan(x); });
}

std::string date_of(const std::vector<std::string>& dates, std::int64_t tick) {
  return tick >= 0 && static_cast<std::size_t>(tick) < dates.size()
             ? dates[static_cast<std::size_t>(tick)]
             : std::string();
}

std::string month_text(const std::vector<std::string>& dates, std::int64_t tick) {
  const std::string d = date_of(dates, tick);
  return "month " + std::to_string(tick) + (d.empty() ? "" : " (" + d + ")");
}

double jnum(const nlohmann::json& j, const char* key, double fallback) {
  const auto it = j.find(key);
  return it != j.end() && it->is_number() ? it->get<double>() : fallback;
}
// A tick or tick count from a manifest: a number outside what any scenario
// can hold (a tampered file, say 1e300) cannot become an integer, so it
// reads as the fallback.
std::int64_t jtick(const nlohmann::json& j, const char* key, std::int64_t fallback) {
  const double x = jnum(j, key, static_cast<double>(fallback));
  return std::isfinite(x) && std::fabs(x) <= 1e9 ? static_cast<std::int64_t>(x) : fallback;
}
const nlohmann::json& jobj(const nlohmann::json& j, const char* key) {
  static const nlohmann::json empty = nlohmann::json::object();
  const auto it = j.find(key);
  return it != j.end() && it->is_object() ? *it : empty;
}
std::string jstr(const nlohmann::json& j, const char* key, const std::string& fallback) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : fallback;
}

std::string thousands(double v) {
  return format_value(std::round(v), Unit::Count);
}

std::string words(std::string s) {
  std::replace(s.begin(), s.end(), '_', ' ');
  return s;
}

std::string trim(const std::string& s) {
  const auto first = s.find_first_not_of(' ');
  return first == std::string::npos ? std::string() : s.substr(first);
}

}  // namespace hearth::report::html
