// `callscope metrics --csv`: one row per metric tag across every call of a run (RFC 4180, UTF-8,
// CRLF line ends, a header row). Columns are documented in docs/json.md (same fields as `metrics`).
#include <fmt/format.h>

#include <cmath>

#include "report/report.h"
#include "rules/engine.h"

namespace callscope::report {
namespace {

void Field(std::string* line, std::string_view s) {
  if (!line->empty() && line->back() != '\n') line->push_back(',');
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
    line->append(s);
    return;
  }
  line->push_back('"');
  for (char c : s) {
    if (c == '"') line->push_back('"');
    line->push_back(c);
  }
  line->push_back('"');
}

class MetricsCsvSink : public Sink {
 public:
  explicit MetricsCsvSink(Output* out) : out_(out) {}
  Status Write(const Analysis& a) override {
    std::string s;
    if (!header_) {
      header_ = true;
      for (const char* h : {"call", "company", "fiscal_period", "metric", "value", "low", "high", "unit", "approx",
                            "period", "basis", "segment", "share_of", "comparisons", "speaker_id", "speaker", "role",
                            "turn", "sentence", "start", "end", "quote"})
        Field(&s, h);
      s += "\r\n";
    }
    for (const auto& m : a.tags.metrics) {
      std::string row;
      auto num = [&](double v) { Field(&row, std::isnan(v) ? "" : rules::FormatNumber(v)); };
      Field(&row, a.source.path);
      Field(&row, a.call.company);
      Field(&row, a.call.fiscal_period);
      Field(&row, m.metric);
      num(m.value);
      bool range = !std::isnan(m.low) && m.low != m.high;
      num(range ? m.low : NAN);
      num(range ? m.high : NAN);
      Field(&row, m.unit);
      Field(&row, m.approx ? "1" : "0");
      Field(&row, m.period);
      Field(&row, m.basis);
      Field(&row, m.segment);
      Field(&row, m.share_of);
      std::string cs;
      for (const auto& c : m.comparisons)
        cs += fmt::format("{}{} {} {} {}{}", cs.empty() ? "" : "; ", c.kind, c.type,
                          c.Range() ? rules::FormatNumber(c.low) + ".." + rules::FormatNumber(c.high) : rules::FormatNumber(c.value), c.unit,
                          c.period.empty() ? "" : " (" + c.period + ")");
      Field(&row, cs);
      Field(&row, std::to_string(m.speaker));
      const Participant& p = a.participants[m.speaker];
      Field(&row, p.name);
      Field(&row, RoleName(p.role));
      Field(&row, std::to_string(m.turn));
      Field(&row, std::to_string(m.sentence));
      Field(&row, std::to_string(m.start));
      Field(&row, std::to_string(m.end));
      Field(&row, m.quote);
      s += row + "\r\n";
    }
    return out_->Write(s);
  }
  Status Finish() override { return Status::Ok(); }

 private:
  Output* out_;
  bool header_ = false;
};

}  // namespace

std::unique_ptr<Sink> MakeMetricsCsvSink(Output* out) { return std::make_unique<MetricsCsvSink>(out); }

}  // namespace callscope::report
