// The report's speaker table (who hedges, sorted by hedges per 1,000 words, with the call's
// average), the exchanges that drew non-answers, and user lexicon counts. Called from text.cc.
#include <fmt/format.h>

#include <algorithm>
#include <string>

#include "callscope/analysis.h"

namespace callscope::report {

namespace {

double Rate(int n, int words) { return words ? n * 1000.0 / words : 0; }

std::string ClipTo(std::string_view s, size_t max) {
  if (s.size() <= max) return std::string(s);
  size_t cut = s.rfind(' ', max - 3);
  if (cut == std::string_view::npos || cut < max / 2) {
    cut = max - 3;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  }
  return std::string(s.substr(0, cut)) + "...";
}

// "verb 12, modal 7": the two most used hedge categories.
std::string TopCategories(const SpeakerCounts& c) {
  std::vector<std::pair<std::string, int>> v(c.hedges_by_category.begin(), c.hedges_by_category.end());
  std::stable_sort(v.begin(), v.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
  std::string s;
  for (size_t i = 0; i < v.size() && i < 2; ++i) s += fmt::format("{}{} {}", i ? ", " : "", v[i].first, v[i].second);
  return s;
}

std::string RateCell(const SpeakerCounts& c) { return c.words ? fmt::format("{:.1f}", Rate(c.hedges, c.words)) : "-"; }

}  // namespace

std::string SpeakersText(const Analysis& a) {
  std::string o;
  auto line = [&](std::string_view s) { o.append(s).push_back('\n'); };
  std::vector<const SpeakerStats*> rows;
  for (const auto& s : a.tags.speakers)
    if (s.all.words > 0 && a.participants[s.speaker].role != Role::kOperator) rows.push_back(&s);
  if (rows.empty()) return o;
  // A rate over a few words is noise (one hedge in a 39-word question is 25.6 per 1,000): speakers
  // under kRankedWords come after the ranked ones, by words.
  constexpr int kRankedWords = 100;
  auto ranked = [](const SpeakerStats* s) { return s->all.words >= kRankedWords; };
  std::stable_sort(rows.begin(), rows.end(), [&](const SpeakerStats* x, const SpeakerStats* y) {
    if (ranked(x) != ranked(y)) return ranked(x);
    if (!ranked(x)) return x->all.words > y->all.words;
    return Rate(x->all.hedges, x->all.words) > Rate(y->all.hedges, y->all.words);
  });
  const SpeakerCounts& call = a.tags.call;
  line("");
  line(fmt::format("SPEAKERS BY HEDGING (hedges per 1,000 words; call average {:.1f})", Rate(call.hedges, call.words)));
  line(fmt::format("  {:<24} {:<9} {:>6} {:>6} {:>6} {:>6} {:>6} {:>4} {:>4}  {}", "speaker", "role", "words", "hedges",
                   "per1k", "pres", "q&a", "n/a", "met", "top categories"));
  auto row = [&](const std::string& name, const std::string& role, const SpeakerCounts& all, const SpeakerCounts& pres,
                 const SpeakerCounts& qa) {
    line(fmt::format("  {:<24} {:<9} {:>6} {:>6} {:>6} {:>6} {:>6} {:>4} {:>4}  {}", ClipTo(name, 24), role, all.words,
                     all.hedges, RateCell(all), RateCell(pres), RateCell(qa), all.nonanswers, all.metrics,
                     TopCategories(all)));
  };
  for (size_t i = 0; i < rows.size(); ++i) {
    const SpeakerStats* s = rows[i];
    if (!ranked(s) && (i == 0 || ranked(rows[i - 1])))
      line(fmt::format("  (fewer than {} words: not ranked)", kRankedWords));
    const Participant& p = a.participants[s->speaker];
    row(p.name, RoleName(p.role), s->all, s->presentation, s->qa);
  }
  SpeakerCounts pres, qa;
  for (const auto* s : rows) {
    pres.words += s->presentation.words, pres.hedges += s->presentation.hedges;
    qa.words += s->qa.words, qa.hedges += s->qa.hedges;
  }
  row("call average", "", call, pres, qa);

  if (!call.lexicons.empty()) {
    line("");
    line("LEXICONS (hits per 1,000 words)");
    std::string head = fmt::format("  {:<24}", "speaker");
    for (const auto& [k, v] : call.lexicons) head += fmt::format(" {:>16}", ClipTo(k, 16));
    line(head);
    auto lex_row = [&](const std::string& name, const SpeakerCounts& c) {
      std::string r = fmt::format("  {:<24}", ClipTo(name, 24));
      for (const auto& [k, v] : call.lexicons) {
        auto it = c.lexicons.find(k);
        int n = it == c.lexicons.end() ? 0 : it->second;
        r += fmt::format(" {:>16}", fmt::format("{} ({:.1f})", n, Rate(n, c.words)));
      }
      line(r);
    };
    for (const auto* s : rows) lex_row(a.participants[s->speaker].name, s->all);
    lex_row("call", call);
  }
  return o;
}

std::string NonAnswersText(const Analysis& a) {
  std::string o;
  auto line = [&](std::string_view s) { o.append(s).push_back('\n'); };
  std::vector<std::vector<const NonAnswer*>> by(a.exchanges.size());
  size_t outside = 0;
  for (const auto& n : a.tags.nonanswers) {
    if (n.exchange >= 0 && static_cast<size_t>(n.exchange) < by.size()) by[n.exchange].push_back(&n);
    else ++outside;
  }
  size_t count = std::count_if(by.begin(), by.end(), [](const auto& v) { return !v.empty(); });
  if (count == 0 && outside == 0) return o;
  line("");
  line(fmt::format("EXCHANGES WITH NON-ANSWERS ({} of {})", count, a.exchanges.size()));
  for (size_t i = 0; i < by.size(); ++i) {
    if (by[i].empty()) continue;
    const Exchange& e = a.exchanges[i];
    const Participant& an = a.participants[e.analyst];
    line(fmt::format("  {:>2}. {}{}", e.index + 1, an.name, an.affiliation.empty() ? "" : " (" + an.affiliation + ")"));
    for (const auto* n : by[i]) {
      // The sentence, from a little before the phrase when it sits deep in a long sentence.
      const Sentence& s = a.sentences[n->sentence];
      std::string_view turn = a.turns[s.turn].text;
      size_t from = s.begin;
      if (n->start > s.begin + 60) {
        size_t sp = turn.rfind(' ', n->start - 40);
        if (sp != std::string_view::npos && sp > s.begin) from = sp + 1;
      }
      std::string_view text = turn.substr(from, s.end - from);
      line(fmt::format("      [{}] {}: \"{}{}\"", n->category, a.participants[n->speaker].name, from > s.begin ? "..." : "",
                       ClipTo(text, 110)));
    }
  }
  if (outside) line(fmt::format("  ({} more outside the Q&A exchanges)", outside));
  return o;
}

}  // namespace callscope::report
