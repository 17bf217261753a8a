// JSON for the rule modules' tags (docs/json.md): `metrics` (per-speaker counts: speakers_json.cc).
// Fixed key order; numbers NaN (a change said without a level) are written as null.
#include <nlohmann/json.hpp>

#include <cmath>

#include "report/json_writer.h"
#include "report/report.h"

namespace callscope::report {

using ordered = nlohmann::ordered_json;

namespace {
ordered Num(double v) { return std::isnan(v) ? ordered(nullptr) : ordered(v); }
ordered Str(const std::string& s) { return s.empty() ? ordered(nullptr) : ordered(s); }
}  // namespace

ordered MetricJson(const Metric& m) {
  ordered cs = ordered::array();
  for (const auto& c : m.comparisons)
    cs.push_back({{"kind", c.kind}, {"type", c.type}, {"value", c.value},
                  {"low", c.Range() ? Num(c.low) : ordered(nullptr)}, {"high", c.Range() ? Num(c.high) : ordered(nullptr)},
                  {"unit", c.unit}, {"period", Str(c.period)}});
  bool range = !std::isnan(m.low) && m.low != m.high;
  return {{"metric", m.metric},   {"value", Num(m.value)},
          {"low", range ? Num(m.low) : ordered(nullptr)}, {"high", range ? Num(m.high) : ordered(nullptr)},
          {"unit", m.unit},       {"approx", m.approx},
          {"period", Str(m.period)}, {"basis", Str(m.basis)},
          {"segment", Str(m.segment)}, {"share_of", Str(m.share_of)},
          {"comparisons", std::move(cs)},
          {"speaker", m.speaker}, {"turn", m.turn}, {"sentence", m.sentence},
          {"start", m.start},     {"end", m.end},   {"quote", m.quote}};
}

// speakers_json.cc: hedges, non-answers and the per-speaker / per-call counts.
ordered HedgesJson(const Analysis& a);
ordered NonAnswersJson(const Analysis& a);
ordered NonAnswerExchangesJson(const Analysis& a);
ordered SpeakersJson(const Analysis& a);
ordered CallCountsJson(const Analysis& a);

ordered GuidanceJson(const Guidance& g) {
  return {{"metric", g.metric},         {"period", Str(g.period)},         {"basis", Str(g.basis)},
          {"segment", Str(g.segment)},  {"low", Num(g.low)},               {"high", Num(g.high)},
          {"unit", Str(g.unit)},        {"qualifier", Str(g.qualifier)},   {"revision", Str(g.revision)},
          {"prior_low", Num(g.prior_low)}, {"prior_high", Num(g.prior_high)},
          {"qualitative", g.qualitative}, {"condition", Str(g.condition)},
          {"speaker", g.speaker},       {"turn", g.turn},                  {"sentence", g.sentence},
          {"start", g.start},           {"end", g.end},                    {"quote", g.quote}};
}

ordered TagsJson(const Analysis& a) {
  ordered j = ordered::object();
  ordered& ms = j["metrics"] = ordered::array();
  for (const auto& m : a.tags.metrics) ms.push_back(MetricJson(m));
  ordered& gs = j["guidance"] = ordered::array();
  for (const auto& g : a.tags.guidance) gs.push_back(GuidanceJson(g));
  j["hedges"] = HedgesJson(a);
  j["nonanswers"] = NonAnswersJson(a);
  j["nonanswer_exchanges"] = NonAnswerExchangesJson(a);
  j["speakers"] = SpeakersJson(a);
  j["call_counts"] = CallCountsJson(a);
  return j;
}

// TagsJson's members, written one by one (metrics and guidance an element at a time).
void WriteTags(const Analysis& a, JsonWriter* w) {
  w->Array("metrics", a.tags.metrics.size(), [&](size_t i) { return MetricJson(a.tags.metrics[i]); });
  w->Array("guidance", a.tags.guidance.size(), [&](size_t i) { return GuidanceJson(a.tags.guidance[i]); });
  w->Member("hedges", HedgesJson(a));
  w->Member("nonanswers", NonAnswersJson(a));
  w->Member("nonanswer_exchanges", NonAnswerExchangesJson(a));
  w->Member("speakers", SpeakersJson(a));
  w->Member("call_counts", CallCountsJson(a));
}

}  // namespace callscope::report
