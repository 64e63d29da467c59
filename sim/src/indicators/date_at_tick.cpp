// Frame::date from ScenarioDef::start_date and World::tick (date_at_tick.hpp).
#include "indicators/date_at_tick.hpp"

#include <cstdio>

namespace hearth {

std::string date_at_tick(const std::string& start_date, std::int32_t tick) {
  const int year = std::stoi(start_date.substr(0, 4));
  const int month0 = std::stoi(start_date.substr(5, 2)) - 1 + tick;
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d", year + month0 / 12, month0 % 12 + 1);
  return buffer;
}

}  // namespace hearth
