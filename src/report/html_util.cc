// Small helpers of the HTML report: escaping, amounts, the highlight marks and per-speaker numbers
// gathered from the tags (each tag kind adds its marks here as its module lands).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "report/html.h"
#include "rules/engine.h"

namespace callscope::report::html {

const KindInfo kKindInfo[kKinds] = {
    {"guidance", "Guidance", "a forward-looking target"},
    {"nonanswer", "Non-answer", "a question not answered"},
    {"hedge", "Hedge", "hedging language"},
    {"metric", "Metric", "a reported number"},
};

void AppendEsc(std::string* o, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '&': o->append("&amp;"); break;
      case '<': o->append("&lt;"); break;
      case '>': o->append("&gt;"); break;
      case '"': o->append("&quot;"); break;
      case '\'': o->append("&#39;"); break;
      default:
        // Control characters other than tab and newline are not allowed in HTML text.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') o->push_back(' ');
        else o->push_back(c);
    }
  }
}

std::string Esc(std::string_view s) {
  std::string o;
  AppendEsc(&o, s);
  return o;
}

size_t Words(std::string_view s) {
  size_t n = 0;
  bool in = false;
  for (char c : s) {
    bool w = c != ' ' && c != '\n';
    n += w && !in;
    in = w;
  }
  return n;
}

namespace {

std::string Scaled(double x) {
  double ax = std::fabs(x);
  if (ax >= 1e9) return rules::FormatNumber(std::round(x / 1e7) / 100) + "B";
  if (ax >= 1e6) return rules::FormatNumber(std::round(x / 1e4) / 100) + "M";
  if (ax >= 1e4 && ax == std::round(ax)) {  // 6830 -> "6,830"
    std::string d = fmt::format("{:.0f}", ax), s;
    for (size_t i = 0; i < d.size(); ++i) s += (i && (d.size() - i) % 3 == 0 ? "," : "") + d.substr(i, 1);
    return (x < 0 ? "-" : "") + s;
  }
  return rules::FormatNumber(std::round(x * 1e4) / 1e4);
}

}  // namespace

std::string Amount(double value, double low, double high, const std::string& unit) {
  if (std::isnan(value) && std::isnan(low)) return "";
  std::string pre, post = unit.empty() || unit == "number" || unit == "count" ? "" : " " + unit;
  if (unit == "USD") pre = "$", post = "";
  if (unit == "USD/share") pre = "$", post = "/share";
  if (unit == "%" || unit == "x") post = unit;
  auto one = [&](double x) {
    if (unit == "USD/share") return (x < 0 ? "-" + pre : pre) + fmt::format("{:.2f}", std::fabs(x));
    if (unit == "fraction") return rules::FormatNumber(std::round(x * 1000) / 10) + "%";
    return (x < 0 ? "-" + pre : pre) + Scaled(std::fabs(x));
  };
  if (unit == "fraction") post = "";
  if (!std::isnan(low) && !std::isnan(high) && low != high) return one(low) + "\u2013" + one(high) + post;
  return one(std::isnan(value) ? low : value) + post;
}

size_t TagCount(const Analysis& a, Kind kind) {
  switch (kind) {
    case kGuidance: return a.tags.guidance.size();
    case kMetric: return a.tags.metrics.size();
    case kHedge: return a.tags.hedges.size();
    case kNonAnswer: return a.tags.nonanswers.size();
    default: return 0;
  }
}

void AppendHead(const std::string& title, std::string* o) {
  o->append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            "<meta name=\"generator\" content=\"callscope\">\n<title>");
  AppendEsc(o, title);
  o->append("</title>\n<style>\n").append(kCss).append("</style>\n</head>\n<body>\n");
}

void AppendTail(std::string* o) { o->append("<script>\n").append(kJs).append("</script>\n</body>\n</html>\n"); }

std::string GuidanceAnchor(const Analysis& a, size_t i) {
  const auto& gs = a.tags.guidance;
  for (size_t j = 0; j < i; ++j)
    if (gs[j].turn == gs[i].turn && gs[j].start == gs[i].start && gs[j].end == gs[i].end) return fmt::format("g{}", j + 1);
  return fmt::format("g{}", i + 1);
}

std::vector<Mark> CollectMarks(const Analysis& a) {
  std::vector<Mark> marks;
  for (size_t i = 0; i < a.tags.guidance.size(); ++i) {
    const Guidance& g = a.tags.guidance[i];
    std::string id = GuidanceAnchor(a, i), what = g.metric;
    std::replace(what.begin(), what.end(), '_', ' ');
    std::string value = g.qualitative || std::isnan(g.low) ? "qualitative" : Amount(g.low, g.low, g.high, g.unit);
    std::string title = "guidance: " + what + " " + value + (g.period.empty() ? "" : " (" + g.period + ")");
    if (id != fmt::format("g{}", i + 1)) {  // another item in the same span: one highlight says both
      for (auto& m : marks)
        if (m.id == id) m.title += "; " + what + " " + value;
      continue;
    }
    marks.push_back({kGuidance, g.turn, g.start, g.end, id, title});
  }
  for (size_t i = 0; i < a.tags.metrics.size(); ++i) {
    const Metric& m = a.tags.metrics[i];
    std::string what = m.metric;
    std::replace(what.begin(), what.end(), '_', ' ');
    std::string amount = Amount(m.value, m.low, m.high, m.unit);
    marks.push_back({kMetric, m.turn, m.start, m.end, fmt::format("m{}", i + 1),
                     what + (amount.empty() ? "" : ": " + amount) + (m.period.empty() ? "" : " (" + m.period + ")")});
  }
  for (size_t i = 0; i < a.tags.hedges.size(); ++i) {
    const Hedge& h = a.tags.hedges[i];
    marks.push_back({kHedge, h.turn, h.start, h.end, fmt::format("h{}", i + 1), "hedge (" + h.category + "): " + h.cue});
  }
  for (size_t i = 0; i < a.tags.nonanswers.size(); ++i) {
    const NonAnswer& n = a.tags.nonanswers[i];
    marks.push_back({kNonAnswer, n.turn, n.start, n.end, fmt::format("n{}", i + 1), "non-answer (" + n.category + "): " + n.phrase});
  }
  std::stable_sort(marks.begin(), marks.end(), [](const Mark& x, const Mark& y) {
    return x.turn != y.turn ? x.turn < y.turn : x.start < y.start;
  });
  return marks;
}

std::vector<SpeakerStat> SpeakerStats(const Analysis& a) {
  std::vector<SpeakerStat> by_id(a.participants.size());
  for (size_t i = 0; i < by_id.size(); ++i) by_id[i].participant = static_cast<int>(i);
  for (const auto& t : a.turns) {
    if (t.speaker < 0 || t.speaker >= static_cast<int>(by_id.size())) continue;
    by_id[t.speaker].turns++;
    by_id[t.speaker].words += Words(t.text);
  }
  for (const auto& h : a.tags.hedges)
    if (h.speaker >= 0 && h.speaker < static_cast<int>(by_id.size())) by_id[h.speaker].hedges++;
  for (const auto& n : a.tags.nonanswers)
    if (n.speaker >= 0 && n.speaker < static_cast<int>(by_id.size())) by_id[n.speaker].nonanswers++;
  // The speaker counts of the rules, when present, are the ones every other sink reports.
  for (const auto& sp : a.tags.speakers) {
    if (sp.speaker < 0 || sp.speaker >= static_cast<int>(by_id.size())) continue;
    SpeakerStat& s = by_id[sp.speaker];
    s.words = sp.all.words, s.hedges = sp.all.hedges, s.nonanswers = sp.all.nonanswers;
  }
  std::vector<SpeakerStat> out;
  for (const auto& s : by_id)
    if (s.turns) out.push_back(s);
  return out;
}

}  // namespace callscope::report::html
