#include "support/paired_seeds.hpp"

#include <catch2/catch.hpp>

#include <cstdio>

namespace hearth::test {

std::string PairedOutcome::describe() const {
  std::string out = name + ", seed: A -> B";
  char line[200];
  for (std::size_t i = 0; i < seeds.size(); ++i) {
    std::snprintf(line, sizeof line, "\n  %llu: %.6g -> %.6g (%+.6g)",
                  static_cast<unsigned long long>(seeds[i]), a[i], b[i], b[i] - a[i]);
    out += line;
  }
  std::snprintf(line, sizeof line, "\nB - A over %zu pairs: mean %.6g, 95%% interval [%.6g, %.6g]",
                difference.n, difference.mean, difference.lower, difference.upper);
  return out + line;
}

const PairedOutcome& PairedRuns::operator[](const std::string& name) const {
  const auto it = figures.find(name);
  if (it == figures.end()) FAIL("no paired figure named " << name);
  return it->second;
}

PairedRuns paired_over_seeds(const std::function<Figures(int arm, std::uint64_t seed)>& measure,
                             int seeds) {
  PairedRuns out;
  for (int k = 1; k <= seeds; ++k) {
    const auto seed = static_cast<std::uint64_t>(k);
    const Figures a = measure(0, seed);
    const Figures b = measure(1, seed);
    REQUIRE(a.size() == b.size());
    for (const auto& [name, value] : a) {
      PairedOutcome& figure = out.figures[name];
      figure.name = name;
      figure.seeds.push_back(seed);
      figure.a.push_back(value);
      figure.b.push_back(b.at(name));
    }
  }
  for (auto& [name, figure] : out.figures) {
    std::vector<double> differences;
    for (std::size_t i = 0; i < figure.a.size(); ++i)
      differences.push_back(figure.b[i] - figure.a[i]);
    figure.difference = report::paired_interval(differences);
  }
  return out;
}

void check_b_higher(const PairedOutcome& outcome) {
  INFO(outcome.describe());
  CHECK(report::verdict_of(outcome.difference) == report::Verdict::Higher);
}

void check_b_lower(const PairedOutcome& outcome) {
  INFO(outcome.describe());
  CHECK(report::verdict_of(outcome.difference) == report::Verdict::Lower);
}

}  // namespace hearth::test
