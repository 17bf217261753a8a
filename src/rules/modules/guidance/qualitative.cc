// Guidance module: guidance without a number ("we expect to sustain these margins into Q4"), and
// guidance declined or withdrawn.
#include "rules/modules/guidance/guidance.h"

namespace callscope::rules::guidance_detail {

// Whether a metric mention names a quantity the vocabulary knows is no metric (IsNone).
bool GuidanceModule::NamesNone(const Mention& x, const Reading& r) const {
  const Lexicon::Entry* e = metrics_->Find(r.text.substr(x.b, x.e - x.b));
  return e && IsNone(*e);
}

void GuidanceModule::Qualitative(const SentenceContext& ctx, const Reading& r, Tags* out) const {
  static const RE2 kAnd(R"(^\s+and\s+$)");
  if (r.prior_at != UINT32_MAX || !ctx.quantities.empty() || r.opener) return;
  if (!r.text.empty() && r.text.find('?') != std::string_view::npos) return;
  const Mention* cue = nullptr;
  const Mention* metric = nullptr;
  const Mention* direction = nullptr;
  const Mention* rev = nullptr;
  std::string revision;
  for (const Mention* x : r.mentions) {
    if (x->kind == Kind::kRevision && revision.empty()) revision = x->m->rule->Attr("revision"), rev = x;
    if (x->kind == Kind::kCue && x->m->rule->Attr("qualitative") == "1" && !cue && r.At(x->b) == Reading::kForward) cue = x;
    if (x->kind == Kind::kMetric && cue && !metric && x->b >= cue->b && x->b - cue->e <= 60) metric = x;
    // ("shipments and revenue to increase": of the two joined, the one the vocabulary tags, not a
    // quantity it knows is no metric)
    else if (x->kind == Kind::kMetric && metric && x->b > metric->e && x->b <= metric->e + 6 && NamesNone(*metric, r) &&
             Hit(r.text.substr(metric->e, x->b - metric->e), kAnd) && !NamesNone(*x, r))
      metric = x;
    if (x->kind == Kind::kDirection && cue && !direction && x->b >= cue->b) direction = x;
  }
  Guidance g;
  if (revision == "withdrawn" || revision == "declined" || (revision == "reaffirmed" && !metric)) {
    g.metric = "outlook";
    g.revision = revision;
    if (revision == "declined") Refused(r, *rev, &g);
  } else {
    if (!cue || !metric || !direction) return;
    if (direction->b > metric->e + 40) return;
    const std::string_view said = r.text.substr(metric->b, metric->e - metric->b);
    const Lexicon::Entry* e = metrics_->Find(said);
    if (!e) return;
    // ("improve the organic growth rate": organic growth, as the growth rules name it)
    g.metric = Lexicon::Key(said) == "organic growth" ? "organic_growth" : e->Name();
    g.revision = revision;
  }
  g.qualitative = true;
  for (const auto& [x, p] : r.periods) {
    if (p.empty() || x->m->rule->Attr("rel") == "this") continue;
    if (p == "-") return;
    g.period = p;
    break;
  }
  if (g.period.empty() && g.metric != "outlook" && g.revision != "declined") return;  // "a named metric and period"
  g.condition = r.condition;
  g.speaker = ctx.turn.speaker, g.turn = ctx.turn.index, g.sentence = ctx.index;
  g.start = ctx.sentence.begin, g.end = ctx.sentence.end;
  g.quote = std::string(ctx.text);
  if (!Duplicate(*out, g)) out->guidance.push_back(std::move(g));
}

// The line a refusal names, when it names one: a metric ("no quarterly revenue guidance",
// "guidance on capex") or a business ("Trading guidance", "an outlook for the Devices segment").
void GuidanceModule::Refused(const Reading& r, const Mention& rev, Guidance* g) const {
  static const RE2 kOn(R"((?i)^\s+(?:on|for|about)\s+(?:the\s+|our\s+|its\s+)?$)");
  for (const Mention* x : r.mentions) {
    if (x->kind != Kind::kMetric || x->b < rev.b || x->b > rev.e + 20) continue;
    if (x->b >= rev.e && !Hit(r.text.substr(rev.e, x->b - rev.e), kOn)) continue;
    if (const Lexicon::Entry* e = metrics_->Find(r.text.substr(x->b, x->e - x->b))) {
      g->metric = e->Name();
      return;
    }
  }
  static const RE2 kBefore(R"(\s((?:[A-Z][a-z][A-Za-z&]*\s+){1,2})(?i:guidance|outlook|forecasts?)$)");
  static const RE2 kAfter(
      R"(^\s+(?i:on|for)\s+(?:(?i:the|our|its)\s+)?([A-Z][A-Za-z&]+(?:\s+[A-Z][A-Za-z&]+)?)\s+(?i:segment|business|division|unit)\b)");
  re2::StringPiece name;
  std::string_view span = r.text.substr(rev.b, rev.e - rev.b), after = r.text.substr(rev.e);
  if (RE2::PartialMatch(re2::StringPiece(span.data(), span.size()), kBefore, &name) ||
      RE2::PartialMatch(re2::StringPiece(after.data(), after.size()), kAfter, &name))
    g->segment = std::string(Trim(std::string_view(name.data(), name.size())));
}

}  // namespace callscope::rules::guidance_detail
