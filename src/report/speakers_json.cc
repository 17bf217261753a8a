// JSON for hedges, non-answers and the per-speaker / per-call counts (docs/json.md), called from
// TagsJson. Every category key is written, zeros included, so consumers see a fixed shape.
#include <nlohmann/json.hpp>

#include <cmath>

#include "callscope/analysis.h"

namespace callscope::report {

using ordered = nlohmann::ordered_json;

namespace {

const char* const kHedgeCategories[] = {"modal", "verb", "adverb", "approximator", "uncertainty", "conditional"};

double Per1000(int n, int words) { return words ? std::round(n * 1000000.0 / words) / 1000 : 0; }

ordered Counts(const SpeakerCounts& c) {
  ordered by = ordered::object();
  for (const char* k : kHedgeCategories) {
    auto it = c.hedges_by_category.find(k);
    by[k] = it == c.hedges_by_category.end() ? 0 : it->second;
  }
  ordered lex = ordered::object();
  for (const auto& [k, v] : c.lexicons) lex[k] = v;
  return {{"turns", c.turns},
          {"words", c.words},
          {"hedges", c.hedges},
          {"hedges_per_1000_words", Per1000(c.hedges, c.words)},
          {"hedges_by_category", std::move(by)},
          {"nonanswers", c.nonanswers},
          {"guidance", c.guidance},
          {"metrics", c.metrics},
          {"lexicons", std::move(lex)}};
}

}  // namespace

ordered HedgesJson(const Analysis& a) {
  ordered out = ordered::array();
  for (const auto& h : a.tags.hedges)
    out.push_back({{"category", h.category}, {"cue", h.cue}, {"rule", h.rule}, {"speaker", h.speaker}, {"turn", h.turn},
                   {"sentence", h.sentence}, {"start", h.start}, {"end", h.end}});
  return out;
}

ordered NonAnswersJson(const Analysis& a) {
  ordered out = ordered::array();
  for (const auto& n : a.tags.nonanswers)
    out.push_back({{"category", n.category}, {"phrase", n.phrase}, {"rule", n.rule}, {"speaker", n.speaker},
                   {"turn", n.turn}, {"sentence", n.sentence},
                   {"exchange", n.exchange < 0 ? ordered(nullptr) : ordered(n.exchange)}, {"start", n.start},
                   {"end", n.end}});
  return out;
}

// The exchanges whose answers hold a non-answer, in order.
ordered NonAnswerExchangesJson(const Analysis& a) {
  std::vector<bool> seen(a.exchanges.size(), false);
  for (const auto& n : a.tags.nonanswers)
    if (n.exchange >= 0 && static_cast<size_t>(n.exchange) < seen.size()) seen[n.exchange] = true;
  ordered out = ordered::array();
  for (size_t i = 0; i < seen.size(); ++i)
    if (seen[i]) out.push_back(i);
  return out;
}

ordered SpeakersJson(const Analysis& a) {
  ordered out = ordered::array();
  for (const auto& s : a.tags.speakers) {
    if (s.speaker < 0 || static_cast<size_t>(s.speaker) >= a.participants.size()) continue;
    const Participant& p = a.participants[s.speaker];
    ordered o = {{"id", s.speaker}, {"name", p.name}, {"role", RoleName(p.role)}};
    ordered all = Counts(s.all);  // a named object: items() of a temporary would dangle
    for (auto& [k, v] : all.items()) o[k] = std::move(v);
    o["presentation"] = Counts(s.presentation);
    o["qa"] = Counts(s.qa);
    out.push_back(std::move(o));
  }
  return out;
}

ordered CallCountsJson(const Analysis& a) { return Counts(a.tags.call); }

}  // namespace callscope::report
