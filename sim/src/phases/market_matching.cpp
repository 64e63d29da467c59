// Matching: every vacancy takes its best bid. Bids are sorted by (dwelling,
// -amount, household id) with parallel::sort; that order is total, so
// the winners do not depend on the order bids were made in or on the thread
// count (the FLAME GPU 2 / Box2D pattern: parallel proposals, sorted commit).
#include "parallel/parallel.hpp"

#include "phases/market.hpp"

namespace hearth::market {

void resolve_bids(std::vector<Bid>& bids, std::vector<Bid>& winners, std::vector<Bid>& losers) {
  parallel::sort(bids, [](const Bid& a, const Bid& b) {
    if (a.dwelling != b.dwelling) return a.dwelling < b.dwelling;
    if (a.amount != b.amount) return a.amount > b.amount;
    return a.household < b.household;
  });
  winners.clear();
  losers.clear();
  for (std::size_t i = 0; i < bids.size(); ++i) {
    if (i == 0 || bids[i].dwelling != bids[i - 1].dwelling)
      winners.push_back(bids[i]);
    else
      losers.push_back(bids[i]);
  }
}

}  // namespace hearth::market
