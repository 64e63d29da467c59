#pragma once
// The calendar month of a tick (Frame::date, the date column of every
// output): ticks are months counted from the scenario's start_date.
#include <cstdint>
#include <string>

namespace hearth {

// "YYYY-MM", `tick` months after `start_date` ("YYYY-MM..."; only its year
// and month are read).
std::string date_at_tick(const std::string& start_date, std::int32_t tick);

}  // namespace hearth
