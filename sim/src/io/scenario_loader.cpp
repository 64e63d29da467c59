#include "io/scenario_loader.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <memory>
#include <set>
#include <sstream>

#include "city/tract_city.hpp"
#include "embedded_schema.hpp"
#include "io/asc_reader.hpp"
#include "io/hash.hpp"
#include "io/json_schema.hpp"
#include "io/scenario_fields.hpp"
#include "io/scenario_json.hpp"
#include "io/tract_reader.hpp"
#include "phases/depth_damage.hpp"
#include "policy/policies.hpp"

namespace hearth {

namespace {
std::string join_problems(const std::string& file, const std::vector<InputProblem>& problems) {
  std::string out;
  for (const auto& p : problems) {
    if (!out.empty()) out += '\n';
    out += file + ": " + (p.location.empty() ? "" : p.location + ": ") + p.reason;
  }
  return out;
}
}  // namespace

InputError::InputError(std::string file, std::vector<InputProblem> problems)
    : std::runtime_error(join_problems(file, problems)),
      file_(std::move(file)),
      problems_(std::move(problems)) {}

}  // namespace hearth

namespace hearth::io {
namespace {

const JsonSchemaValidator& scenario_validator() {
  static const JsonSchemaValidator validator(kScenarioSchemaJson);
  return validator;
}

void check_sum_to_one(const nlohmann::json& doc, const std::string& pointer,
                      const std::vector<std::string>& keys, double sum,
                      std::vector<InputProblem>& problems) {
  if (std::fabs(sum - 1.0) <= 1e-6) return;
  // Only report when the user touched this object; defaults always sum to one.
  if (!doc.contains(nlohmann::json::json_pointer(pointer))) return;
  std::string names;
  for (const auto& k : keys) names += (names.empty() ? "" : " + ") + k;
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.6g", sum);
  problems.push_back({pointer, names + " must sum to 1 (got " + buffer + ")"});
}

// "a flood" and "an earthquake".
std::string with_article(const std::string& noun) {
  const bool vowel = !noun.empty() && std::string("aeiou").find(noun[0]) != std::string::npos;
  return (vowel ? "an " : "a ") + noun;
}

// "a flood at tick 80 never happens in a 60-tick run".
std::string never_happens(const std::string& what, std::int32_t tick, std::int32_t ticks) {
  return what + " " + std::to_string(tick) + " never happens in a " + std::to_string(ticks) +
         "-tick run";
}

// Scheduled events and programmes that start after the last tick.
void check_within_run(const ScenarioDef& s, std::vector<InputProblem>& problems) {
  for (std::size_t k = 0; k < s.hazards.size(); ++k) {
    const HazardEventDef& e = s.hazards[k];
    if (e.tick > s.ticks) {
      problems.push_back({"/hazards/" + std::to_string(k) + "/tick",
                          never_happens(with_article(e.type) + " at tick", e.tick, s.ticks)});
    }
  }
  for (std::size_t k = 0; k < s.policies.size(); ++k) {
    const ProgrammeDef& programme = s.policies[k];
    if (programme.start_tick > s.ticks) {
      const std::string type(policy::lever_name(policy::lever_of(programme)));
      problems.push_back({"/policies/" + std::to_string(k) + "/start_tick",
                          never_happens(with_article(type) + " programme starting at tick",
                                        programme.start_tick, s.ticks)});
    }
  }
}

// The checks of programme k (/policies/k) that JSON Schema cannot make.
void check_programme(const nlohmann::json& doc, const ScenarioDef& s, std::size_t k,
                     std::int64_t neighbourhood_count, std::vector<InputProblem>& problems) {
  const ProgrammeDef& programme = s.policies[k];
  const std::string type(policy::lever_name(policy::lever_of(programme)));
  const std::string at = "/policies/" + std::to_string(k);
  static const std::vector<std::int32_t> kNone;
  const auto* social = std::get_if<SocialHousingLever>(&programme.lever);
  const auto* upgrading = std::get_if<UpgradingLever>(&programme.lever);
  const std::pair<const char*, const std::vector<std::int32_t>*> neighbourhood_lists[] = {
      {"social_sites", social != nullptr ? &social->social_sites : &kNone},
      {"upgrading_neighbourhoods",
       upgrading != nullptr ? &upgrading->upgrading_neighbourhoods : &kNone}};
  for (const auto& [key, list] : neighbourhood_lists) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      if ((*list)[i] >= neighbourhood_count) {
        problems.push_back({at + "/" + key + "/" + std::to_string(i),
                            "neighbourhood " + std::to_string((*list)[i]) +
                                " does not exist: the city has " +
                                std::to_string(neighbourhood_count) + " (numbered 0 to " +
                                std::to_string(neighbourhood_count - 1) + ")"});
      }
    }
  }
  if (programme.end_tick != 0 && programme.end_tick < programme.start_tick) {
    problems.push_back({at + "/end_tick", "must be 0 (to the end) or at least start_tick (" +
                                              std::to_string(programme.start_tick) + ")"});
  }
  if (policy::needs_budget(policy::lever_of(programme)) && !(programme.budget_per_year > 0)) {
    problems.push_back({at + "/budget_per_year", "a " + type +
                                                     " programme spends public money: give it a "
                                                     "budget_per_year > 0"});
  }
  // A key of one lever given to another would be ignored silently, so it is
  // an error, unless it holds the default (resolved scenarios, as in
  // checkpoints, list every key).
  static const nlohmann::json kDefaultPolicy = [] {
    ScenarioDef one;
    one.policies.resize(1);
    return io::scenario_to_json(one)["policies"][0];
  }();
  static const std::pair<const char*, const char*> kLeverPrefixes[] = {
      {"rent_cap_", "rent_cap"},
      {"voucher_", "vouchers"},
      {"social_", "social_housing"},
      {"moratorium_", "eviction_moratorium"},
      {"mortgage_", "mortgage_rules"},
      {"upgrading_", "upgrading"},
      {"code_", "building_code"},
      {"retrofit_", "building_code"},
      {"grants_", "reconstruction_grants"},
      {"buyout_", "buyout"},
      {"shelter_", "shelter_capacity"},
      {"camp_extra_", "shelter_capacity"},
      {"record", "record_restoration"}};
  if (doc.contains("policies") && doc["policies"].is_array() && k < doc["policies"].size() &&
      doc["policies"][k].is_object()) {
    for (const auto& [key, value] : doc["policies"][k].items()) {
      for (const auto& [prefix, lever] : kLeverPrefixes) {
        if (key.rfind(prefix, 0) == 0 && type != lever &&
            !(kDefaultPolicy.contains(key) && kDefaultPolicy[key] == value)) {
          problems.push_back({at + "/" + key,
                              "is a key of " + std::string(lever) + " programmes, not of " + type});
        }
      }
    }
  }
  if (upgrading != nullptr) {
    const auto cells =
        static_cast<std::int64_t>(s.city.grid.width_cells) * s.city.grid.height_cells;
    if (upgrading->upgrading_site_cell >= cells) {
      problems.push_back({at + "/upgrading_site_cell", "must be a cell of the grid (below " +
                                                           std::to_string(cells) + ") or -1"});
    }
    if (upgrading->upgrading_target == UpgradingTarget::Neighbourhoods &&
        upgrading->upgrading_neighbourhoods.empty()) {
      problems.push_back({at + "/upgrading_neighbourhoods",
                          "upgrading_target is neighbourhoods: list at least one"});
    }
  }
  const auto* code = std::get_if<BuildingCodeLever>(&programme.lever);
  if (code != nullptr && code->retrofit_share_per_year > 0) {
    if (code->retrofit_subsidy_share > 0 && code->retrofit_cost_per_dwelling > 0 &&
        !(programme.budget_per_year > 0)) {
      problems.push_back({at + "/budget_per_year",
                          "a retrofit programme with a subsidy spends public money: give it a "
                          "budget_per_year > 0 (or retrofit_subsidy_share 0)"});
    }
    if (code->retrofit_structure <= code->retrofit_eligible_structure) {
      problems.push_back({at + "/retrofit_structure",
                          "must be a better class than retrofit_eligible_structure (" +
                              std::string(io::name_of(code->retrofit_eligible_structure,
                                                      io::kCodeStructureNames)) +
                              ")"});
    }
  }
  const auto* shelter = std::get_if<ShelterCapacityLever>(&programme.lever);
  if (shelter != nullptr && shelter->shelter_extra_places == 0 && shelter->camp_extra_places == 0) {
    problems.push_back({at + "/shelter_extra_places",
                        "a shelter_capacity programme adds places: give shelter_extra_places "
                        "or camp_extra_places > 0"});
  }
}

// What JSON Schema cannot say: shares that must add up, bands that must fit,
// events that can never happen, neighbourhoods and files that do not exist.
void check_semantics(const nlohmann::json& doc, const ScenarioDef& s,
                     std::vector<InputProblem>& problems) {
  const auto& t = s.city.tenure;
  check_sum_to_one(doc, "/city/tenure", {"owner", "private_renter", "social_renter", "informal"},
                   t.owner + t.private_renter + t.social_renter + t.informal, problems);
  const auto& o = s.city.groups.origin_shares;
  check_sum_to_one(doc, "/city/groups/origin_shares",
                   {"resident", "rural_migrant", "internally_displaced", "refugee"},
                   o.resident + o.rural_migrant + o.internally_displaced + o.refugee, problems);
  double size_sum = 0;
  for (double share : s.city.household_size_shares) size_sum += share;
  check_sum_to_one(doc, "/city/household_size_shares", {"the six shares"}, size_sum, problems);
  if (s.city.groups.elderly_head_share + s.city.groups.young_head_share > 1.0 + 1e-9) {
    problems.push_back({"/city/groups", "elderly_head_share + young_head_share must not exceed 1"});
  }
  // Life cycle and mortgages (docs/MODEL.md 7.10, 7.11).
  if (s.mortgages.foreclosure_months_in_arrears < s.mortgages.default_months_in_arrears) {
    problems.push_back({"/mortgages/foreclosure_months_in_arrears",
                        "must be at least default_months_in_arrears (" +
                            std::to_string(s.mortgages.default_months_in_arrears) + ")"});
  }
  for (std::size_t k = 1; k < s.mortgages.rate_path.size(); ++k) {
    if (s.mortgages.rate_path[k].from_tick <= s.mortgages.rate_path[k - 1].from_tick) {
      problems.push_back({"/mortgages/rate_path/" + std::to_string(k) + "/from_tick",
                          "steps must be in strictly ascending from_tick"});
      break;
    }
  }
  // Fragility curves: the median intensity must not fall with the damage state,
  // or P(DS >= ds) would exceed P(DS >= ds - 1).
  const FragilityDef& f = s.disasters.fragility;
  const std::pair<const char*, const FragilityCurveDef*> curves[] = {
      {"earthquake_informal", &f.earthquake_informal},
      {"earthquake_unreinforced_masonry", &f.earthquake_unreinforced_masonry},
      {"earthquake_rc_frame", &f.earthquake_rc_frame},
      {"earthquake_code_compliant", &f.earthquake_code_compliant}};
  for (const auto& [name, curve] : curves) {
    for (int k = 1; k < 4; ++k) {
      if (curve->median[k] < curve->median[k - 1]) {
        problems.push_back({std::string("/disasters/fragility/") + name + "/median",
                            "medians must not decrease from DS1 to DS4"});
        break;
      }
    }
  }
  // Flood depth-damage: known curves; damage states in order of their losses.
  for (const auto& [key, name] : {std::pair{"curve_formal", &f.flood.curve_formal},
                                  std::pair{"curve_informal", &f.flood.curve_informal}}) {
    if (!disasters::depth_damage_curve(*name)) {
      problems.push_back({std::string("/disasters/fragility/flood/") + key,
                          "unknown depth-damage curve '" + *name +
                              "' (usace_one_story_no_basement or jrc_asia_residential)"});
    }
  }
  for (int k = 1; k < 4; ++k) {
    if (f.flood.damage_state_min_loss[k] < f.flood.damage_state_min_loss[k - 1]) {
      problems.push_back({"/disasters/fragility/flood/damage_state_min_loss",
                          "the smallest losses must not decrease from DS1 to DS4"});
      break;
    }
  }
  // Shelter and camp sites (docs/MODEL.md 7.3): names unique and not another
  // place's name in flows.csv; capacities in the sites or in the two totals.
  const auto& sites = s.disasters.dislocation.sites;
  if (!sites.empty()) {
    const auto* dislocation = doc.contains("disasters") && doc["disasters"].is_object() &&
                                      doc["disasters"].contains("dislocation")
                                  ? &doc["disasters"]["dislocation"]
                                  : nullptr;
    for (const char* key : {"shelter_capacity_households", "camp_capacity_households"}) {
      if (dislocation != nullptr && dislocation->is_object() && dislocation->contains(key))
        problems.push_back({std::string("/disasters/dislocation/") + key,
                            "with sites listed, the capacities are the sites' "
                            "capacity_households: leave this key out"});
    }
    std::set<std::string> names;
    bool shelter = false, camp = false;
    for (std::size_t k = 0; k < sites.size(); ++k) {
      const std::string at = "/disasters/dislocation/sites/" + std::to_string(k) + "/name";
      if (!names.insert(sites[k].name).second)
        problems.push_back({at, "site '" + sites[k].name + "' is listed twice"});
      if (sites[k].name == "homeless" || sites[k].name == "outside_city")
        problems.push_back({at, "'" + sites[k].name + "' names another place in flows.csv"});
      (sites[k].kind == "camp" ? camp : shelter) = true;
    }
    for (std::size_t k = 0; k < s.policies.size(); ++k) {
      const auto* lever = std::get_if<ShelterCapacityLever>(&s.policies[k].lever);
      if (lever == nullptr) continue;
      const std::string at = "/policies/" + std::to_string(k);
      if (lever->shelter_extra_places > 0 && !shelter)
        problems.push_back(
            {at + "/shelter_extra_places", "no shelter among the sites to open places at"});
      if (lever->camp_extra_places > 0 && !camp)
        problems.push_back(
            {at + "/camp_extra_places", "no camp among the sites to open places at"});
    }
  }
  // Neighbourhoods: one per tract of a city from tracts, else the layout's n x n.
  std::int64_t neighbourhood_count =
      static_cast<std::int64_t>(s.city.layout.neighbourhoods_per_side) *
      s.city.layout.neighbourhoods_per_side;
  if (!s.city.tracts.file.empty() && s.city.doubled_up_share > 0) {
    problems.push_back({"/city/doubled_up_share",
                        "households starting doubled up are drawn by the synthetic city only; a "
                        "city from tracts starts with none (leave it out or 0)"});
  }
  if (!s.city.tracts.file.empty()) {
    // Read now, so that a bad tract table stops the run before it starts.
    try {
      const TractTable table = read_tracts(s.city.tracts.file);
      neighbourhood_count = static_cast<std::int64_t>(table.tracts.size());
      check_tracts_fit(s, table);
    } catch (const InputError& error) {
      neighbourhood_count = std::numeric_limits<std::int64_t>::max();  // unknown: not checked
      for (const auto& p : error.problems()) {
        problems.push_back(
            {"/city/tracts/file",
             error.file() + (p.location.empty() ? "" : ", " + p.location) + ": " + p.reason});
      }
    }
  }
  for (std::size_t k = 0; k < s.hazards.size(); ++k) {
    const HazardEventDef& e = s.hazards[k];
    const std::string at = "/hazards/" + std::to_string(k);
    if (e.tick == 0 && e.annual_probability <= 0) {
      problems.push_back(
          {at, "an event needs a tick (scheduled) or an annual_probability (stochastic)"});
    }
    if (e.tick > 0 && e.annual_probability > 0) {
      problems.push_back(
          {at, "an event is either scheduled (tick) or stochastic (annual_probability), not both"});
    }
    if (e.type == "arrival_wave" && e.households_per_tick <= 0) {
      problems.push_back(
          {at + "/households_per_tick", "an arrival wave needs households_per_tick > 0"});
    }
    if (e.type != "flood" && !e.depth_file.empty()) {
      problems.push_back({at + "/depth_file", "only a flood reads a depth raster; " +
                                                  with_article(e.type) +
                                                  " ignores it (remove the key)"});
    }
    if (!e.depth_file.empty()) {
      // Read now, so that a bad raster stops the run before it starts.
      try {
        read_asc(e.depth_file, s.city.grid.width_cells, s.city.grid.height_cells, 0.0f, 0.0, 100.0);
      } catch (const InputError& error) {
        for (const auto& p : error.problems()) {
          problems.push_back(
              {at + "/depth_file",
               error.file() + (p.location.empty() ? "" : ", " + p.location) + ": " + p.reason});
        }
      }
    }
  }
  for (std::size_t k = 0; k < s.policies.size(); ++k) {
    check_programme(doc, s, k, neighbourhood_count, problems);
  }
  const auto& g = s.city.grid;
  if (s.city.layout.neighbourhoods_per_side > std::min(g.width_cells, g.height_cells)) {
    problems.push_back({"/city/layout/neighbourhoods_per_side",
                        "must not exceed the grid's smaller side (" +
                            std::to_string(std::min(g.width_cells, g.height_cells)) + " cells)"});
  }
}

}  // namespace

std::string read_text_file(const std::string& path, std::size_t max_bytes) {
  // Opened without blocking and checked to be a regular file before reading:
  // a FIFO would block forever, and a device or directory is not a file.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    const int error = errno;
    throw InputError(path,
                     {{"", error == ENOENT ? std::string("cannot read: file does not exist")
                                           : std::string("cannot read: ") + std::strerror(error)}});
  }
  struct FdCloser {
    int fd;
    ~FdCloser() { ::close(fd); }
  } closer{fd};
  struct stat status {};
  if (::fstat(fd, &status) != 0)
    throw InputError(path, {{"", std::string("cannot read: ") + std::strerror(errno)}});
  if (S_ISDIR(status.st_mode)) throw InputError(path, {{"", "cannot read: is a directory"}});
  if (!S_ISREG(status.st_mode)) {
    const char* kind = S_ISFIFO(status.st_mode)   ? "a FIFO (named pipe)"
                       : S_ISCHR(status.st_mode)  ? "a character device"
                       : S_ISBLK(status.st_mode)  ? "a block device"
                       : S_ISSOCK(status.st_mode) ? "a socket"
                                                  : "not a regular file";
    throw InputError(path, {{"", std::string("cannot read: is ") + kind + ", not a regular file"}});
  }
  std::string text;
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw InputError(path, {{"", std::string("read error: ") + std::strerror(errno)}});
    }
    if (n == 0) break;
    text.append(buffer, static_cast<std::size_t>(n));
    if (text.size() > max_bytes) {
      throw InputError(path, {{"", "file is larger than " + std::to_string(max_bytes) +
                                       " bytes; is it the right file?"}});
    }
  }
  return text;
}

namespace {

// "line L, column C" (1-based) of byte `at` of `text`.
std::string line_and_column(const std::string& text, std::size_t at) {
  std::size_t line = 1, column = 1;
  const std::size_t stop = std::min(at, text.size());
  for (std::size_t i = 0; i < stop; ++i) {
    if (text[i] == '\n')
      ++line, column = 1;
    else
      ++column;
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

// A parser message fit for a terminal: without the library's
// "[json.exception...]" tag, non-printable bytes as '?', at most 200 bytes
// (it quotes what it last read, which can be a whole line of any length).
std::string printable_reason(std::string reason) {
  if (reason.rfind("[json.exception.", 0) == 0) {
    const auto tag_end = reason.find("] ");
    if (tag_end != std::string::npos) reason.erase(0, tag_end + 2);
  }
  for (char& c : reason) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte >= 0x7f) c = '?';
  }
  if (reason.size() > 200) reason = reason.substr(0, 197) + "...";
  return reason;
}

// A key quoted in a message: non-printable bytes as '?', at most 60 bytes.
std::string printable_excerpt(const std::string& text) {
  std::string out = text.size() > 60 ? text.substr(0, 57) + "..." : text;
  for (char& c : out) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte >= 0x7f) c = '?';
  }
  return out;
}

// Nesting is bounded before parsing: the parser itself does not recurse,
// but printing a value (an error message quotes it), validating it and
// freeing it do, and 100,000 levels of '[' overflow the stack. Counted on the
// raw text, outside strings, so that the message can give the line.
void check_nesting_depth(const std::string& text, const std::string& file) {
  std::size_t depth = 0;
  std::int64_t line = 1;
  bool in_string = false, escaped = false;
  for (const char c : text) {
    if (c == '\n') ++line;
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) {
        throw InputError(file, {{"line " + std::to_string(line),
                                 "nested deeper than " + std::to_string(kMaxJsonDepth) +
                                     " levels (no input of hearth needs more than a few)"}});
      }
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
}

// Builds the document from the parser's events, as nlohmann::json::parse
// does, but refuses a key repeated in one object: the parser would keep the
// last value silently, which can hide an invalid one ("households": -7,
// "households": 300). Every repeated key is collected, with its JSON pointer.
struct DocumentBuilder {
  nlohmann::json root;
  std::vector<InputProblem> duplicate_keys;

  // An open object or array, and the key or index its next value goes under.
  struct Open {
    nlohmann::json* value;
    std::string token;
  };
  std::vector<Open> open;

  std::string pointer_to(const std::string& last) const {
    std::string pointer;
    // The path to the innermost open object: the tokens of the levels above it.
    for (std::size_t k = 0; k + 1 < open.size(); ++k) pointer += "/" + escape_token(open[k].token);
    return pointer + "/" + escape_token(last);
  }
  static std::string escape_token(const std::string& token) {
    std::string out;
    for (const char c : token) out += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
    return out;
  }

  // Places a value where the parser is and returns it.
  nlohmann::json* place(nlohmann::json&& value) {
    if (open.empty()) {
      root = std::move(value);
      return &root;
    }
    Open& parent = open.back();
    if (parent.value->is_array()) {
      parent.value->push_back(std::move(value));
      return &parent.value->back();
    }
    nlohmann::json& slot = (*parent.value)[parent.token];
    slot = std::move(value);
    return &slot;
  }
  // The index the next element of an open array takes, for pointers.
  void next_index() {
    if (!open.empty() && open.back().value->is_array()) {
      open.back().token = std::to_string(open.back().value->size());
    }
  }
  bool scalar(nlohmann::json&& value) {
    next_index();
    place(std::move(value));
    return true;
  }

  bool null() { return scalar(nullptr); }
  bool boolean(bool value) { return scalar(value); }
  bool number_integer(nlohmann::json::number_integer_t value) { return scalar(value); }
  bool number_unsigned(nlohmann::json::number_unsigned_t value) { return scalar(value); }
  bool number_float(nlohmann::json::number_float_t value, const std::string&) {
    return scalar(value);
  }
  bool string(std::string& value) { return scalar(std::move(value)); }
  bool binary(nlohmann::json::binary_t& value) {
    return scalar(nlohmann::json::binary(std::move(value)));
  }
  bool start_object(std::size_t) {
    next_index();
    open.push_back({place(nlohmann::json::object()), ""});
    return true;
  }
  bool key(std::string& name) {
    if (open.back().value->contains(name)) {
      duplicate_keys.push_back(
          {pointer_to(name), "duplicate key '" + printable_excerpt(name) +
                                 "': an object names each key once (the parser would keep "
                                 "only the last value)"});
    }
    open.back().token = name;
    return true;
  }
  bool end_object() {
    open.pop_back();
    return true;
  }
  bool start_array(std::size_t) {
    next_index();
    open.push_back({place(nlohmann::json::array()), ""});
    return true;
  }
  bool end_array() {
    open.pop_back();
    return true;
  }
  // Rethrows the parser's own exception, so that the caller reports the
  // position and reason as before.
  bool parse_error(std::size_t, const std::string&, const nlohmann::json::exception& error) {
    if (const auto* e = dynamic_cast<const nlohmann::json::parse_error*>(&error)) throw *e;
    if (const auto* e = dynamic_cast<const nlohmann::json::out_of_range*>(&error)) throw *e;
    if (const auto* e = dynamic_cast<const nlohmann::json::type_error*>(&error)) throw *e;
    throw std::runtime_error(error.what());
  }
};

}  // namespace

nlohmann::json parse_json_text(const std::string& text, const std::string& file) {
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    throw InputError(file, {{"", "file is empty; expected a JSON object"}});
  }
  // Say what the file is when it is plainly not UTF-8 text, rather than
  // quoting the byte where the parser gave up.
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  if (text.size() >= 2 &&
      ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))) {
    throw InputError(file, {{"", "the file is UTF-16 encoded (byte order mark " +
                                     std::string(bytes[0] == 0xFF ? "FF FE" : "FE FF") +
                                     "); save it as UTF-8"}});
  }
  if (const auto nul = text.find('\0'); nul != std::string::npos) {
    throw InputError(file, {{line_and_column(text, nul),
                             "NUL byte: this is a binary file (or UTF-16 text), not JSON"}});
  }
  check_nesting_depth(text, file);
  try {
    DocumentBuilder builder;
    nlohmann::json::sax_parse(text, &builder);
    if (!builder.duplicate_keys.empty()) throw InputError(file, std::move(builder.duplicate_keys));
    return std::move(builder.root);
  } catch (const nlohmann::json::parse_error& e) {
    // The position where parsing stopped.
    std::string reason = e.what();
    const auto colon = reason.find(": ", reason.find("column"));
    if (colon != std::string::npos) reason = reason.substr(colon + 2);
    throw InputError(file, {{line_and_column(text, e.byte > 0 ? e.byte - 1 : 0),
                             "malformed JSON: " + printable_reason(reason)}});
  } catch (const nlohmann::json::exception& e) {
    // A number too large for a double ("number overflow parsing '1e999'")
    // carries no position; find the number it quotes.
    const std::string reason = printable_reason(e.what());
    std::string where;
    const auto open = reason.find('\''), close = reason.rfind('\'');
    if (open != std::string::npos && close > open + 1) {
      const auto at = text.find(reason.substr(open + 1, close - open - 1));
      if (at != std::string::npos) where = line_and_column(text, at);
    }
    throw InputError(file, {{where, "malformed JSON: " + reason}});
  }
}

std::vector<InputProblem> validate_scenario_json(const nlohmann::json& document,
                                                 EventsAfterEnd events_after_end) {
  // A sweep file given where a scenario is expected (hearth validate, hearth
  // run) would otherwise get a list of unknown keys.
  if (document.is_object() && (document.contains("sweep_version") ||
                               (document.contains("base") && document.contains("parameters")))) {
    const std::string keys =
        document.contains("sweep_version") ? "\"sweep_version\"" : "\"base\" and \"parameters\"";
    return {{"", "this is a sweep file (it has " + keys +
                     "), not a scenario: check it with `hearth sweep plan FILE -o DIR`"}};
  }
  std::vector<InputProblem> problems = scenario_validator().validate(document);
  if (!problems.empty()) return problems;

  // The types are now known to be right, so reading cannot throw.
  const ScenarioDef scenario = scenario_from_json(document);
  check_semantics(document, scenario, problems);
  if (events_after_end == EventsAfterEnd::refused) check_within_run(scenario, problems);
  return problems;
}

std::vector<std::string> scenario_warnings(const ScenarioDef& def, const std::string& ticks_from) {
  std::vector<std::string> warnings;
  std::vector<InputProblem> after_end;
  check_within_run(def, after_end);
  for (const auto& p : after_end) {
    warnings.push_back(p.location + ": " + p.reason +
                       (ticks_from.empty() ? "" : " (" + ticks_from + ")"));
  }
  if (def.city.tracts.file.empty()) {
    const double hectares = static_cast<double>(def.city.grid.width_cells) *
                            def.city.grid.height_cells * def.city.grid.cell_size_m *
                            def.city.grid.cell_size_m / 10000.0;
    const double density = static_cast<double>(def.city.households) / hectares;
    if (density > kMaxPlausibleHouseholdsPerHectare) {
      char text[320];
      std::snprintf(text, sizeof text,
                    "/city/households: %lld households on %.0f hectares is %.0f per hectare, "
                    "denser than any real city (more than %.0f; docs/SCENARIOS.md); a larger "
                    "grid or fewer households?",
                    static_cast<long long>(def.city.households), hectares, density,
                    kMaxPlausibleHouseholdsPerHectare);
      warnings.emplace_back(text);
    }
  }
  return warnings;
}

std::string long_run_warning(const ScenarioDef& def) {
  const double household_ticks = static_cast<double>(def.city.households) * def.ticks;
  if (def.city.tracts.file.empty() && household_ticks > kLongRunHouseholdTicks) {
    char text[320];
    std::snprintf(text, sizeof text,
                  "%lld households x %d ticks is a long run: at the 5 million household-ticks "
                  "per second measured on two cores (docs/PERFORMANCE.md) about %.0f minutes, "
                  "and larger cities run slower per household",
                  static_cast<long long>(def.city.households), def.ticks,
                  household_ticks / 5e6 / 60.0);
    return text;
  }
  return "";
}

LoadedScenario resolve(const ScenarioDef& def) {
  LoadedScenario loaded;
  loaded.def = def;
  loaded.resolved = scenario_to_json(def);
  loaded.hash = to_hex(fnv1a64(loaded.resolved.dump()));
  return loaded;
}

LoadedScenario load_scenario_json(const nlohmann::json& document, const std::string& label,
                                  EventsAfterEnd events_after_end) {
  auto problems = validate_scenario_json(document, events_after_end);
  if (!problems.empty()) throw InputError(label, std::move(problems));
  return resolve(scenario_from_json(document));
}

LoadedScenario load_scenario_file(const std::string& path) {
  return load_scenario_json(parse_json_text(read_text_file(path), path), path,
                            EventsAfterEnd::refused);
}

}  // namespace hearth::io
