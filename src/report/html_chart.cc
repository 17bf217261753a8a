// The per-speaker chart of the HTML report, as inline SVG: words spoken, hedging rate against the
// call's average, and non-answers, one row per executive and analyst. The table beside it carries
// the same numbers for screen readers and print.
#include <fmt/format.h>

#include <algorithm>

#include "report/html.h"

namespace callscope::report::html {
namespace {

constexpr int kLabelW = 190, kWordsX = 200, kWordsW = 300, kHedgeX = 580, kHedgeW = 170, kNaX = 800;
constexpr int kWidth = 900, kTop = 46, kRowH = 26;

std::string Clip(const std::string& s, size_t max) {
  if (s.size() <= max) return s;
  size_t cut = max - 1;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "\u2026";
}

}  // namespace

void AppendSpeakerChart(const Analysis& a, const std::vector<SpeakerStat>& all, std::string* o) {
  std::vector<SpeakerStat> rows;
  for (const auto& s : all)
    if (a.participants[s.participant].role != Role::kOperator) rows.push_back(s);
  // Executives first, then analysts, then anyone else; the most words first within each.
  std::stable_sort(rows.begin(), rows.end(), [&](const SpeakerStat& x, const SpeakerStat& y) {
    auto rank = [&](const SpeakerStat& s) {
      Role r = a.participants[s.participant].role;
      return r == Role::kExecutive ? 0 : r == Role::kAnalyst ? 1 : 2;
    };
    return rank(x) != rank(y) ? rank(x) < rank(y) : x.words > y.words;
  });
  if (rows.empty()) {
    o->append("<p class=\"empty\">No one but the operator spoke.</p>\n");
    return;
  }
  size_t max_words = 1, words = 0, hedges = 0;
  double max_rate = 0;
  for (const auto& s : rows) {
    max_words = std::max(max_words, s.words);
    max_rate = std::max(max_rate, s.hedge_rate());
    words += s.words, hedges += s.hedges;
  }
  double avg = words ? 1000.0 * hedges / words : 0;
  if (max_rate <= 0) max_rate = 1;
  int height = kTop + kRowH * static_cast<int>(rows.size()) + 12;
  o->append(fmt::format(
      "<svg class=\"chart\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" role=\"img\" "
      "aria-labelledby=\"chart-t chart-d\">\n<title id=\"chart-t\">Words, hedging rate and non-answers per speaker"
      "</title>\n<desc id=\"chart-d\">{} speakers; the call averages {:.1f} hedges per 1,000 words. The table "
      "below gives the same numbers.</desc>\n",
      kWidth, height, kWidth, height, rows.size(), avg));
  o->append(fmt::format(
      "<g class=\"ch-head\"><text x=\"{}\" y=\"18\">Words spoken</text><text x=\"{}\" y=\"18\">Hedges per 1,000 words"
      "</text><text x=\"{}\" y=\"18\">Non-answers</text></g>\n",
      kWordsX, kHedgeX, kNaX));
  // The call average, a dashed rule through the hedging panel.
  int avg_x = kHedgeX + static_cast<int>(kHedgeW * avg / max_rate);
  o->append(fmt::format(
      "<g class=\"ch-avg\"><line x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\"/><text x=\"{}\" y=\"{}\">call avg {:.1f}"
      "</text></g>\n",
      avg_x, avg_x, kTop - 10, height - 6, avg_x + 4, kTop - 14 + 4, avg));
  int y = kTop;
  for (const auto& s : rows) {
    const Participant& p = a.participants[s.participant];
    std::string role = RoleName(p.role);
    int w = std::max(1, static_cast<int>(kWordsW * static_cast<double>(s.words) / max_words));
    int h = static_cast<int>(kHedgeW * s.hedge_rate() / max_rate);
    o->append(fmt::format("<g class=\"ch-row r-{}\" transform=\"translate(0 {})\">", role, y));
    o->append(fmt::format("<text class=\"ch-name\" x=\"{}\" y=\"13\">", kLabelW));
    AppendEsc(o, Clip(p.name.empty() ? "Unknown" : p.name, 26));
    o->append("</text>");
    o->append(fmt::format("<rect class=\"ch-words\" x=\"{}\" y=\"3\" width=\"{}\" height=\"14\" rx=\"2\"/>"
                          "<text class=\"ch-val\" x=\"{}\" y=\"14\">{}</text>",
                          kWordsX, w, kWordsX + w + 5, s.words));
    if (h > 0) o->append(fmt::format("<rect class=\"ch-hedge\" x=\"{}\" y=\"3\" width=\"{}\" height=\"14\" rx=\"2\"/>", kHedgeX, h));
    o->append(fmt::format("<text class=\"ch-val\" x=\"{}\" y=\"14\">{:.1f}</text>", kHedgeX + h + 5, s.hedge_rate()));
    for (size_t i = 0; i < std::min<size_t>(s.nonanswers, 6); ++i)
      o->append(fmt::format("<rect class=\"ch-na\" x=\"{}\" y=\"4\" width=\"12\" height=\"12\" rx=\"2\"/>", kNaX + 16 * i));
    o->append(fmt::format("<text class=\"ch-val{}\" x=\"{}\" y=\"14\">{}</text></g>\n", s.nonanswers ? "" : " zero",
                          kNaX + 16 * std::min<size_t>(s.nonanswers, 6) + (s.nonanswers ? 2 : 0), s.nonanswers));
    y += kRowH;
  }
  o->append("</svg>\n<p class=\"chart-key\" aria-hidden=\"true\"><span class=\"ck-exec\">Executives</span>"
            "<span class=\"ck-analyst\">Analysts</span><span class=\"ck-hedge\">Hedges per 1,000 words (dashed: the call "
            "average)</span><span class=\"ck-na\">Non-answers</span></p>\n");
}

}  // namespace callscope::report::html
