// The names of the Frame's columns, as the CSV headers and the report show
// them: city indicators with their descriptions, group indicators, and each
// group's (kind, value) pair. The lists themselves are the X-macros of
// hearth/frame.hpp; this file only spells them out as strings.
#include <string_view>

#include "hearth/frame.hpp"

namespace hearth {

namespace {
constexpr std::string_view kCityNames[] = {
#define HEARTH_NAME_ENTRY(name, description) #name,
    HEARTH_CITY_INDICATORS(HEARTH_NAME_ENTRY)
#undef HEARTH_NAME_ENTRY
};
constexpr std::string_view kCityDescriptions[] = {
#define HEARTH_DESCRIPTION_ENTRY(name, description) description,
    HEARTH_CITY_INDICATORS(HEARTH_DESCRIPTION_ENTRY)
#undef HEARTH_DESCRIPTION_ENTRY
};
constexpr std::string_view kGroupIndicatorNames[] = {
#define HEARTH_NAME_ENTRY(name, description) #name,
    HEARTH_GROUP_INDICATORS(HEARTH_NAME_ENTRY)
#undef HEARTH_NAME_ENTRY
};
// In the order of the groups (household_sums.cpp folds into them in this order).
constexpr std::string_view kGroupKinds[kGroupCount] = {"all",
                                                       "income_quintile",
                                                       "income_quintile",
                                                       "income_quintile",
                                                       "income_quintile",
                                                       "income_quintile",
                                                       "female_headed",
                                                       "female_headed",
                                                       "elderly_head",
                                                       "elderly_head",
                                                       "disability",
                                                       "disability",
                                                       "origin",
                                                       "origin",
                                                       "origin",
                                                       "origin",
                                                       "tenure",
                                                       "tenure",
                                                       "tenure",
                                                       "tenure",
                                                       "tenure"};
constexpr std::string_view kGroupValues[kGroupCount] = {"all",
                                                        "q1",
                                                        "q2",
                                                        "q3",
                                                        "q4",
                                                        "q5",
                                                        "yes",
                                                        "no",
                                                        "yes",
                                                        "no",
                                                        "yes",
                                                        "no",
                                                        "resident",
                                                        "rural_migrant",
                                                        "internally_displaced",
                                                        "refugee",
                                                        "owner_occupied",
                                                        "private_rental",
                                                        "social_rental",
                                                        "informal",
                                                        "none"};
}  // namespace

std::string_view city_indicator_name(int index) {
  return kCityNames[index];
}
std::string_view city_indicator_description(int index) {
  return kCityDescriptions[index];
}
std::string_view group_indicator_name(int index) {
  return kGroupIndicatorNames[index];
}
std::string_view group_kind(int group) {
  return kGroupKinds[group];
}
std::string_view group_value(int group) {
  return kGroupValues[group];
}

}  // namespace hearth
