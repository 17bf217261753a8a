// Guidance in the reports: the GUIDANCE table of the text report (the first thing after the call
// header) and `callscope guidance --csv`, one RFC 4180 file with a row per guidance item across
// every call of a run (CRLF records, UTF-8, an optional BOM for spreadsheets).
#include <algorithm>
#include <fmt/format.h>

#include <cmath>

#include "report/report.h"

namespace callscope::report {
namespace {

std::string Num(double v) { return std::isnan(v) ? std::string() : fmt::format("{}", v); }

// "$921M..$971M", "27%", "$0.30..$0.33/share", "545M shares": compact for the table.
std::string Short(double v, const std::string& unit) {
  if (std::isnan(v)) return "";
  bool money = unit.size() >= 3 && unit.compare(0, 3, "USD") == 0;
  std::string cur = unit == "USD" || unit == "USD/share" ? "$" : "";
  double a = std::fabs(v);
  std::string s;
  if (money || unit == "shares" || unit == "count" || unit.size() == 3) {
    if (a >= 1e9) s = fmt::format("{}B", v / 1e9);
    else if (a >= 1e6) s = fmt::format("{}M", v / 1e6);
    else if (a >= 1e4) s = fmt::format("{}K", v / 1e3);
    else s = unit == "USD/share" ? fmt::format("{:.2f}", v) : fmt::format("{}", v);
  } else {
    s = fmt::format("{}", v);
  }
  if (!cur.empty()) return (v < 0 ? "-$" + s.substr(1) : cur + s);
  return s;
}

std::string Values(const Guidance& g) {
  if (g.qualitative || std::isnan(g.low)) return "(qualitative)";
  std::string u = g.unit == "%" || g.unit == "pp" || g.unit == "bp" ? g.unit
                  : g.unit == "USD" || g.unit == "USD/share" ? ""
                                                             : " " + g.unit;
  if (g.unit == "USD/share") u = "/share";
  std::string s = Short(g.low, g.unit);
  if (g.high != g.low) s += ".." + Short(g.high, g.unit);
  return s + u;
}

}  // namespace

std::string GuidanceValues(const Guidance& g) { return Values(g); }

void AppendGuidanceTable(const Analysis& a, std::string* o) {
  const auto& gs = a.tags.guidance;
  if (gs.empty()) return;
  o->append(fmt::format("\nGUIDANCE ({})\n", gs.size()));
  // the metric and value columns as wide as their widest entry, so the columns below stay aligned
  size_t wm = 24, wv = 22;
  for (const auto& g : gs) wm = std::max(wm, g.metric.size()), wv = std::max(wv, Values(g).size());
  o->append(fmt::format("  {:<{}} {:<10} {:<9} {:<{}} {}\n", "metric", wm, "period", "basis", "value", wv, "notes"));
  for (const auto& g : gs) {
    std::string notes;
    auto add = [&](const std::string& s) {
      if (!s.empty()) notes += (notes.empty() ? "" : "; ") + s;
    };
    add(g.qualifier);
    if (!g.revision.empty()) {
      std::string r = g.revision;
      if (!std::isnan(g.prior_low)) {
        Guidance p = g;
        p.low = g.prior_low, p.high = g.prior_high, p.qualitative = false;
        r += " from " + Values(p);
      }
      add(r);
    }
    add(g.condition);
    std::string who = a.participants.empty() ? "" : a.participants[g.speaker].name;
    add(who);
    o->append(fmt::format("  {:<{}} {:<10} {:<9} {:<{}} {}\n", g.metric, wm, g.period.empty() ? "-" : g.period,
                          g.basis.empty() ? "-" : g.basis, Values(g), wv, notes));
  }
}

namespace {

void Field(std::string* line, std::string_view s) {
  if (!line->empty()) line->push_back(',');
  AppendCsvField(line, s);
}

constexpr const char* kColumns[] = {
    "file",      "company", "ticker",    "call_date", "call_period", "speaker",    "role",      "title",
    "section",   "turn",    "metric",    "period",    "basis",       "segment",    "low",       "high",      "unit",
    "qualifier", "revision", "prior_low", "prior_high", "qualitative", "condition", "quote"};

class GuidanceCsvSink : public Sink {
 public:
  GuidanceCsvSink(Output* out, bool bom) : out_(out), bom_(bom) {}

  Status Write(const Analysis& a) override {
    std::string s;
    if (!header_done_) {
      if (bom_) s = "\xEF\xBB\xBF";
      std::string h;
      for (const char* c : kColumns) Field(&h, c);
      s += h + "\r\n";
      header_done_ = true;
    }
    for (const auto& g : a.tags.guidance) {
      const Turn& t = a.turns[g.turn];
      const Participant& p = a.participants[g.speaker];
      std::string l;
      for (std::string_view v :
           {std::string_view(a.source.path), std::string_view(a.call.company), std::string_view(a.call.ticker),
            std::string_view(a.call.date), std::string_view(a.call.fiscal_period), std::string_view(p.name),
            std::string_view(RoleName(p.role)), std::string_view(p.title), std::string_view(SectionName(t.section))})
        Field(&l, v);
      Field(&l, std::to_string(g.turn));
      Field(&l, g.metric);
      Field(&l, g.period);
      Field(&l, g.basis);
      Field(&l, g.segment);
      Field(&l, Num(g.low));
      Field(&l, Num(g.high));
      Field(&l, g.unit);
      Field(&l, g.qualifier);
      Field(&l, g.revision);
      Field(&l, Num(g.prior_low));
      Field(&l, Num(g.prior_high));
      Field(&l, g.qualitative ? "1" : "0");
      Field(&l, g.condition);
      Field(&l, g.quote);
      s += l + "\r\n";
    }
    return out_->Write(s);
  }

  // Nothing analyzed still gives a header, so a script reading the file finds its columns.
  Status Finish() override { return header_done_ ? Status::Ok() : Write(Analysis{}); }

 private:
  Output* out_;
  bool bom_;
  bool header_done_ = false;
};

}  // namespace

std::unique_ptr<Sink> MakeGuidanceCsvSink(Output* out, bool bom) {
  return std::make_unique<GuidanceCsvSink>(out, bom);
}

}  // namespace callscope::report
