// The terminal report: a call read in thirty seconds. Plain text, fixed column widths,
// byte-stable (golden-tested).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "report/report.h"
#include "rules/engine.h"

namespace callscope::report {

std::string SpeakersText(const Analysis& a);    // speakers_text.cc
std::string NonAnswersText(const Analysis& a);  // speakers_text.cc

namespace {

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

// Cuts at a word boundary, on UTF-8 character boundaries.
std::string Clip(std::string_view s, size_t max) {
  if (s.size() <= max) return std::string(s);
  size_t cut = s.rfind(' ', max - 3);
  if (cut == std::string_view::npos || cut < max / 2) {
    cut = max - 3;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  }
  return std::string(s.substr(0, cut)) + "...";
}

// The analyst's question: the first sentence with a question mark in their first turn, else the
// turn's opening sentence that is not a greeting.
std::string Gist(const Analysis& a, const Exchange& e) {
  if (e.turns.empty()) return {};
  int first = e.turns.front();
  std::string_view fallback;
  for (const auto& s : a.sentences) {
    if (s.turn != first) continue;
    std::string_view text = std::string_view(a.turns[first].text).substr(s.begin, s.end - s.begin);
    if (text.find('?') != std::string_view::npos) return Clip(text, 100);
    if (fallback.empty() && Words(text) > 4) fallback = text;
  }
  return Clip(fallback.empty() ? std::string_view(a.turns[first].text) : fallback, 100);
}

// "947M USD", "0.27 USD/share", "25.1 %", "6830 count"; a range as "921M-971M USD".
std::string Amount(double v, double lo, double hi, const std::string& unit) {
  auto one = [](double x) {
    double ax = std::fabs(x);
    if (ax >= 1e9) return rules::FormatNumber(std::round(x / 1e7) / 100) + "B";
    if (ax >= 1e6) return rules::FormatNumber(std::round(x / 1e4) / 100) + "M";
    return rules::FormatNumber(x);
  };
  if (std::isnan(v)) return "-";
  return (!std::isnan(lo) && lo != hi ? one(lo) + "-" + one(hi) : one(v)) + " " + unit;
}

}  // namespace

std::string TextReport(const Analysis& a) {
  std::string o;
  auto line = [&](std::string_view s) { o.append(s).push_back('\n'); };
  const Call& c = a.call;
  line(fmt::format("{}{}", c.company.empty() ? "Unknown company" : c.company,
                   c.ticker.empty() ? "" : fmt::format(" ({})", c.ticker)));
  if (!c.title.empty()) line(c.title);
  line(fmt::format("Date: {}   Period: {}   Layout: {} ({:.2f})   Source: {}, {} bytes, {}",
                   c.date.empty() ? "unknown" : c.date, c.fiscal_period.empty() ? "unknown" : c.fiscal_period,
                   a.source.layout, a.source.layout_confidence, a.source.path, a.source.bytes, a.source.encoding));
  for (const auto& w : a.warnings) line("Warning: " + w);
  AppendGuidanceTable(a, &o);

  line("");
  line(fmt::format("PARTICIPANTS ({})", a.participants.size()));
  for (Role r : {Role::kOperator, Role::kExecutive, Role::kAnalyst, Role::kOther}) {
    std::vector<const Participant*> ps;
    for (const auto& p : a.participants)
      if (p.role == r) ps.push_back(&p);
    if (ps.empty()) continue;
    static const char* kHead[] = {"Operator", "Executives", "Analysts", "Other"};
    line(fmt::format("  {} ({})", kHead[static_cast<int>(r)], ps.size()));
    for (const auto* p : ps)
      line(fmt::format("    {:<26} {:<36} {}", Clip(p->name, 26), Clip(p->affiliation, 36), p->title));
  }

  line("");
  line("SECTIONS");
  for (Section s : {Section::kPresentation, Section::kQa}) {
    size_t turns = 0, words = 0;
    for (const auto& t : a.turns)
      if (t.section == s) ++turns, words += Words(t.text);
    if (turns) line(fmt::format("  {:<14} {:>4} turns {:>7} words", SectionName(s), turns, words));
  }

  line("");
  line(fmt::format("EXCHANGES ({})", a.exchanges.size()));
  for (const auto& e : a.exchanges) {
    const Participant& an = a.participants[e.analyst];
    std::string who;
    for (int r : e.responders) who += (who.empty() ? "" : ", ") + a.participants[r].name;
    line(fmt::format("  {:>2}. {}{} -> {}", e.index + 1, an.name,
                     an.affiliation.empty() ? "" : " (" + an.affiliation + ")", who.empty() ? "no answer" : who));
    line(fmt::format("      \"{}\"", Gist(a, e)));
  }

  line("");
  line(fmt::format("METRICS ({})", a.tags.metrics.size()));
  // the metric and amount columns as wide as their widest entry, so the columns after stay aligned
  auto what_of = [](const Metric& m) { return m.metric + (m.segment.empty() ? "" : " [" + m.segment + "]"); };
  auto amount_of = [](const Metric& m) {
    return Amount(m.value, m.low, m.high, m.unit) + (m.share_of.empty() ? "" : " of " + m.share_of);
  };
  size_t ww = 26, wa = 24;
  for (const auto& m : a.tags.metrics) ww = std::max(ww, what_of(m).size()), wa = std::max(wa, amount_of(m).size());
  for (const auto& m : a.tags.metrics) {
    std::string cmp;
    for (const auto& k : m.comparisons) {
      // "+29%", "from $0.22"; a range: "+7% to +11%", "from 6.7-6.95 USD/share"
      auto one = [&](double v) {
        std::string sign = k.type == "from" || v < 0 ? "" : "+";
        return sign + (k.unit == "%" ? rules::FormatNumber(v) + "%" : Amount(v, NAN, NAN, k.unit));
      };
      std::string v = !k.Range()          ? one(k.value)
                      : k.type == "from" ? (k.unit == "%" ? rules::FormatNumber(k.low) + "-" + rules::FormatNumber(k.high) + "%"
                                                          : Amount(k.value, k.low, k.high, k.unit))
                                         : one(k.low) + " to " + one(k.high);
      cmp += fmt::format("{}{} {}{}", cmp.empty() ? "" : ", ", k.kind, k.type == "from" ? "from " : "", v);
    }
    line(fmt::format("  {:<{}} {:<{}} {:<8} {:<9}{}", what_of(m), ww, amount_of(m), wa, m.period.empty() ? "-" : m.period,
                     m.basis.empty() ? "-" : m.basis, cmp.empty() ? "" : " " + cmp));
  }
  o += SpeakersText(a);
  o += NonAnswersText(a);
  return o;
}

namespace {
class TextSink : public Sink {
 public:
  explicit TextSink(Output* out) : out_(out) {}
  Status Write(const Analysis& a) override {
    std::string s = (n_++ ? "\n" + std::string(72, '=') + "\n\n" : "") + TextReport(a);
    return out_->Write(s);
  }
  Status Finish() override { return Status::Ok(); }

 private:
  Output* out_;
  size_t n_ = 0;
};
}  // namespace

std::unique_ptr<Sink> MakeTextSink(Output* out) { return std::make_unique<TextSink>(out); }

}  // namespace callscope::report
